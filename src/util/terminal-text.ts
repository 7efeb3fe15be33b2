/**
 * Text that came from outside (CSV cells, flag values, file names, rule packs)
 * made safe to echo on a terminal: control characters are written as visible
 * escapes, so input can neither steer the terminal (ESC, CSI, OSC, BEL) nor
 * forge extra diagnostic lines (CR, LF, line separators).
 */

/** C0 controls, DEL, C1 controls, line/paragraph separators and bidirectional overrides. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Every unsafe character as `\n`, `\r`, `\t` or `\uXXXX`; everything else unchanged. */
export function escapeControls(text: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** True when the text holds a character that escapeControls would rewrite. */
export function hasControls(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

/** Longest stretch of input echoed in a message; the rest is cut with an ellipsis. */
export const MAX_ECHO_CHARS = 80;

/** An input value for a message: escaped and cut to MAX_ECHO_CHARS (counting code points). */
export function echo(text: string, max = MAX_ECHO_CHARS): string {
  const chars = Array.from(text);
  const cut = chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
  return escapeControls(cut);
}
