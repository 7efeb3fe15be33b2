/**
 * The interactive questions. Loaded lazily (only when a person is at a terminal),
 * and written to stderr so stdout carries only the report.
 */
import { search, select, Separator } from '@inquirer/prompts';
import type { ChalkInstance } from 'chalk';
import type { RuleBase } from '../engine/compile.js';
import type { OccupationEntry } from '../engine/schema.js';
import { LISTING_MAX_SCORE, MAX_ROLE_CHARS, roleLength, searchRoles, seniorityHint as hintOf } from '../catalogue/search.js';
import { majorGroupTitle, occupationsByGroup } from '../catalogue/groups.js';
import type { Lang, Messages } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import type { AiUsage, Repetitiveness, Seniority } from '../model/profile.js';
import { AI_USAGE_LEVELS, REPETITIVENESS_LEVELS, SENIORITY_LEVELS } from '../model/profile.js';
import { escapeControls } from '../util/terminal-text.js';
import { displayWidth } from '../report/width.js';
import type { Io } from '../util/io.js';

/** Shown before the person types anything: the roles the sources discuss. */
const STARTER_ROLES = [
  'software-developer',
  'customer-service-representative',
  'accountant',
  'translator',
  'graphic-designer',
  'product-manager',
  'operations-specialist',
  'sales-representative',
  'registered-nurse',
  'electrician',
];

/** How many roles the search lists; the page fits them, a separator and the "not listed" choice. */
const ROLE_HITS = 12;

/** What @inquirer/search (4.3) prints, untranslatable through its options, when the list is empty. */
const SEARCH_NO_RESULTS = 'No results found';

/**
 * Choice values that are not occupations: symbols, so no occupation id (a pack may add any)
 * can ever be mistaken for one.
 */
const NOT_LISTED: unique symbol = Symbol('not-listed');
const BACK: unique symbol = Symbol('back');

interface PromptChoice<T> {
  readonly name: string;
  readonly value: T;
  readonly short?: string;
  readonly description?: string;
}

/** Occupation titles named as examples under each group. */
const GROUP_EXAMPLES = 3;

/** Page height of the group and occupation lists (both scroll). */
const LIST_PAGE = 12;

/** A role as a search choice; catalogue text (a pack may supply it) escaped for the terminal. */
/**
 * Occupations as choices: both titles and the SOC code where the terminal has room for every
 * one of them, else fewer parts (code, then the second title), the same for the whole list, so
 * each choice stays on one line at 40 columns.
 */
function choicesFor(list: readonly OccupationEntry[], lang: Lang, columns: number) {
  const forms = (o: OccupationEntry) => {
    const [first, second] = lang === 'zh' ? [o.title.zh, o.title.en] : [o.title.en, o.title.zh];
    return [`${first} · ${second}  (${o.codes.soc2018})`, `${first} · ${second}`, first];
  };
  // Two columns for the pointer ("❯ ") in front of each choice.
  const level = [0, 1].find((k) => list.every((o) => displayWidth(forms(o)[k] ?? '') + 2 <= columns)) ?? 2;
  return list.map((o) => ({
    name: escapeControls(forms(o)[level] ?? o.title[lang]),
    value: o.id,
    description: escapeControls(o.description[lang]),
  }));
}

/** The prompt terminal's width (80 where it does not say). */
function columnsOf(context: PromptContext): number {
  return (context.output as { columns?: number }).columns ?? 80;
}

export interface Asked {
  role?: string;
  seniority?: Seniority;
  repetitiveness?: Repetitiveness;
  aiUsage?: AiUsage;
}

interface PromptContext {
  readonly input: Io['stdin'];
  readonly output: Io['stderr'];
}

/**
 * Prompt styling through our own colour decision (TTY, NO_COLOR, FORCE_COLOR, --no-color):
 * @inquirer's default styling would colour even where the user asked for none.
 */
