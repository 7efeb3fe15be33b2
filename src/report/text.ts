/**
 * The human-readable report: headline, factor table, advice, what-ifs, footer, recap; and its
 * short form (`assess --brief`).
 *
 * Every line is laid out for the width it is given (40 columns and up), in display columns, so
 * CJK text fits too; nothing is cut short. The factor and task tables are boxes from
 * TABLE_MIN_WIDTH columns, the --explain trace from TRACE_TABLE_MIN_WIDTH; narrower, each is a list.
 */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { Assessment } from '../engine/evaluate.js';
import { messages } from '../i18n/index.js';
import type { RenderOptions } from './common.js';
import { adviceEffect, adviceGroups, codesLine, disclaimerText, evidenceText, factList, listSeparator, occupationTitle, packLines, profileLine, ruleBaseLine, signed, sourceLabel, t, taskEvidence } from './common.js';
import { escapeControls } from '../util/terminal-text.js';
import { scoreBar } from './bars.js';
import { noPivotsText, pivotDetails, pivotHeading } from './pivots.js';
import { pivotSettings } from '../engine/pivots.js';
import type { Span, Style } from './layout.js';
import { wrap, wrapLines, wrapSpans } from './layout.js';
import { displayWidth } from './width.js';

export { wrap } from './layout.js';

/** Narrowest width for the factor and task tables; below it they are lists. */
export const TABLE_MIN_WIDTH = 60;
/** Narrowest width for the --explain trace table (four columns of ids); below it, a list. */
export const TRACE_TABLE_MIN_WIDTH = 100;
/** Advice items in the short form. */
export const BRIEF_ADVICE = 3;

function bandColor(chalk: ChalkInstance, bandId: string): Style {
  switch (bandId) {
    case 'low':
      return chalk.green;
    case 'moderate':
      return chalk.yellow;
    case 'high':
      return chalk.hex('#ff8700');
    default:
      return chalk.red;
  }
}

/** A table cell: its text (newlines keep lines apart) and the style of every line. */
export interface Cell {
  readonly text: string;
  readonly style?: Style | undefined;
}

/**
 * A box table with the cells wrapped here, by display width, to their column: cli-table3 wraps
 * only at spaces and cuts what does not fit with "…", and Chinese has no spaces.
 */
/** Exported for tests. */
export function boxTable(head: readonly string[], rows: readonly (readonly Cell[])[], colWidths: readonly number[], chalk: ChalkInstance): string {
  const table = new Table({
    head: head.map((h, i) => wrapLines(h, (colWidths[i] ?? 3) - 2).map((l) => chalk.bold(l)).join('\n')),
    colWidths: [...colWidths],
    // Every cell arrives wrapped to its column by layout.ts (display width, CJK rules), so the
    // table only draws it: its own wrapping would measure every word of every cell again
    // (test/table-cells.property.test.ts checks that the cells fit cli-table3's measure).
    wordWrap: false,
    style: { head: [], border: [], compact: false },
  });
  for (const row of rows) {
    table.push(
      row.map((cell, i) => {
        const lines = wrapLines(cell.text, (colWidths[i] ?? 3) - 2);
        return lines.map((l) => (cell.style && l !== '' ? cell.style(l) : l)).join('\n');
      }),
    );
  }
  return table.toString();
}

/** The widest line of any of the texts, in display columns. */
function widest(texts: readonly string[]): number {
  return Math.max(0, ...texts.flatMap((s) => s.split('\n')).map(displayWidth));
}

/**
 * Column widths (padding included) that fill `total` columns with n+1 borders: `fixed` columns
 * keep their width, the others share the rest by `shares`, none above its `cap`.
 */
function columns(total: number, fixed: readonly (number | undefined)[], shares: readonly number[], caps: readonly number[] = []): number[] {
  const borders = fixed.length + 1;
  const taken = fixed.reduce<number>((s, w) => s + (w ?? 0), 0);
  let free = total - borders - taken;
  const out = fixed.map((w) => w ?? 0);
  // Capped columns first (a short column gives its room to the others), then the rest by share.
  const open = fixed.map((w, i) => (w === undefined ? i : -1)).filter((i) => i >= 0);
  let left = [...open];
  for (;;) {
    const shareSum = left.reduce((s, i) => s + (shares[i] ?? 1), 0);
    const capped = left.filter((i) => (caps[i] ?? Infinity) < Math.floor((free * (shares[i] ?? 1)) / shareSum));
    if (capped.length === 0) break;
    for (const i of capped) {
      out[i] = caps[i] ?? 0;
      free -= out[i] ?? 0;
    }
    left = left.filter((i) => !capped.includes(i));
  }
  const shareSum = left.reduce((s, i) => s + (shares[i] ?? 1), 0);
  let given = 0;
  left.forEach((i, k) => {
    const w = k === left.length - 1 ? free - given : Math.floor((free * (shares[i] ?? 1)) / shareSum);
    out[i] = w;
    given += w;
  });
  return out;
}

