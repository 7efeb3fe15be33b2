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
import type { AiUsage, Profile, Repetitiveness, Seniority } from '../model/profile.js';
import { AI_USAGE_LEVELS, REPETITIVENESS_LEVELS, SENIORITY_LEVELS } from '../model/profile.js';
import type { FieldNames } from '../cli/profile-input.js';
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
  | {
      readonly ok: true;
      readonly profile: Profile;
      readonly occupation: OccupationEntry;
      readonly result: RowResult;
      /** The result columns of CSV output, in RESULT_COLUMNS order. */
      readonly cells: readonly string[];
    }
  | { readonly ok: false; readonly field: FieldColumn | 'row'; readonly reason: string; readonly unknownRole?: string };

/** The columns added after the input's own columns in CSV output. */
export const RESULT_COLUMNS = [
  'occupation_id',
  'occupation_title',
  'isco08',
  'soc2018',
  'score',
  'band',
  'range_low',
  'range_high',
  'advice_1',
  'advice_2',
  'advice_3',
] as const;

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

type Rejection = RowOutcome & { ok: false };
type Parsed<T> = { readonly value: T; readonly index: number } | Rejection;

const FIELD_OF: Record<keyof FieldNames, FieldColumn> = {
  role: 'role',
  seniority: 'seniority',
  repetitiveness: 'repetitiveness',
  aiUsage: 'ai_usage',
};

function rejection(error: unknown, unknownRole?: string): Rejection {
  if (!(error instanceof FieldError)) throw error;
  const extra = unknownRole !== undefined && error.result === 'none' ? { unknownRole } : {};
  return { ok: false, field: FIELD_OF[error.field], reason: error.message, ...extra };
}

/**
 * Checks and assesses rows. Each of the four answers is parsed once per distinct
 * text (bounded memos), and each distinct profile is assessed once: profiles live
 * in a flat table indexed by occupation × seniority × repetitiveness × AI use, so
 * the per-row cost is four map look-ups and no string building.
 */
export class RowAssessor {
  private readonly roles = new BoundedMemo<Parsed<OccupationEntry>>(20_000);
  private readonly seniorities = new BoundedMemo<Parsed<Seniority>>(1_000);
  private readonly repetitions = new BoundedMemo<Parsed<Repetitiveness>>(1_000);
  private readonly aiUsages = new BoundedMemo<Parsed<AiUsage>>(1_000);
  private readonly occupationIndex: ReadonlyMap<string, number>;
  private readonly table: (RowOutcome | undefined)[];
  private readonly assessments = new BoundedMemo<Assessment>(2_000);
  private readonly json = new BoundedMemo<ReturnType<typeof assessmentToJson>>(2_000);

  constructor(
    readonly rb: RuleBase,
    readonly lang: Lang,
  ) {
    this.occupationIndex = new Map(rb.occupations.map((o, i) => [o.id, i]));
    this.table = new Array<RowOutcome | undefined>(rb.occupations.length * SENIORITY_LEVELS.length * REPETITIVENESS_LEVELS.length * AI_USAGE_LEVELS.length);
  }

  check(raw: RawFields): RowOutcome {
    return this.checkCells(raw.role, raw.seniority, raw.repetitiveness, raw.ai_usage);
  }

  checkCells(role: string | undefined, seniority: string | undefined, repetitiveness: string | undefined, aiUsage: string | undefined): RowOutcome {
    const cells = [role, seniority, repetitiveness, aiUsage];
    for (let i = 0; i < 4; i++) {
      const value = cells[i];
      if (value === undefined || value.trim() === '') {
        const column = FIELD_COLUMNS_ORDER[i] as FieldColumn;
        return { ok: false, field: column, reason: `${column}: missing value` };
      }
    }
    const r = this.roles.get(role as string, () => {
      const text = (role as string).trim();
      try {
        const match = parseRole(this.rb, text, this.lang, COLUMN_NAMES);
        return { value: match.occupation, index: this.occupationIndex.get(match.occupation.id) ?? 0 };
      } catch (error) {
        return rejection(error, text);
      }
    });
    if ('ok' in r) return r;
    const s = this.seniorities.get(seniority as string, () => this.parse(() => parseSeniorityAnswer(seniority as string, this.lang, COLUMN_NAMES), SENIORITY_LEVELS));
    if ('ok' in s) return s;
    const p = this.repetitions.get(repetitiveness as string, () =>
      this.parse(() => parseRepetitivenessAnswer(repetitiveness as string, this.lang, COLUMN_NAMES), REPETITIVENESS_LEVELS),
    );
    if ('ok' in p) return p;
    const a = this.aiUsages.get(aiUsage as string, () => this.parse(() => parseAiUsageAnswer(aiUsage as string, this.lang, COLUMN_NAMES), AI_USAGE_LEVELS));
    if ('ok' in a) return a;
    const slot = ((r.index * SENIORITY_LEVELS.length + s.index) * REPETITIVENESS_LEVELS.length + p.index) * AI_USAGE_LEVELS.length + a.index;
    let outcome = this.table[slot];
    if (!outcome) {
      outcome = this.assessRow({ occupation: r.value.id, seniority: s.value, repetitiveness: p.value, aiUsage: a.value }, r.value);
      this.table[slot] = outcome;
    }
    return outcome;
  }

  private parse<T extends string | number>(run: () => T, levels: readonly T[]): Parsed<T> {
    try {
      const value = run();
      return { value, index: levels.indexOf(value) };
    } catch (error) {
      return rejection(error);
    }
  }

  private assessRow(profile: Profile, o: OccupationEntry): RowOutcome {
    const a = this.assessment(profile);
    const result: RowResult = { score: a.score, band: a.band.id, low: a.range.low, high: a.range.high, advice: a.advice.slice(0, 3).map((x) => x.id) };
    const cells = [o.id, o.title[this.lang], o.codes.isco08, o.codes.soc2018, String(result.score), result.band, String(result.low), String(result.high)];
    for (let i = 0; i < 3; i++) cells.push(result.advice[i] ?? '');
    return { ok: true, profile, occupation: o, result, cells };
  }

  private key(p: Profile): string {
    return `${p.occupation}|${p.seniority}|${p.repetitiveness}|${p.aiUsage}`;
  }

  assessment(profile: Profile): Assessment {
    return this.assessments.get(this.key(profile), () => evaluate(this.rb, profile));
  }

  assessmentJson(profile: Profile): ReturnType<typeof assessmentToJson> {
    return this.json.get(this.key(profile), () => assessmentToJson(this.assessment(profile), this.rb, this.lang));
  }
}

const FIELD_COLUMNS_ORDER: readonly FieldColumn[] = ['role', 'seniority', 'repetitiveness', 'ai_usage'];