function promptTheme(c: ChalkInstance, m: Messages) {
  return {
    prefix: { idle: c.blue('?'), done: c.green('✔') },
    style: {
      answer: (text: string) => c.cyan(text),
      message: (text: string) => c.bold(text),
      error: (text: string) => c.red(`> ${text}`),
      defaultAnswer: (text: string) => c.dim(`(${text})`),
      help: (text: string) => c.dim(text),
      highlight: (text: string) => c.cyan(text),
      key: (text: string) => c.cyan.bold(`<${text}>`),
      description: (text: string) => c.cyan(text),
      disabled: (text: string) => c.dim(`- ${text}`),
      searchTerm: (text: string) => c.cyan(text),
      // The key hints under each prompt, in the person's language.
      keysHelpTip: (keys: [string, string][]) =>
        keys.map(([key, action]) => `${c.bold(key)} ${c.dim(Object.hasOwn(m.prompt.keys, action) ? (m.prompt.keys[action] ?? action) : action)}`).join(c.dim(' • ')),
    },
  };
}

type PromptTheme = ReturnType<typeof promptTheme>;

/**
 * The role question: search as you type, or, when the job is not listed, its occupation
 * group and then an occupation in it. Returns the occupation id and the last text typed.
 */
async function askRole(rb: RuleBase, lang: Lang, context: PromptContext, theme: PromptTheme, initial?: string): Promise<{ role: string; term: string }> {
  const m = messages(lang);
  const columns = columnsOf(context);
  let term = initial ?? '';
  // Always the last choice, and the only one when nothing matches: a job the search cannot
  // find is still reached through its occupation group.
  const notListed: PromptChoice<typeof NOT_LISTED> = {
    name: m.prompt.notListed,
    value: NOT_LISTED,
    short: m.prompt.notListedShort,
    description: m.prompt.notListedHint,
  };
  const matches = (typed: string | undefined) => {
    if (!typed || typed.trim() === '') {
      return choicesFor(
        STARTER_ROLES.flatMap((id) => rb.occupationById.get(id) ?? []),
        lang,
        columns,
      );
    }
    // Bounded work: text longer than any job title (a paste gone wrong) is not searched.
    if (roleLength(typed.trim()) > MAX_ROLE_CHARS) return [];
    return choicesFor(searchRoles(rb, typed, ROLE_HITS, LISTING_MAX_SCORE).map((hit) => hit.occupation), lang, columns);
  };
  for (;;) {
    const picked = await search<string | typeof NOT_LISTED>(
      {
        message: m.prompt.role,
        source: (typed) => {
          term = typed ?? '';
          const found = matches(typed);
          // Our own words above the choices: how to search (nothing typed yet), or that nothing matched.
          if (found.length === 0) return [new Separator(m.prompt.roleNoMatch), notListed];
          const starter = typed === undefined || typed.trim() === '';
          return [...(starter ? [new Separator(m.prompt.roleEmpty)] : []), ...found, new Separator(), notListed];
        },
        // One page holds every choice, so "not listed" is always in sight.
        pageSize: ROLE_HITS + 2,
        // Back from the groups: the search starts again from what was typed.
        ...(term === '' ? {} : { initialValue: term }),
        // @inquirer/search's own "No results found" (for an empty list, which the source above never
        // returns), in the person's language.
        theme: { ...theme, style: { ...theme.style, error: (text: string) => theme.style.error(text === SEARCH_NO_RESULTS ? m.prompt.roleNoMatch : text) } },
      },
      context,
    );
    if (picked !== NOT_LISTED) return { role: picked, term };
    const role = await askRoleByGroup(rb, lang, context, theme);
    if (role !== undefined) return { role, term };
  }
}

