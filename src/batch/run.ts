/**
 * The batch loop. Records are handled synchronously as the parser emits them,
 * so rows, rejections and parse errors keep input order; when an output cannot
 * take more, the source is paused until it drains, so memory stays flat.
 */
import type { Readable, Writable } from 'node:stream';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { Lang, Messages } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import { UserError } from '../util/errors.js';
import { roleLabel } from '../model/answers.js';
import { echo, escapeControls } from '../util/terminal-text.js';
import type { FieldColumn, InputFormat } from './input.js';
import { canonicalColumn, FIELD_COLUMNS, FUZZY_NOTICES, MAX_RECORD_BYTES } from './input.js';
import type { CsvRowWriter, JsonRowWriter, OutputFormat, RowWriter } from './output.js';
import { csvWriter, jsonWriter } from './output.js';
import type { BadFrame, Frame } from './csv-frames.js';
import { CsvFrameStream, FramingError } from './csv-frames.js';
import type { JsonlLine } from './jsonl-lines.js';
import { jsonDepthExceeds, JsonlLineStream } from './jsonl-lines.js';
import type { Progress } from './progress.js';
import type { DecoderFactory } from './encoding.js';
import { NotUtf8Error } from './encoding.js';
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
  /** Decodes an input that is not UTF-8 (`--encoding`); without it the input must be UTF-8. */
  readonly decoder?: DecoderFactory | undefined;
  /** Start every CSV output (results and rejected rows) with a UTF-8 byte-order mark (`--bom`). */
  readonly bom?: boolean | undefined;
  /** JSONL/JSON rows with the result columns by name instead of the full assessment (`--compact`). */
  readonly compact?: boolean | undefined;
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

/** The record cap as people read it. */
const CAP_TEXT = MAX_RECORD_BYTES.toLocaleString('en-US');

/** Deepest nesting of arrays and objects accepted in a JSONL value. */
export const MAX_JSON_DEPTH = 64;

/** Where a stream error came from, so the caller can name the file. */
export class StreamFault extends Error {
  constructor(
    readonly side: 'input' | 'output' | 'errors',
    readonly fault: unknown,
  ) {
    super(fault instanceof Error ? fault.message : String(fault));
    this.name = 'StreamFault';
  }
}

