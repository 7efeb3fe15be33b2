/** The human-readable report: headline, factor table, advice, what-ifs, footer. */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { Assessment } from '../engine/evaluate.js';
import { messages } from '../i18n/index.js';
import type { RenderOptions } from './common.js';
import { adviceEffect, adviceGroups, codesLine, evidenceText, factList, listSeparator, occupationTitle, packLines, profileLine, ruleBaseLine, signed, sourceLabel, t, taskEvidence } from './common.js';
import { escapeControls } from '../util/terminal-text.js';
import { scoreBar } from './bars.js';
import { noPivotsText, pivotDetails, pivotHeading } from './pivots.js';
import { pivotSettings } from '../engine/pivots.js';
import { displayWidth, WIDE_CHARS } from './width.js';

function bandColor(chalk: ChalkInstance, bandId: string): (s: string) => string {
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

function table(head: string[], widths: number[], chalk: ChalkInstance): Table.Table {
  return new Table({
    head: head.map((h) => chalk.bold(h)),
    colWidths: widths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], compact: false },
  });
}

/** Split `total` columns over fixed + flexible table columns (borders take n+1). */
function widths(total: number, fixed: number[], flexShares: number[]): number[] {
  const free = Math.max(20, total - fixed.reduce((s, w) => s + w, 0) - (fixed.length + flexShares.length + 1));
  const shareSum = flexShares.reduce((s, w) => s + w, 0);
  return [...fixed, ...flexShares.map((s) => Math.max(10, Math.floor((free * s) / shareSum)))];
}

