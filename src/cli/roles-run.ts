/** The work of `career-risk roles`, loaded when it runs: the search, the group statistics and the table. */
import Table from 'cli-table3';
import { LISTING_MAX_SCORE, MAX_ROLE_CHARS, roleLength, searchRoles } from '../catalogue/search.js';
import { majorGroupTitle, occupationsByGroup, socMajorGroup } from '../catalogue/groups.js';
import type { RuleBase } from '../engine/compile.js';
import { referenceProfile, scoreOf } from '../engine/evaluate.js';
import { tableScores } from '../engine/headline-file.js';
import type { OccupationEntry } from '../engine/schema.js';
import { bar } from '../report/bars.js';
import { parseRepetitiveness } from '../model/profile.js';
import type { Lang } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import { EXIT, UserError } from '../util/errors.js';
import { outputWidth } from '../util/io.js';
import { displayWidth, padding } from '../report/width.js';
import { terminalJson } from '../report/json.js';
import { escapeControls } from '../util/terminal-text.js';
import type { Context } from './context.js';
import type { RolesOptions } from './roles.js';

export interface GroupStats {
  readonly group: string;
  readonly title: string;
  readonly occupations: number;
  readonly medianScore: number;
}

/** Occupations per SOC major group and their median score for the reference (neutral) profile. */
export function groupStats(rb: RuleBase, lang: Lang): GroupStats[] {
  // The reference profile's scores from the build's table when it was built for this rule base.
  const known = tableScores(rb, referenceProfile(rb, ''));
  const index = new Map(rb.occupations.map((o, i) => [o.id, i]));
  const scoreAt = (o: OccupationEntry): number => known?.[index.get(o.id) ?? -1] ?? scoreOf(rb, referenceProfile(rb, o.id));
  return occupationsByGroup(rb.occupations).map(({ group, occupations }) => {
    const list = occupations.map(scoreAt).sort((a, b) => a - b);
    const mid = list.length / 2;
    const median = list.length % 2 === 1 ? (list[Math.floor(mid)] ?? 0) : ((list[mid - 1] ?? 0) + (list[mid] ?? 0)) / 2;
    return { group, title: majorGroupTitle(group)?.[lang] ?? group, occupations: list.length, medianScore: median };
  });
}

export function renderGroups(stats: readonly GroupStats[], rb: RuleBase, lang: Lang): string {
  const m = messages(lang).roles;
  const width = Math.max(...stats.map((g) => displayWidth(g.title))) + 4;
  const h = m.groupsHeader;
  const lines = [`${h.group}${padding(h.group, width + 1)}${padding(h.count, 6)}${h.count}  ${padding(h.median, 6)}${h.median}`];
  for (const g of stats) {
    const label = escapeControls(`${g.group} ${g.title}`);
    const median = Number.isInteger(g.medianScore) ? String(g.medianScore) : g.medianScore.toFixed(1);
    lines.push(`${label}${padding(label, width + 1) || ' '}${String(g.occupations).padStart(6)}  ${median.padStart(6)}  ${bar(g.medianScore, 30).trimEnd()}`);
  }
  const all = messages(lang);
  const ref = rb.ruleset.reference;
  const level = parseRepetitiveness(ref.repetitiveness) ?? 3;
  lines.push('', m.groupsNote(all.seniority[ref.seniority].name, all.repetitiveness[level].name, all.aiUsage[ref.aiUsage].name));
  return `${lines.join('\n')}\n`;
}

/** Lists, searches or groups the catalogue. */
export async function runRoles(ctx: Context, words: readonly string[], options: RolesOptions): Promise<void> {
  const { io } = ctx;
  const rb = await ctx.ruleBase();
  if (options.groups) {
    const stats = groupStats(rb, ctx.lang);
    io.stdout.write(options.format === 'json' ? terminalJson(stats) : renderGroups(stats, rb, ctx.lang));
    return;
  }
  const query = words.join(' ').trim();
  const limit = options.limit === undefined ? (query ? 10 : rb.occupations.length) : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UserError(messages(ctx.lang).errors.limitNotWhole(options.limit ?? ''));
  // Bounded work: a query longer than any job title is refused before the search runs.
  const length = roleLength(query);
  if (length > MAX_ROLE_CHARS) throw new UserError(messages(ctx.lang).errors.roleTooLong(messages(ctx.lang).errors.queryField, length, MAX_ROLE_CHARS));
  const found = query ? searchRoles(rb, query, limit, LISTING_MAX_SCORE).map((h) => h.occupation) : rb.occupations.slice(0, limit);
  const m = messages(ctx.lang);
  // A search that finds nothing is an input error (exit 2, message on stderr); JSON still gets its empty list.
  const none = () => new UserError(m.roles.none(query), EXIT.usage, [m.roles.noneHint]);
  if (options.format === 'json') {
    io.stdout.write(terminalJson(found.map(roleJson)));
    if (found.length === 0) throw none();
    return;
  }
  if (found.length === 0) throw none();
  io.stdout.write(rolesTable(found, ctx.lang, outputWidth(io)));
  ctx.notice(m.roles.count(found.length, rb.occupations.length));
}

export function roleJson(o: OccupationEntry) {
  return {
    id: o.id,
    title: { en: o.title.en, zh: o.title.zh },
    aliases: { en: [...o.aliases.en], zh: [...o.aliases.zh] },
    description: { en: o.description.en, zh: o.description.zh },
    group: socMajorGroup(o.codes.soc2018),
    codes: { isco08: o.codes.isco08, soc2018: o.codes.soc2018, csco2022: [...(o.codes.csco2022 ?? [])] },
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
    // Catalogue text may come from a rule pack: escaped for the terminal.
    const title = lang === 'zh' ? `${o.title.zh} · ${o.title.en}` : `${o.title.en} · ${o.title.zh}`;
    const group = majorGroupTitle(socMajorGroup(o.codes.soc2018))?.[lang] ?? socMajorGroup(o.codes.soc2018);
    table.push([o.id, title, group, `${o.codes.isco08} / ${o.codes.soc2018}`].map(escapeControls));
  }
  return `${table.toString()}\n`;
}
