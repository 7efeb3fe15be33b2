/**
 * Writers for batch results and rejected rows. CSV goes through csv-stringify
 * (formula-escaped, since these files are opened in spreadsheets); JSONL and
 * JSON are one serialised object per row. `write` returns false when the caller
 * should pause its source until `drain` fires on `stream`.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';

export type { OutputFormat } from './input.js';

export interface RowWriter {
  write(row: unknown): boolean;
  /** The stream whose `drain` event means "write again". */
  readonly stream: NodeJS.EventEmitter;
  /** Flushes everything; ends `dest` too when the writer owns it (a file). */
  end(): Promise<void>;
}

/** `bom`: start with a UTF-8 byte-order mark (`--bom`), so Excel on Windows reads the file as UTF-8. */
export function csvWriter(dest: Writable, columns: readonly string[], ownsDest: boolean, bom = false): RowWriter {
  const stringifier = stringify({ header: true, columns: [...columns], escape_formulas: true, record_delimiter: 'unix', bom });
  stringifier.pipe(dest, { end: ownsDest });
  // A failing destination is reported by the batch loop (it listens on `dest`);
  // the stringifier only needs to stop, without raising a second, unhandled error.
  stringifier.on('error', () => undefined);
  dest.on('error', () => stringifier.destroy());
  return {
    write: (row) => stringifier.write(row),
    stream: stringifier,
    async end() {
      const ended = once(stringifier, 'end');
      stringifier.end();
      await ended;
      if (ownsDest && !dest.writableFinished) await once(dest, 'finish');
    },
  };
}

/** One JSON value per line (jsonl), or one JSON array with a value per line (json). */
export function jsonWriter(dest: Writable, format: 'jsonl' | 'json', ownsDest: boolean): RowWriter {
  let first = true;
  return {
    write(row) {
      const json = JSON.stringify(row);
      if (format === 'jsonl') return dest.write(`${json}\n`);
      const text = `${first ? '[\n' : ',\n'}${json}`;
      first = false;
      return dest.write(text);
    },
    stream: dest,
    async end() {
      if (format === 'json') dest.write(first ? '[]\n' : '\n]\n');
      if (ownsDest) {
        const finished = once(dest, 'finish');
        dest.end();
        await finished;
      }
    },
  };
}
