/**
 * Text tables are drawn by cli-table3 without its own word wrapping (src/report/text.ts boxTable):
 * layout.ts wraps every cell to its column first. That holds only if each wrapped line fits the
 * column by cli-table3's own measure (string-width, which it uses), or it would cut the line
 * with "…". Checked here on random text of every kind a report or a rule pack can hold, except
 * emoji joined by U+200D (👩‍💻): string-width 4 counts the joiner as a column, and cli-table3
 * mangles such a cell with or without its own wrapping (a known limitation, left as it was).
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeChalk } from '../src/report/color.js';
import { wrapLines } from '../src/report/layout.js';
import { boxTable } from '../src/report/text.js';

// The very string-width cli-table3 resolves (a dependency of it, not of career-risk).
const stringWidth = createRequire(createRequire(import.meta.url).resolve('cli-table3'))('string-width') as (s: string) => number;

const common = [
  'the', 'accountant', 'AI', 'post-editing', 'https://example.com/a/long/path', '15-1252', '(range 58–80)', '“quoted”', ' ', ' ', '\n',
  '会计', '把时间用在审核和判断上', '（企业自述）', '：', '，', '。', '《IT时报》', 'Ａ', '😀', 'é', 'e\u0301', 'ﬁ', 'Ω', '→', '·',
];
const text = fc.array(fc.constantFrom(...common), { maxLength: 40 }).map((a) => a.join(''));

describe('table cells wrapped by layout.ts fit cli-table3', () => {
  it('every wrapped line is at most the cell width by string-width', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 4, max: 60 }), (t, width) => {
        for (const line of wrapLines(t, width)) expect(stringWidth(line), JSON.stringify(line)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 2000 },
    );
  });

  it('a drawn table keeps every character of its cells', () => {
    const chalk = makeChalk(0);
    const visible = (s: string) => [...s.replace(/[\s│─┌┐└┘├┤┬┴┼]/g, '')].sort().join('');
    fc.assert(
      fc.property(fc.array(text, { minLength: 2, maxLength: 2 }), fc.integer({ min: 6, max: 40 }), (cells, width) => {
        const drawn = boxTable(['A', 'B'], [cells.map((c) => ({ text: c }))], [width, width], chalk);
        expect(drawn).not.toContain('…');
        expect(visible(drawn)).toBe(visible(`AB${cells.join('')}`));
      }),
      { numRuns: 500 },
    );
  });
});
