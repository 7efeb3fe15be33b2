/**
 * Writers for batch results and rejected rows. CSV is written as pre-escaped
 * text, byte for byte what csv-stringify writes with batch's options (header,
 * `escape_formulas: true`, `record_delimiter: 'unix'`, optional BOM), since
 * these files are opened in spreadsheets; see `csvCell`. JSONL and JSON are one
 * serialised object per row (`writeJson` takes one serialised already). `write` returns false when the caller should pause
 * its source until `drain` fires on `stream`.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export type { OutputFormat } from './input.js';

export interface RowWriter {
  write(row: unknown): boolean;
  /** The stream whose `drain` event means "write again". */
  readonly stream: NodeJS.EventEmitter;
  /** Flushes everything; ends `dest` too when the writer owns it (a file). */
  end(): Promise<void>;
}

export interface CsvRowWriter extends RowWriter {
  /**
   * One record: `fields` escaped here, then `suffix`, cells already escaped by
   * `csvCells` (the result columns, the same for every row of a profile).
   * The record must have exactly as many cells as the header.
   */
  writeWithSuffix(fields: readonly string[], suffix: string): boolean;
}

/**
 * A quote, comma or LF: the cell is quoted (csv-stringify's rule with the default quote and delimiter
 * and `record_delimiter: 'unix'`, which leaves `quote_record_delimiter` off, so a CR alone is not quoted).
 */
const NEEDS_QUOTES = /[",\n]/;
const QUOTES = /"/g;

/**
 * One cell as csv-stringify writes a string with `escape_formulas: true` and the
 * default delimiter, quote and escape: a cell starting with - = + @ tab CR (or
 * the full-width ＝ ＋ － ＠) gets a leading `'`; then a cell holding a quote,
 * comma or LF is quoted, its quotes doubled (a CR alone is not quoted). The empty string stays empty.
 */
export function csvCell(value: string): string {
  if (value.length === 0) return value;
  let v = value;
  switch (v.charCodeAt(0)) {
    case 0x2d: // -
    case 0x3d: // =
    case 0x2b: // +
    case 0x40: // @
    case 0x09: // tab
    case 0x0d: // CR
    case 0xff1d: // ＝
    case 0xff0b: // ＋
    case 0xff0d: // －
    case 0xff20: // ＠
      v = `'${v}`;
      break;
  }
  if (!NEEDS_QUOTES.test(v)) return v;
  return `"${v.indexOf('"') >= 0 ? v.replace(QUOTES, '""') : v}"`;
}

/** Cells escaped and joined with commas, without a record delimiter. */
export function csvCells(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += i === 0 ? csvCell(cells[i] ?? '') : `,${csvCell(cells[i] ?? '')}`;
  return line;
}

/** A cell as csv-stringify casts and writes it (batch only ever writes strings; numbers are not formula-escaped there). */
function cellOf(value: unknown): string {
  if (typeof value === 'string') return csvCell(value);
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return csvCell(JSON.stringify(value));
}

/** Text is handed to the destination in chunks of about this many characters. */
const CHUNK = 1 << 16;

/** `bom`: start with a UTF-8 byte-order mark (`--bom`), so Excel on Windows reads the file as UTF-8. */
export function csvWriter(dest: Writable, columns: readonly string[], ownsDest: boolean, bom = false): CsvRowWriter {
  const width = columns.length;
  // csv-stringify writes the header (after the BOM) before the first record, or at the end when there is none.
  let pending = `${bom ? '\uFEFF' : ''}${csvCells(columns)}\n`;
  let failed = false;
  // A failing destination is reported by the batch loop (it listens on `dest`); the writer only stops writing.
  dest.on('error', () => {
    failed = true;
  });
  const flush = (): boolean => {
    const text = pending;
    pending = '';
    if (failed || text.length === 0) return true;
    return dest.write(text);
  };
  const add = (line: string): boolean => {
    pending += line;
    return pending.length >= CHUNK ? flush() : true;
  };
  return {
    write(row) {
      if (!Array.isArray(row)) throw new TypeError('a CSV row must be an array of cells');
      // csv-stringify writes the first `columns.length` cells of a longer record, and a shorter one as it is.
      const n = Math.min(row.length, width);
      let line = '';
      for (let i = 0; i < n; i++) line += i === 0 ? cellOf(row[i]) : `,${cellOf(row[i])}`;
      return add(`${line}\n`);
    },
    writeWithSuffix(fields, suffix) {
      let line = '';
      for (let i = 0; i < fields.length; i++) line += `${csvCell(fields[i] ?? '')},`;
      return add(`${line}${suffix}\n`);
    },
    stream: dest,
    async end() {
      flush();
      if (ownsDest && !failed) {
        const finished = once(dest, 'finish');
        dest.end();
        await finished;
      }
    },
  };
}

export interface JsonRowWriter extends RowWriter {
  /** One row already serialised (one JSON value, no line break). */
  writeJson(json: string): boolean;
}

/**
 * One JSON value per line (jsonl), or one JSON array with a value per line (json).
 * Rows are handed to the destination in chunks of about CHUNK characters, like CSV.
 */
export function jsonWriter(dest: Writable, format: 'jsonl' | 'json', ownsDest: boolean): JsonRowWriter {
  let first = true;
  let pending = '';
  let failed = false;
  // As for CSV: the batch loop reports a failing destination; the writer only stops writing.
  dest.on('error', () => {
    failed = true;
  });
  const flush = (): boolean => {
    const text = pending;
    pending = '';
    if (failed || text.length === 0) return true;
    return dest.write(text);
  };
  const writeJson = (json: string): boolean => {
    if (format === 'jsonl') pending += `${json}\n`;
    else {
      pending += `${first ? '[\n' : ',\n'}${json}`;
      first = false;
    }
    return pending.length >= CHUNK ? flush() : true;
  };
  return {
    write: (row) => writeJson(JSON.stringify(row)),
    writeJson,
    stream: dest,
    async end() {
      if (format === 'json') pending += first ? '[]\n' : '\n]\n';
      flush();
      if (ownsDest && !failed) {
        const finished = once(dest, 'finish');
        dest.end();
        await finished;
      }
    },
  };
}
