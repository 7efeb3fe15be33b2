/**
 * One client row → a profile (or the reason it cannot be assessed), using the
 * same value parsers as `assess`. Role look-ups and assessments are memoised
 * with bounded maps: a caseload repeats the same few hundred profiles, and
 * memory must stay flat however long the file is.
 */
import type { MatchKind } from '../catalogue/search.js';
import type { RuleBase } from '../engine/compile.js';
import { evaluate } from '../engine/evaluate.js';
import { HeadlineScorer } from '../engine/headline.js';
import type { RowHeadline } from '../engine/headline.js';
import { HeadlineTable, profileOfSlot } from '../engine/headline-table.js';
import type { OccupationEntry } from '../engine/schema.js';
import type { Lang } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import type { AiUsage, Profile, Repetitiveness, Seniority } from '../model/profile.js';
import { AI_USAGE_LEVELS, REPETITIVENESS_LEVELS, SENIORITY_LEVELS } from '../model/profile.js';
import type { FieldNames, RoleMatch } from '../model/answers.js';
import { FieldError, parseAiUsageAnswer, parseRepetitivenessAnswer, parseRole, parseSeniorityAnswer, roleLabel } from '../model/answers.js';
import { escapeControls } from '../util/terminal-text.js';
import { assessmentToJson } from '../report/json.js';
import { seniorityHint } from '../catalogue/search.js';
import type { FieldColumn } from './input.js';
import { FIELD_COLUMNS } from './input.js';
import { csvCells } from './output.js';

/** The batch column of each answer; also how errors name the field. */
export const COLUMN_NAMES: { readonly [K in keyof FieldNames]: FieldColumn } = {
  role: 'role',
  seniority: 'seniority',
  repetitiveness: 'repetitiveness',
  aiUsage: 'ai_usage',
};

export type RawFields = Readonly<Record<FieldColumn, string | undefined>>;

export type RowOutcome =
  | {
      readonly ok: true;
      readonly occupation: OccupationEntry;
      /** How the role cell found the occupation (the `match` column). */
      readonly match: MatchKind;
      /** Position in the assessor's profile table; `profileOf(slot)` gives the profile back. */
      readonly slot: number;
      /** The result columns of CSV output, in RESULT_COLUMNS order (the compact form kept per profile). */
      readonly cells: readonly string[];
      /** The same cells as CSV text, escaped and joined (written after the row's own cells). */
      readonly suffix: string;
      /** The outcome's place in the assessor's table (slot × match kind): one per distinct result cells. */
      readonly key: number;
    }
  | { readonly ok: false; readonly field: FieldColumn | 'row'; readonly reason: string; readonly unknownRole?: string };

/** The columns added after the input's own columns in CSV output. */
export const RESULT_COLUMNS = [
  'occupation_id',
  'match',
  'occupation_title',
  'isco08',
  'soc2018',
  'score',
  'augmentation',
  'band',
  'range_low',
  'range_high',
  'reading',
  'advice_1',
  'advice_2',
  'advice_3',
  // The same advice in the report language, for people (the ids above are for scripts).
  'advice_1_label',
  'advice_2_label',
  'advice_3_label',
  'pivot_1',
  'pivot_1_score',
] as const;

/** Each match kind's place among the outcomes kept per profile (the role's match is a column, not part of the profile). */
const MATCH_INDEX: Readonly<Record<MatchKind, number>> = { exact: 0, alias: 1, fuzzy: 2 };
const MATCH_KINDS = Object.keys(MATCH_INDEX).length;

export interface RowAssessorOptions {
  /** Reject a role that resolves only by the alias index or fuzzy search (`--strict-roles`). */
  readonly strictRoles?: boolean;
  /** false: score every profile now even where the build's headline table fits (tests compare the two). */
  readonly headlineTable?: boolean;
}

/** A Map that forgets everything once it holds `limit` entries: O(1), bounded memory. */
class BoundedMemo<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}
  get(key: K, make: () => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const value = make();
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}

type Rejection = Extract<RowOutcome, { ok: false }>;
type Accepted = Extract<RowOutcome, { ok: true }>;

/** "0" … "100", shared by every row instead of a new string per profile. */
const SCORES = Array.from({ length: 101 }, (_, i) => String(i));
type Parsed<T> = { readonly value: T; readonly index: number } | Rejection;

function rejection(error: unknown, unknownRole?: string): Rejection {
  if (!(error instanceof FieldError)) throw error;
  const extra = unknownRole !== undefined && error.result === 'none' ? { unknownRole } : {};
  return { ok: false, field: COLUMN_NAMES[error.field], reason: error.message, ...extra };
}

/**
 * Checks and assesses rows. Each of the four answers is parsed once per distinct
 * text (bounded memos), and each distinct profile is assessed once: profiles live
 * in a flat table indexed by occupation × seniority × repetitiveness × AI use, so
 * the per-row cost is four map look-ups and no string building.
 */
export class RowAssessor {
  private readonly roles = new BoundedMemo<string, Parsed<RoleMatch>>(5_000);
  private readonly seniorities = new BoundedMemo<string, Parsed<Seniority>>(1_000);
  private readonly repetitions = new BoundedMemo<string, Parsed<Repetitiveness>>(1_000);
  private readonly aiUsages = new BoundedMemo<string, Parsed<AiUsage>>(1_000);
  private readonly occupationIndex: ReadonlyMap<string, number>;
  /** Outcomes by table slot × match kind (a profile reached by two kinds of match is assessed for each: rare, and each entry stays a plain memo). */
  private readonly table: (Accepted | undefined)[];
  /** Full JSON assessments by table slot, for jsonl/json output only. */
  private readonly json = new BoundedMemo<number, ReturnType<typeof assessmentToJson>>(256);
  /** What a CSV row shows of an assessment, with the scores it needs memoised per profile. */
  private headlines: HeadlineScorer | undefined;
  /** The build's table of every profile's headline, when it was built for this rule base (the shipped one). */
  private readonly table_: HeadlineTable | undefined;

