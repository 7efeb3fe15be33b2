/** `career-risk sources`: every cited document and the rules that cite it. */
import { Command, Option } from 'commander';
import type { RuleBase } from '../engine/compile.js';
import { messages } from '../i18n/index.js';
import type { GlobalOptions } from './context.js';
import { makeContext } from './context.js';
import type { Io } from './io.js';
import { terminalJson } from '../report/json.js';
import { inLang } from '../report/common.js';
import { escapeControls } from '../util/terminal-text.js';

interface SourcesOptions extends GlobalOptions {
  readonly format: 'text' | 'json';
}

/** Rule ids citing each source: task categories as `task:<id>`, then factors, advice, what-ifs, occupations. */
export function citations(rb: RuleBase): Map<string, string[]> {
  const cited = new Map<string, string[]>();
  const add = (sources: readonly string[] | undefined, rule: string) => {
    for (const s of sources ?? []) {
      const list = cited.get(s) ?? [];
      list.push(rule);
      cited.set(s, list);
    }
  };
  for (const c of rb.taskCategories.values()) add(c.sources, `task:${c.id}`);
  for (const f of rb.factors) add(f.sources, f.id);
  for (const a of rb.advice) add(a.sources, `advice:${a.id}`);
  for (const w of rb.whatIfs) add(w.sources, w.id);
  for (const o of rb.occupations) add(o.sources, `occupation:${o.id}`);
  return cited;
}

export function sourcesCommand(io: Io): Command {
  return new Command('sources')
    .description('list every cited document (title, outlet, author, date, language) and the rules that cite it')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  $ career-risk sources
  $ career-risk sources --lang zh
  $ career-risk sources --format json`,
    )
    .action(async (_opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<SourcesOptions>();
      const ctx = makeContext(options, io);
      const rb = await ctx.ruleBase();
      const cited = citations(rb);
      const list = [...rb.sources.values()];
      if (options.format === 'json') {
        const json = list.map((s) => ({
          id: s.id,
          title: { en: s.title.en, zh: s.title.zh },
          outlet: s.outlet,
          author: s.author,
          date: s.date,
          language: s.language,
          kind: s.kind,
          citedBy: cited.get(s.id) ?? [],
        }));
        io.stdout.write(terminalJson(json));
        return;
      }
      const m = messages(ctx.lang).sources.header;
      const { chalk, lang } = ctx;
      const blocks = list.map((s) => {
        const by = cited.get(s.id) ?? [];
        // Source text may come from a rule pack: escaped for the terminal.
        const e = escapeControls;
        return [
          `${chalk.bold(e(s.id))}  ${chalk.dim(e(`[${s.language}] ${s.date}`))}`,
          `  ${e(s.title[lang])}`,
          `  ${m.outlet}: ${e(inLang(s.outlet, lang))}`,
          `  ${m.author}: ${e(inLang(s.author, lang))}`,
          `  ${m.citedBy} (${by.length}): ${e(by.join(', '))}`,
        ].join('\n');
      });
      io.stdout.write(`${blocks.join('\n\n')}\n`);
    });
}
