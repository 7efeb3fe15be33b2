/**
 * One client row → a profile (or the reason it cannot be assessed), using the
 * same value parsers as `assess`. Role look-ups and assessments are memoised
 * with bounded maps: a caseload repeats the same few hundred profiles, and
 * memory must stay flat however long the file is.
 */
import type { MatchKind } from '../catalogue/search.js';
import type { RuleBase } from '../engine/compile.js';
import { evaluate } from '../engine/evaluate.js';
import { HeadlineGrid, HeadlineTable, profileOfSlot } from '../engine/headline-table.js';
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
import { MATCH_KINDS, ResultText } from './result-text.js';

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
      /**
       * The outcome's place in the assessor's table (slot × match kind): one per distinct result
       * cells, which `cellsOf`, `csvSuffix` and `compactJson` write when asked (they are not kept).
       */
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

/** Each match kind's place among the outcomes kept per profile: its index in MATCH_KINDS (result-text.ts decodes keys with it). */
const MATCH_INDEX: Readonly<Record<MatchKind, number>> = { exact: 0, alias: 1, fuzzy: 2 };

export interface RowAssessorOptions {
  /** Reject a role that resolves only by the alias index or fuzzy search (`--strict-roles`). */
  readonly strictRoles?: boolean;
  /** false: score every profile now even where the build's headline table fits (tests compare the two). */
  readonly headlineTable?: boolean;
}

/**
 * A Map that forgets everything once it holds `limit` entries: O(1), bounded memory.
 * `peek` then `put` on a miss keeps the hot path (a hit) free of closures.
 */
class BoundedMemo<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}
  peek(key: K): V | undefined {
    return this.map.get(key);
  }
  put(key: K, value: V): V {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
  get(key: K, make: () => V): V {
    return this.peek(key) ?? this.put(key, make());
  }
}

type Rejection = Extract<RowOutcome, { ok: false }>;
type Accepted = Extract<RowOutcome, { ok: true }>;

type Parsed<T> = { readonly value: T; readonly index: number } | Rejection;

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

function rejection(error: unknown, unknownRole?: string): Rejection {
  if (!(error instanceof FieldError)) throw error;
  const extra = unknownRole !== undefined && error.result === 'none' ? { unknownRole } : {};
  return { ok: false, field: COLUMN_NAMES[error.field], reason: error.message, ...extra };
}

/**
 * Checks and assesses rows. Each of the four answers is parsed once per distinct
 * text (bounded memos), and each distinct profile is assessed once: profiles live
 * in a flat table indexed by occupation × seniority × repetitiveness × AI use, so
 * the per-row cost is four map look-ups. A profile's headline is its 13-byte record
 * in a HeadlineGrid (the build's table, or scored on first use), and its result
 * cells are written from that record when a row is written (ResultText).
 */
export class RowAssessor {
  private readonly roles = new BoundedMemo<string, Parsed<RoleMatch>>(5_000);
  private readonly seniorities = new BoundedMemo<string, Parsed<Seniority>>(1_000);
  private readonly repetitions = new BoundedMemo<string, Parsed<Repetitiveness>>(1_000);
  private readonly aiUsages = new BoundedMemo<string, Parsed<AiUsage>>(1_000);
  private readonly occupationIndex: ReadonlyMap<string, number>;
  /** Outcomes by table slot × match kind: small objects (no cells), so the whole table stays a few MB. */
  private readonly table: (Accepted | undefined)[];
  /** Full JSON assessments by table slot, for jsonl/json output only. */
  private readonly json = new BoundedMemo<number, ReturnType<typeof assessmentToJson>>(256);
  /** Every profile's headline record: the build's table where it was built for this rule base (the shipped one), else scored on first use. */
  private readonly grid: HeadlineGrid;
  /** The result columns, written from the grid. */
  private readonly text: ResultText;

  constructor(
    readonly rb: RuleBase,
    readonly lang: Lang,
    private readonly options: RowAssessorOptions = {},
  ) {
    this.occupationIndex = new Map(rb.occupations.map((o, i) => [o.id, i]));
    const built = options.headlineTable === false ? undefined : HeadlineTable.read(rb);
    this.grid = built ? built.grid() : HeadlineGrid.scored(rb);
    this.text = new ResultText(rb, lang, this.grid);
    this.table = new Array<Accepted | undefined>(rb.occupations.length * SENIORITY_LEVELS.length * REPETITIVENESS_LEVELS.length * AI_USAGE_LEVELS.length * MATCH_KINDS.length);
  }

