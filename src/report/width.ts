/**
 * Terminal display width: East Asian wide and full-width characters (CJK, kana, Hangul,
 * full-width forms) and emoji take two columns, combining marks and controls none, the
 * rest one. The wide ranges are those of the Unicode East Asian Width property (W and F),
 * as cli-table3 (through string-width) counts them, so a cell wrapped here fits its box.
 * Ambiguous characters (– · × → …) count one column, as terminals show them by default.
 */

/** Wide (W) and full-width (F) code point ranges, inclusive. */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo
  [0x2329, 0x232a], // angle brackets
  [0x2e80, 0x303e], // CJK radicals, Kangxi radicals, ideographic description, CJK symbols and punctuation
  [0x3040, 0x3247], // kana, bopomofo, Hangul compatibility jamo, kanbun, CJK strokes, enclosed CJK
  [0x3250, 0x4dbf], // enclosed CJK, CJK compatibility, CJK Unified Ideographs Extension A
  [0x4e00, 0xa4c6], // CJK Unified Ideographs, Yi
  [0xa960, 0xa97c], // Hangul Jamo Extended-A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6b], // CJK compatibility forms, small form variants
  [0xff01, 0xff60], // full-width forms
  [0xffe0, 0xffe6], // full-width signs
  [0x1b000, 0x1b001], // kana supplement
  [0x1f200, 0x1f251], // enclosed ideographic supplement
  [0x20000, 0x3fffd], // CJK Extension B and beyond
];

/** Emoji shown as pictures (two columns). */
const EMOJI = /\p{Emoji_Presentation}/u;
/** Combining marks, zero-width spaces and joiners, variation selectors, controls: no column. */
// eslint-disable-next-line no-control-regex
const ZERO = /[\p{Mn}\p{Me}\u200b-\u200f\u2060\u0000-\u001f\u007f-\u009f]/u;

function isWide(codePoint: number): boolean {
  for (const [low, high] of WIDE_RANGES) {
    if (codePoint < low) return false;
    if (codePoint <= high) return true;
  }
  return false;
}

/** Columns one character (a code point) takes. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x7f) return cp < 0x20 ? 0 : 1;
  if (ZERO.test(ch) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  return isWide(cp) || EMOJI.test(ch) ? 2 : 1;
}

/** Columns the text takes on a terminal (no escape sequences expected: strip them first). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/** Spaces that pad `text` to `columns` display columns. */
export function padding(text: string, columns: number): string {
  return ' '.repeat(Math.max(0, columns - displayWidth(text)));
}
