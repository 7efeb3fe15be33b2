/**
 * The batch loop. Records are handled synchronously as the parser emits them,
 * so rows, rejections and parse errors keep input order; when an output cannot
 * take more, the source is paused until it drains, so memory stays flat.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Lang, Messages } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import { UserError } from '../cli/errors.js';
import type { FieldColumn, InputFormat } from './input.js';
import { canonicalColumn, FIELD_COLUMNS, MAX_RECORD_BYTES } from './input.js';
import type { OutputFormat, RowWriter } from './output.js';
import { csvWriter, jsonWriter } from './output.js';
import type { Progress } from './progress.js';
import type { RawFields, RowAssessor, RowOutcome } from './rows.js';
import { RESULT_COLUMNS } from './rows.js';
import { Summary } from './summary.js';

export interface BatchIo {
  /** How the input is named in messages (`clients.csv`, `stdin`). */
  readonly label: string;
  readonly input: Readable;
  readonly inputFormat: InputFormat;
  readonly outputFormat: OutputFormat;
  readonly out: Writable;
  /** True when `out` is our own file (end it); false for stdout. */
  readonly ownsOut: boolean;
  readonly errors?: Writable | undefined;
  readonly strict: boolean;
  readonly progress?: Progress | undefined;
  /** One line of diagnostics (stderr). */
  warn(line: string): void;
}

interface Row {
  readonly line: number;
  readonly id: string | undefined;
  readonly raw: RawFields;
  /** The row as read: CSV fields (aligned to the header), or the JSONL object. */
  readonly original: readonly string[] | Readonly<Record<string, unknown>>;
}

/** CSV rows echo their own fields, so an accepted row needs no separate raw values. */
const NO_RAW: RawFields = { role: undefined, seniority: undefined, repetitiveness: undefined, ai_usage: undefined };

interface ParserInfo {
  readonly lines: number;
  readonly empty_lines: number;
}

