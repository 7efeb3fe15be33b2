/**
 * The result columns of a batch row, written from a profile's 13-byte headline
 * record (headline-table.ts) when the row is written, never kept per profile:
 * a grid holds ~70,000 profiles, and their cells and escaped text used to be
 * most of batch's memory. What is kept is each piece already escaped, once:
 * per occupation and match kind (id, match, title, codes), per band, reading
 * and advice (id and label), per pivot occupation, and the score strings. A
 * row's CSV suffix or compact JSON result is then a dozen concatenations.
 *
 * The three forms agree by construction and are checked against each other in
 * the tests: `cells` (RESULT_COLUMNS order, the summary's source), `csv` (the
 * same cells escaped as `csvCells` writes them) and `json` (what
 * `JSON.stringify(compactResult(cells))` writes).
 */
import type { MatchKind } from '../catalogue/search.js';
import type { RuleBase } from '../engine/compile.js';
import { bandOf, readingOf } from '../engine/evaluate.js';
import type { HeadlineGrid } from '../engine/headline-table.js';
import { NO_INDEX } from '../engine/headline-table.js';
import type { Lang } from '../i18n/index.js';
import { AI_USAGE_LEVELS, REPETITIVENESS_LEVELS, SENIORITY_LEVELS } from '../model/profile.js';
import { csvCell, csvCells } from './output.js';

/** Each match kind's place among the outcomes kept per profile (the role's match is a column, not part of the profile). */
export const MATCH_KINDS: readonly MatchKind[] = ['exact', 'alias', 'fuzzy'];

/** Slots per occupation (seniority × repetitiveness × AI use): the grid is occupation-major. */
const SLOTS_PER_OCCUPATION = SENIORITY_LEVELS.length * REPETITIVENESS_LEVELS.length * AI_USAGE_LEVELS.length;

/** Scores as cells: "0" … "100"; a byte above 100 (never written by the scorer) is an empty cell, as before. */
const SCORES = Array.from({ length: 256 }, (_, i) => (i <= 100 ? String(i) : ''));
/** The same as compact JSON: numbers, or null for an empty cell. */
const SCORES_JSON = SCORES.map((cell) => (cell === '' ? 'null' : cell));

/** A string cell as compact JSON writes it: null when empty. */
const jsonCell = (cell: string): string => (cell === '' ? 'null' : JSON.stringify(cell));

/** Escaped pieces of one kind: raw cell, CSV text and JSON text, by index. */
interface Pieces {
  readonly cell: readonly string[];
  readonly csv: readonly string[];
  readonly json: readonly string[];
}

function pieces(cells: readonly string[]): Pieces {
  return { cell: cells, csv: cells.map(csvCell), json: cells.map(jsonCell) };
}

export class ResultText {
  private readonly occupation: Pieces;
  /** The five leading cells (occupation id, match, title, ISCO, SOC) per occupation × match kind, joined. */
  private readonly headCsv: string[] = [];
  private readonly headJson: string[] = [];
  /** Band id by score byte. */
  private readonly band: Pieces;
  /** Reading ids; `readingAt` memoises (score, augmentation) → index (-1: none; -2: not worked out yet). */
  private readonly reading: Pieces;
  private readonly readingAt = new Int16Array(256 * 256).fill(-2);
  private readonly readingIds: ReadonlyMap<string, number>;
  private readonly adviceId: Pieces;
  private readonly adviceLabel: Pieces;

  constructor(
    private readonly rb: RuleBase,
    private readonly lang: Lang,
    private readonly grid: HeadlineGrid,
  ) {
    this.occupation = pieces(rb.occupations.map((o) => o.id));
    this.band = pieces(Array.from({ length: 256 }, (_, score) => bandOf(rb, score).id));
    const readings = (rb.ruleset.readings ?? []).map((r) => r.id);
    this.readingIds = new Map(readings.map((id, i) => [id, i]));
    this.reading = pieces(readings);
    this.adviceId = pieces(rb.advice.map((a) => a.id));
    this.adviceLabel = pieces(rb.advice.map((a) => a.label[lang]));
  }

  /** The result cells of an outcome key (slot × match kind), in RESULT_COLUMNS order. */
  cells(key: number): string[] {
    const { slot, occupation, match } = this.split(key);
    const o = this.rb.occupations[occupation];
    const g = this.grid;
    const at = g.record(slot);
    const score = g.score(at);
    const pivot = g.pivot(at);
    const advice = (k: number): number => g.advice(at, k);
    return [
      o?.id ?? '',
      match,
      o?.title[this.lang] ?? '',
      o?.codes.isco08 ?? '',
      o?.codes.soc2018 ?? '',
      SCORES[score] ?? '',
      SCORES[g.augmentation(at)] ?? '',
      this.band.cell[score] ?? '',
      SCORES[g.rangeLow(at)] ?? '',
      SCORES[g.rangeHigh(at)] ?? '',
      piece(this.reading.cell, this.readingOf(score, g.augmentation(at))),
      piece(this.adviceId.cell, advice(0)),
      piece(this.adviceId.cell, advice(1)),
      piece(this.adviceId.cell, advice(2)),
      piece(this.adviceLabel.cell, advice(0)),
      piece(this.adviceLabel.cell, advice(1)),
      piece(this.adviceLabel.cell, advice(2)),
      piece(this.occupation.cell, pivot),
      pivot === NO_INDEX ? '' : (SCORES[g.pivotScore(at)] ?? ''),
    ];
  }

