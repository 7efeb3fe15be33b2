/** The one normal form of role text that every look-up compares: NFKC, trimmed, lower case, runs of spaces and underscores as one space. */
export function normaliseQuery(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, ' ');
}
