/**
 * Writers for batch results and rejected rows, with backpressure: CSV through
 * csv-stringify (formula-escaped, since these files are opened in spreadsheets),
 * JSONL and JSON as one serialised object per row.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';

export const OUTPUT_FORMATS = ['csv', 'jsonl', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface RowWriter<T> {
  write(row: T): Promise<void> | undefined;
  end(): Promise<void>;
}

/** Waits for the end of a stream we are ending, or only for our part when it is stdout. */
async function finish(source: NodeJS.EventEmitter & { writableFinished?: boolean }, event: 'finish' | 'end'): Promise<void> {
  await once(source, event);
}

export function csvWriter(dest: Writable, columns: readonly string[], endDest: boolean): RowWriter<readonly unknown[]> {
  const stringifier = stringify({ header: true, columns: [...columns], escape_formulas: true, record_delimiter: 'unix' });
  stringifier.pipe(dest, { end: endDest });
  dest.on('error', (error) => stringifier.destroy(error));
  return {
    write(row) {
      return stringifier.write(row) ? undefined : once(stringifier, 'drain').then(() => undefined);
    },
    async end() {
      const ended = finish(stringifier, 'end');
      stringifier.end();
      await ended;
    },
  };
}

/** One JSON value per line (jsonl), or one JSON array with a value per line (json). */
export function jsonWriter(dest: Writable, format: 'jsonl' | 'json'): RowWriter<unknown> {
  let first = true;
  const put = (text: string): Promise<void> | undefined => (dest.write(text) ? undefined : once(dest, 'drain').then(() => undefined));
  return {
    write(row) {
      const json = JSON.stringify(row);
      if (format === 'jsonl') return put(`${json}\n`);
      const text = `${first ? '[\n' : ',\n'}${json}`;
      first = false;
      return put(text);
    },
    async end() {
      if (format === 'json') await put(first ? '[]\n' : '\n]\n');
    },
  };
}