export function renderText(a: Assessment, o: RenderOptions): string {
  const m = messages(o.lang);
  const { chalk, lang, rb, width } = o;
  const color = bandColor(chalk, a.band.id);
  const out: string[] = [];
  /** Styled spans wrapped to the width; continuation lines indented by `rest`. */
  const line = (spans: readonly Span[], rest = '  ', first = '') => out.push(...wrapSpans(spans, width, { first, rest }));
  const text = (s: string, style?: Style, rest = '  ', first = '') => line([{ text: s, style }], rest, first);
  const heading = (s: string) => {
    out.push('');
    text(s, chalk.bold.underline, '');
  };
  const bold = (s: string) => chalk.bold(s);
  const label = (s: string): Span => ({ text: `${s}${m.report.colon}`, style: chalk.dim });

  text(m.report.title, bold, '');
  out.push('');
  line([label(m.report.occupation), { text: occupationTitle(a, lang), style: bold }, { text: '  ' }, { text: `[${escapeControls(a.occupation.id)}]`, style: chalk.dim }]);
  line([label(m.report.codes), { text: codesLine(a) }]);
  line([label(m.report.profile), { text: profileLine(a, lang) }]);
  out.push('');
  line(scoreSpans(a, o, color));
  out.push(color(scoreBar(a.score, Math.min(40, width))));
  text(m.report.scoreMeaning, chalk.dim, '  ', '  ');
  line([
    { text: `${m.report.augmentation}${m.report.colon}`, style: bold },
    { text: `${a.augmentation.score}/100`, style: (s) => chalk.bold(chalk.cyan(s)) },
    { text: `  ${m.report.range}${m.report.colon}${a.augmentation.range.low}–${a.augmentation.range.high}` },
  ]);
  out.push(chalk.cyan(scoreBar(a.augmentation.score, Math.min(40, width))));
  text(m.report.augmentationMeaning, chalk.dim, '  ', '  ');
  if (a.reading) text(`${m.report.reading}${m.report.colon}${t(a.reading.text, lang)}`, undefined, '');

  // The factors: a table where it fits, else a list.
  heading(m.report.factors);
  const cite = (e: Parameters<typeof evidenceText>[1]) => evidenceText(rb, e, lang, m.report.assumption);
  const factorRows = [
    { points: a.exposure.automation.toFixed(1), style: undefined, label: m.report.baselineRow, evidence: taskEvidence(a, rb) },
    ...a.factors.map((f) => ({ points: `${signed(f.points)}\n×${f.odds}`, style: f.points > 0 ? chalk.red : chalk.green, label: t(f.label, lang), evidence: f })),
  ];
  if (width >= TABLE_MIN_WIDTH) {
    const h = m.report.factorHeader;
    // In the table, one source a line.
    const sourceLines = factorRows.map((r) => evidenceText(rb, r.evidence, lang, m.report.assumption, '\n'));
    const pointsWidth = widest([h.points, ...factorRows.map((r) => r.points)]) + 2;
    const widths = columns(width, [pointsWidth, undefined, undefined], [0, 3, 2], [0, Infinity, widest([h.sources, ...sourceLines]) + 2]);
    const rows = factorRows.map((r, i) => [{ text: r.points, style: r.style }, { text: r.label }, { text: sourceLines[i] ?? '' }]);
    out.push(boxTable([h.points, h.factor, h.sources], rows, widths, chalk));
  } else {
    for (const r of factorRows) {
      line([{ text: r.points.replace('\n', ' '), style: r.style }, { text: `  ${r.label}` }]);
      text(`${m.report.sources}${m.report.colon}${cite(r.evidence)}`, chalk.dim, '  ', '  ');
    }
  }
  if (a.factors.length === 0) text(m.report.noFactors, chalk.dim, '');

  if (o.explain) {
    heading(m.report.tasks);
    const th = m.report.taskHeader;
    const tasks = a.tasks.map((task) => ({
      label: escapeControls(`${rb.taskCategories.get(task.category)?.label[lang] ?? task.category} (${task.category})`),
      share: `${task.share}%`,
      automation: `${task.automation} → ${task.automationPoints.toFixed(1)}`,
      augmentation: `${task.augmentation} → ${task.augmentationPoints.toFixed(1)}`,
    }));
    if (width >= TABLE_MIN_WIDTH) {
      const fixed = [undefined, widest([th.share, ...tasks.map((x) => x.share)]) + 2, widest([th.automation, ...tasks.map((x) => x.automation)]) + 2, widest([th.augmentation, ...tasks.map((x) => x.augmentation)]) + 2];
      const rows = tasks.map((x) => [{ text: x.label }, { text: x.share }, { text: x.automation }, { text: x.augmentation }]);
      out.push(boxTable([th.category, th.share, th.automation, th.augmentation], rows, columns(width, fixed, [1, 0, 0, 0]), chalk));
    } else {
      for (const x of tasks) {
        text(x.label, undefined, '  ');
        text(`${th.share} ${x.share} · ${th.automation} ${x.automation} · ${th.augmentation} ${x.augmentation}`, undefined, '  ', '  ');
      }
    }

    heading(m.report.trace);
    const rh = m.report.traceHeader;
    const trace: { rule: string; condition: string; effect: string; sources: string }[] = [];
    for (const task of a.tasks) {
      const category = rb.taskCategories.get(task.category);
      const categoryId = escapeControls(task.category);
      trace.push({ rule: `task:${categoryId}`, condition: `tasks.${categoryId} = ${task.share}`, effect: `+${task.automationPoints.toFixed(1)}`, sources: category ? factList(category, m.report.assumption, '\n') : '' });
    }
    for (const f of a.factors) trace.push({ rule: escapeControls(f.id), condition: escapeControls(f.condition), effect: `${signed(f.points)}\n(×${f.odds})`, sources: factList(f, m.report.assumption, '\n') });
    for (const item of a.advice) {
      const rule = rb.advice.find((r) => r.id === item.id);
      trace.push({ rule: escapeControls(item.id), condition: escapeControls(rule?.condition ?? ''), effect: item.moves ? `${a.score} → ${item.scoreAfter}` : '–', sources: factList(item, m.report.assumption, '\n') });
    }
    if (width >= TRACE_TABLE_MIN_WIDTH) {
      const effectWidth = widest([rh.effect, ...trace.map((x) => x.effect)]) + 2;
      const rows = trace.map((x) => [{ text: x.rule }, { text: x.condition }, { text: x.effect }, { text: x.sources }]);
      out.push(boxTable([rh.rule, rh.condition, rh.effect, rh.sources], rows, columns(width, [undefined, undefined, effectWidth, undefined], [2, 2, 0, 3]), chalk));
    } else {
      for (const x of trace) {
        line([{ text: x.rule, style: bold }, { text: `  ${x.effect.replace('\n', ' ')}` }]);
        text(`${rh.condition}${m.report.colon}${x.condition}`, undefined, '  ', '  ');
        text(`${rh.sources}:`, chalk.dim, '  ', '  ');
        // One id a line: a long id wrapped onto the next line is indented further.
        for (const id of x.sources.split('\n')) text(id, chalk.dim, '      ', '    ');
      }
    }
  }

  heading(m.report.advice);
  if (a.lowLever) text(m.report.lowLever(rb.ruleset.advice.lowLever ?? 0), undefined, '');
  if (a.advice.length === 0) text(m.report.noAdvice, chalk.dim, '');
  for (const group of adviceGroups(a)) {
    text(group.scope === 'work' ? m.report.adviceWork : m.report.advicePerson, chalk.dim, '');
    for (const { item, n } of group.items) {
      text(`${n}. ${t(item.label, lang)}  (${adviceEffect(a, item, lang)})`, bold, '   ');
      if (item.learn) text(`${m.report.learn}${m.report.colon}${t(item.learn, lang)}`, undefined, '   ', '   ');
      text(`${m.report.why}${m.report.colon}${t(item.why, lang)}`, undefined, '   ', '   ');
      text(`${m.report.firstStep}${m.report.colon}${t(item.firstStep, lang)}`, undefined, '   ', '   ');
      text(`${m.report.sources}${m.report.colon}${cite(item)}`, chalk.dim, '   ', '   ');
    }
  }

  heading(m.pivots.heading);
  if (a.pivots.length === 0) text(noPivotsText(pivotSettings(rb), a.occupation.id, lang), undefined, '');
  a.pivots.forEach((p, i) => {
    text(pivotHeading(p, a.score, i + 1, lang), bold, '   ');
    for (const detail of pivotDetails(rb, p, lang, o.explain)) text(detail, undefined, '   ', '   ');
  });

  if (a.whatIfs.length > 0) {
    heading(m.report.whatIf);
    for (const w of a.whatIfs) {
      line([{ text: `${t(w.label, lang)}${m.report.colon}` }, { text: `${a.score} → ${w.scoreAfter}`, style: w.change < 0 ? chalk.green : chalk.red }], '    ', '  ');
    }
  }

  out.push('');
  text(`${m.report.sources}${m.report.colon}${a.sources.map((id) => sourceLabel(rb, id, lang)).join(listSeparator(lang))}`, chalk.dim);
  text(`${m.report.ruleBase}${m.report.colon}${ruleBaseLine(rb, lang)}`, chalk.dim);
  const packs = packLines(rb);
  if (packs.length > 0) text(`${m.report.packs}${m.report.colon}${packs.join('; ')}`, chalk.dim);
  text(`${disclaimerText(lang, o.explain)}${lang === 'zh' ? '' : ' '}${m.report.briefHint}`, chalk.dim, '');
  // The recap last: on a terminal the report scrolls, and this line stays in sight.
  out.push('');
  text(recap(a, o), bold, '');
  return `${out.join('\n')}\n`;
}

