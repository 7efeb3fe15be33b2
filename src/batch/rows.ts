/**
 * One client row → a profile (or the reason it cannot be assessed), using the
 * same value parsers as `assess`. Role look-ups and assessments are memoised
 * with bounded maps: a caseload repeats the same few hundred profiles, and
 * memory must stay flat however long the file is.
 */
import type { RuleBase } from '../engine/compile.js';
import type { Assessment } from '../engine/evaluate.js';
import { evaluate } from '../engine/evaluate.js';
import type { OccupationEntry } from '../engine/schema.js';
import type { Lang } from '../i18n/index.js';
import type { Profile } from '../model/profile.js';
import type { FieldNames, RoleMatch } from '../cli/profile-input.js';
import { FieldError, parseAiUsageAnswer, parseRepetitivenessAnswer, parseRole, parseSeniorityAnswer } from '../cli/profile-input.js';
import { assessmentToJson } from '../report/json.js';
import type { FieldColumn } from './input.js';

export const COLUMN_NAMES: FieldNames = {
  role: 'role',
  seniority: 'seniority',
  repetitiveness: 'repetitiveness',
  aiUsage: 'ai_usage',
};

export type RawFields = Readonly<Record<FieldColumn, string | undefined>>;

export type RowOutcome =
  | { readonly ok: true; readonly profile: Profile; readonly occupation: OccupationEntry; readonly fuzzy: boolean }
  | { readonly ok: false; readonly field: FieldColumn | 'row'; readonly reason: string; readonly unknownRole?: string };

/** The compact result the CSV output and the summary need. */
export interface RowResult {
  readonly score: number;
  readonly band: string;
  readonly low: number;
  readonly high: number;
  readonly advice: readonly string[];
}

/** A Map that forgets everything once it holds `limit` entries: O(1), bounded memory. */
class BoundedMemo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(key: string, make: () => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const value = make();
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}

const FIELD_OF: Record<keyof FieldNames, FieldColumn> = {
  role: 'role',
  seniority: 'seniority',
  repetitiveness: 'repetitiveness',
  aiUsage: 'ai_usage',
};

export class RowAssessor {
  private readonly roles = new BoundedMemo<RoleMatch | FieldError>(20_000);
  private readonly results = new BoundedMemo<RowResult>(40_000);
  private readonly assessments = new BoundedMemo<Assessment>(2_000);
  private readonly json = new BoundedMemo<ReturnType<typeof assessmentToJson>>(2_000);

  constructor(
    readonly rb: RuleBase,
    readonly lang: Lang,
  ) {}

  check(raw: RawFields): RowOutcome {
    for (const column of ['role', 'seniority', 'repetitiveness', 'ai_usage'] as const) {
      const value = raw[column];
      if (value === undefined || value.trim() === '') return { ok: false, field: column, reason: `${column}: missing value` };
    }
    const roleText = (raw.role as string).trim();
    const role = this.roles.get(roleText.normalize('NFKC').toLowerCase(), () => {
      try {
        return parseRole(this.rb, roleText, this.lang, COLUMN_NAMES);
      } catch (error) {
        if (error instanceof FieldError) return error;
        throw error;
      }
    });
    if (role instanceof FieldError) {
      const hint = role.result === 'none' ? { unknownRole: roleText } : {};
      return { ok: false, field: 'role', reason: role.message, ...hint };
    }
    try {
      const profile: Profile = {
        occupation: role.occupation.id,
        seniority: parseSeniorityAnswer(raw.seniority as string, this.lang, COLUMN_NAMES),
        repetitiveness: parseRepetitivenessAnswer(raw.repetitiveness as string, this.lang, COLUMN_NAMES),
        aiUsage: parseAiUsageAnswer(raw.ai_usage as string, this.lang, COLUMN_NAMES),
      };
      return { ok: true, profile, occupation: role.occupation, fuzzy: role.fuzzy };
    } catch (error) {
      if (error instanceof FieldError) return { ok: false, field: FIELD_OF[error.field], reason: error.message };
      throw error;
    }
  }

  private key(p: Profile): string {
    return `${p.occupation}|${p.seniority}|${p.repetitiveness}|${p.aiUsage}`;
  }

  result(profile: Profile): RowResult {
    return this.results.get(this.key(profile), () => {
      const a = this.assessment(profile);
      return { score: a.score, band: a.band.id, low: a.range.low, high: a.range.high, advice: a.advice.slice(0, 3).map((x) => x.id) };
    });
  }

  assessment(profile: Profile): Assessment {
    return this.assessments.get(this.key(profile), () => evaluate(this.rb, profile));
  }

  assessmentJson(profile: Profile): ReturnType<typeof assessmentToJson> {
    return this.json.get(this.key(profile), () => assessmentToJson(this.assessment(profile), this.rb, this.lang));
  }
}
