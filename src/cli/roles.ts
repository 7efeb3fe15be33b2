/** `career-risk roles [query]`: list or search the occupation catalogue. */
import { SEARCH_DATA_ATTRIBUTION } from '../catalogue/attribution.js';
import { Command, Option } from 'commander';
import type { GlobalOptions } from './context.js';
import { makeContext } from './context.js';
import type { Io } from '../util/io.js';

export interface RolesOptions extends GlobalOptions {
  readonly format: 'text' | 'json';
  readonly limit?: string;
  readonly groups?: boolean;
}

export function rolesCommand(io: Io, collectPacks: (value: string, previous: string[]) => string[]): Command {
  return new Command('roles')
    .description('list the occupation catalogue, or search it (English or Chinese, titles, aliases, codes)')
    .argument('[query...]', 'words to search for; omit to list every occupation')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-n, --limit <n>', 'show at most n matches (default: 10 when searching, all when listing)')
    .option('--groups', 'show each SOC major group with its number of occupations and median score for a neutral profile')
    .option('--rules <path>', 'add a rule pack (file or folder) over the shipped rules, so its occupations are listed and searched; repeatable', collectPacks, [])
    .addHelpText(
      'after',
      `
Examples:
  $ career-risk roles                      # the whole catalogue
  $ career-risk roles designer
  $ career-risk roles 客服
  $ career-risk roles 15-1252
  $ career-risk roles --groups
  $ career-risk roles --format json > catalogue.json

The search also knows the names in its alias index (O*NET alternate titles, 大典 names and
aliases) and undoes pinyin input-method slips (会记 → 会计). Its data:
${SEARCH_DATA_ATTRIBUTION.map((line) => `  ${line}`).join('\n')}`,
    )
    .action(async (words: string[], _opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<RolesOptions>();
      const ctx = makeContext(options, io);
      await (await import('./roles-run.js')).runRoles(ctx, words, options);
    });
}
