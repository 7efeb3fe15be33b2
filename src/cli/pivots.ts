/** `career-risk pivots --role <role>`: more career pivots than a report shows, for counselors exploring moves. */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Lang } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import type { GlobalOptions } from './context.js';
import { makeContext } from './context.js';
import type { Io } from '../util/io.js';

export const PIVOT_FORMATS = ['text', 'json', 'md'] as const;
export type PivotFormat = (typeof PIVOT_FORMATS)[number];

export interface PivotsOptions extends GlobalOptions {
  readonly role?: string;
  readonly seniority?: string;
  readonly repetitiveness?: string;
  readonly aiUsage?: string;
  readonly limit: number;
  readonly minDrop?: number;
  readonly licensed: boolean;
  readonly format: PivotFormat;
  readonly explain?: boolean;
}

export const DEFAULT_LIMIT = 10;

function positiveInt(max: number, lang: Lang) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1 || n > max) {
      throw new InvalidArgumentError(messages(lang).errors.wholeNumber(max));
    }
    return n;
  };
}

/** `lang`: the language of the option values' error messages (parsed before any context exists). */
export function pivotsCommand(io: Io, collectPacks: (value: string, previous: string[]) => string[], lang: Lang = 'en'): Command {
  return new Command('pivots')
    .description('list lower-risk occupations close to a role (task mix and codes), with what they share and what to grow into')
    .option('-r, --role <text>', 'job: catalogue id, English or Chinese title or alias, SOC code (15-1252) or isco:2512 (required)')
    .option('-s, --seniority <level>', 'intern | entry | mid | senior | lead | executive (default: the neutral profile)')
    .option('-p, --repetitiveness <1-5>', 'how repetitive the tasks are, 1–5 (default: the neutral profile)')
    .option('-a, --ai-usage <level>', 'none | occasional | weekly | daily | builds (default: the neutral profile)')
    .option('-n, --limit <n>', 'at most this many pivots (1–100)', positiveInt(100, lang), DEFAULT_LIMIT)
    .option('--min-drop <points>', 'how many points lower a pivot must score (1–100; default from the rule base, 10)', positiveInt(100, lang))
    .option('--no-licensed', 'leave out pivots that need a licence the role does not carry')
    .addOption(new Option('-f, --format <format>', 'output format').choices(PIVOT_FORMATS).default('text'))
    .option('--explain', 'show each pivot\'s similarity (task likeness, shared task mix, code closeness) and score difference')
    .option('--rules <path>', 'add a rule pack (file or folder) over the shipped rules; repeatable', collectPacks, [])
    .addHelpText(
      'after',
      `
A pivot is a catalogue occupation that keeps some of the role's main task, shares at least a third
of its task mix, is in the same code family (same SOC major group or closer) or very alike in tasks,
and whose replacement-risk estimate is at least 10 points lower for the same seniority,
repetitiveness and AI use. Ranked by similarity = 0.6 × task likeness (cosine of the two task
mixes) + 0.4 × code closeness. \`assess\` shows the top 3 that need no new licence; this command lists more, marking the ones
that require a licence.

Examples:
  $ career-risk pivots --role customer-service-representative
  $ career-risk pivots -r 会计 -s entry -p 4 -a none --lang zh
  $ career-risk pivots -r concept-artist --limit 20 --explain
  $ career-risk pivots -r software-developer --min-drop 3 --format json`,
    )
    .action(async (_opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<PivotsOptions>();
      const ctx = makeContext(options, io);
      await (await import('./pivots-run.js')).runPivots(ctx, options);
    });
}
