/**
 * `career-risk batch`: a counselor's caseload in, one assessed row per client out,
 * streaming both ways. A bad row is reported and set aside, never fatal.
 */
import { createReadStream, statSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { Command, Option } from 'commander';
import type { RuleBase } from '../engine/compile.js';
import type { Lang, Messages } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import { abortAll, AtomicFile } from '../batch/atomic-file.js';
import type { InputFormat } from '../batch/input.js';
import { guessInputFormat, INPUT_FORMATS, OUTPUT_FORMATS } from '../batch/input.js';
import type { OutputFormat } from '../batch/input.js';
import { Progress, wantsProgress } from '../batch/progress.js';
import type { Summary } from '../batch/summary.js';
import type { Context, GlobalOptions } from './context.js';
import { makeContext } from './context.js';
import { EXIT, ExitSignal, UserError } from './errors.js';
import type { Io } from './io.js';

interface BatchOptions extends GlobalOptions {
  readonly inputFormat?: InputFormat;
  readonly format?: OutputFormat;
  readonly output?: string;
  readonly errors?: string;
  readonly summary?: boolean;
  readonly summaryFormat: 'text' | 'md' | 'json';
  readonly summaryFile?: string;
  readonly strict?: boolean;
  readonly template?: boolean;
}

export const TEMPLATE = [
  'id,role,seniority,repetitiveness,ai_usage,notes',
  'client-001,translator,entry,4,occasional,"new graduate, wants to stay in languages"',
  'client-002,accountant,senior,5,none,',
  'client-003,客服专员,初级,5,偶尔,电商平台售后',
  '',
].join('\n');

export function batchCommand(io: Io, collectPacks: (value: string, previous: string[]) => string[]): Command {
  return new Command('batch')
    .description('assess every client in a CSV or JSONL file; rejected rows are reported, never fatal')
    .argument('[file]', 'client file (.csv or .jsonl), or - for standard input')
    .addOption(new Option('--input-format <format>', 'input format (default: from the file extension; csv for -)').choices(INPUT_FORMATS))
    .addOption(new Option('-f, --format <format>', 'output format (default: csv for csv input, jsonl for jsonl input)').choices(OUTPUT_FORMATS))
    .option('-o, --output <file>', 'write results to FILE (atomically) instead of standard output')
    .option('-e, --errors <file>', 'write rejected rows, unchanged, plus a reason column, to FILE (atomically)')
    .option('--summary', 'print a caseload summary to stderr after the run')
    .addOption(new Option('--summary-format <format>', 'summary format; md and json need --summary-file').choices(['text', 'md', 'json']).default('text'))
    .option('--summary-file <file>', 'write the summary to FILE (atomically)')
    .option('--strict', 'stop at the first rejected row with exit code 2 and write no output file')
    .option('--template', 'print a ready-to-fill CSV (header and three example rows) and exit')
    .option('--rules <path>', 'add a rule pack (file or folder) over the shipped rules; repeatable', collectPacks, [])
    .addHelpText(
      'after',
      `
Input columns: id (optional, passed through), role, seniority, repetitiveness, ai_usage;
they take every value form that assess takes, Chinese included. Other columns pass through.

Examples:
  $ career-risk batch --template > clients.csv
  $ career-risk batch clients.csv --output results.csv --errors rejected.csv --summary
  $ career-risk batch clients.jsonl --format json > results.json
  $ cat clients.csv | career-risk batch - --format jsonl
  $ career-risk batch clients.csv --summary --summary-format md --summary-file summary.md > results.csv

Exit codes: 0 all rows assessed, 3 some rows rejected, 2 usage error or unreadable file
(or the first rejected row with --strict), 130 interrupted.`,
    )
    .action(async (file: string | undefined, _opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<BatchOptions>();
      const ctx = makeContext(options, io);
      if (options.template) {
        io.stdout.write(TEMPLATE);
        return;
      }
      const code = await batch(ctx, file, options);
      if (code !== EXIT.ok) throw new ExitSignal(code);
    });
}

function openInput(file: string, io: Io, m: Messages): { stream: Readable; size: number | undefined } {
  if (file === '-') return { stream: io.stdin as Readable, size: undefined };
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    return { stream: createReadStream(file), size: stat.size };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'it is a folder' : e.code === 'EACCES' ? 'permission denied' : e.message;
    throw new UserError(m.batch.cannotRead(file, why));
  }
}

