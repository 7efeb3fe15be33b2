/** What a client file looks like: its formats and the columns the batch command reads. */

export const INPUT_FORMATS = ['csv', 'jsonl'] as const;
export const OUTPUT_FORMATS = ['csv', 'jsonl', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** The columns the batch command reads; any other column is passed through. */
export const FIELD_COLUMNS = ['role', 'seniority', 'repetitiveness', 'ai_usage'] as const;
export type FieldColumn = (typeof FIELD_COLUMNS)[number];

export const MAX_RECORD_BYTES = 1024 * 1024;

/** Rows matched by fuzzy search that are named one by one on stderr; the rest are counted in one line (the match column lists them all). */
export const FUZZY_NOTICES = 20;

/** Header cell → canonical column name (case, spaces, dashes and `aiUsage` spellings folded). */
export function canonicalColumn(name: string): string {
  const folded = name.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return folded === 'aiusage' ? 'ai_usage' : folded;
}

export function guessInputFormat(path: string): InputFormat | undefined {
  if (/\.(csv|txt)$/i.test(path)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'jsonl';
  return undefined;
}
