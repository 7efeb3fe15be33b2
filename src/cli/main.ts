/** The commander program: global options, one sub-command per file, error handling and exit codes. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { Lang } from '../i18n/index.js';
import { argvLang, detectLang, detectLocale } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import { assessCommand } from './assess.js';
import { batchCommand } from './batch.js';
import { EXIT, ExitSignal, isEpipe, UserError } from '../util/errors.js';
import type { Io } from '../util/io.js';
import { describeErrno, isSystemError } from '../util/fs-errors.js';
import { escapeControls } from '../util/terminal-text.js';
import { commanderErrorLines, localiseHelp } from './localise-help.js';
import { processIo } from '../util/io.js';
import { pivotsCommand } from './pivots.js';
import { rolesCommand } from './roles.js';
import { rulesCommand } from './rules.js';
import { sourcesCommand } from './sources.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The program, its help in `lang` (decided before parsing: see main). */
export function buildProgram(io: Io, lang: Lang = detectLang(io.env)): Command {
  const program = new Command('career-risk')
    .description('How exposed is a job to replacement by AI? An explained, cited estimate with upskilling advice.')
    .version(pkg.version, '-V, --version', 'print the version')
    .addOption(new Option('-l, --lang <lang>', 'language of help, prompts, reports and errors: en | zh (default: from LANGUAGE, LC_ALL, LC_MESSAGES, LANG; zh_TW, zh_HK and other Traditional Chinese locales get Simplified Chinese)'))
    .option('--color', 'force colour even when not on a terminal')
    .option('--no-color', 'no colour (also NO_COLOR=1)')
    .option('--debug', 'show stack traces for errors')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      `
Examples:
  $ career-risk                      # answer four questions on a terminal
  $ career-risk assess --role translator --seniority entry --repetitiveness 4 --ai-usage none
  $ career-risk assess -r 客服 -s 初级 -p 5 -a 不用 --lang zh --format md
  $ career-risk batch clients.csv --output results.csv --summary
  $ career-risk pivots --role customer-service-representative
  $ career-risk roles 设计
  $ career-risk sources
  $ career-risk rules validate && career-risk rules test

Exit codes: 0 ok, 1 internal error, 2 usage, input or file error, 3 batch finished with rejected
rows, 130 interrupted (129, 131, 143: ended by SIGHUP, SIGQUIT, SIGTERM).`,
    );

  const commands = [assessCommand(io, collect), batchCommand(io, collect), pivotsCommand(io, collect, lang), rolesCommand(io, collect), sourcesCommand(io, collect), rulesCommand(io, collect)];
  for (const command of commands) {
    program.addCommand(command, command.name() === 'assess' ? { isDefault: true } : {});
  }
  const subcommands = [...commands, ...commands.flatMap((c) => c.commands)];
  // One wording of -h in every command's help (localiseHelp gives the Chinese one).
  for (const command of subcommands) command.helpOption('-h, --help', 'show help');
  localiseHelp(program, lang);
  for (const command of [program, ...subcommands]) {
    // Every command's help lists --lang, --color and --debug too (they work after any command).
    command.configureHelp({ ...command.configureHelp(), showGlobalOptions: true });
    command.exitOverride();
    command.configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Commander echoes option names and values as typed: escaped, so they cannot steer the terminal.
      // Its errors in the interface language, the suggestion ("did you mean") as a hint line.
      outputError: (s, write) => {
        if (!s.startsWith('error:')) return write(`${escapeControls(s.replace(/\n$/, ''))}\n`);
        const [message = '', ...hints] = commanderErrorLines(s, lang);
        write(`career-risk: ${escapeControls(message)}\n${hints.map((h) => `  ${escapeControls(h)}\n`).join('')}`);
      },
    });
  }
  return program;
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  if (io.stdout === process.stdout) {
    // Writing into a closed pipe (`| head`) is a normal end, not an error; any
    // other failure (a full disk, a closed descriptor) must not pass as success.
    process.stdout.on('error', (error) => {
      if (isEpipe(error)) process.exit(EXIT.ok);
      const lang = errorLang(argv, io);
      const f = messages(lang).files;
      io.stderr.write(`career-risk: ${f.cannotWrite(f.standardOutput, describeErrno(error, lang))}\n`);
      process.exit(EXIT.usage);
    });
  }
  if (io.stderr === process.stderr) {
    // Nowhere left to report a failing stderr: the exit code still tells.
    process.stderr.on('error', () => undefined);
  }
  const lang = errorLang(argv, io);
  const locale = detectLocale(io.env);
  // Traditional Chinese from the environment: Simplified Chinese, and one line saying so.
  if (argvLang(argv) === undefined && locale.traditional) io.stderr.write(`${messages(lang).notice.traditional(locale.value ?? '')}\n`);
  try {
    const program = buildProgram(io, lang);
    await program.parseAsync(helpFirst(argv, program));
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io, lang, debug);
  }
}

