/** A Markdown report a counselor can paste into a document. */
import type { RuleBase } from '../engine/compile.js';
import type { Assessment } from '../engine/evaluate.js';
import type { Lang } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import { escapeControls } from '../util/terminal-text.js';
import { noPivotsText, pivotDetails } from './pivots.js';
import { pivotSettings } from '../engine/pivots.js';
import { adviceEffect, adviceGroups, codesLine, disclaimerText, evidenceText, factList, occupationTitle, packLines, profileLine, ruleBaseLine, signed, sourceLabel, sourceTitle, t, taskEvidence } from './common.js';

/** Escapes the characters that would break a Markdown table cell or inline text. */
export function mdEscape(text: string): string {
  return text.replace(/([\\|*_`[\]<>])/g, '\\$1').replace(/\n/g, ' ');
}

export function renderMarkdown(a: Assessment, rb: RuleBase, lang: Lang, explain: boolean): string {
  const m = messages(lang);
  const out: string[] = [];
  out.push(`# ${m.report.title}${m.report.colon}${mdEscape(occupationTitle(a, lang))}`, '');
  out.push(`- **${m.report.occupation}:** ${mdEscape(occupationTitle(a, lang))} (\`${a.occupation.id}\`)`);
  out.push(`- **${m.report.codes}:** ${codesLine(a)}`);
  out.push(`- **${m.report.profile}:** ${mdEscape(profileLine(a, lang))}`);
  out.push(`- **${m.report.score}:** ${a.score}/100 — ${m.report.band}${m.report.colon}**${t(a.band.label, lang)}**, ${m.report.range} ${a.range.low}–${a.range.high} (${m.report.scoreMeaning})`);
  out.push(`- **${m.report.augmentation}:** ${a.augmentation.score}/100 — ${m.report.range} ${a.augmentation.range.low}–${a.augmentation.range.high} (${m.report.augmentationMeaning})`);
  if (a.reading) out.push(`- **${m.report.reading}:** ${mdEscape(t(a.reading.text, lang))}`);
  out.push('');

  out.push(`## ${m.report.factors}`, '');
  out.push(`| ${m.report.factorHeader.points} | ${m.report.factorHeader.factor} | ${m.report.factorHeader.sources} |`, '| ---: | --- | --- |');
  const cite = (e: Parameters<typeof evidenceText>[1]) => mdEscape(evidenceText(rb, e, lang, m.report.assumption));
  out.push(`| ${a.exposure.automation.toFixed(1)} | ${m.report.baselineRow} | ${cite(taskEvidence(a, rb))} |`);
  for (const f of a.factors) out.push(`| ${signed(f.points)} (×${f.odds}) | ${mdEscape(t(f.label, lang))} | ${cite(f)} |`);
  out.push('');

  if (explain) {
    out.push(`## ${m.report.trace}`, '');
    out.push(`| ${m.report.traceHeader.rule} | ${m.report.traceHeader.condition} | ${m.report.traceHeader.effect} | ${m.report.traceHeader.sources} |`, '| --- | --- | ---: | --- |');
    for (const task of a.tasks) {
      const category = rb.taskCategories.get(task.category);
      out.push(`| \`task:${task.category}\` | tasks.${task.category} = ${task.share} | +${task.automationPoints.toFixed(1)} | ${category ? mdEscape(factList(category, m.report.assumption)) : ''} |`);
    }
    for (const f of a.factors) out.push(`| \`${f.id}\` | ${mdEscape(f.condition)} | ${signed(f.points)} (×${f.odds}) | ${mdEscape(factList(f, m.report.assumption))} |`);
    out.push('');
  }

  out.push(`## ${m.report.advice}`, '');
  if (a.lowLever) out.push(mdEscape(m.report.lowLever(rb.ruleset.advice.lowLever ?? 0)), '');
  if (a.advice.length === 0) out.push(`_${mdEscape(m.report.noAdvice)}_`, '');
  for (const group of adviceGroups(a)) {
    out.push(`### ${group.scope === 'work' ? m.report.adviceWork : m.report.advicePerson}`, '');
    for (const { item, n } of group.items) {
      out.push(`${n}. **${mdEscape(t(item.label, lang))}** (${adviceEffect(a, item, lang)})`);
      if (item.learn) out.push(`   - ${m.report.learn}${m.report.colon}${mdEscape(t(item.learn, lang))}`);
      out.push(`   - ${m.report.why}${m.report.colon}${mdEscape(t(item.why, lang))}`);
      out.push(`   - ${m.report.firstStep}${m.report.colon}${mdEscape(t(item.firstStep, lang))}`);
      out.push(`   - ${m.report.sources}${m.report.colon}${cite(item)}`);
    }
    out.push('');
  }

  out.push(`## ${m.pivots.heading}`, '');
  if (a.pivots.length === 0) out.push(mdEscape(noPivotsText(pivotSettings(rb), a.occupation.id, lang)), '');
  a.pivots.forEach((p, i) => {
    out.push(`${i + 1}. **${mdEscape(t(p.title, lang))}** — ${mdEscape(messages(lang).pivots.estimate(p.score, a.score, p.drop))} (\`${p.id}\`)`);
    for (const line of pivotDetails(rb, p, lang, explain)) out.push(`   - ${mdEscape(line)}`);
  });
  if (a.pivots.length > 0) out.push('');

  if (a.whatIfs.length > 0) {
    out.push(`## ${m.report.whatIf}`, '');
    for (const w of a.whatIfs) out.push(`- ${mdEscape(t(w.label, lang))}${m.report.colon}${a.score} → ${w.scoreAfter}`);
    out.push('');
  }

  out.push(`## ${m.report.sources}`, '');
  for (const id of a.sources) out.push(`- ${mdEscape(sourceLabel(rb, id, lang))} (\`${id}\`): ${mdEscape(sourceTitle(rb, id, lang))}`);
  out.push('');
  out.push(`_${m.report.ruleBase}${m.report.colon}${mdEscape(ruleBaseLine(rb, lang))}_  `);
  const packs = packLines(rb);
  if (packs.length > 0) out.push(`_${m.report.packs}${m.report.colon}${mdEscape(packs.join('; '))}_  `);
  out.push(`_${mdEscape(disclaimerText(lang, explain))}_`);
  // Rule-base text is escaped for the terminal line by line (ids in code spans included).
  return `${out.map(escapeControls).join('\n')}\n`;
}