/** An occupation picked through its SOC major group, or undefined to go back to the search. */
async function askRoleByGroup(rb: RuleBase, lang: Lang, context: PromptContext, theme: PromptTheme): Promise<string | undefined> {
  const m = messages(lang);
  const groups = occupationsByGroup(rb.occupations).map(({ group, occupations }) => ({
    group,
    title: majorGroupTitle(group)?.[lang] ?? group,
    occupations,
  }));
  const byTitle = new Intl.Collator(lang === 'zh' ? 'zh-Hans-CN' : 'en');
  let lastGroup: string | undefined;
  for (;;) {
    const picked = await select<string | typeof BACK>(
      {
        message: m.prompt.group,
        choices: [
          ...groups.map((g) => ({
            name: escapeControls(m.prompt.groupChoice(g.group, g.title, g.occupations.length)),
            value: g.group,
            short: escapeControls(g.title),
            description: escapeControls(m.prompt.groupExamples(g.occupations.slice(0, GROUP_EXAMPLES).map((o) => o.title[lang]).join(m.prompt.listSeparator))),
          })),
          new Separator(),
          { name: m.prompt.backToSearch, value: BACK },
        ],
        // Back from a group's list: the cursor is where it was.
        ...(lastGroup === undefined ? {} : { default: lastGroup }),
        pageSize: LIST_PAGE,
        theme,
      },
      context,
    );
    if (picked === BACK) return undefined;
    lastGroup = picked;
    const group = groups.find((g) => g.group === picked);
    if (!group) continue;
    // By title in the person's language (pinyin order in Chinese), so a long group can be scanned.
    const members = [...group.occupations].sort((a, b) => byTitle.compare(a.title[lang], b.title[lang]) || a.id.localeCompare(b.id));
    const role = await select<string | typeof BACK>(
      {
        message: escapeControls(m.prompt.groupRole(group.title)),
        choices: [...choicesFor(members, lang, columnsOf(context)), new Separator(), { name: m.prompt.backToGroups, value: BACK }],
        pageSize: LIST_PAGE,
        theme,
      },
      context,
    );
    if (role !== BACK) return role;
  }
}

export async function askMissing(
  rb: RuleBase,
  lang: Lang,
  io: Io,
  chalk: ChalkInstance,
  missing: { role: boolean; seniority: boolean; repetitiveness: boolean; aiUsage: boolean },
  /** A seniority the typed role names ("Senior …", 「高级…」): the default of the seniority question. */
  seniorityHint?: Seniority,
  /** Text to start the role search with (a --role that did not settle on one occupation). */
  roleQuery?: string,
): Promise<Asked> {
  const m = messages(lang);
  const context: PromptContext = { input: io.stdin, output: io.stderr };
  const theme = promptTheme(chalk, m);
  const answers: Asked = {};
  let lastTerm = '';
  if (missing.role) {
    const { role, term } = await askRole(rb, lang, context, theme, roleQuery);
    answers.role = role;
    lastTerm = term;
  }
  const askLevel = <T extends string | number>(
    message: string,
    levels: readonly T[],
    texts: Record<T, { name: string; hint: string }>,
    fallback: T,
    hintInName: boolean,
  ): Promise<T> =>
    select<T>(
      {
        message,
        choices: levels.map((level) => ({
          name: hintInName ? `${texts[level].name} — ${texts[level].hint}` : texts[level].name,
          value: level,
          short: texts[level].name,
          ...(hintInName ? {} : { description: texts[level].hint }),
        })),
        default: fallback,
        theme,
      },
      context,
    );
  if (missing.seniority) {
    const named = seniorityHint ?? (lastTerm.trim() === '' ? undefined : hintOf(rb, lastTerm));
    answers.seniority = await askLevel(m.prompt.seniority, SENIORITY_LEVELS, m.seniority, named ?? 'mid', false);
  }
  if (missing.repetitiveness) {
    answers.repetitiveness = await askLevel(m.prompt.repetitiveness, REPETITIVENESS_LEVELS, m.repetitiveness, 3, true);
  }
  if (missing.aiUsage) answers.aiUsage = await askLevel(m.prompt.aiUsage, AI_USAGE_LEVELS, m.aiUsage, 'occasional', true);
  return answers;
}
