/**
 * Pieces shared by the text and Markdown renderers. Rule-base text (a third party's
 * pack can supply it) comes out of these helpers escaped for the terminal: the rule
 * schema rejects control characters in rule text, and this is a second line of defence.
 */
import type { ChalkInstance } from 'chalk';
import type { RuleBase } from '../engine/compile.js';
import type { Assessment } from '../engine/evaluate.js';
import type { Profile } from '../model/profile.js';
import type { LocalText, SourceEntry } from '../engine/schema.js';
import type { Lang } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import { escapeControls } from '../util/terminal-text.js';

export interface RenderOptions {
  readonly rb: RuleBase;
  readonly lang: Lang;
  readonly explain: boolean;
  readonly chalk: ChalkInstance;
  /** Columns available for tables and wrapping. */
  readonly width: number;
}

/** Rule-base text in the report's language, escaped for the terminal. */
export function t(text: LocalText, lang: Lang): string {
  return escapeControls(text[lang]);
}

/** Rule ids or source ids as one comma-separated list, escaped for the terminal. */
export function idList(ids: readonly string[]): string {
  return escapeControls(ids.join(', '));
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0';
}

export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

export function profileLine(a: Assessment, lang: Lang): string {
  return profileLineOf(a.profile, lang);
}

/** Seniority · repetitiveness · AI use, in words. */
export function profileLineOf(profile: Profile, lang: Lang): string {
  const m = messages(lang);
  return [
    m.seniority[profile.seniority].name,
    `${m.report.repetitivenessShort} ${m.repetitiveness[profile.repetitiveness].name}`,
    `${m.report.aiUsageShort}${m.report.colon}${m.aiUsage[profile.aiUsage].name}`,
  ].join(' · ');
}

export function occupationTitle(a: Assessment, lang: Lang): string {
  return occupationTitleOf(a.occupation, lang);
}

/** An occupation's title in both languages, the report's first. */
export function occupationTitleOf(o: { readonly title: LocalText }, lang: Lang): string {
  const { en, zh } = o.title;
  return escapeControls(lang === 'zh' ? `${zh} · ${en}` : `${en} · ${zh}`);
}

export function codesLine(a: Assessment): string {
  return escapeControls(`ISCO-08 ${a.occupation.codes.isco08} · SOC ${a.occupation.codes.soc2018}`);
}

/** "name 1.0.0 (hash)", the name in the report language where the rule base gives one per language. */
export function ruleBaseLine(rb: RuleBase, lang: Lang): string {
  return escapeControls(`${inLang(rb.ruleset.name, lang)} ${rb.version} (${shortHash(rb.hash)})`);
}

export function packLines(rb: RuleBase): string[] {
  return rb.layers.slice(1).map((layer) => escapeControls(`${layer.name} (${shortHash(layer.hash)})`));
}

/**
 * The automation potentials behind the task mix's automation share, as one piece of evidence: their
 * documents, and whether any rests on an assumption (the augmentation potentials are not in that row).
 */
export function taskEvidence(a: Assessment, rb: RuleBase): { sources: string[]; facts: string[]; assumption?: LocalText } {
  const categories = a.tasks.map((task) => rb.taskCategories.get(task.category)?.automation).filter((c) => c !== undefined);
  const sources = [...new Set(categories.flatMap((c) => c.sources))].sort();
  const facts = [...new Set(categories.flatMap((c) => c.facts))].sort();
  const assumption = categories.find((c) => c.assumption !== undefined)?.assumption;
  return assumption ? { sources, facts, assumption } : { sources, facts };
}

/** Fact ids of a rule (or its document ids when it cites none), plus the assumption marker. */
export function factList(
  e: { readonly facts: readonly string[]; readonly sources: readonly string[]; readonly assumption?: LocalText | undefined },
  assumptionWord: string,
  separator = ', ',
): string {
  const ids = e.facts.length > 0 ? e.facts : e.sources;
  return [...ids.map(escapeControls), ...(e.assumption ? [assumptionWord] : [])].join(separator);
}

/** A field that older packs give as one string and the shipped rules in both languages. */
export function inLang(value: string | LocalText, lang: Lang): string {
  return typeof value === 'string' ? value : value[lang];
}

/** Between items of a list in running text: a full-width semicolon in Chinese. */
export function listSeparator(lang: Lang): string {
  return lang === 'zh' ? '；' : '; ';
}

/** A source's title as printed, or in brackets when the title is our description of the piece. */
export function titleOf(s: SourceEntry, lang: Lang): string {
  return s.titleDescriptive === true ? `[${s.title[lang]}]` : s.title[lang];
}

/** The short human label of a source (outlet and year), e.g. "IT Times, 2025". */
export function sourceLabel(rb: RuleBase, id: string, lang: Lang): string {
  const s = rb.sources.get(id);
  if (!s) return escapeControls(id);
  return escapeControls(s.label ? s.label[lang] : `${inLang(s.outlet, lang)}, ${s.date.slice(0, 4)}`);
}

/** Labels of a rule's sources, e.g. "IT Times, 2024; SignalFire report, 2025", and the assumption marker. */
export function evidenceText(
  rb: RuleBase,
  e: { readonly sources: readonly string[]; readonly assumption?: LocalText | undefined },
  lang: Lang,
  assumptionWord: string,
  separator = listSeparator(lang),
): string {
  const parts = e.sources.map((id) => sourceLabel(rb, id, lang));
  if (e.assumption) parts.push(assumptionWord);
  return parts.join(separator);
}

export function sourceTitle(rb: RuleBase, id: string, lang: Lang): string {
  const s = rb.sources.get(id);
  return escapeControls(s ? `${titleOf(s, lang)} — ${inLang(s.outlet, lang)}, ${s.date}` : id);
}

/** The advice in its two tiers, each item with its number in the whole list. */
export function adviceGroups(a: Assessment): { scope: 'work' | 'person'; items: { item: Assessment['advice'][number]; n: number }[] }[] {
  const groups: { scope: 'work' | 'person'; items: { item: Assessment['advice'][number]; n: number }[] }[] = [];
  a.advice.forEach((item, i) => {
    const last = groups[groups.length - 1];
    if (last && last.scope === item.scope) last.items.push({ item, n: i + 1 });
    else groups.push({ scope: item.scope, items: [{ item, n: i + 1 }] });
  });
  return groups;
}

/** What following an advice item would do to the estimate, in words. */
export function adviceEffect(a: Assessment, item: Assessment['advice'][number], lang: Lang): string {
  const m = messages(lang);
  if (!item.moves) return m.report.helps;
  return item.reduction > 0 ? m.report.lowers(a.score, item.scoreAfter) : m.report.noChange;
}

/** The closing words of a report: what the number is not, and (unless the trace is there) how to get it. */
export function disclaimerText(lang: Lang, explain: boolean): string {
  const m = messages(lang).report;
  return explain ? m.disclaimer : `${m.disclaimer}${lang === 'zh' ? '' : ' '}${m.explainHint}`;
}