async function batch(ctx: Context, file: string | undefined, options: BatchOptions): Promise<number> {
  const { io, lang } = ctx;
  const m = messages(lang);
  if (file === undefined) throw new UserError(m.batch.noFile, EXIT.usage, ["see 'career-risk batch --help'"]);
  if (options.summaryFormat !== 'text' && options.summaryFile === undefined) throw new UserError(m.batch.summaryFileNeedsFormat);
  const inputFormat = options.inputFormat ?? (file === '-' ? 'csv' : guessInputFormat(file));
  if (!inputFormat) throw new UserError(m.batch.unknownFormat(file));
  const outputFormat: OutputFormat = options.format ?? (inputFormat === 'csv' ? 'csv' : 'jsonl');
  const rb = await ctx.ruleBase();
  const source = openInput(file, io, m);
  // The CSV libraries and the batch loop load only when a batch runs.
  const [{ RowAssessor }, { runBatch }] = await Promise.all([import('../batch/rows.js'), import('../batch/run.js')]);

  // Temporary files are removed on any exit that is not a clean finish.
  const onSignal = (signal: NodeJS.Signals): void => {
    abortAll();
    io.stderr.write(`${io.stderr.isTTY ? '\r\u001b[K' : ''}${m.batch.interrupted}\n`);
    process.exit(signal === 'SIGINT' ? EXIT.interrupted : 128 + 15);
  };
  process.on('exit', abortAll);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const progress = wantsProgress(io, source.size) ? new Progress(io, source.size ?? 0) : undefined;
  if (progress) source.stream.on('data', (chunk: Buffer | string) => progress.addBytes(chunk.length));
  // Rejected-row messages are batched into few writes: a big file can reject thousands of rows.
  const diagnostics = new LineBuffer((text) => {
    progress?.clear();
    io.stderr.write(text);
  });
  try {
    const outFile = options.output === undefined ? undefined : new AtomicFile(options.output);
    const errFile = options.errors === undefined ? undefined : new AtomicFile(options.errors);
    const summary = await runBatch(new RowAssessor(rb, lang), lang, {
      label: file === '-' ? 'stdin' : file,
      input: source.stream,
      inputFormat,
      outputFormat,
      out: outFile?.stream ?? (io.stdout as Writable),
      ownsOut: outFile !== undefined,
      errors: errFile?.stream,
      strict: options.strict === true,
      progress,
      warn: (line) => diagnostics.write(line),
    });
    diagnostics.flush();
    progress?.clear();
    const summaryFile = options.summaryFile === undefined ? undefined : new AtomicFile(options.summaryFile);
    summaryFile?.stream.end(renderSummary(summary, rb, options.summaryFormat, lang));
    for (const f of [outFile, errFile, summaryFile]) await f?.commit();
    if (options.summary) io.stderr.write(summary.renderText(rb, lang));
    io.stderr.write(`${m.batch.rowsLine(summary.total, summary.assessed, summary.rejected)}\n`);
    return summary.rejected > 0 ? EXIT.rejectedRows : EXIT.ok;
  } catch (error) {
    diagnostics.flush();
    progress?.clear();
    abortAll();
    throw error;
  } finally {
    process.off('exit', abortAll);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function renderSummary(summary: Summary, rb: RuleBase, format: 'text' | 'md' | 'json', lang: Lang): string {
  if (format === 'json') return `${JSON.stringify(summary.toJson(rb, lang), null, 2)}\n`;
  if (format === 'md') return summary.renderMarkdown(rb, lang);
  return summary.renderText(rb, lang);
}

/** Collects lines and writes them in chunks of about 16 KiB (and on flush). */
class LineBuffer {
  private text = '';
  constructor(private readonly sink: (text: string) => void) {}
  write(line: string): void {
    this.text += `${line}\n`;
    if (this.text.length >= 16_384) this.flush();
  }
  flush(): void {
    if (this.text === '') return;
    const text = this.text;
    this.text = '';
    this.sink(text);
  }
}
