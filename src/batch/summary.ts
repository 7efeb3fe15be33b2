/**
 * The caseload summary: counts per band, mean and median score, the most
 * frequent advice and top pivots, how role cells matched, and the roles not found. Constant memory: scores go into a
 * 101-slot histogram, and the tallies of distinct texts are capped.
 */
import { echo } from '../util/terminal-text.js';
import type { MatchKind } from '../catalogue/search.js';
import type { RuleBase } from '../engine/compile.js';
import { ruleBaseInfo } from '../engine/compile.js';
import { packLines, ruleBaseLine } from '../report/common.js';
import type { Lang } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import { bar } from '../report/bars.js';
import { mdEscape } from '../report/markdown.js';
import { displayWidth } from '../report/width.js';
import { RESULT_COLUMNS } from './rows.js';

const MAX_DISTINCT = 10_000;
const at = (column: (typeof RESULT_COLUMNS)[number]): number => RESULT_COLUMNS.indexOf(column);
/** Where the figures sit in the result cells of a row. */
const CELL = { match: at('match'), score: at('score'), augmentation: at('augmentation'), band: at('band'), firstAdvice: at('advice_1'), advice: 3, pivot: at('pivot_1') } as const;
const TOP = 5;

function tally(map: Map<string, number>, key: string, by = 1): void {
  const n = map.get(key);
  if (n !== undefined) map.set(key, n + by);
  else if (map.size < MAX_DISTINCT) map.set(key, by);
}

function top(map: Map<string, number>, n = TOP): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
}

export class Summary {
  private readonly histogram = new Array<number>(101).fill(0);
  private readonly bands = new Map<string, number>();
  private readonly advice = new Map<string, number>();
  private readonly pivots = new Map<string, number>();
  private readonly missingRoles = new Map<string, number>();
  private readonly matches: Record<MatchKind, number> = { exact: 0, alias: 0, fuzzy: 0 };
  /** Rows per outcome key (the assessor's table index) not yet folded into the totals. */
  private counts = new Float64Array(0);
  /** Keys counted since the last fold. */
  private touched: number[] = [];
  private folded = 0;
  rejected = 0;
  private sum = 0;
  private augmentationSum = 0;

  /** `cellsOf`: an outcome key's result cells (RESULT_COLUMNS order), asked for once per key and fold, not kept. */
  constructor(private readonly cellsOf: (key: number) => readonly string[]) {}

  /**
   * Counts an assessed row. Rows are counted per outcome key (one per distinct
   * result cells, at most the assessor's table size) and folded into the totals
   * in bulk, which keeps the per-row cost to one array update.
   */
  addAssessed(key: number): void {
    if (key >= this.counts.length) {
      const grown = new Float64Array(Math.max(key + 1, this.counts.length * 2, 1024));
      grown.set(this.counts);
      this.counts = grown;
    }
    const n = this.counts[key] ?? 0;
    if (n === 0) this.touched.push(key);
    this.counts[key] = n + 1;
  }

  private fold(): void {
    for (const key of this.touched) {
      const n = this.counts[key] ?? 0;
      this.counts[key] = 0;
      if (n === 0) continue;
      const cells = this.cellsOf(key);
      const score = Number(cells[CELL.score]);
      const band = cells[CELL.band] ?? '';
      this.folded += n;
      this.sum += score * n;
      this.augmentationSum += Number(cells[CELL.augmentation]) * n;
      this.histogram[score] = (this.histogram[score] ?? 0) + n;
      this.bands.set(band, (this.bands.get(band) ?? 0) + n);
      this.matches[cells[CELL.match] as MatchKind] += n;
      for (let i = CELL.firstAdvice; i < CELL.firstAdvice + CELL.advice; i++) {
        const id = cells[i];
        if (id !== undefined && id !== '') tally(this.advice, id, n);
      }
      const pivot = cells[CELL.pivot];
      if (pivot !== undefined && pivot !== '') tally(this.pivots, pivot, n);
    }
    this.touched = [];
  }

  addRejected(unknownRole?: string): void {
    this.rejected++;
    if (unknownRole !== undefined) tally(this.missingRoles, unknownRole);
  }

  get assessed(): number {
    this.fold();
    return this.folded;
  }

  get total(): number {
    return this.assessed + this.rejected;
  }

  toJson(rb: RuleBase, lang: Lang) {
    this.fold();
    const median = this.median();
    return {
      rows: this.total,
      assessed: this.assessed,
      rejected: this.rejected,
      matches: { ...this.matches },
      bands: rb.ruleset.bands.map((b) => {
        const count = this.bands.get(b.id) ?? 0;
        return { band: b.id, label: b.label[lang], count, share: this.assessed === 0 ? 0 : round1((100 * count) / this.assessed) };
      }),
      meanScore: this.assessed === 0 ? null : round1(this.sum / this.assessed),
      medianScore: median,
      meanAugmentation: this.assessed === 0 ? null : round1(this.augmentationSum / this.assessed),
      topAdvice: top(this.advice).map(([id, count]) => ({ id, label: rb.advice.find((a) => a.id === id)?.label[lang] ?? id, count })),
      topPivots: top(this.pivots).map(([id, count]) => ({ id, title: rb.occupationById.get(id)?.title[lang] ?? id, count })),
      rolesNotFound: top(this.missingRoles, 20).map(([role, count]) => ({ role, count })),
      ruleBase: ruleBaseInfo(rb),
    };
  }