  /** `csvCells(cells(key))`, without building the cells. */
  csv(key: number): string {
    const { slot, occupation, match } = this.split(key);
    const g = this.grid;
    const at = g.record(slot);
    const score = g.score(at);
    const augmentation = g.augmentation(at);
    const a0 = g.advice(at, 0);
    const a1 = g.advice(at, 1);
    const a2 = g.advice(at, 2);
    const pivot = g.pivot(at);
    const id = this.adviceId.csv;
    const label = this.adviceLabel.csv;
    return (
      `${this.head(occupation, match, this.headCsv, csvCells)},${SCORES[score] ?? ''},${SCORES[augmentation] ?? ''},${this.band.csv[score] ?? ''},` +
      `${SCORES[g.rangeLow(at)] ?? ''},${SCORES[g.rangeHigh(at)] ?? ''},${piece(this.reading.csv, this.readingOf(score, augmentation))},` +
      `${piece(id, a0)},${piece(id, a1)},${piece(id, a2)},${piece(label, a0)},${piece(label, a1)},${piece(label, a2)},` +
      `${piece(this.occupation.csv, pivot)},${pivot === NO_INDEX ? '' : (SCORES[g.pivotScore(at)] ?? '')}`
    );
  }

  /** `JSON.stringify(compactResult(cells(key)))`, without building the cells or an object. */
  json(key: number): string {
    const { slot, occupation, match } = this.split(key);
    const g = this.grid;
    const at = g.record(slot);
    const score = g.score(at);
    const augmentation = g.augmentation(at);
    const a0 = g.advice(at, 0);
    const a1 = g.advice(at, 1);
    const a2 = g.advice(at, 2);
    const pivot = g.pivot(at);
    const id = this.adviceId.json;
    const label = this.adviceLabel.json;
    return (
      `${this.head(occupation, match, this.headJson, headJson)},"score":${SCORES_JSON[score] ?? 'null'},"augmentation":${SCORES_JSON[augmentation] ?? 'null'},` +
      `"band":${this.band.json[score] ?? 'null'},"range_low":${SCORES_JSON[g.rangeLow(at)] ?? 'null'},"range_high":${SCORES_JSON[g.rangeHigh(at)] ?? 'null'},` +
      `"reading":${piece(this.reading.json, this.readingOf(score, augmentation), 'null')},` +
      `"advice_1":${piece(id, a0, 'null')},"advice_2":${piece(id, a1, 'null')},"advice_3":${piece(id, a2, 'null')},` +
      `"advice_1_label":${piece(label, a0, 'null')},"advice_2_label":${piece(label, a1, 'null')},"advice_3_label":${piece(label, a2, 'null')},` +
      `"pivot_1":${piece(this.occupation.json, pivot, 'null')},"pivot_1_score":${pivot === NO_INDEX ? 'null' : (SCORES_JSON[g.pivotScore(at)] ?? 'null')}}`
    );
  }

  private split(key: number): { slot: number; occupation: number; match: MatchKind } {
    const slot = Math.floor(key / MATCH_KINDS.length);
    return { slot, occupation: Math.floor(slot / SLOTS_PER_OCCUPATION), match: MATCH_KINDS[key - slot * MATCH_KINDS.length] ?? 'exact' };
  }

  /** The five leading cells of an occupation and match kind, written once by `write` and kept. */
  private head(occupation: number, match: MatchKind, memo: string[], write: (cells: readonly string[]) => string): string {
    const index = occupation * MATCH_KINDS.length + MATCH_KINDS.indexOf(match);
    let text = memo[index];
    if (text === undefined) {
      const o = this.rb.occupations[occupation];
      text = write([o?.id ?? '', match, o?.title[this.lang] ?? '', o?.codes.isco08 ?? '', o?.codes.soc2018 ?? '']);
      memo[index] = text;
    }
    return text;
  }

  private readingOf(score: number, augmentation: number): number {
    const at = score * 256 + augmentation;
    let index = this.readingAt[at] ?? -2;
    if (index === -2) {
      const found = readingOf(this.rb, score, augmentation);
      index = found === undefined ? -1 : (this.readingIds.get(found.id) ?? -1);
      this.readingAt[at] = index;
    }
    return index;
  }
}

/** A piece by index; `none` for NO_INDEX (an empty cell). */
function piece(list: readonly string[], index: number, none = ''): string {
  return index < 0 ? none : (list[index] ?? none);
}

/** The leading result cells as the start of a compact JSON result object. */
function headJson(cells: readonly string[]): string {
  const [id = '', match = '', title = '', isco = '', soc = ''] = cells;
  return `{"occupation_id":${jsonCell(id)},"match":${jsonCell(match)},"occupation_title":${jsonCell(title)},"isco08":${jsonCell(isco)},"soc2018":${jsonCell(soc)}`;
}
