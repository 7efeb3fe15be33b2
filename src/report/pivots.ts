/**
 * Career pivots as text, Markdown and JSON: inside the assess report (the top few) and for
 * `career-risk pivots` (more, for counselors exploring moves).
 */
import type { RuleBase } from '../engine/compile.js';
import type { Pivot, PivotSettings, PivotTask } from '../engine/pivots.js';
import type { Lang } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import { escapeControls } from '../util/terminal-text.js';
import { listSeparator, t } from './common.js';

function categoryLabel(rb: RuleBase, id: string, lang: Lang): string {
  const c = rb.taskCategories.get(id);
  return c ? t(c.label, lang) : escapeControls(id);
}

export function sharedText(rb: RuleBase, tasks: readonly PivotTask[], lang: Lang): string {
  return tasks.map((task) => `${categoryLabel(rb, task.category, lang)} ${task.share}%`).join(listSeparator(lang));
}

export function growText(rb: RuleBase, tasks: readonly PivotTask[], lang: Lang): string {
  return tasks.map((task) => `${categoryLabel(rb, task.category, lang)}${lang === 'zh' ? `（+${task.more ?? task.share}）` : ` (+${task.more ?? task.share})`}`).join(listSeparator(lang));
}

/** The lines under one pivot's heading: shared tasks, tasks to grow into, licence, and with `explain` the measures. */
export function pivotDetails(rb: RuleBase, p: Pivot, lang: Lang, explain: boolean): string[] {
  const m = messages(lang).pivots;
  const colon = messages(lang).report.colon;
  const lines = [`${m.shares}${colon}${sharedText(rb, p.shared, lang)}`];
  lines.push(`${m.grow}${colon}${p.grow.length > 0 ? growText(rb, p.grow, lang) : m.nothingToGrow}`);
  if (p.licence) lines.push(p.needsNewLicence ? m.needsLicence(t(p.licence, lang)) : m.sameLicence(t(p.licence, lang)));
  if (explain) lines.push(m.explain(p.similarity, p.likeness, p.overlap, m.closeness[String(p.codeCloseness)] ?? String(p.codeCloseness), p.drop));
  return lines;
}

export function pivotHeading(p: Pivot, current: number, n: number, lang: Lang): string {
  const m = messages(lang).pivots;
  return `${n}. ${t(p.title, lang)}  ${m.estimate(p.score, current, p.drop)}  [${escapeControls(p.id)}]`;
}

export function noPivotsText(settings: PivotSettings, occupationId: string, lang: Lang): string {
  return messages(lang).pivots.none(settings.minDrop, escapeControls(occupationId));
}

export function pivotToJson(p: Pivot, lang: Lang) {
  return {
    id: p.id,
    title: { en: p.title.en, zh: p.title.zh },
    codes: { isco08: p.isco08, soc2018: p.soc2018 },
    score: p.score,
    drop: p.drop,
    similarity: p.similarity,
    likeness: p.likeness,
    overlap: p.overlap,
    codeCloseness: p.codeCloseness,
    shared: p.shared.map((task) => ({ category: task.category, share: task.share })),
    grow: p.grow.map((task) => ({ category: task.category, share: task.share, more: task.more ?? 0 })),
    ...(p.licence ? { licence: p.licence[lang] } : {}),
    needsNewLicence: p.needsNewLicence,
  };
}
