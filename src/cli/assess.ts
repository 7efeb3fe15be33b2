/** `career-risk assess` (also the default command): one person, one report. */
import { Command, Option } from 'commander';
import type { RuleBase } from '../engine/compile.js';
import type { Assessment } from '../engine/evaluate.js';
import { evaluate } from '../engine/evaluate.js';
import { seniorityHint } from '../catalogue/search.js';
import { messages } from '../i18n/index.js';
import type { Profile } from '../model/profile.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderText } from '../report/text.js';
import type { Context, GlobalOptions } from './context.js';
import { makeContext } from './context.js';
import { UserError } from './errors.js';
import type { Io } from './io.js';
import { canPrompt, outputWidth } from './io.js';
import { FLAG_NAMES, parseGivenAnswers } from './profile-input.js';

export const REPORT_FORMATS = ['text', 'json', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

interface AssessOptions extends GlobalOptions {
  readonly role?: string;
  readonly seniority?: string;
  readonly repetitiveness?: string;
  readonly aiUsage?: string;
  readonly format: ReportFormat;
  readonly explain?: boolean;
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
  $ career-risk assess -r "customer service" -s entry -p 5 -a none --explain`,
    )
    .action(async (_opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<AssessOptions>();
      const ctx = makeContext(options, io);
      await runAssess(ctx, options);
    });
}

async function runAssess(ctx: Context, options: AssessOptions): Promise<void> {
  const { io, lang } = ctx;
  const m = messages(lang);
  const rb = await ctx.ruleBase();

  // Validate what was given before asking for what was not.
  let { occupation, seniority, repetitiveness, aiUsage } = parseGivenAnswers(rb, options, lang, (message) => ctx.notice(message));

  const missing = {
    role: occupation === undefined,
    seniority: seniority === undefined,
    repetitiveness: repetitiveness === undefined,
    aiUsage: aiUsage === undefined,
  };
  const missingFlags = (Object.keys(missing) as (keyof typeof missing)[]).filter((k) => missing[k]).map((k) => FLAG_NAMES[k]);
  if (missingFlags.length > 0) {
    if (!options.input || !canPrompt(io)) {
      throw new UserError(`${m.errors.missing(missingFlags.join(' '))}`, 2, ["see 'career-risk assess --help'"]);
    }
    const { askMissing } = await import('./prompts.js');
    const hint = options.role === undefined ? undefined : seniorityHint(rb, options.role);
    const asked = await askMissing(rb, lang, io, ctx.errChalk, missing, hint);
    occupation ??= asked.role;
    seniority ??= asked.seniority;
    repetitiveness ??= asked.repetitiveness;
    aiUsage ??= asked.aiUsage;
  }
  if (occupation === undefined || seniority === undefined || repetitiveness === undefined || aiUsage === undefined) {
    throw new Error('an answer is still missing after the questions');
  }

  const profile: Profile = { occupation, seniority, repetitiveness, aiUsage };
  const assessment = evaluate(rb, profile);
  io.stdout.write(render(ctx, rb, options.format, options.explain === true, assessment));
}

function render(ctx: Context, rb: RuleBase, format: ReportFormat, explain: boolean, assessment: Assessment): string {
  const { lang } = ctx;
  switch (format) {
    case 'json':
      return renderJson(assessment, rb, lang);
    case 'md':
      return renderMarkdown(assessment, rb, lang, explain);
    case 'text':
      return renderText(assessment, { rb, lang, explain, chalk: ctx.chalk, width: outputWidth(ctx.io) });
  }
}
