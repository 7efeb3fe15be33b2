/** The commander program: global options, one sub-command per file, error handling and exit codes. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { detectLang, parseLang } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import { assessCommand } from './assess.js';
import { batchCommand } from './batch.js';
import { EXIT, ExitSignal, isEpipe, UserError } from './errors.js';
import type { Io } from './io.js';
import { describeErrno, isSystemError } from '../util/fs-errors.js';
import { escapeControls } from '../util/terminal-text.js';
import { processIo } from './io.js';
import { pivotsCommand } from './pivots.js';
import { rolesCommand } from './roles.js';
import { rulesCommand } from './rules.js';
import { sourcesCommand } from './sources.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function buildProgram(io: Io): Command {
  const program = new Command('career-risk')
    .description('How exposed is a job to replacement by AI? An explained, cited estimate with upskilling advice.')
    .version(pkg.version, '-V, --version', 'print the version')
    .addOption(new Option('-l, --lang <lang>', 'language of prompts and reports: en | zh (default: from LC_ALL, LC_MESSAGES, LANG)'))
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

  const commands = [assessCommand(io, collect), batchCommand(io, collect), pivotsCommand(io, collect), rolesCommand(io), sourcesCommand(io), rulesCommand(io, collect)];
  for (const command of commands) {
    program.addCommand(command, command.name() === 'assess' ? { isDefault: true } : {});
  }
  for (const command of [program, ...commands, ...commands.flatMap((c) => c.commands)]) {
    command.exitOverride();
    command.configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Commander echoes option names and values as typed: escaped, so they cannot steer the terminal.
      outputError: (s, write) => write(`${escapeControls((s.startsWith('error:') ? `career-risk: ${s.slice('error:'.length).trimStart()}` : s).replace(/\n$/, ''))}\n`),
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
  try {
    await buildProgram(io).parseAsync([...argv]);
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io, errorLang(argv, io), debug);
  }
}

function errorLang(argv: readonly string[], io: Io) {
  const i = argv.findIndex((a) => a === '--lang' || a === '-l');
  const inline = argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  const value = inline ?? (i >= 0 ? argv[i + 1] : undefined);
  return (value !== undefined ? parseLang(value) : undefined) ?? detectLang(io.env);
}

function reportError(error: unknown, io: Io, lang: ReturnType<typeof detectLang>, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Commander already printed its message (or the help / version text).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
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
    const line =
      error.syscall === 'uv_cwd'
        ? 'the current folder no longer exists; change to an existing folder and run again'
        : `${`${error.syscall ?? 'system call'} ${escapeControls(error.path ?? '')}`.trim()}: ${describeErrno(error)}`;
    io.stderr.write(`career-risk: ${line}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`career-risk: internal error: ${escapeControls(message)}\n`);
  io.stderr.write(debug && error instanceof Error && error.stack ? `${error.stack}\n` : '  run again with --debug for details, and please report it\n');
  return EXIT.internal;
}
