/** Rows of a file in data/derived/: `#` comment lines and one header line first, then tab-separated rows. */
export function derivedRows(text: string): string[][] {
  const lines = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  return lines.slice(1).map((line) => line.split('\t'));
}
