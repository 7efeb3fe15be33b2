/**
 * `career-risk sources [id]`: every document with the facts taken from it
 * (paraphrase, who said it, where in the document, its qualifiers) and the
 * rules that use each fact; one document or one fact by id.
 */
import { Command, Option } from 'commander';
import type { GlobalOptions } from './context.js';
import { makeContext } from './context.js';
import type { Io } from '../util/io.js';

export interface SourcesOptions extends GlobalOptions {
  readonly format: 'text' | 'json';
}

export function sourcesCommand(io: Io, collectPacks: (value: string, previous: string[]) => string[]): Command {
  return new Command('sources')
    .description('list every source document with its facts (paraphrase, attribution, locator, qualifiers) and the rules that use each')
    .argument('[id]', 'one source (e.g. ittimes-2025) or one fact (e.g. ittimes-2025/first-wave-roles)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--rules <path>', 'add a rule pack (file or folder) over the shipped rules, so its sources and facts are listed; repeatable', collectPacks, [])
    .addHelpText(
      'after',
      `
Examples:
  $ career-risk sources
  $ career-risk sources signalfire-2025
  $ career-risk sources --lang zh
  $ career-risk sources --format json`,
    )
    .action(async (id: string | undefined, _opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<SourcesOptions>();
      const ctx = makeContext(options, io);
      await (await import('./sources-run.js')).runSources(ctx, id, options);
    });
}
