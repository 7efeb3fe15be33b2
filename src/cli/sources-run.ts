/** The work of `career-risk sources`, loaded when it runs: documents, facts and the rules that cite them. */
import type { RuleBase } from '../engine/compile.js';
import type { FactEntry, SourceEntry } from '../engine/schema.js';
import type { Lang, Messages } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import { UserError } from '../util/errors.js';
import { terminalJson } from '../report/json.js';
import { inLang, sourceLabel, titleOf } from '../report/common.js';
import { citations, factsOf, locatorText } from '../report/citations.js';
import { escapeControls } from '../util/terminal-text.js';
import { SEARCH_DATA_ATTRIBUTION } from '../catalogue/attribution.js';
import type { Context } from './context.js';
import type { SourcesOptions } from './sources.js';

function factJson(f: FactEntry, cited: Map<string, string[]>) {
  return {
    id: f.id,
    locator: f.locator,
    attribution: { en: f.attribution.en, zh: f.attribution.zh },
    text: { en: f.text.en, zh: f.text.zh },
    qualifiers: f.qualifiers ?? [],
    ...(f.caveat ? { caveat: { en: f.caveat.en, zh: f.caveat.zh } } : {}),
    context: f.context === true,
    usedBy: cited.get(f.id) ?? [],
  };
}

function sourceJson(rb: RuleBase, s: SourceEntry, cited: Map<string, string[]>, lang: Lang) {
  return {
    id: s.id,
    label: sourceLabel(rb, s.id, lang),
    title: { en: s.title.en, zh: s.title.zh },
    titleDescriptive: s.titleDescriptive === true,
    outlet: s.outlet,
    author: s.author,
    date: s.date,
    language: s.language,
    kind: s.kind,
    ...(s.url ? { url: s.url } : {}),
    citedBy: cited.get(s.id) ?? [],
    facts: factsOf(rb, s.id).map((f) => factJson(f, cited)),
  };
}

function factLines(f: FactEntry, cited: Map<string, string[]>, lang: Lang, m: Messages, dim: (s: string) => string): string[] {
  const e = escapeControls;
  const qualifiers = (f.qualifiers ?? []).map((q) => m.sources.qualifiers[q]);
  const by = cited.get(f.id) ?? [];
  const lines = [
    `    ${e(f.id)}  ${dim(e([locatorText(f, m), ...qualifiers].join(' · ')))}`,
    `      ${e(f.text[lang])}`,
    `      ${dim(`— ${e(f.attribution[lang])}`)}`,
  ];
  if (f.caveat) lines.push(`      ${dim(`${m.sources.caveat}${m.report.colon}${e(f.caveat[lang])}`)}`);
  lines.push(`      ${dim(f.context === true ? m.sources.context : by.length > 0 ? `${m.sources.usedBy}${m.report.colon}${e(by.join(', '))}` : m.sources.unused)}`);
  return lines;
}

function sourceBlock(rb: RuleBase, s: SourceEntry, cited: Map<string, string[]>, lang: Lang, m: Messages, bold: (s: string) => string, dim: (s: string) => string): string {
  const e = escapeControls;
  const h = m.sources.header;
  const facts = factsOf(rb, s.id);
  const by = cited.get(s.id) ?? [];
  const lines = [
    `${bold(e(s.id))}  ${e(sourceLabel(rb, s.id, lang))}  ${dim(e(`[${s.language}] ${s.date}`))}`,
    `  ${e(titleOf(s, lang))}`,
    `  ${h.outlet}${m.report.colon}${e(inLang(s.outlet, lang))}`,
    `  ${h.author}${m.report.colon}${e(inLang(s.author, lang))}`,
  ];
  if (s.url) lines.push(`  ${m.sources.url}${m.report.colon}${e(s.url)}`);
  lines.push(`  ${h.citedBy} (${by.length}): ${e(by.join(', '))}`);
  if (facts.length > 0) {
    lines.push(`  ${m.sources.facts(facts.length)}:`);
    for (const f of facts) lines.push(...factLines(f, cited, lang, m, dim));
  }
  return lines.join('\n');
}

/** Every source, one source or one fact, as text or JSON. */
export async function runSources(ctx: Context, id: string | undefined, options: SourcesOptions): Promise<void> {
  const { io } = ctx;
  const rb = await ctx.ruleBase();
  const { chalk, lang } = ctx;
  const m = messages(lang);
  const cited = citations(rb);
  const fact = id === undefined ? undefined : rb.facts.get(id);
  const one = id === undefined ? undefined : rb.sources.get(id);
  if (id !== undefined && !fact && !one) throw new UserError(m.sources.unknown(id));
  if (fact) {
    const source = rb.sources.get(fact.id.slice(0, fact.id.indexOf('/')));
    if (options.format === 'json') {
      io.stdout.write(terminalJson({ source: source?.id ?? null, ...factJson(fact, cited) }));
      return;
    }
    const head = source ? `${chalk.bold(escapeControls(source.id))}  ${escapeControls(sourceLabel(rb, source.id, lang))}\n  ${escapeControls(titleOf(source, lang))}\n` : '';
    io.stdout.write(`${head}${factLines(fact, cited, lang, m, chalk.dim).join('\n')}\n`);
    return;
  }
  const list = one ? [one] : [...rb.sources.values()];
  if (options.format === 'json') {
    const json = list.map((s) => sourceJson(rb, s, cited, lang));
    io.stdout.write(terminalJson(one ? json[0] : json));
    return;
  }
  const blocks = list.map((s) => sourceBlock(rb, s, cited, lang, m, chalk.bold, chalk.dim));
  // The full listing ends with the role search's reference data and the attribution its licences ask for.
  if (!one) blocks.push([chalk.bold(m.sources.searchData), ...SEARCH_DATA_ATTRIBUTION.map((line) => `  ${line}`)].join('\n'));
  io.stdout.write(`${blocks.join('\n\n')}\n`);
}