export function runBatch(assessor: RowAssessor, lang: Lang, b: BatchIo): Promise<Summary> {
  const m: Messages = messages(lang);
  const summary = new Summary();
  let header: readonly string[] | undefined;
  // Column positions, fixed once the header is read (the hot path reads them).
  let iId: number | undefined;
  let iRole = 0;
  let iSeniority = 0;
  let iRepetitiveness = 0;
  let iAiUsage = 0;
  let out: RowWriter | undefined;
  let errors: RowWriter | undefined;
  let pause: () => void = () => undefined;
  let resume: () => void = () => undefined;
  let waiting = 0;

  const watch = (writer: RowWriter, ok: boolean): void => {
    if (ok) return;
    waiting++;
    pause();
    writer.stream.once('drain', () => {
      waiting--;
      if (waiting === 0) resume();
    });
  };

  const columns = (): readonly string[] => header ?? ['id', ...FIELD_COLUMNS];
  const open = (): RowWriter => {
    if (out) return out;
    out = b.outputFormat === 'csv' ? csvWriter(b.out, [...columns(), ...RESULT_COLUMNS], b.ownsOut) : jsonWriter(b.out, b.outputFormat, b.ownsOut);
    if (b.errors) errors = b.inputFormat === 'csv' ? csvWriter(b.errors, [...columns(), 'reason'], true) : jsonWriter(b.errors, 'jsonl', true);
    return out;
  };

  const reject = (line: number, original: Row['original'], reason: string, unknownRole?: string): void => {
    const message = `${b.label}:${line}: ${reason}`;
    if (b.strict) {
      b.warn(`career-risk: ${message}`);
      throw new UserError(m.batch.strictStop);
    }
    b.warn(message);
    summary.addRejected(unknownRole);
    open();
    if (errors) {
      const because = `line ${line}: ${reason}`;
      watch(errors, Array.isArray(original) ? errors.write([...padTo(original as readonly string[], columns().length), because]) : errors.write({ ...original, reason: because }));
    }
    b.progress?.addRow();
  };

  /** CSV output: the row as read (aligned to the header) followed by the result columns. */
  const acceptCsv = (echo: readonly string[], outcome: RowOutcome & { ok: true }): void => {
    const writer = open();
    summary.addAssessed(outcome.cells);
    watch(writer, writer.write(echo.concat(outcome.cells)));
    b.progress?.addRow();
  };

  const accept = (row: Row, outcome: RowOutcome & { ok: true }): void => {
    if (b.outputFormat === 'csv') {
      acceptCsv(Array.isArray(row.original) ? padTo(row.original as readonly string[], columns().length) : [row.id ?? '', ...FIELD_COLUMNS.map((c) => row.raw[c] ?? '')], outcome);
      return;
    }
    // jsonl/json output: the input and the full assessment object of `assess --format json`.
    const writer = open();
    summary.addAssessed(outcome.cells);
    const input = Array.isArray(row.original) ? Object.fromEntries(columns().map((name, i) => [name, (row.original as string[])[i] ?? ''])) : row.original;
    watch(writer, writer.write({ line: row.line, id: row.id ?? null, input, assessment: assessor.assessmentJson(outcome.slot) }));
    b.progress?.addRow();
  };

  const handle = (row: Row, outcome: RowOutcome): void => {
    if (outcome.ok) accept(row, outcome);
    else reject(row.line, row.original, outcome.reason, outcome.unknownRole);
  };

  const onHeader = (fields: readonly string[]): void => {
    header = fields;
    const index: Partial<Record<FieldColumn | 'id', number>> = {};
    fields.forEach((name, i) => {
      const canonical = canonicalColumn(name);
      if (canonical === 'id' || (FIELD_COLUMNS as readonly string[]).includes(canonical)) index[canonical as FieldColumn | 'id'] ??= i;
    });
    const missing = FIELD_COLUMNS.filter((c) => index[c] === undefined);
    if (missing.length > 0) throw new UserError(m.batch.missingColumns(b.label, missing.join(', '), fields.join(', ')));
    [iRole = 0, iSeniority = 0, iRepetitiveness = 0, iAiUsage = 0] = FIELD_COLUMNS.map((c) => index[c] ?? 0);
    iId = index.id;
  };

  const onCsvRecord = (fields: string[], line: number): void => {
    if (!header) {
      onHeader(fields);
      return;
    }
    if (fields.every((f) => f === '')) return; // a line of bare commas counts as blank
    const width = header.length;
    if (fields.length > width) {
      // Keep the row aligned with the header in the errors file; the extra fields go into the reason.
      const extra = fields.slice(width).map((f) => JSON.stringify(f)).join(', ');
      reject(line, fields.slice(0, width), m.batch.ragged(fields.length, width, extra));
      return;
    }
    const outcome = assessor.checkCells(fields[iRole], fields[iSeniority], fields[iRepetitiveness], fields[iAiUsage]);
    // The common case goes straight to the writer, without building a Row.
    if (outcome.ok && b.outputFormat === 'csv') acceptCsv(fields.length === width ? fields : padTo(fields, width), outcome);
    else handle({ line, id: iId === undefined ? undefined : fields[iId], raw: NO_RAW, original: fields }, outcome);
  };

  const onJsonLine = (text: string, line: number): void => {
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (trimmed === '') return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      // The engine's own parse message differs between Node versions; output must not.
      reject(line, { raw: text }, 'not valid JSON (check quotes, commas and braces)');
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      reject(line, { raw: text }, 'each line must be one JSON object');
      return;
    }
    const values = new Map<string, unknown>();
    for (const [key, v] of Object.entries(value)) values.set(canonicalColumn(key), v);
    const field = (key: string): string | undefined => {
      const v = values.get(key);
      return v === undefined || v === null ? undefined : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v);
    };
    const raw: RawFields = { role: field('role'), seniority: field('seniority'), repetitiveness: field('repetitiveness'), ai_usage: field('ai_usage') };
    handle({ line, id: field('id'), raw, original: value as Record<string, unknown> }, assessor.check(raw));
  };

  return new Promise<Summary>((resolve, reject_) => {
    let settled = false;
    let stop: () => void = () => undefined;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      stop();
      reject_(error);
    };
    const guard =
      <A extends unknown[]>(fn: (...args: A) => void) =>
      (...args: A): void => {
        if (settled) return;
        try {
          fn(...args);
        } catch (error) {
          fail(error);
        }
      };
    const finish = guard(() => {
      open();
      const ends = [out?.end(), errors?.end()];
      Promise.all(ends).then(() => {
        if (!settled) {
          settled = true;
          resolve(summary);
        }
      }, fail);
    });
    b.input.on('error', fail);
    b.out.on('error', fail);
    b.errors?.on('error', fail);

    if (b.inputFormat === 'csv') {
      const parser = parse({
        bom: true,
        info: true,
        trim: true,
        skip_empty_lines: true,
        relax_column_count: true,
        skip_records_with_error: true,
        max_record_size: MAX_RECORD_BYTES,
      });
      // Line where each record starts: after the previous one, past skipped empty lines.
      // csv-parse counts a CRLF inside a quoted field as two lines; `overcount` corrects that.
      let lastEnd = 0;
      let lastEmpty = 0;
      let overcount = 0;
      parser.on(
        'data',
        guard(({ record, info }: { record: string[]; info: ParserInfo }) => {
          const start = lastEnd + 1 + (info.empty_lines - lastEmpty);
          // Only a record spanning lines can hold a quoted CRLF; most rows skip the scan.
          if (info.lines - overcount > start) {
            for (const field of record) if (field.includes('\r\n')) overcount += field.split('\r\n').length - 1;
          }
          lastEnd = info.lines - overcount;
          lastEmpty = info.empty_lines;
          onCsvRecord(record, start);
        }),
      );
      parser.on(
        'skip',
        guard((error: Error & { code?: string; lines?: number }) => {
          const start = lastEnd + 1;
          const end = error.lines === undefined ? undefined : error.lines - overcount;
          const reason =
            error.code === 'CSV_QUOTE_NOT_CLOSED'
              ? m.batch.unclosedQuote(start, end ?? start)
              : `${m.batch.unreadable}: ${error.message}`;
          if (!header) throw new UserError(`${b.label}:${start}: ${reason}`);
          reject(start, [], reason);
          if (end !== undefined) lastEnd = end;
        }),
      );
      parser.on('end', finish);
      parser.on('error', fail);
      pause = () => parser.pause();
      resume = () => parser.resume();
      stop = () => {
        b.input.unpipe(parser);
        parser.destroy();
      };
      b.input.pipe(parser);
    } else {
      const lines = createInterface({ input: b.input, crlfDelay: Infinity });
      let line = 0;
      lines.on(
        'line',
        guard((text: string) => {
          line++;
          onJsonLine(text, line);
        }),
      );
      lines.on('close', finish);
      pause = () => lines.pause();
      resume = () => lines.resume();
      stop = () => lines.close();
    }
  });
}

function padTo(fields: readonly string[], length: number): string[] {
  const row = fields.slice(0, Math.max(length, fields.length));
  while (row.length < length) row.push('');
  return row;
}
