/**
 * `career-risk batch`: a counselor's caseload in, one assessed row per client out,
 * streaming both ways. A bad row is reported and set aside, never fatal.
 */
import { statSync, createReadStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { Command, Option } from 'commander';
import type { RuleBase } from '../engine/compile.js';
import { messages } from '../i18n/index.js';
import type { Messages } from '../i18n/index.js';
import { AtomicFile, abortAll } from '../batch/atomic-file.js';
import type { FieldColumn, InputFormat } from '../batch/input.js';
import { canonicalColumn, FIELD_COLUMNS, guessInputFormat, INPUT_FORMATS, readCsv, readJsonl } from '../batch/input.js';
import type { OutputFormat, RowWriter } from '../batch/output.js';
import { csvWriter, jsonWriter, OUTPUT_FORMATS } from '../batch/output.js';
import { Progress, wantsProgress } from '../batch/progress.js';
import type { RawFields, RowOutcome } from '../batch/rows.js';
import { RowAssessor } from '../batch/rows.js';
import { Summary } from '../batch/summary.js';
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

/** The columns added after the input's own columns in CSV output. */
export const RESULT_COLUMNS = [
  'occupation_id',
  'occupation_title',
  'isco08',
  'soc2018',
  'score',
  'band',
  'range_low',
  'range_high',
  'advice_1',
  'advice_2',
  'advice_3',
] as const;

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
      const code = await runBatch(ctx, file, options);
      if (code !== EXIT.ok) throw new ExitSignal(code);
    });
}

interface Source {
  readonly stream: Readable;
  readonly name: string;
  readonly size: number | undefined;
}

function openInput(file: string, io: Io, m: Messages): Source {
  if (file === '-') return { stream: io.stdin as Readable, name: 'stdin', size: undefined };
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    size = stat.size;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'it is a folder' : e.code === 'EACCES' ? 'permission denied' : e.message;
    throw new UserError(m.batch.cannotRead(file, why));
  }
  return { stream: createReadStream(file), name: file, size };
}

/** A row in a uniform shape, whatever the input format. */
interface Row {
  readonly line: number;
  readonly id: string | undefined;
  readonly raw: RawFields;
  /** The row as read: CSV fields in header order, or the JSONL object. */
  readonly original: readonly string[] | Readonly<Record<string, unknown>>;
  readonly broken?: string;
}