  /** Median of the assessed scores (the lower middle for an even count), from the histogram. */
  median(): number | null {
    this.fold();
    if (this.assessed === 0) return null;
    const middle = Math.floor((this.assessed - 1) / 2);
    let seen = 0;
    for (let score = 0; score <= 100; score++) {
      seen += this.histogram[score] ?? 0;
      if (seen > middle) return score;
    }
    return 100;
  }

  renderText(rb: RuleBase, lang: Lang): string {
    const m = messages(lang).batch;
    const j = this.toJson(rb, lang);
    const width = Math.max(...j.bands.map((b) => displayWidth(b.label)));
    const lines = [m.summaryTitle(j.assessed)];
    for (const b of j.bands) {
      lines.push(`  ${b.label}${' '.repeat(width - displayWidth(b.label))}  ${bar(b.share)}  ${String(b.count).padStart(6)}  ${b.share.toFixed(1).padStart(5)}%`);
    }
    lines.push(`  ${m.meanMedian(j.meanScore, j.medianScore, j.meanAugmentation)}`);
    // Labels in the report language, each with its id (the advice_N and pivot_1 columns hold ids).
    if (j.topAdvice.length > 0) lines.push(`  ${m.listHeading(m.topAdvice)}`, ...j.topAdvice.map((a) => `    ${m.tally(a.label, a.id, a.count)}`));
    if (j.topPivots.length > 0) lines.push(`  ${m.listHeading(m.topPivots)}`, ...j.topPivots.map((p) => `    ${m.tally(p.title, p.id, p.count)}`));
    const matches = matchLine(j.matches, lang);
    if (matches !== undefined) lines.push(`  ${matches}`);
    if (j.rolesNotFound.length > 0) lines.push(`  ${m.rolesNotFound}${messages(lang).report.colon}${j.rolesNotFound.map((r) => `${echo(r.role)} (${r.count})`).join(', ')}`);
    lines.push(`  ${messages(lang).report.ruleBase}${messages(lang).report.colon}${ruleBaseLine(rb, lang)}`);
    for (const pack of packLines(rb)) lines.push(`  ${messages(lang).report.packs}${messages(lang).report.colon}${pack}`);
    return `${lines.join('\n')}\n`;
  }

  renderMarkdown(rb: RuleBase, lang: Lang): string {
    const m = messages(lang).batch;
    const j = this.toJson(rb, lang);
    const out = [`# ${m.summaryTitle(j.assessed)}`, '', `${m.rowsLine(j.rows, j.assessed, j.rejected)}`, ''];
    out.push(`| ${m.band} | ${m.count} | ${m.share} | |`, '| --- | ---: | ---: | --- |');
    for (const b of j.bands) out.push(`| ${mdEscape(b.label)} | ${b.count} | ${b.share.toFixed(1)}% | ${bar(b.share).trimEnd()} |`);
    out.push('', m.meanMedian(j.meanScore, j.medianScore, j.meanAugmentation), '');
    if (j.topAdvice.length > 0) {
      out.push(`## ${m.topAdvice}`, '');
      for (const a of j.topAdvice) out.push(`- ${mdEscape(a.label)} (\`${a.id}\`): ${a.count}`);
      out.push('');
    }
    if (j.topPivots.length > 0) {
      out.push(`## ${m.topPivots}`, '');
      for (const p of j.topPivots) out.push(`- ${mdEscape(p.title)} (\`${p.id}\`): ${p.count}`);
      out.push('');
    }
    const matches = matchLine(j.matches, lang);
    if (matches !== undefined) out.push(matches, '');
    if (j.rolesNotFound.length > 0) {
      out.push(`## ${m.rolesNotFound}`, '');
      for (const r of j.rolesNotFound) out.push(`- ${mdEscape(echo(r.role))}: ${r.count}`);
      out.push('');
    }
    out.push(`_${messages(lang).report.ruleBase}${messages(lang).report.colon}${mdEscape(ruleBaseLine(rb, lang))}_`);
    for (const pack of packLines(rb)) out.push(`_${messages(lang).report.packs}${messages(lang).report.colon}${mdEscape(pack)}_`);
    return `${out.join('\n')}\n`;
  }
}

/** How role cells matched, shown once some row matched by alias or fuzzy search (JSON always has the counts). */
function matchLine(counts: Readonly<Record<MatchKind, number>>, lang: Lang): string | undefined {
  if (counts.alias === 0 && counts.fuzzy === 0) return undefined;
  return messages(lang).batch.matchCounts(counts.exact, counts.alias, counts.fuzzy);
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

