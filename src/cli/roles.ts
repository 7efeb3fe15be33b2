/** `career-risk roles [query]`: list or search the occupation catalogue. */
import Table from 'cli-table3';
import { Command, Option } from 'commander';
import { LISTING_MAX_SCORE, searchRoles } from '../catalogue/search.js';
import { SOC_MAJOR_GROUPS, socMajorGroup } from '../catalogue/groups.js';
import type { OccupationEntry } from '../engine/schema.js';
import type { Lang } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import type { GlobalOptions } from './context.js';
import { makeContext } from './context.js';
import { UserError } from './errors.js';
import type { Io } from './io.js';
import { outputWidth } from './io.js';

interface RolesOptions extends GlobalOptions {
  readonly format: 'text' | 'json';
  readonly limit?: string;
}

export function rolesCommand(io: Io): Command {
  return new Command('roles')
    .description('list the occupation catalogue, or search it (English or Chinese, titles, aliases, codes)')
    .argument('[query...]', 'words to search for; omit to list every occupation')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-n, --limit <n>', 'show at most n matches (default: 10 when searching, all when listing)')
    .addHelpText(
      'after',
      `
Examples:
  $ career-risk roles                      # the whole catalogue
  $ career-risk roles designer
  $ career-risk roles 客服
  $ career-risk roles 15-1252
  $ career-risk roles --format json > catalogue.json`,
    )
    .action(async (words: string[], _opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<RolesOptions>();
      const ctx = makeContext(options, io);
      const rb = await ctx.ruleBase();
      const query = words.join(' ').trim();
      const limit = options.limit === undefined ? (query ? 10 : rb.occupations.length) : Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UserError(`--limit: expected a whole number above 0, got "${options.limit}"`);
      const found = query ? searchRoles(rb, query, limit, LISTING_MAX_SCORE).map((h) => h.occupation) : rb.occupations.slice(0, limit);
      if (options.format === 'json') {
        io.stdout.write(`${JSON.stringify(found.map(roleJson), null, 2)}\n`);
        return;
      }
      const m = messages(ctx.lang);
      if (found.length === 0) {
        io.stdout.write(`${m.roles.none(query)}\n`);
        return;
      }
      io.stdout.write(rolesTable(found, ctx.lang, outputWidth(io)));
      ctx.notice(m.roles.count(found.length, rb.occupations.length));
    });
}

export function roleJson(o: OccupationEntry) {
  return {
    id: o.id,
    title: { en: o.title.en, zh: o.title.zh },
    aliases: { en: [...o.aliases.en], zh: [...o.aliases.zh] },
    description: { en: o.description.en, zh: o.description.zh },
    group: socMajorGroup(o.codes.soc2018),
    codes: { isco08: o.codes.isco08, soc2018: o.codes.soc2018 },
  };
}

function rolesTable(list: readonly OccupationEntry[], lang: Lang, width: number): string {
  const m = messages(lang);
  const codesWidth = 16;
  const idWidth = Math.max(...list.map((o) => o.id.length)) + 2;
  const free = Math.max(30, width - codesWidth - idWidth - 5);
  const table = new Table({
    head: [m.roles.header.id, m.roles.header.title, m.roles.header.group, m.roles.header.codes],
    colWidths: [idWidth, Math.floor(free * 0.6), Math.floor(free * 0.4), codesWidth],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const o of list) {
    const title = lang === 'zh' ? `${o.title.zh} · ${o.title.en}` : `${o.title.en} · ${o.title.zh}`;
    const group = SOC_MAJOR_GROUPS[socMajorGroup(o.codes.soc2018)]?.[lang] ?? socMajorGroup(o.codes.soc2018);
    table.push([o.id, title, group, `${o.codes.isco08} / ${o.codes.soc2018}`]);
  }
  return `${table.toString()}\n`;
}
