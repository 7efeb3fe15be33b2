import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Frame } from '../src/batch/csv-frames.js';
import { CsvFramer, FramingError } from '../src/batch/csv-frames.js';

const OPTIONS = { trim: true, relax_column_count: true, skip_empty_lines: false, record_delimiter: '\n' } as const;

/** Frames `text` in chunks of `chunk` characters, then parses the framed text: records paired with frames. */
function frame(text: string, chunk = text.length || 1, cap = 1 << 20): { rows: [Frame, string[]][]; framed: string } {
  const frames: Frame[] = [];
  const framer = new CsvFramer((f) => frames.push(f), cap);
  let framed = '';
  for (let i = 0; i < text.length; i += chunk) framed += framer.write(text.slice(i, i + chunk), false);
  framed += framer.write('', true);
  const records = parse(framed, OPTIONS) as string[][];
  expect(records.length).toBe(frames.length);
  return { rows: frames.map((f, i) => [f, records[i] ?? []]), framed };
}

const lines = (rows: [Frame, string[]][]) => rows.map(([f]) => (typeof f === 'number' ? f : `bad:${f.line}:${f.problem.kind}`));

describe('CSV framing', () => {
  it('passes well-formed records through unchanged, with their first lines', () => {
    const text = 'id,role\nc1,"a, b"\nc2,"two\nlines"\nc3,"x ""q"" y"\n';
    const { rows, framed } = frame(text);
    expect(framed).toBe(text);
    expect(lines(rows)).toEqual([1, 2, 3, 5]);
    expect(rows[2]?.[1]).toEqual(['c2', 'two\nlines']);
  });

  it('gives the same frames whatever the chunk size', () => {
    const text = '\uFEFFid,role\r\nc1,"a\r\nb"\r\nc2,"q""x"\r\nc3,z\rc4,w\n\n c5 , " y " \n';
    const whole = frame(text);
    for (const chunk of [1, 2, 3, 7]) expect(frame(text, chunk)).toEqual(whole);
    expect(lines(whole.rows)).toEqual([1, 2, 4, 5, 6, 8]);
    expect(whole.rows[4]?.[1]).toEqual(['c4', 'w']);
  });

  it('leaves blank and whitespace-only lines out, keeping the line numbers of the rows after them', () => {
    const { rows, framed } = frame('h\n\n  \t\r\na\n\r\n"",x\n\n');
    expect(lines(rows)).toEqual([1, 4, 6]);
    expect(framed).toBe('h\na\n"",x\n');
  });

  it('rejects text after a closing quote alone and resumes at the next line', () => {
    const { rows } = frame('id,role\nc0,"translator"x,entry\nc1,accountant\nc2,nurse\n');
    expect(lines(rows)).toEqual([1, 'bad:2:text-after-quote', 3, 4]);
    const bad = rows[1]?.[0];
    expect(typeof bad === 'object' && bad.text).toBe('c0,"translator"x,entry');
  });

  it('rejects a quote inside an unquoted field alone', () => {
    expect(lines(frame('h\na,5"9,x\nb\n').rows)).toEqual([1, 'bad:2:quote-in-field', 3]);
  });

  it('sets aside only the line of an unclosed quote and reads the lines after it', () => {
    const text = 'id,role\nc1,ok\nc2,"会计,初级\nc3,nurse\nc4,"quoted, fine"\nc5,last\n';
    expect(lines(frame(text).rows)).toEqual([1, 2, 'bad:3:unclosed-quote', 4, 5, 6]);
    // At the end of the file too, on the quote's own line or with lines after it.
    expect(lines(frame('h\na\nb,"open\nc\nd').rows)).toEqual([1, 2, 'bad:3:unclosed-quote', 4, 5]);
    expect(lines(frame('h\na\nb,"open').rows)).toEqual([1, 2, 'bad:3:unclosed-quote']);
  });

  it('rejects a one-line record over the cap alone without keeping its text', () => {
    const big = 'x'.repeat(5000);
    const { rows } = frame(`h\na\nb,"${big}"\nc\nd,${big}\ne\n`, 512, 1000);
    expect(lines(rows)).toEqual([1, 2, 'bad:3:too-long', 4, 'bad:5:too-long', 6]);
    const bad = rows[2]?.[0];
    expect(typeof bad === 'object' && [bad.endLine, bad.text]).toEqual([3, undefined]);
  });

  it('fails when a quoted field runs over line ends and past the cap: the rows in it cannot be read back', () => {
    const big = 'x'.repeat(5000);
    expect(() => frame(`h\na\nb,"${big}\n${big}"\nc\n`, 512, 1000)).toThrow(FramingError);
    // The same when the quote pairs with one far below it (an unclosed quote "closed" by another row's quote).
    const body = Array.from({ length: 400 }, (_, i) => `c${i},nurse`).join('\n');
    expect(() => frame(`h,n\na,"open\n${body}\nz,closed",x\n`, 256, 1000)).toThrow(FramingError);
  });

  it('treats a quoted field whose lines look like rows as a quote never closed', () => {
    const text = 'id,role,notes\nc1,a,ok\nc2,b,"called back\nc3,c,ok\nc4,d,ok\nc5,e,see above"\nc6,f,ok\n';
    expect(lines(frame(text).rows)).toEqual([1, 2, 'bad:3:quote-swallows-rows', 4, 5, 'bad:6:quote-in-field', 7]);
    // A genuine note over several lines, without row-like lines, stays one field.
    const note = 'id,role,notes\nc1,a,"first line\nsecond, line"\nc2,b,ok\n';
    expect(lines(frame(note).rows)).toEqual([1, 2, 4]);
  });

  it('fails naming the line of a quote that stays open past the cap', () => {
    const body = Array.from({ length: 400 }, (_, i) => `c${i},nurse`).join('\n');
    expect(() => frame(`h\na,"open\n${body}\n`, 256, 1000)).toThrow(FramingError);
    try {
      frame(`h\na,"open\n${body}\n`, 256, 1000);
    } catch (error) {
      expect((error as FramingError).line).toBe(2);
    }
  });

  it('property: with any quoting damage, each row is one frame, every valid row reads back as itself and every damaged row is set aside', () => {
    const word = fc.stringMatching(/^[a-z]{1,5}$/);
    const valid = fc.tuple(word, word).map(([a, b]) => ({ text: `${a},${b}`, ok: true }));
    // Damage of the kinds seen in real files: a quote never closed, text after a closing quote, a stray quote.
    const damaged = fc.tuple(word, word, fc.integer({ min: 0, max: 2 })).map(([a, b, kind]) => ({
      text: kind === 0 ? `${a},"${b}` : kind === 1 ? `${a},"${b}"${a}` : `${a},${b}"${a}`,
      ok: false,
    }));
    const row = fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: damaged, weight: 1 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 9 }), fc.boolean(), (rows, chunk, crlf) => {
        const eol = crlf ? '\r\n' : '\n';
        const { rows: got } = frame(`h1,h2${eol}${rows.map((r) => r.text).join(eol)}${eol}`, chunk);
        expect(got.length).toBe(rows.length + 1);
        rows.forEach((r, i) => {
          const [f, record] = got[i + 1] ?? [0, []];
          if (r.ok) expect([f, record.join(',')]).toEqual([i + 2, r.text]);
          else expect(typeof f === 'object' && f.line).toBe(i + 2);
        });
      }),
      { numRuns: 500 },
    );
  });
});
