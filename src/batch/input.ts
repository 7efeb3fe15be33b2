/**
 * Reading client files: CSV through csv-parse and JSONL line by line, both
 * streaming, both yielding records with the input line number where they start.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';

export const INPUT_FORMATS = ['csv', 'jsonl'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** The columns the batch command reads; any other column is passed through. */
export const FIELD_COLUMNS = ['role', 'seniority', 'repetitiveness', 'ai_usage'] as const;
export type FieldColumn = (typeof FIELD_COLUMNS)[number];

export interface RecordBase {
  /** 1-based input line where the record starts. */
  readonly line: number;
}

/** A CSV record: its fields as parsed (trimmed), or the reason it could not be parsed. */
export type CsvRecord = RecordBase & ({ readonly fields: readonly string[] } | { readonly broken: string });

/** A JSONL record: the parsed object, or the raw line and why it is not an object. */
export type JsonlRecord = RecordBase & ({ readonly object: Readonly<Record<string, unknown>> } | { readonly raw: string; readonly broken: string });

export const MAX_RECORD_BYTES = 1024 * 1024;

interface ParserInfo {
  readonly lines: number;
  readonly empty_lines: number;
}

/** Header cell → canonical column name (case, spaces, dashes and `aiUsage` spellings folded). */
export function canonicalColumn(name: string): string {
  const folded = name.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return folded === 'aiusage' ? 'ai_usage' : folded;
}

export async function* readCsv(input: Readable): AsyncGenerator<CsvRecord> {
  const parser = parse({
    bom: true,
    info: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  const skipped: CsvRecord[] = [];
  let lastEnd = 0;
  let lastEmpty = 0;
  // csv-parse counts a CRLF inside a quoted field as two lines; subtract those.
  let overcount = 0;
  parser.on('skip', (error: Error & { code?: string; lines?: number }) => {
    const start = lastEnd + 1;
    const reason =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? `a quote opened on line ${start} is never closed, so lines ${start}–${error.lines ?? '?'} could not be read`
        : `unreadable CSV: ${error.message}`;
    skipped.push({ line: start, broken: reason });
    lastEnd = error.lines === undefined ? lastEnd : error.lines - overcount;
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  for await (const chunk of parser as AsyncIterable<{ record: string[]; info: ParserInfo }>) {
    while (skipped.length > 0) yield skipped.shift() as CsvRecord;
    const { record, info } = chunk;
    // The record starts after the previous one ended, past any empty lines skipped in between.
    const start = lastEnd + 1 + (info.empty_lines - lastEmpty);
    for (const field of record) if (field.includes('\r\n')) overcount += field.split('\r\n').length - 1;
    lastEnd = info.lines - overcount;
    lastEmpty = info.empty_lines;
    yield { line: start, fields: record };
  }
  while (skipped.length > 0) yield skipped.shift() as CsvRecord;
}

export async function* readJsonl(input: Readable): AsyncGenerator<JsonlRecord> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (trimmed === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      yield { line, raw: text, broken: `not valid JSON: ${(error as Error).message}` };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { line, raw: text, broken: 'each line must be one JSON object' };
      continue;
    }
    yield { line, object: value as Record<string, unknown> };
  }
}

export function guessInputFormat(path: string): InputFormat | undefined {
  if (/\.(csv|txt)$/i.test(path)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'jsonl';
  return undefined;
}