  constructor(
    readonly rb: RuleBase,
    readonly lang: Lang,
    private readonly options: RowAssessorOptions = {},
  ) {
    this.occupationIndex = new Map(rb.occupations.map((o, i) => [o.id, i]));
    this.table_ = options.headlineTable === false ? undefined : HeadlineTable.read(rb);
    this.table = new Array<Accepted | undefined>(rb.occupations.length * SENIORITY_LEVELS.length * REPETITIVENESS_LEVELS.length * AI_USAGE_LEVELS.length * MATCH_KINDS);
  }

  check(raw: RawFields): RowOutcome {
    return this.checkCells(raw.role, raw.seniority, raw.repetitiveness, raw.ai_usage);
  }

  checkCells(role: string | undefined, given: string | undefined, repetitiveness: string | undefined, aiUsage: string | undefined): RowOutcome {
    // An empty seniority cell takes the level the job title names ("Senior …", 「高级…」), if it names one.
    const seniority = (given === undefined || given.trim() === '') && role !== undefined && role.trim() !== '' ? (this.levelNamed(role) ?? given) : given;
    const answers = [role, seniority, repetitiveness, aiUsage];
    for (let i = 0; i < answers.length; i++) {
      const value = answers[i];
      if (value === undefined || value.trim() === '') {
        const column = FIELD_COLUMNS[i] as FieldColumn;
        return { ok: false, field: column, reason: `${column}: missing value` };
      }
    }
    const r = this.roles.get(role as string, () => {
      const text = (role as string).trim();
      let found: RoleMatch;
      try {
        found = parseRole(this.rb, text, this.lang, COLUMN_NAMES);
      } catch (error) {
        return rejection(error, text);
      }
      if (this.options.strictRoles === true && found.match !== 'exact') return this.notExact(text, found.occupation, found.match);
      return { value: found, index: this.occupationIndex.get(found.occupation.id) ?? 0 };
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
    const key = slot * MATCH_KINDS + MATCH_INDEX[r.value.match];
    let outcome = this.table[key];
    if (!outcome) {
      outcome = this.assessRow(slot, key, r.value.occupation, r.value.match);
      this.table[key] = outcome;
    }
    return outcome;
  }

  /** `--strict-roles`: a role found only by alias or fuzzy search is rejected like an unknown one, naming what it would match. */
  private notExact(text: string, o: OccupationEntry, how: Exclude<MatchKind, 'exact'>): Rejection {
    const reason = messages(this.lang).batch.notExactRole(text, roleLabel(o, this.lang), how, escapeControls(o.id));
    return { ok: false, field: COLUMN_NAMES.role, reason: `${COLUMN_NAMES.role}: ${reason}`, unknownRole: text };
  }

  private readonly levels = new BoundedMemo<string, Seniority | ''>(5_000);

  private levelNamed(role: string): Seniority | undefined {
    return this.levels.get(role, () => seniorityHint(this.rb, role) ?? '') || undefined;
  }

  private parse<T extends string | number>(run: () => T, levels: readonly T[]): Parsed<T> {
    try {
      const value = run();
      return { value, index: levels.indexOf(value) };
    } catch (error) {
      return rejection(error);
    }
  }

  /** The profile a table slot stands for (the inverse of the slot computation in checkCells). */
  profileOf(slot: number): Profile {
    return profileOfSlot(this.rb, slot);
  }

  /** A slot's headline: from the build's table where there is one for this rule base, else scored now. */
  private headlineOf(slot: number): RowHeadline {
    if (this.table_) return this.table_.headline(slot);
    // Only without a table (a rule pack, or the tests running from src/): its memos cost memory.
    this.headlines ??= new HeadlineScorer(this.rb);
    return this.headlines.headline(this.profileOf(slot));
  }

  private assessRow(slot: number, key: number, o: OccupationEntry, match: MatchKind): Accepted {
    // Only the compact cells are kept per profile: a full table holds ~70,000 of them.
    const a = this.headlineOf(slot);
    const [a1, a2, a3] = a.advice;
    const pivot = a.pivot;
    // One literal of the exact length (an array grown by push keeps spare capacity, ×70,000).
    const cells = [
      o.id,
      match,
      o.title[this.lang],
      o.codes.isco08,
      o.codes.soc2018,
      SCORES[a.score] ?? '',
      SCORES[a.augmentation] ?? '',
      a.band.id,
      SCORES[a.range.low] ?? '',
      SCORES[a.range.high] ?? '',
      a.reading?.id ?? '',
      a1?.id ?? '',
      a2?.id ?? '',
      a3?.id ?? '',
      a1?.label[this.lang] ?? '',
      a2?.label[this.lang] ?? '',
      a3?.label[this.lang] ?? '',
      pivot?.id ?? '',
      pivot ? (SCORES[pivot.score] ?? '') : '',
    ];
    return { ok: true, occupation: o, match, slot, cells, suffix: csvCells(cells), key };
  }

  /** The full assessment object of `assess --format json` for a table slot. */
  assessmentJson(slot: number): ReturnType<typeof assessmentToJson> {
    return this.json.get(slot, () => assessmentToJson(evaluate(this.rb, this.profileOf(slot)), this.rb, this.lang));
  }
}