export function runBatch(assessor: RowAssessor, lang: Lang, b: BatchIo): Promise<Summary> {
  const m: Messages = messages(lang);
  const summary = new Summary((key) => assessor.cellsOf(key));
  let header: readonly string[] | undefined;
  // Column positions, fixed once the header is read (the hot path reads them).
  let iId: number | undefined;
  let iRole = 0;
  let iSeniority = 0;
  let iRepetitiveness = 0;
  let iAiUsage = 0;
  let out: RowWriter | undefined;
  /** `out` when the output is CSV: rows are written as their own cells plus the profile's pre-escaped result cells. */
  let csvOut: CsvRowWriter | undefined;
  /** `out` when the output is JSONL/JSON. */
  let jsonOut: JsonRowWriter | undefined;
  /** Compact JSON rows from CSV input: each column's name as a JSON key, in the order `Object.fromEntries` gives them. */
  let inputKeys: readonly (readonly [key: string, index: number])[] | undefined;
  let errors: RowWriter | undefined;
  let pause: () => void = () => undefined;
  let resume: () => void = () => undefined;
  let fuzzyRows = 0;
  // Writers that asked us to wait: one 'drain' listener each, however many rows arrive meanwhile.
  const waitingOn = new Set<RowWriter>();

  const watch = (writer: RowWriter, ok: boolean): void => {
    if (ok || waitingOn.has(writer)) return;
    waitingOn.add(writer);
    pause();
    writer.stream.once('drain', () => {
      waitingOn.delete(writer);
      if (waitingOn.size === 0) resume();
    });
  };

  const columns = (): readonly string[] => header ?? ['id', ...FIELD_COLUMNS];
  const open = (): RowWriter => {
    if (out) return out;
    const bom = b.bom === true;
    if (b.outputFormat === 'csv') {
      csvOut = csvWriter(b.out, [...columns(), ...RESULT_COLUMNS], b.ownsOut, bom);
      out = csvOut;
    } else {
      jsonOut = jsonWriter(b.out, b.outputFormat, b.ownsOut);
      out = jsonOut;
    }
    if (b.errors) errors = b.inputFormat === 'csv' ? csvWriter(b.errors, [...columns(), 'reason'], true, bom) : jsonWriter(b.errors, 'jsonl', true);
    return out;
  };

  /** `fileReason`: a longer reason for the errors file, when the terminal gets a shortened one. */
  const reject = (line: number, original: Row['original'], reason: string, unknownRole?: string, fileReason = reason): void => {
    // Reasons quote the row's own values: escaped, so a cell cannot steer the terminal or forge a line.
    const message = escapeControls(`${b.label}:${line}: ${reason}`);
    if (b.strict) {
      b.warn(`career-risk: ${message}`);
      throw new UserError(m.batch.strictStop);
    }
    b.warn(message);
    summary.addRejected(unknownRole);
    open();
    if (errors) {
      const because = `line ${line}: ${fileReason}`;
      watch(errors, Array.isArray(original) ? errors.write([...padTo(original as readonly string[], columns().length), because]) : errors.write({ ...original, reason: because }));
    }
    b.progress?.addRow();
  };

  /** Names a row whose role was found only by fuzzy search, so a wrong guess can be caught (the first FUZZY_NOTICES of them). */
  const noteMatch = (line: number, role: string | undefined, outcome: RowOutcome & { ok: true }): void => {
    if (outcome.match !== 'fuzzy' || ++fuzzyRows > FUZZY_NOTICES) return;
    b.warn(escapeControls(`${b.label}:${line}: ${m.batch.fuzzyMatched((role ?? '').trim(), roleLabel(outcome.occupation, lang))}`));
  };

  /** CSV output: the row as read (aligned to the header) followed by the result columns. */
  const acceptCsv = (echo: readonly string[], outcome: RowOutcome & { ok: true }): void => {
    open();
    const writer = csvOut;
    if (!writer) throw new Error('CSV output expected');
    summary.addAssessed(outcome.key);
    watch(writer, writer.writeWithSuffix(echo, assessor.csvSuffix(outcome.key)));
    b.progress?.addRow();
  };

  const accept = (row: Row, outcome: RowOutcome & { ok: true }): void => {
    if (b.outputFormat === 'csv') {
      acceptCsv(Array.isArray(row.original) ? padTo(row.original as readonly string[], columns().length) : [row.id ?? '', ...FIELD_COLUMNS.map((c) => row.raw[c] ?? '')], outcome);
      return;
    }
    // jsonl/json output: the input and the full assessment object of `assess --format json`.
    open();
    const writer = jsonOut;
    if (!writer) throw new Error('JSON output expected');
    summary.addAssessed(outcome.key);
    if (b.compact === true) {
      watch(writer, writer.writeJson(compactRow(row, outcome)));
      b.progress?.addRow();
      return;
    }
    const input = Array.isArray(row.original) ? Object.fromEntries(columns().map((name, i) => [name, (row.original as string[])[i] ?? ''])) : row.original;
    watch(writer, writer.write({ line: row.line, id: row.id ?? null, input, match: outcome.match, assessment: assessor.assessmentJson(outcome.slot) }));
    b.progress?.addRow();
  };

  /**
   * A `--compact` row as text: what `JSON.stringify({ line, id, input, match, result: compactResult(cells) })`
   * writes, with the result from the assessor's pre-escaped pieces and no object built per row.
   */
  const compactRow = (row: Row, outcome: RowOutcome & { ok: true }): string => {
    let input: string;
    if (Array.isArray(row.original)) {
      const fields = row.original as readonly string[];
      inputKeys ??= keyOrder(columns());
      input = '{';
      for (let i = 0; i < inputKeys.length; i++) {
        const [key, index] = inputKeys[i] ?? ['""', 0];
        input += `${i === 0 ? '' : ','}${key}:${JSON.stringify(fields[index] ?? '')}`;
      }
      input += '}';
    } else input = JSON.stringify(row.original);
    return `{"line":${row.line},"id":${JSON.stringify(row.id ?? null)},"input":${input},"match":"${outcome.match}","result":${assessor.compactJson(outcome.key)}}`;
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
      if (canonical !== 'id' && !(FIELD_COLUMNS as readonly string[]).includes(canonical)) return;
      const seen = index[canonical as FieldColumn | 'id'];
      if (seen !== undefined) throw new UserError(m.batch.duplicateColumn(b.label, canonical, seen + 1, i + 1));
      index[canonical as FieldColumn | 'id'] = i;
    });
    const seenNames = new Map<string, number>();
    fields.forEach((name, i) => {
      const key = name.trim();
      const first = seenNames.get(key);
      // A value under a repeated name would be lost in JSON output and ambiguous everywhere.
      if (first !== undefined) throw new UserError(m.batch.duplicateColumn(b.label, escapeControls(key === '' ? '(empty name)' : key), first + 1, i + 1));
      seenNames.set(key, i);
    });
    const missing = FIELD_COLUMNS.filter((c) => index[c] === undefined);
    if (missing.length > 0) throw new UserError(m.batch.missingColumns(b.label, missing.join(', '), missing.length, fields.join(', ')));
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
      // Keep the row aligned with the header in the errors file; the extra fields go, whole, into its reason.
      const extra = fields.slice(width).map((f) => JSON.stringify(f)).join(', ');
      reject(line, fields.slice(0, width), m.batch.ragged(fields.length, width, echo(extra)), undefined, m.batch.ragged(fields.length, width, extra));
      return;
    }
    const outcome = assessor.checkCells(fields[iRole], fields[iSeniority], fields[iRepetitiveness], fields[iAiUsage]);
    if (outcome.ok) noteMatch(line, fields[iRole], outcome);
    // The common case goes straight to the writer, without building a Row.
    if (outcome.ok && b.outputFormat === 'csv') acceptCsv(fields.length === width ? fields : padTo(fields, width), outcome);
    else handle({ line, id: iId === undefined ? undefined : fields[iId], raw: NO_RAW, original: fields }, outcome);
  };

  const onJsonLine = ({ line, text }: JsonlLine): void => {
    if (text === undefined) {
      reject(line, {}, m.batch.lineTooLong(CAP_TEXT));
      return;
    }
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
    if (jsonDepthExceeds(value, MAX_JSON_DEPTH)) {
      // Kept as text: a value this deep cannot be written back as JSON safely.
      reject(line, { raw: text }, m.batch.tooDeep(MAX_JSON_DEPTH));
      return;
    }
    const repeated = repeatedTopLevelKey(trimmed);
    if (repeated !== undefined) {
      reject(line, value as Record<string, unknown>, m.batch.duplicateKey(escapeControls(repeated), `${escapeControls(repeated)}, ${escapeControls(repeated)}`));
      return;
    }
    const values = new Map<string, unknown>();
    const keys = new Map<string, string[]>();
    for (const [key, v] of Object.entries(value)) {
      const canonical = canonicalColumn(key);
      values.set(canonical, v);
      keys.set(canonical, [...(keys.get(canonical) ?? []), key]);
    }
    for (const column of ['id', ...FIELD_COLUMNS]) {
      const names = keys.get(column);
      if (names && names.length > 1) {
        reject(line, value as Record<string, unknown>, m.batch.duplicateKey(column, names.join(', ')));
        return;
      }
    }
    for (const column of FIELD_COLUMNS) {
      const v = values.get(column);
      if (v !== undefined && v !== null && typeof v !== 'string' && typeof v !== 'number') {
        reject(line, value as Record<string, unknown>, m.batch.notScalar(column));
        return;
      }
    }
    const field = (key: string): string | undefined => {
      const v = values.get(key);
      return v === undefined || v === null ? undefined : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v);
    };
    const raw: RawFields = { role: field('role'), seniority: field('seniority'), repetitiveness: field('repetitiveness'), ai_usage: field('ai_usage') };
    const outcome = assessor.check(raw);
    if (outcome.ok) noteMatch(line, raw.role, outcome);
    handle({ line, id: field('id'), raw, original: value as Record<string, unknown> }, outcome);
  };

  /** A CSV record the framer set aside: rejected with its own line and reason, its text kept where it can be. */
  const onBadFrame = (frame: BadFrame): void => {
    if (!header) throw new UserError(m.batch.headerUnreadable(b.label, frame.line));
    const reason = frameReason(frame, m);
    reject(frame.line, frame.text === undefined ? [] : salvageCells(frame.text), reason);
  };

  /** The input is not UTF-8: one line naming the file, the line, what it looks like and the flag to pass. */
  const notUtf8 = (error: NotUtf8Error): UserError => new UserError(m.batch.notUtf8(b.label, error.line, error.guess));

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
      if (fuzzyRows > FUZZY_NOTICES) b.warn(`${b.label}: ${m.batch.fuzzyMore(fuzzyRows - FUZZY_NOTICES, b.outputFormat !== 'csv')}`);
      open();
      const ends = [out?.end(), errors?.end()];
      Promise.all(ends).then(() => {
        if (!settled) {
          settled = true;
          resolve(summary);
        }
      }, fail);
    });
    b.input.on('error', (error) => fail(new StreamFault('input', error)));
    b.out.on('error', (error) => fail(new StreamFault('output', error)));
    b.errors?.on('error', (error) => fail(new StreamFault('errors', error)));
    let rowsSeen = false;
    const ended = guard(() => {
      if (!rowsSeen && !header) throw new UserError(b.inputFormat === 'csv' ? m.batch.emptyInput(b.label) : m.batch.noJsonLines(b.label));
      finish();
    });

    if (b.inputFormat === 'csv') {
      // Frames queued by the framer, one per record csv-parse will emit (see csv-frames.ts).
      const frames: Frame[] = [];
      let head = 0;
      const framer = new CsvFrameStream((frame) => frames.push(frame), MAX_RECORD_BYTES, b.decoder);
      const next = (): Frame => {
        const frame = frames[head++];
        if (head > 4096 && head * 2 > frames.length) {
          frames.splice(0, head);
          head = 0;
        }
        if (frame === undefined) throw new Error('CSV framing out of step with the parser');
        return frame;
      };
      const parser = parse({
        bom: false,
        trim: true,
        skip_empty_lines: false,
        relax_column_count: true,
        record_delimiter: '\n',
        skip_records_with_error: true,
        // The framer enforces the cap on whole records; this is only a backstop.
        max_record_size: MAX_RECORD_BYTES * 2,
      });
      parser.on(
        'data',
        guard((record: string[]) => {
          const frame = next();
          if (typeof frame === 'number') {
            if (record.length === 1 && record[0] === '') return; // a blank line
            rowsSeen = true;
            onCsvRecord(record, frame);
          } else {
            rowsSeen = true;
            onBadFrame(frame);
          }
        }),
      );
      parser.on(
        'skip',
        guard((error: Error) => {
          // The framer passes only well-formed records, so this is a backstop: reject that record alone.
          const frame = next();
          const line = typeof frame === 'number' ? frame : frame.line;
          if (!header) throw new UserError(`${b.label}:${line}: ${m.batch.unexpectedParse(error.message)}`);
          reject(line, [], m.batch.unexpectedParse(error.message));
        }),
      );
      parser.on('end', ended);
      parser.on('error', fail);
      framer.on('error', (error) => {
        if (error instanceof NotUtf8Error) fail(notUtf8(error));
        else if (error instanceof FramingError) {
          fail(new UserError(m.batch.fatalQuote(b.label, error.line, error.reason === 'unclosed-quote-eof' ? 'eof' : error.endLine, CAP_TEXT)));
        } else fail(error);
      });
      pause = () => parser.pause();
      resume = () => parser.resume();
      stop = () => {
        b.input.unpipe(framer);
        framer.unpipe(parser);
        framer.destroy();
        parser.destroy();
      };
      b.input.pipe(framer).pipe(parser);
    } else {
      const lines = new JsonlLineStream(MAX_RECORD_BYTES, b.decoder);
      lines.on(
        'data',
        guard((line: JsonlLine) => {
          if (line.text === undefined || line.text.trim() !== '') rowsSeen = true;
          onJsonLine(line);
        }),
      );
      lines.on('end', ended);
      lines.on('error', (error) => fail(error instanceof NotUtf8Error ? notUtf8(error) : error));
      pause = () => lines.pause();
      resume = () => lines.resume();
      stop = () => {
        b.input.unpipe(lines);
        lines.destroy();
      };
      b.input.pipe(lines);
    }
  });
}