  check(raw: RawFields): RowOutcome {
    return this.checkCells(raw.role, raw.seniority, raw.repetitiveness, raw.ai_usage);
  }

  checkCells(role: string | undefined, given: string | undefined, repetitiveness: string | undefined, aiUsage: string | undefined): RowOutcome {
    // An empty seniority cell takes the level the job title names ("Senior …", 「高级…」), if it names one.
    const seniority = (given === undefined || given.trim() === '') && role !== undefined && role.trim() !== '' ? (this.levelNamed(role) ?? given) : given;
    // The first missing answer, in column order (no array built per row).
    const missing = blank(role) ? 0 : blank(seniority) ? 1 : blank(repetitiveness) ? 2 : blank(aiUsage) ? 3 : -1;
    if (missing >= 0) {
      const column = (FIELD_COLUMNS as readonly FieldColumn[])[missing] ?? 'role';
      return { ok: false, field: column, reason: `${column}: missing value` };
    }
    const r = this.roles.peek(role as string) ?? this.roles.put(role as string, this.parseRoleCell(role as string));
    if ('ok' in r) return r;
    const s = this.seniorities.peek(seniority as string) ?? this.seniorities.put(seniority as string, this.parseSeniority(seniority as string));
    if ('ok' in s) return s;
    const p = this.repetitions.peek(repetitiveness as string) ?? this.repetitions.put(repetitiveness as string, this.parseRepetitiveness(repetitiveness as string));
    if ('ok' in p) return p;
    const a = this.aiUsages.peek(aiUsage as string) ?? this.aiUsages.put(aiUsage as string, this.parseAiUsage(aiUsage as string));
    if ('ok' in a) return a;
    const slot = ((r.index * SENIORITY_LEVELS.length + s.index) * REPETITIVENESS_LEVELS.length + p.index) * AI_USAGE_LEVELS.length + a.index;
    const key = slot * MATCH_KINDS.length + MATCH_INDEX[r.value.match];
    let outcome = this.table[key];
    if (!outcome) {
      outcome = { ok: true, occupation: r.value.occupation, match: r.value.match, slot, key };
      this.table[key] = outcome;
    }
    return outcome;
  }

  private parseRoleCell(role: string): Parsed<RoleMatch> {
    const text = role.trim();
    let found: RoleMatch;
    try {
      found = parseRole(this.rb, text, this.lang, COLUMN_NAMES);
    } catch (error) {
      return rejection(error, text);
    }
    if (this.options.strictRoles === true && found.match !== 'exact') return this.notExact(text, found.occupation, found.match);
    return { value: found, index: this.occupationIndex.get(found.occupation.id) ?? 0 };
  }

  private parseSeniority(text: string): Parsed<Seniority> {
    return this.parse(() => parseSeniorityAnswer(text, this.lang, COLUMN_NAMES), SENIORITY_LEVELS);
  }

  private parseRepetitiveness(text: string): Parsed<Repetitiveness> {
    return this.parse(() => parseRepetitivenessAnswer(text, this.lang, COLUMN_NAMES), REPETITIVENESS_LEVELS);
  }

  private parseAiUsage(text: string): Parsed<AiUsage> {
    return this.parse(() => parseAiUsageAnswer(text, this.lang, COLUMN_NAMES), AI_USAGE_LEVELS);
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

  /** The result cells of an outcome key, in RESULT_COLUMNS order (built on each call; the summary folds them). */
  cellsOf(key: number): string[] {
    return this.text.cells(key);
  }

  /** The result cells of an outcome key as CSV text, escaped and joined (written after the row's own cells). */
  csvSuffix(key: number): string {
    return this.text.csv(key);
  }

  /** `--compact`: the result cells of an outcome key as one JSON object text (`compactResult`, serialised). */
  compactJson(key: number): string {
    return this.text.json(key);
  }

  /** The full assessment object of `assess --format json` for a table slot. */
  assessmentJson(slot: number): ReturnType<typeof assessmentToJson> {
    return this.json.get(slot, () => assessmentToJson(evaluate(this.rb, this.profileOf(slot)), this.rb, this.lang));
  }
}

