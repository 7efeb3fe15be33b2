/**
 * The interactive questions. Loaded lazily (only when a person is at a terminal),
 * and written to stderr so stdout carries only the report.
 */
import { search, select } from '@inquirer/prompts';
import type { ChalkInstance } from 'chalk';
import type { RuleBase } from '../engine/compile.js';
import type { OccupationEntry } from '../engine/schema.js';
import { LISTING_MAX_SCORE, MAX_ROLE_CHARS, roleLength, searchRoles } from '../catalogue/search.js';
import { parseJobTitle } from '../catalogue/job-title.js';
import type { Lang } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import type { AiUsage, Repetitiveness, Seniority } from '../model/profile.js';
import { AI_USAGE_LEVELS, REPETITIVENESS_LEVELS, SENIORITY_LEVELS } from '../model/profile.js';
import { escapeControls } from '../util/terminal-text.js';
import type { Io } from './io.js';

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

/** A role as a search choice; catalogue text (a pack may supply it) escaped for the terminal. */
function choiceFor(o: OccupationEntry, lang: Lang) {
  const [first, second] = lang === 'zh' ? [o.title.zh, o.title.en] : [o.title.en, o.title.zh];
  return {
    name: escapeControls(`${first} · ${second}  (${o.codes.soc2018})`),
    value: o.id,
    description: escapeControls(o.description[lang]),
  };
}

export interface Asked {
  role?: string;
  seniority?: Seniority;
  repetitiveness?: Repetitiveness;
  aiUsage?: AiUsage;
}

export async function askMissing(
  rb: RuleBase,
  lang: Lang,
  io: Io,
  chalk: ChalkInstance,
  missing: { role: boolean; seniority: boolean; repetitiveness: boolean; aiUsage: boolean },
  /** A seniority the typed role names ("Senior …", 「高级…」): the default of the seniority question. */
  seniorityHint?: Seniority,
): Promise<Asked> {
  const m = messages(lang);
  const context = { input: io.stdin, output: io.stderr };
  // Prompt styling goes through our own colour decision (TTY, NO_COLOR, FORCE_COLOR, --no-color):
  // @inquirer's default styling would colour even where the user asked for none.
  const c = chalk;
  const theme = {
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
  const answers: Asked = {};
  let lastTerm = '';
  if (missing.role) {
    answers.role = await search<string>(
      {
        message: m.prompt.role,
        source: (term) => {
          lastTerm = term ?? '';
          if (!term || term.trim() === '') {
            return STARTER_ROLES.flatMap((id) => {
              const o = rb.occupationById.get(id);
              return o ? [choiceFor(o, lang)] : [];
            });
          }
          // Bounded work: text longer than any job title (a paste gone wrong) is not searched.
          if (roleLength(term.trim()) > MAX_ROLE_CHARS) return [];
          return searchRoles(rb, term, 12, LISTING_MAX_SCORE).map((hit) => choiceFor(hit.occupation, lang));
        },
        pageSize: 10,
        theme,
      },
      context,
    );
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
    const named = seniorityHint ?? (lastTerm.trim() === '' ? undefined : parseJobTitle(lastTerm).seniority);
    answers.seniority = await askLevel(m.prompt.seniority, SENIORITY_LEVELS, m.seniority, named ?? 'mid', false);
  }
  if (missing.repetitiveness) {
    answers.repetitiveness = await askLevel(m.prompt.repetitiveness, REPETITIVENESS_LEVELS, m.repetitiveness, 3, true);
  }
  if (missing.aiUsage) answers.aiUsage = await askLevel(m.prompt.aiUsage, AI_USAGE_LEVELS, m.aiUsage, 'occasional', true);
  return answers;
}