/**
 * The first key that appears twice at the top level of a JSON object text
 * (JSON.parse keeps the last silently), or undefined. The text is valid JSON.
 */
export function repeatedTopLevelKey(text: string): string | undefined {
  const seen = new Set<string>();
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1 && expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (seen.has(key)) return key;
        seen.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      depth++;
      expectKey = depth === 1 && c === '{';
    } else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 1) expectKey = true;
  }
  return undefined;
}

function frameReason(frame: BadFrame, m: Messages): string {
  const p = frame.problem;
  switch (p.kind) {
    case 'quote-in-field':
      return m.batch.quoteInField;
    case 'text-after-quote':
      return m.batch.textAfterQuote;
    case 'unclosed-quote':
      return m.batch.unclosedQuoteLine(p.endsAt);
    case 'quote-swallows-rows':
      return m.batch.quoteSwallowsRows(p.endsAt);
    case 'too-long':
      return m.batch.tooLong(frame.line, frame.endLine, p.cap.toLocaleString('en-US'));
  }
}

/**
 * The cells of a malformed record, read leniently, so the errors file shows them
 * to fix; split at every comma when even that fails (an unclosed quote).
 */
function salvageCells(text: string): string[] {
  try {
    const records = parseSync(text, { relax_quotes: true, relax_column_count: true, ltrim: true }) as string[][];
    if (records.length === 1 && records[0]) return records[0].map((cell) => cell.trim());
  } catch {
    // fall through
  }
  return text.split(',').map((cell) => cell.trim());
}