export function renderText(a: Assessment, o: RenderOptions): string {
  const m = messages(o.lang);
  const { chalk, lang, rb } = o;
  const color = bandColor(chalk, a.band.id);
  const out: string[] = [];
  const heading = (s: string) => out.push('', chalk.bold.underline(s));

  out.push(chalk.bold(m.report.title));
  out.push('');
  out.push(`${chalk.dim(`${m.report.occupation}:`)} ${chalk.bold(occupationTitle(a, lang))}  ${chalk.dim(`[${escapeControls(a.occupation.id)}]`)}`);
  out.push(`${chalk.dim(`${m.report.codes}:`)} ${codesLine(a)}`);
  out.push(`${chalk.dim(`${m.report.profile}:`)} ${profileLine(a, lang)}`);
  out.push('');
  out.push(
    `${chalk.bold(`${m.report.score}: ${color(`${a.score}/100`)}`)}  ${m.report.band}: ${color(t(a.band.label, lang))}  ${m.report.range}: ${a.range.low}–${a.range.high}`,
  );
  out.push(color(scoreBar(a.score)));
  out.push(...wrap(m.report.scoreMeaning, o.width, '  ').map((l) => chalk.dim(l)));
  out.push(`${chalk.bold(`${m.report.augmentation}: ${chalk.cyan(`${a.augmentation.score}/100`)}`)}  ${m.report.range}: ${a.augmentation.range.low}–${a.augmentation.range.high}`);
  out.push(chalk.cyan(scoreBar(a.augmentation.score)));
  out.push(...wrap(m.report.augmentationMeaning, o.width, '  ').map((l) => chalk.dim(l)));
  if (a.reading) out.push(...wrap(`${m.report.reading}: ${t(a.reading.text, lang)}`, o.width, ''));

  heading(m.report.factors);
  const factorTable = table([m.report.factorHeader.points, m.report.factorHeader.factor, m.report.factorHeader.sources], widths(o.width, [13], [3, 2]), chalk);
  const cite = (e: Parameters<typeof evidenceText>[1]) => evidenceText(rb, e, lang, m.report.assumption);
  // In the table, one source a line: a cell wraps only at spaces, and Chinese labels have none.
  const citeCell = (e: Parameters<typeof evidenceText>[1]) => evidenceText(rb, e, lang, m.report.assumption, '\n');
  factorTable.push([a.exposure.automation.toFixed(1), m.report.baselineRow, citeCell(taskEvidence(a, rb))]);
  // Labels are wrapped here, by display width: the table wraps only at spaces, and Chinese has none
  // (it would cut the label short, qualifiers and all).
  const labelWidth = (factorTable.options.colWidths[1] ?? 40) - 2;
  for (const f of a.factors) {
    const pts = `${signed(f.points)}\n×${f.odds}`;
    factorTable.push([f.points > 0 ? chalk.red(pts) : chalk.green(pts), wrap(t(f.label, lang), labelWidth, '').join('\n'), citeCell(f)]);
  }
  out.push(factorTable.toString());
  if (a.factors.length === 0) out.push(chalk.dim(m.report.noFactors));

  if (o.explain) {
    heading(m.report.tasks);
    const taskTable = table(
      [m.report.taskHeader.category, m.report.taskHeader.share, m.report.taskHeader.automation, m.report.taskHeader.augmentation],
      widths(o.width, [], [4, 1, 2, 2]),
      chalk,
    );
    for (const task of a.tasks) {
      const label = rb.taskCategories.get(task.category)?.label[lang] ?? task.category;
      taskTable.push([
        escapeControls(`${label} (${task.category})`),
        `${task.share}%`,
        `${task.automation} → ${task.automationPoints.toFixed(1)}`,
        `${task.augmentation} → ${task.augmentationPoints.toFixed(1)}`,
      ]);
    }
    out.push(taskTable.toString());

    heading(m.report.trace);
    const trace = table(
      [m.report.traceHeader.rule, m.report.traceHeader.condition, m.report.traceHeader.effect, m.report.traceHeader.sources],
      widths(o.width, [], [3, 3, 1, 3]),
      chalk,
    );
    for (const task of a.tasks) {
      const category = rb.taskCategories.get(task.category);
      const categoryId = escapeControls(task.category);
      trace.push([`task:${categoryId}`, `tasks.${categoryId} = ${task.share}`, `+${task.automationPoints.toFixed(1)}`, category ? factList(category, m.report.assumption) : '']);
    }
    for (const f of a.factors) trace.push([escapeControls(f.id), escapeControls(f.condition), `${signed(f.points)} (×${f.odds})`, factList(f, m.report.assumption)]);
    for (const item of a.advice) {
      const rule = rb.advice.find((r) => r.id === item.id);
      trace.push([escapeControls(item.id), escapeControls(rule?.condition ?? ''), item.moves ? `${a.score} → ${item.scoreAfter}` : '–', factList(item, m.report.assumption)]);
    }
    out.push(trace.toString());
  }

  heading(m.report.advice);
  if (a.lowLever) out.push(...wrap(m.report.lowLever(rb.ruleset.advice.lowLever ?? 0), o.width, ''));
  if (a.advice.length === 0) out.push(chalk.dim(m.report.noAdvice));
  for (const group of adviceGroups(a)) {
    out.push(chalk.dim(group.scope === 'work' ? m.report.adviceWork : m.report.advicePerson));
    for (const { item, n } of group.items) {
      const title = wrap(`${n}. ${t(item.label, lang)}  (${adviceEffect(a, item, lang)})`, o.width, '   ');
      out.push(...title.map((l, i) => chalk.bold(i === 0 ? l.trimStart() : l)));
      if (item.learn) out.push(...wrap(`${m.report.learn}: ${t(item.learn, lang)}`, o.width, '   '));
      out.push(...wrap(`${m.report.why}: ${t(item.why, lang)}`, o.width, '   '));
      out.push(...wrap(`${m.report.firstStep}: ${t(item.firstStep, lang)}`, o.width, '   '));
      out.push(...wrap(`${m.report.sources}: ${cite(item)}`, o.width, '   ').map((l) => chalk.dim(l)));
    }
  }

  heading(m.pivots.heading);
  if (a.pivots.length === 0) out.push(...wrap(noPivotsText(pivotSettings(rb), a.occupation.id, lang), o.width, ''));
  a.pivots.forEach((p, i) => {
    out.push(chalk.bold(pivotHeading(p, a.score, i + 1, lang)));
    for (const line of pivotDetails(rb, p, lang, o.explain)) out.push(...wrap(line, o.width, '   '));
  });

  if (a.whatIfs.length > 0) {
    heading(m.report.whatIf);
    for (const w of a.whatIfs) {
      const arrow = `${a.score} → ${w.scoreAfter}`;
      out.push(`  ${t(w.label, lang)}: ${w.change < 0 ? chalk.green(arrow) : chalk.red(arrow)}`);
    }
  }

  out.push('');
  out.push(chalk.dim(`${m.report.sources}: ${a.sources.map((id) => sourceLabel(rb, id, lang)).join(listSeparator(lang))}`));
  out.push(chalk.dim(`${m.report.ruleBase}: ${ruleBaseLine(rb)}`));
  const packs = packLines(rb);
  if (packs.length > 0) out.push(chalk.dim(`${m.report.packs}: ${packs.join('; ')}`));
  out.push(chalk.dim(m.report.disclaimer));
  return `${out.join('\n')}\n`;
}

/** Wrap tokens: one wide (CJK) character, a run of other non-space characters, or spaces. */
const WRAP_TOKENS = new RegExp(`[${WIDE_CHARS}]|[^\\s${WIDE_CHARS}]+|\\s+`, 'g');

/** Wraps prose to the width; CJK text (no spaces) wraps by display columns. */
export function wrap(text: string, width: number, indent: string): string[] {
  const max = Math.max(20, width - indent.length);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const token of text.match(WRAP_TOKENS) ?? []) {
    const isSpace = /^\s+$/.test(token);
    const w = displayWidth(token);
    if (lineWidth + w > max && line.trim() !== '') {
      lines.push(indent + line.trimEnd());
      line = '';
      lineWidth = 0;
      if (isSpace) continue;
    }
    line += token;
    lineWidth += w;
  }
  if (line.trim() !== '') lines.push(indent + line.trimEnd());
  return lines;
}
