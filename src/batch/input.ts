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

/**
 * The header names (and JSONL keys) of each column the batch command reads, besides
 * the English name itself: Chinese names as spreadsheets label them. Matched after
 * folding (see canonicalColumn), so `AI 使用`, `ＡＩ使用` and `ai使用` are one name.
 */
export const COLUMN_NAMES_ZH: Readonly<Record<FieldColumn | 'id', readonly string[]>> = {
  id: ['编号', '客户编号', '序号', '学号'],
  role: ['职业', '岗位', '职位', '职务', '工作'],
  seniority: ['资历', '级别', '职级', '资历级别'],
  repetitiveness: ['重复度', '重复程度', '重复性'],
  ai_usage: ['AI使用', 'AI使用情况', 'AI使用频率', 'AI使用程度', '使用AI'],
};

/** A header name folded for matching: full-width forms to ASCII (NFKC), lower case, no spaces, dashes or underscores. */
const compact = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');

const KNOWN_COLUMNS: ReadonlyMap<string, string> = new Map<string, string>([
  ...(['id', ...FIELD_COLUMNS] as const).map((c) => [compact(c), c] as const),
  ...Object.entries(COLUMN_NAMES_ZH).flatMap(([column, names]) => names.map((n) => [compact(n), column] as const)),
]);

/**
 * Header cell → canonical column name: case, width (full-width letters and spaces),
 * spaces, dashes and underscores folded, so `AI Usage`, `ai-usage`, `aiUsage` and
 * `ＡＩ 使用` all name ai_usage. Other names come back folded, and pass through.
 */
export function canonicalColumn(name: string): string {
  const known = KNOWN_COLUMNS.get(compact(name));
  if (known !== undefined) return known;
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export function guessInputFormat(path: string): InputFormat | undefined {
  if (/\.(csv|txt)$/i.test(path)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'jsonl';
  return undefined;
}