/** "Replacement-risk estimate: 80/100  band: very high  range: 66–89", styled. */
function scoreSpans(a: Assessment, o: RenderOptions, color: Style): Span[] {
  const m = messages(o.lang);
  return [
    { text: `${m.report.score}${m.report.colon}`, style: (s) => o.chalk.bold(s) },
    { text: `${a.score}/100`, style: (s) => o.chalk.bold(color(s)) },
    { text: `  ${m.report.band}${m.report.colon}` },
    { text: t(a.band.label, o.lang), style: color },
    { text: `  ${m.report.range}${m.report.colon}${a.range.low}–${a.range.high}` },
  ];
}

/** The one-line recap: score, band, range and the top advice. */
export function recap(a: Assessment, o: Pick<RenderOptions, 'lang'>): string {
  const top = a.advice[0];
  return messages(o.lang).report.recap(a.score, t(a.band.label, o.lang), a.range.low, a.range.high, top ? t(top.label, o.lang) : null);
}

/**
 * The short form (`assess --brief`): occupation, the estimate with its band, range and meaning,
 * the second figure and the reading, the top advice items with their first step, and where the
 * full report is.
 */
export function renderBrief(a: Assessment, o: RenderOptions): string {
  const m = messages(o.lang);
  const { chalk, lang, width } = o;
  const color = bandColor(chalk, a.band.id);
  const out: string[] = [];
  const line = (spans: readonly Span[], rest = '  ', first = '') => out.push(...wrapSpans(spans, width, { first, rest }));
  const text = (s: string, style?: Style, rest = '  ', first = '') => line([{ text: s, style }], rest, first);

  line([{ text: `${m.report.occupation}${m.report.colon}`, style: chalk.dim }, { text: occupationTitle(a, lang), style: (s) => chalk.bold(s) }, { text: '  ' }, { text: `[${escapeControls(a.occupation.id)}]`, style: chalk.dim }]);
  line(scoreSpans(a, o, color));
  text(m.report.scoreMeaning, chalk.dim, '  ', '  ');
  line([
    { text: `${m.report.augmentation}${m.report.colon}`, style: (s) => chalk.bold(s) },
    { text: `${a.augmentation.score}/100`, style: (s) => chalk.bold(chalk.cyan(s)) },
    { text: `  ${m.report.range}${m.report.colon}${a.augmentation.range.low}–${a.augmentation.range.high}` },
  ]);
  if (a.reading) text(`${m.report.reading}${m.report.colon}${t(a.reading.text, lang)}`, undefined, '');
  out.push('');
  text(m.report.advice, (s) => chalk.bold.underline(s), '');
  if (a.lowLever) text(m.report.lowLever(o.rb.ruleset.advice.lowLever ?? 0), undefined, '');
  if (a.advice.length === 0) text(m.report.noAdvice, chalk.dim, '');
  a.advice.slice(0, BRIEF_ADVICE).forEach((item, i) => {
    // The effect as the what-ifs write it ("80 → 72"), to keep the form short.
    const effect = item.moves && item.reduction > 0 ? `${a.score} → ${item.scoreAfter}` : adviceEffect(a, item, lang);
    text(`${i + 1}. ${t(item.label, lang)}  (${effect})`, (s) => chalk.bold(s), '   ');
    text(`${m.report.firstStep}${m.report.colon}${t(item.firstStep, lang)}`, undefined, '   ', '   ');
  });
  out.push('');
  out.push(...wrap(m.report.fullReport, width, '').map((l) => chalk.dim(l)));
  return `${out.join('\n')}\n`;
}
