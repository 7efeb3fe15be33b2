#!/usr/bin/env node
// The baseline for bench/batch.js: csv-parse piped into csv-stringify, no scoring.
// By default the parser and writer use exactly the options `career-risk batch` uses, so the
// ratio measures what scoring adds, not a difference in CSV settings. With --plain they use
// the plainest column-aware settings instead (csv-parse `{ columns: true, bom: true }` into
// csv-stringify `{ header: true }`), the yardstick of the performance audit: it measures batch
// against reading and writing the file, whatever options batch chooses.
// Usage: node bench/passthrough.js IN.csv OUT.csv [--plain]
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';

const args = process.argv.slice(2);
const plain = args.includes('--plain');
const [input, output] = args.filter((a) => a !== '--plain');
if (!input || !output) {
  console.error('usage: node bench/passthrough.js IN.csv OUT.csv [--plain]');
  process.exit(2);
}
if (plain) {
  await pipeline(createReadStream(input), parse({ columns: true, bom: true }), stringify({ header: true }), createWriteStream(output));
} else {
  await pipeline(
    createReadStream(input),
    parse({ bom: true, info: true, trim: true, skip_empty_lines: true, relax_column_count: true, skip_records_with_error: true, max_record_size: 1024 * 1024 }),
    new Transform({ objectMode: true, transform: (chunk, _encoding, done) => done(null, chunk.record) }),
    stringify({ escape_formulas: true, record_delimiter: 'unix' }),
    createWriteStream(output),
  );
}
