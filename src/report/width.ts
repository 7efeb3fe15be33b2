/** Terminal display width: CJK and full-width characters take two columns. */

/** The character ranges that take two columns (a regular-expression class body). */
export const WIDE_CHARS = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF';
const WIDE = new RegExp(`[${WIDE_CHARS}]`);

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** Spaces that pad `text` to `columns` display columns. */
export function padding(text: string, columns: number): string {
  return ' '.repeat(Math.max(0, columns - displayWidth(text)));
}