async function runBatch(ctx: Context, file: string | undefined, options: BatchOptions): Promise<number> {
  const { io, lang } = ctx;
  const m = messages(lang);
  if (file === undefined) throw new UserError(m.batch.noFile, EXIT.usage, ["see 'career-risk batch --help'"]);
  if (options.summaryFormat !== 'text' && options.summaryFile === undefined) {
    throw new UserError(m.batch.summaryFileNeedsFormat);
  }
  const inputFormat = options.inputFormat ?? (file === '-' ? 'csv' : guessInputFormat(file));
  if (!inputFormat) throw new UserError(m.batch.unknownFormat(file));
  const outputFormat: OutputFormat = options.format ?? (inputFormat === 'csv' ? 'csv' : 'jsonl');
  const rb = await ctx.ruleBase();
  const source = openInput(file, io, m);
  const label = source.name;

  const files: AtomicFile[] = [];
  const cleanUp = () => abortAll();
  const onSignal = (signal: NodeJS.Signals) => {
    abortAll();
    progress?.clear();
    io.stderr.write(`${m.batch.interrupted}\n`);
    process.exit(signal === 'SIGINT' ? EXIT.interrupted : 143);
  };
  process.on('exit', cleanUp);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const progress = wantsProgress(io, source.size) ? new Progress(io, source.size ?? 0) : undefined;
  if (progress) source.stream.on('data', (chunk: Buffer | string) => progress.addBytes(chunk.length));

  const summary = new Summary();
  const assessor = new RowAssessor(rb, lang);
  try {
    const outFile = options.output === undefined ? undefined : new AtomicFile(options.output);
    if (outFile) files.push(outFile);
    const errFile = options.errors === undefined ? undefined : new AtomicFile(options.errors);
    if (errFile) files.push(errFile);
    const outDest: Writable = outFile?.stream ?? (io.stdout as Writable);

    const rows = inputFormat === 'csv' ? csvRows(source, m) : jsonlRows(source);
    let header: readonly string[] | undefined;
    let out: RowWriter<readonly unknown[]> | RowWriter<unknown> | undefined;
    let errors: RowWriter<readonly unknown[]> | RowWriter<unknown> | undefined;

    for await (const item of rows) {
      if ('header' in item) {
        header = item.header;
        continue;
      }
      const row = item;
      if (!out) {
        const columns = header ?? ['id', ...FIELD_COLUMNS];
        out = outputFormat === 'csv' ? csvWriter(outDest, [...columns, ...RESULT_COLUMNS], outFile !== undefined) : jsonWriter(outDest, outputFormat);
        if (errFile) errors = inputFormat === 'csv' ? csvWriter(errFile.stream, [...columns, 'reason'], true) : jsonWriter(errFile.stream, 'jsonl');
      }
      const outcome: RowOutcome = row.broken !== undefined ? { ok: false, field: 'row', reason: row.broken } : assessor.check(row.raw);
      if (!outcome.ok) {
        const message = `${label}:${row.line}: ${outcome.reason}`;
        if (options.strict) {
          io.stderr.write(`career-risk: ${message}\n`);
          throw new UserError(m.batch.strictStop);
        }
        io.stderr.write(`${message}\n`);
        summary.addRejected(outcome.unknownRole);
        const reason = `line ${row.line}: ${outcome.reason}`;
        if (errors) {
          const original = row.original;
          const pending = Array.isArray(original)
            ? (errors as RowWriter<readonly unknown[]>).write([...padTo(original as readonly string[], header?.length ?? 0), reason])
            : (errors as RowWriter<unknown>).write({ ...(original as Record<string, unknown>), reason });
          if (pending) await pending;
        }
        progress?.addRow();
        continue;
      }
      const result = assessor.result(outcome.profile);
      summary.addAssessed(result.score, result.band, result.advice);
      let pending: Promise<void> | undefined;
      if (outputFormat === 'csv') {
        const o = outcome.occupation;
        const echo = Array.isArray(row.original) ? padTo(row.original as readonly string[], header?.length ?? 0) : csvEcho(row);
        pending = (out as RowWriter<readonly unknown[]>).write([
          ...echo,
          o.id,
          o.title[lang],
          o.codes.isco08,
          o.codes.soc2018,
          result.score,
          result.band,
          result.low,
          result.high,
          result.advice[0] ?? '',
          result.advice[1] ?? '',
          result.advice[2] ?? '',
        ]);
      } else {
        pending = (out as RowWriter<unknown>).write({
          line: row.line,
          id: row.id ?? null,
          input: inputObject(row, header),
          assessment: assessor.assessmentJson(outcome.profile),
        });
      }
      if (pending) await pending;
      progress?.addRow();
    }

    if (!out) {
      // An empty file still gets a well-formed (empty) result.
      const columns = header ?? ['id', ...FIELD_COLUMNS];
      out = outputFormat === 'csv' ? csvWriter(outDest, [...columns, ...RESULT_COLUMNS], outFile !== undefined) : jsonWriter(outDest, outputFormat);
      if (errFile) errors = inputFormat === 'csv' ? csvWriter(errFile.stream, [...columns, 'reason'], true) : jsonWriter(errFile.stream, 'jsonl');
    }
    await out.end();
    if (errors) await errors.end();
    if (errFile && inputFormat === 'jsonl') errFile.stream.end();
    if (outFile && outputFormat !== 'csv') outFile.stream.end();
    progress?.clear();

    let summaryFile: AtomicFile | undefined;
    if (options.summaryFile !== undefined) {
      summaryFile = new AtomicFile(options.summaryFile);
      files.push(summaryFile);
      summaryFile.stream.end(renderSummary(summary, rb, options.summaryFormat, lang));
    }
    for (const f of files) await f.commit();
    if (options.summary) io.stderr.write(summary.renderText(rb, lang));
    io.stderr.write(`${m.batch.rowsLine(summary.total, summary.assessed, summary.rejected)}\n`);
    return summary.rejected > 0 ? EXIT.rejectedRows : EXIT.ok;
  } catch (error) {
    progress?.clear();
    abortAll();
    throw error;
  } finally {
    process.off('exit', cleanUp);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function renderSummary(summary: Summary, rb: RuleBase, format: 'text' | 'md' | 'json', lang: Context['lang']): string {
  if (format === 'json') return `${JSON.stringify(summary.toJson(rb, lang), null, 2)}\n`;
  if (format === 'md') return summary.renderMarkdown(rb, lang);
  return summary.renderText(rb, lang);
}

function padTo(fields: readonly string[], length: number): string[] {
  return fields.length >= length ? [...fields] : [...fields, ...new Array<string>(length - fields.length).fill('')];
}

function csvEcho(row: Row): string[] {
  return [row.id ?? '', ...FIELD_COLUMNS.map((c) => row.raw[c] ?? '')];
}

function inputObject(row: Row, header: readonly string[] | undefined): Readonly<Record<string, unknown>> {
  if (!Array.isArray(row.original)) return row.original as Readonly<Record<string, unknown>>;
  const fields = row.original as readonly string[];
  return Object.fromEntries((header ?? []).map((name, i) => [name, fields[i] ?? '']));
}

type CsvItem = { readonly header: readonly string[] } | Row;

async function* csvRows(source: Source, m: Messages): AsyncGenerator<CsvItem> {
  let header: readonly string[] | undefined;
  let index: Partial<Record<FieldColumn | 'id', number>> = {};
  for await (const record of readCsv(source.stream)) {
    if ('broken' in record) {
      if (!header) throw new UserError(`${source.name}:${record.line}: ${record.broken}`);
      yield { line: record.line, id: undefined, raw: emptyRaw(), original: [], broken: record.broken };
      continue;
    }
    const fields = record.fields;
    if (!header) {
      header = fields;
      index = {};
      fields.forEach((name, i) => {
        const canonical = canonicalColumn(name);
        if (canonical === 'id' || (FIELD_COLUMNS as readonly string[]).includes(canonical)) {
          index[canonical as FieldColumn | 'id'] ??= i;
        }
      });
      const missing = FIELD_COLUMNS.filter((c) => index[c] === undefined);
      if (missing.length > 0) throw new UserError(m.batch.missingColumns(source.name, missing.join(', '), fields.join(', ')));
      yield { header };
      continue;
    }
    if (fields.every((f) => f === '')) continue; // a line of bare commas is a blank line
    const at = (c: FieldColumn | 'id') => (index[c] === undefined ? undefined : fields[index[c] as number]);
    const raw: RawFields = { role: at('role'), seniority: at('seniority'), repetitiveness: at('repetitiveness'), ai_usage: at('ai_usage') };
    if (fields.length > header.length) {
      // Keep the row aligned with the header in the errors file; the extra fields go into the reason.
      const extra = fields.slice(header.length).map((f) => JSON.stringify(f)).join(', ');
      yield { line: record.line, id: at('id'), raw, original: fields.slice(0, header.length), broken: m.batch.ragged(fields.length, header.length, extra) };
      continue;
    }
    yield { line: record.line, id: at('id'), raw, original: fields };
  }
}

async function* jsonlRows(source: Source): AsyncGenerator<Row> {
  for await (const record of readJsonl(source.stream)) {
    if ('broken' in record) {
      yield { line: record.line, id: undefined, raw: emptyRaw(), original: { raw: record.raw }, broken: record.broken };
      continue;
    }
    const values = new Map<string, unknown>();
    for (const [key, value] of Object.entries(record.object)) values.set(canonicalColumn(key), value);
    const text = (key: string): string | undefined => {
      const v = values.get(key);
      return v === undefined || v === null ? undefined : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v);
    };
    yield {
      line: record.line,
      id: text('id'),
      raw: { role: text('role'), seniority: text('seniority'), repetitiveness: text('repetitiveness'), ai_usage: text('ai_usage') },
      original: record.object,
    };
  }
}

function emptyRaw(): RawFields {
  return { role: undefined, seniority: undefined, repetitiveness: undefined, ai_usage: undefined };
}