function padTo(fields: readonly string[], length: number): string[] {
  const row = fields.slice(0, Math.max(length, fields.length));
  while (row.length < length) row.push('');
  return row;
}

/**
 * The keys of `Object.fromEntries(columns.map((name, i) => [name, cell i]))` in the order JSON.stringify
 * writes them (integer-like names first, ascending; a repeated name keeps its first place and its last
 * cell), each serialised, with the index of the cell it takes.
 */
function keyOrder(columns: readonly string[]): [string, number][] {
  const probe: Record<string, number> = Object.fromEntries(columns.map((name, i) => [name, i]));
  return Object.keys(probe).map((name) => [JSON.stringify(name), probe[name] ?? 0]);
}

/** Result columns that hold numbers: numbers in compact JSON (null where the CSV cell is empty). */
const NUMERIC_COLUMNS: ReadonlySet<string> = new Set(['score', 'augmentation', 'range_low', 'range_high', 'pivot_1_score']);

/** `--compact`: the CSV result columns by name, numbers as numbers and empty cells as null. */
export function compactResult(cells: readonly string[]): Record<string, string | number | null> {
  return Object.fromEntries(
    RESULT_COLUMNS.map((name, i) => {
      const cell = cells[i] ?? '';
      return [name, cell === '' ? null : NUMERIC_COLUMNS.has(name) ? Number(cell) : cell];
    }),
  );
}