/**
 * Help asked for before the command is named: `career-risk -h assess` and `career-risk help rules
 * validate` become `career-risk assess -h` and `career-risk rules validate -h`, so they show that
 * command's help (commander's own `help` goes one level down, and `-h` first shows the program's).
 * Only a run of real command names is moved; anything else is parsed as typed.
 */
export function helpFirst(argv: readonly string[], program: Command): string[] {
  const [node = '', script = '', ...args] = argv;
  // The program's own options may come first (`--lang zh -h assess`): kept, and stepped over.
  const globals: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-l' || a === '--lang') {
      globals.push(a, ...args.slice(i + 1, i + 2));
      i++;
    } else if (a.startsWith('--lang=') || a === '--color' || a === '--no-color' || a === '--debug') globals.push(a);
    else rest.push(a);
  }
  const [first = '', ...names] = rest;
  if (!(first === 'help' || first === '-h' || first === '--help') || names.length === 0) return [...argv];
  let command = program;
  for (const word of names) {
    const sub = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) return [...argv];
    command = sub;
  }
  return [node, script, ...globals, ...names, '--help'];
}

/** The language of help and errors: --lang on the command line (looked for before parsing), else the environment. */
function errorLang(argv: readonly string[], io: Io): Lang {
  return argvLang(argv) ?? detectLang(io.env);
}

function reportError(error: unknown, io: Io, lang: Lang, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Commander already printed its message (or the help / version text).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    // Help shown because a command group was run without its sub-command (`career-risk rules`):
    // on stderr, and a usage error. Help that was asked for (`career-risk help`) is a success.
    if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error.code === 'commander.executeSubCommandAsync') return error.exitCode;
    return EXIT.usage;
  }
  if (error instanceof ExitSignal) return error.exitCode;
  if (error instanceof Error && error.name === 'ExitPromptError') {
    io.stderr.write(`${messages(lang).prompt.cancelled}\n`);
    return EXIT.interrupted;
  }
  if (isEpipe(error)) return EXIT.ok;
  if (error instanceof UserError) {
    io.stderr.write(`career-risk: ${escapeControls(error.message)}\n`);
    for (const hint of error.hints) io.stderr.write(`  ${escapeControls(hint)}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  if (isSystemError(error)) {
    // A fault of the machine (deleted working folder, unreadable file …), not a bug.
    const e = messages(lang).errors;
    const line =
      error.syscall === 'uv_cwd'
        ? e.cwdGone
        : `${`${error.syscall ?? e.systemCall} ${escapeControls(error.path ?? '')}`.trim()}: ${describeErrno(error, lang)}`;
    io.stderr.write(`career-risk: ${line}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`career-risk: ${messages(lang).errors.internal(escapeControls(message))}\n`);
  const bugs = (pkg as { bugs?: { url?: string } }).bugs?.url;
  io.stderr.write(debug && error instanceof Error && error.stack ? `${error.stack}\n` : `  ${messages(lang).errors.internalHint(bugs ?? '')}\n`);
  return EXIT.internal;
}
