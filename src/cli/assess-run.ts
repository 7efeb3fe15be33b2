/** The work of `career-risk assess`, loaded when it runs: answers, prompts, the engine and the report. */
import type { Command } from 'commander';
import type { RuleBase } from '../engine/compile.js';
import type { Assessment } from '../engine/evaluate.js';
import { evaluate } from '../engine/evaluate.js';
import { seniorityHint } from '../catalogue/search.js';
import type { Lang } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import { closestWords } from '../catalogue/tokens.js';
import type { Profile } from '../model/profile.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderBrief, renderText } from '../report/text.js';
import { hasControls } from '../util/terminal-text.js';
import type { Context } from './context.js';
import { UserError } from '../util/errors.js';
import { canPrompt, outputWidth } from '../util/io.js';
import { FieldError, FLAG_NAMES, parseGivenAnswers } from '../model/answers.js';
import type { AssessOptions, ReportFormat } from './assess.js';

/**
 * Words assess takes no part in. Run as the default command (`career-risk asses`), the first word
 * was meant as a command: say so, with the closest command names. Named (`career-risk assess x`):
 * too many arguments, as commander says it.
 */
export function strayWords(command: Command, lang: Lang): UserError {
  const c = messages(lang).commander;
  const named = command.parent?.args[0] === command.name();
  if (named) return new UserError(c.excessArguments(command.name(), 0, command.args.length), 2, [messages(lang).errors.seeHelp('assess')]);
  const word = command.args[0] ?? '';
  const names = (command.parent?.commands ?? []).map((sub) => sub.name());
  const close = closestWords(word, [...names, 'help', ...PROGRAM_FLAGS]);
  return new UserError(c.unknownCommand(word), 2, close.length > 0 ? [c.didYouMean(close.join(c.suggestionSeparator))] : [c.listCommands]);
}

/** Options of the program a mistyped "command" may have meant (`career-risk version`). */
const PROGRAM_FLAGS = ['--version'];

export async function runAssess(ctx: Context, options: AssessOptions): Promise<void> {
  const { io, lang } = ctx;
  const m = messages(lang);
  // The short form is a text report of its own: no JSON or Markdown of it, and no trace.
  if (options.brief === true) {
    const clash = options.format !== 'text' ? `--format ${options.format}` : options.explain === true ? '--explain' : undefined;
    if (clash !== undefined) throw new UserError(m.assess.briefWith(clash), 2, [m.errors.seeHelp('assess')]);
  }
  const rb = await ctx.ruleBase();

  // Validate what was given before asking for what was not. On a terminal, a --role the search
  // cannot settle (nothing clear, or several roles) opens the role question with that text typed in.
  const interactive = options.input && canPrompt(io);
  let unclearRole: string | undefined;
  let given: ReturnType<typeof parseGivenAnswers>;
  try {
    given = parseGivenAnswers(rb, options, lang, (message) => ctx.notice(message));
  } catch (error) {
    if (!(interactive && error instanceof FieldError && error.field === 'role' && error.result !== undefined && options.role !== undefined)) throw error;
    ctx.notice(m.notice.roleUnclear(options.role, error.result));
    unclearRole = options.role;
    given = parseGivenAnswers(rb, { ...options, role: undefined }, lang, (message) => ctx.notice(message));
  }
  let { occupation, seniority, repetitiveness, aiUsage } = given;

  const missing = {
    role: occupation === undefined,
    seniority: seniority === undefined,
    repetitiveness: repetitiveness === undefined,
    aiUsage: aiUsage === undefined,
  };
  const missingFlags = (Object.keys(missing) as (keyof typeof missing)[]).filter((k) => missing[k]).map((k) => FLAG_NAMES[k]);
  if (missingFlags.length > 0) {
    if (!options.input || !canPrompt(io)) {
      // On a terminal with --no-input the way to be asked is to drop the flag, not to find a terminal.
      const line = canPrompt(io) ? m.errors.missingNoInput : m.errors.missing;
      throw new UserError(line(missingFlags.join(' ')), 2, [m.errors.seeHelp('assess')]);
    }
    const { askMissing } = await import('./prompts.js');
    const hint = options.role === undefined ? undefined : seniorityHint(rb, options.role);
    const asked = await askMissing(rb, lang, io, ctx.errChalk, missing, hint, unclearRole);
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
  io.stdout.write(render(ctx, rb, options, assessment));
  // Answers given on the terminal: the command that gives them without the questions.
  if (missingFlags.length > 0) ctx.notice(m.assess.rerun(equivalentCommand(profile, { ...options, lang: options.lang === undefined ? undefined : lang })));
}

/** One argument for a POSIX shell: as it is when safe, else in single quotes ($'…' when it holds control characters). */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  if (!hasControls(value)) return `'${value.replaceAll("'", "'\\''")}'`;
  // ANSI-C quoting (bash, zsh, ksh): a control character is written as an escape, never sent raw to the terminal.
  const body = Array.from(value, (c) => {
    if (c === "'" || c === '\\') return `\\${c}`;
    if (!hasControls(c)) return c;
    const code = c.codePointAt(0) ?? 0;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  }).join('');
  return `$'${body}'`;
}

/** `career-risk assess --role … --seniority … --repetitiveness … --ai-usage …` plus the options given. */
export function equivalentCommand(profile: Profile, options: { readonly lang?: string | undefined; readonly rules?: readonly string[] | undefined; readonly format: ReportFormat; readonly explain?: boolean | undefined; readonly brief?: boolean | undefined }): string {
  const args = ['career-risk', 'assess', '--role', profile.occupation, '--seniority', profile.seniority, '--repetitiveness', String(profile.repetitiveness), '--ai-usage', profile.aiUsage];
  if (options.lang !== undefined) args.push('--lang', options.lang);
  for (const pack of options.rules ?? []) args.push('--rules', pack);
  if (options.format !== 'text') args.push('--format', options.format);
  if (options.explain === true) args.push('--explain');
  if (options.brief === true) args.push('--brief');
  return args.map(shellQuote).join(' ');
}

function render(ctx: Context, rb: RuleBase, options: AssessOptions, assessment: Assessment): string {
  const { lang } = ctx;
  const { format } = options;
  const explain = options.explain === true;
  switch (format) {
    case 'json':
      return renderJson(assessment, rb, lang);
    case 'md':
      return renderMarkdown(assessment, rb, lang, explain);
    case 'text': {
      const o = { rb, lang, explain, chalk: ctx.chalk, width: outputWidth(ctx.io) };
      return options.brief === true ? renderBrief(assessment, o) : renderText(assessment, o);
    }
  }
}
