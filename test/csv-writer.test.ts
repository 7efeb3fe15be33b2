/**
 * The batch CSV writer against csv-stringify with batch's former options: for any
 * cells (quotes, commas, CR/LF, formula-leading characters, unicode, empty
 * strings) the bytes are the same, header, BOM and record delimiters included.
 */
import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvCells, csvWriter } from '../src/batch/output.js';

const OPTIONS = { escape_formulas: true, record_delimiter: 'unix' } as const;

/** Characters that matter to CSV and to formula escaping, plus ordinary and wide text. */
const SPECIAL = ['"', ',', '\n', '\r', '\r\n', '=', '+', '-', '@', '\t', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', "'", ' ', ';', '\\', '中', '文', '😀', '\uD800', '\u00A0', '\uFEFF', 'a', 'Z', '1', ''];
const cell: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.constantFrom(...SPECIAL), { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', '=1+1', '-3', '+2', '@x', '\tt', '\rr', '\r', 'a\rb', '"q"', 'a,b', 'x\ny', '＝full'),
);

async function written(columns: string[], rows: string[][], bom: boolean, suffixFrom?: number): Promise<Buffer> {
  const dest = new PassThrough();
  const chunks: Buffer[] = [];
  dest.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = csvWriter(dest, columns, true, bom);
  for (const row of rows) {
    if (suffixFrom === undefined || row.length !== columns.length) writer.write(row);
    else writer.writeWithSuffix(row.slice(0, suffixFrom), csvCells(row.slice(suffixFrom)));
  }
  await writer.end();
  return Buffer.concat(chunks);
}

function expected(columns: string[], rows: string[][], bom: boolean): Buffer {
  return Buffer.from(stringify(rows, { ...OPTIONS, header: true, columns, bom }));
}

describe('batch CSV writer', () => {
  it('escapes every cell as csv-stringify does', () => {
    fc.assert(
      fc.property(cell, (value) => {
        expect(csvCell(value)).toBe(stringify([[value]], OPTIONS).slice(0, -1));
      }),
      { numRuns: 5000, seed: 14 },
    );
  });

  it('writes the same bytes as csv-stringify (header, BOM, rows, suffixes)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }).chain((width) =>
          fc.record({
            columns: fc.array(cell, { minLength: width, maxLength: width }),
            rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 20 }),
            bom: fc.boolean(),
            suffixFrom: fc.option(fc.integer({ min: 0, max: width - 1 }), { nil: undefined }),
          }),
        ),
        async ({ columns, rows, bom, suffixFrom }) => {
          expect(await written(columns, rows, bom, suffixFrom)).toEqual(expected(columns, rows, bom));
        },
      ),
      { numRuns: 500, seed: 14 },
    );
  });

  it('writes the first cells of a longer row and a shorter row as it is, like csv-stringify', async () => {
    const columns = ['a', 'b', 'c'];
    const rows = [['1', '2', '3', '4'], ['=x'], [], ['"', ',', '\n', 'extra']];
    expect(await written(columns, rows, false)).toEqual(expected(columns, rows, false));
  });

  it('writes only the header when there are no rows', async () => {
    expect((await written(['id', 'role'], [], true)).toString('utf8')).toBe('\uFEFFid,role\n');
  });

  it('writes large outputs in order across chunks', async () => {
    const columns = ['id', 'note'];
    const rows = Array.from({ length: 5000 }, (_, i) => [`r${i}`, i % 7 === 0 ? `-${'x, "y"\n'.repeat(i % 13)}` : `中文${i}`]);
    expect(await written(columns, rows, false, 1)).toEqual(expected(columns, rows, false));
  });
});
