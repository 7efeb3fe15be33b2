/** `career-risk assess` (also the default command): one person, one report. */
import { Command, Option } from 'commander';
import type { GlobalOptions } from './context.js';
import { makeContext } from './context.js';
import type { Io } from '../util/io.js';

export const REPORT_FORMATS = ['text', 'json', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface AssessOptions extends GlobalOptions {
  readonly role?: string;
  readonly seniority?: string;
  readonly repetitiveness?: string;
  readonly aiUsage?: string;
  readonly format: ReportFormat;
  readonly explain?: boolean;
  readonly brief?: boolean;
  readonly input: boolean;
}

export function assessCommand(io: Io, collectPacks: (value: string, previous: string[]) => string[]): Command {
  return new Command('assess')
    .description('assess one person: asks on a terminal for whatever the flags leave out')
    .option('-r, --role <text>', 'job: catalogue id, English or Chinese title or alias, SOC code (15-1252) or isco:2512')
    .option('-s, --seniority <level>', 'intern | entry | mid | senior | lead | executive (also 实习, 初级, 中级, 高级, 经理, 高管)')
    .option('-p, --repetitiveness <1-5>', 'how repetitive the tasks are: 1 = new problems every day … 5 = the same steps every day')
    .option('-a, --ai-usage <level>', 'none | occasional | weekly | daily | builds (also 不用, 偶尔, 每周, 每天, 搭建)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(REPORT_FORMATS).default('text'))
    .option('--explain', 'add the full trace: every rule that fired, its condition, effect and sources')
    .option('--brief', 'print the short form: score, band, range and the top advice')
    .option('--no-input', 'never ask questions; a missing answer is an error (exit 2)')
    .option('--rules <path>', 'add a rule pack (file or folder) over the shipped rules; repeatable', collectPacks, [])
    .addHelpText(
      'after',
      `
Examples:
  $ career-risk                                   # interactive, on a terminal
  $ career-risk assess --role translator --seniority entry --repetitiveness 4 --ai-usage none
  $ career-risk assess -r 会计 -s 初级 -p 5 -a 偶尔 --lang zh
  $ career-risk assess -r 15-1252 -s mid -p 2 -a daily --format json
  $ career-risk assess -r isco:2643 -s senior -p 3 -a weekly --format md > report.md
  $ career-risk assess -r "customer service" -s entry -p 5 -a none --explain
  $ career-risk assess -r translator -s entry -p 4 -a none --brief`,
    )
    // Words after the options reach the action, which tells a mistyped command from a stray word.
    .allowExcessArguments(true)
    .action(async (_opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<AssessOptions>();
      const ctx = makeContext(options, io);
      // The engine and renderers load only when a command runs (not for --help).
      const run = await import('./assess-run.js');
      if (command.args.length > 0) throw run.strayWords(command, ctx.lang);
      await run.runAssess(ctx, options);
    });
}
