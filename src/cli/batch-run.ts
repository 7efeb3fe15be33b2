/** The work of `career-risk batch`, loaded when it runs: files in and out, the row loop and the summary. */
import { createReadStream, fstatSync, openSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import type { RuleBase } from '../engine/compile.js';
import type { Lang, Messages } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import type { FileIdentity, Plan } from '../batch/atomic-file.js';
import { abortAll, commitAll, identityOf, OutputFault, OutputFile, planTarget, TargetRefused } from '../batch/atomic-file.js';
import { guessInputFormat } from '../batch/input.js';
import type { OutputFormat } from '../batch/input.js';
import { Progress, wantsProgress } from '../batch/progress.js';
import { decoderFactory, ENCODING_NAMES, resolveEncoding } from '../batch/encoding.js';
import type { Summary } from '../batch/summary.js';
import type { Context } from './context.js';
import { EXIT, isEpipe, UserError } from '../util/errors.js';
import type { Io } from '../util/io.js';
import { describeErrno, fileFault } from '../util/fs-errors.js';
import { escapeControls } from '../util/terminal-text.js';
import type { BatchOptions } from './batch.js';

interface Input {
  readonly stream: Readable;
  readonly size: number | undefined;
  /** Device and inode of what is read (a file, or stdin redirected from a file), to refuse writing over it. */
  readonly identity: FileIdentity | undefined;
}

/** Opens the client file now, so an unreadable file is reported before any work (and never as a crash). */
function openInput(file: string, io: Io, m: Messages, lang: Lang): Input {
  if (file === '-') {
    let identity: FileIdentity | undefined;
    try {
      const stat = fstatSync(0);
      if (stat.isFile()) identity = identityOf(stat);
    } catch {
      // stdin closed: reading it ends at once, and the run reports an empty input
    }
    // Typed or pasted rows: say what the wait is for and how to end it.
    if (io.stdin.isTTY === true) io.stderr.write(`${m.batch.stdinTerminal}\n`);
    return { stream: io.stdin as Readable, size: undefined, identity };
  }
  try {
    const fd = openSync(file, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    return { stream: createReadStream(file, { fd }), size: stat.isFile() ? stat.size : undefined, identity: identityOf(stat) };
  } catch (error) {
    throw new UserError(m.batch.cannotRead(escapeControls(file), describeErrno(error, lang)));
  }
}

/** The three outputs, planned before any work: refused when two share a file or one is the input. */
function planOutputs(options: BatchOptions, input: Input, lang: Lang): { output: Plan; errors: Plan | undefined; summary: Plan | undefined } {
  const f = messages(lang).files;
  const named: [string, string | undefined][] = [
    ['--output', options.output],
    ['--errors', options.errors],
    ['--summary-file', options.summaryFile],
  ];
  const plans: (Plan | undefined)[] = named.map(([flag, value]) => {
    if (value === undefined) return undefined;
    if (value === '') throw new UserError(f.needsFileName(flag));
    return planOutputTarget(value, lang);
  });
  const output = plans[0] ?? ({ kind: 'stdout', display: f.standardOutput, identity: 'stdout' } as const);
  const all: [string, Plan][] = [['--output', output]];
  if (plans[1]) all.push(['--errors', plans[1]]);
  if (plans[2]) all.push(['--summary-file', plans[2]]);
  for (let i = 0; i < all.length; i++) {
    const [flag, plan] = all[i] as [string, Plan];
    if (input.identity !== undefined && plan.identity === input.identity && !(plan.kind === 'direct' && plan.shareable)) {
      throw new UserError(f.outputIsInput(flag, escapeControls(plan.display)));
    }
    for (let j = 0; j < i; j++) {
      const [otherFlag, other] = all[j] as [string, Plan];
      const same = plan.kind === 'atomic' && other.kind === 'atomic' && plan.path === other.path;
      if ((same || (plan.identity !== undefined && plan.identity === other.identity)) && !(plan.kind === 'direct' && plan.shareable)) {
        throw new UserError(f.outputsClash(otherFlag, flag, escapeControls(plan.kind === 'stdout' ? f.standardOutput : plan.display)));
      }
    }
  }
  return { output, errors: plans[1], summary: plans[2] };
}

function planOutputTarget(target: string, lang: Lang): Plan {
  try {
    return planTarget(target);
  } catch (error) {
    throw outputError(error, lang);
  }
}

/** Output faults in the user's words; anything else is passed on unchanged. */
export function outputError(error: unknown, lang: Lang = 'en'): unknown {
  const f = messages(lang).files;
  if (error instanceof TargetRefused) return new UserError(f.cannotWrite(escapeControls(error.display), f.refused[error.reason]));
  if (error instanceof OutputFault) return new UserError(fileFault('write', error.display, error.fault, lang));
  return error;
}

function openOutput(plan: Plan | undefined, lang: Lang): OutputFile | undefined {
  if (plan === undefined || plan.kind === 'stdout') return undefined;
  try {
    return OutputFile.open(plan);
  } catch (error) {
    throw outputError(error, lang);
  }
}

/**
 * The signals that end a batch early (whose default action is to end the
 * process), each with its exit code, 128 + its number. SIGUSR1 is left to Node
 * (it opens the inspector); SIGKILL and SIGSTOP cannot be caught.
 */
const STOP_SIGNALS: readonly [NodeJS.Signals, number][] = (['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2', 'SIGALRM', 'SIGVTALRM', 'SIGXCPU', 'SIGXFSZ'] as const).map(
  (signal) => [signal, 128 + (osConstants.signals[signal] ?? 15)],
);

export async function batch(ctx: Context, file: string | undefined, options: BatchOptions): Promise<number> {
  const { io, lang } = ctx;
  const m = messages(lang);
  if (file === undefined) throw new UserError(m.batch.noFile, EXIT.usage, ["see 'career-risk batch --help'"]);
  if (file === '') throw new UserError(m.files.emptyClientName);
  if (options.summaryFormat !== 'text' && options.summaryFile === undefined) throw new UserError(m.batch.summaryFileNeedsFormat);
  const inputFormat = options.inputFormat ?? (file === '-' ? 'csv' : guessInputFormat(file));
  if (!inputFormat) throw new UserError(m.batch.unknownFormat(escapeControls(file)));
  const outputFormat: OutputFormat = options.format ?? (inputFormat === 'csv' ? 'csv' : 'jsonl');
  // JSON texts must not start with a byte-order mark (RFC 8259), and JSONL is read by programs, not Excel.
  if (options.bom && outputFormat !== 'csv') throw new UserError(m.batch.bomNotCsv(outputFormat));
  // CSV rows are compact already: the flag says something only of JSON output.
  if (options.compact && outputFormat === 'csv') throw new UserError(m.batch.compactNotJson);
  const codec = options.encoding === undefined ? 'utf8' : resolveEncoding(options.encoding);
  if (codec === undefined) throw new UserError(m.errors.badValue('--encoding', options.encoding ?? '', ENCODING_NAMES.join(', ')));
  const rb = await ctx.ruleBase();
  const source = openInput(file, io, m, lang);
  const plans = planOutputs(options, source, lang);
  const label = escapeControls(file === '-' ? 'stdin' : file);
  // The CSV libraries and the batch loop load only when a batch runs.
  const [{ RowAssessor }, { runBatch, StreamFault }] = await Promise.all([import('../batch/rows.js'), import('../batch/run.js')]);

  // Temporary files are removed on any exit that is not a clean finish.
  const onSignal = (signal: NodeJS.Signals): void => {
    abortAll();
    const message = plans.output.kind === 'stdout' ? m.batch.interruptedStdout : m.batch.interrupted;
    io.stderr.write(`${io.stderr.isTTY ? '\r\u001b[K' : ''}${message}\n`);
    process.exit(STOP_SIGNALS.find(([s]) => s === signal)?.[1] ?? EXIT.interrupted);
  };
  process.on('exit', abortAll);
  for (const [signal] of STOP_SIGNALS) process.once(signal, onSignal);
  const progress = wantsProgress(io, source.size) ? new Progress(io, source.size ?? 0) : undefined;
  if (progress) source.stream.on('data', (chunk: Buffer | string) => progress.addBytes(chunk.length));
  // Rejected-row messages are batched into few writes: a big file can reject thousands of rows.
  const diagnostics = new LineBuffer((text) => {
    progress?.clear();
    io.stderr.write(text);
  });
  const displayOf = (side: 'input' | 'output' | 'errors'): string =>
    side === 'input' ? (file === '-' ? m.files.standardInput : file) : side === 'output' ? plans.output.display : (plans.errors?.display ?? '');
  try {
    const outFile = openOutput(plans.output, lang);
    const errFile = openOutput(plans.errors, lang);
    const summaryFile = openOutput(plans.summary, lang);
    let summary: Summary;
    try {
      summary = await runBatch(new RowAssessor(rb, lang, { strictRoles: options.strictRoles === true }), lang, {
        label,
        input: source.stream,
        inputFormat,
        outputFormat,
        out: outFile?.stream ?? (io.stdout as Writable),
        ownsOut: outFile !== undefined,
        errors: errFile?.stream,
        strict: options.strict === true,
        progress,
        decoder: decoderFactory(codec),
        bom: options.bom === true,
        compact: options.compact === true,
        warn: (line) => diagnostics.write(line),
      });
    } catch (error) {
      if (error instanceof StreamFault) {
        if (isEpipe(error.fault) && error.side === 'output' && outFile === undefined) throw error.fault;
        throw new UserError(fileFault(error.side === 'input' ? 'read' : 'write', displayOf(error.side), error.fault, lang));
      }
      throw error;
    }
    diagnostics.flush();
    progress?.clear();
    summaryFile?.stream.end(renderSummary(summary, rb, options.summaryFormat, lang));
    try {
      await commitAll([outFile, errFile, summaryFile]);
    } catch (error) {
      throw outputError(error, lang);
    }
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
    for (const [signal] of STOP_SIGNALS) process.off(signal, onSignal);
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
