/**
 * Test helper: how many terminal columns a line of output takes, measured independently of
 * src/report/width.ts: escape sequences stripped, then East Asian wide and full-width
 * characters (Han, kana, Hangul, CJK and full-width punctuation) and emoji two columns,
 * combining marks and controls none, everything else one.
 */
import { stripVTControlCharacters } from 'node:util';

const WIDE =
  /[\p{Script=Han}\u1100-\u115f\u2e80-\u303e\u3040-\u30ff\u3100-\u31ff\u3200-\u3247\u3250-\u33ff\uac00-\ud7a3\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6]|\p{Emoji_Presentation}/u;
// eslint-disable-next-line no-control-regex
const ZERO = /[\p{M}\u200b-\u200f\u0000-\u001f\u007f-\u009f]/u;

/** Display columns of one line, escape sequences stripped. */
export function columnsOf(line: string): number {
  let width = 0;
  for (const ch of stripVTControlCharacters(line)) {
    const cp = ch.codePointAt(0) ?? 0;
    // Variation selectors (U+FE00–FE0F) take no column either.
    width += ZERO.test(ch) || (cp >= 0xfe00 && cp <= 0xfe0f) ? 0 : WIDE.test(ch) ? 2 : 1;
  }
  return width;
}

/** Every line of `text` wider than `width` columns, with its number and width ([] when all fit). */
export function overlong(text: string, width: number): string[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, i, w: columnsOf(line) }))
    .filter((l) => l.w > width)
    .map((l) => `line ${l.i + 1} is ${l.w} columns (max ${width}): ${stripVTControlCharacters(l.line)}`);
}

/**
 * The text of a report as a reader sees it, whitespace removed: the lines outside tables as
 * they are, and each box-table cell's lines joined, cell by cell. A text that was only wrapped
 * (never cut) is found in it with its whitespace removed, however it was wrapped.
 */
export function readableText(text: string): string {
  const parts: string[] = [];
  let row: string[][] | undefined;
  const endRow = () => {
    if (row) parts.push(...row.map((cell) => cell.join('')));
    row = undefined;
  };
  for (const raw of stripVTControlCharacters(text).split('\n')) {
    if (/^[┌├└]/.test(raw)) {
      endRow();
      if (!raw.startsWith('└')) row = [];
      continue;
    }
    if (raw.startsWith('│') && row) {
      raw
        .split('│')
        .slice(1, -1)
        .forEach((cell, i) => {
          if (!row) return;
          (row[i] ??= []).push(cell.trim());
        });
      continue;
    }
    parts.push(raw);
  }
  endRow();
  return parts.join('\n').replace(/\s+/g, '');
}
