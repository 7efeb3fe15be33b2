#!/usr/bin/env node
/**
 * Derives the SOC 2018 and ISCO-08 code lists that test/reference-codes.test.ts checks the
 * catalogue against. Reads the official structures from ../shared/data/ (not shipped with the
 * project) and writes data/derived/soc2018.tsv and data/derived/isco08.tsv: `code<TAB>level<TAB>title`,
 * every level, sorted by code, one comment line first naming the source and the attribution.
 *
 *   node scripts/derive/soc-isco.js [soc2018-structure.csv] [isco08-structure.csv] [out-dir]
 *
 * Defaults (relative to the repository root): ../shared/data/soc-2018/soc2018-structure.csv,
 * ../shared/data/isco-08/isco08-structure.csv, data/derived/.
 * Licences: SOC 2018 is U.S. Bureau of Labor Statistics, public domain. ISCO-08: "International
 * Standard Classification of Occupations ISCO-08, International Labour Office, Geneva, 2012".
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const [socArg, iscoArg, outArg] = process.argv.slice(2);
const socPath = resolve(ROOT, socArg ?? '../shared/data/soc-2018/soc2018-structure.csv');
const iscoPath = resolve(ROOT, iscoArg ?? '../shared/data/isco-08/isco08-structure.csv');
const outDir = resolve(ROOT, outArg ?? 'data/derived');

/** One line of text: collapse whitespace (the sources hold a few line breaks and double spaces). */
const clean = (s) => String(s).replace(/\s+/g, ' ').trim();

function read(path) {
  return parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, bom: true });
}

function write(file, header, rows) {
  const seen = new Set();
  for (const r of rows) {
    if (seen.has(r.code)) throw new Error(`${file}: duplicate code ${r.code}`);
    seen.add(r.code);
  }
  rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const lines = [`# ${header}`, 'code\tlevel\ttitle', ...rows.map((r) => `${r.code}\t${r.level}\t${r.title}`)];
  writeFileSync(join(outDir, file), lines.join('\n') + '\n');
  console.log(`${file}: ${rows.length} codes`);
}

const SOC_LEVELS = { Major: 'major', Minor: 'minor', Broad: 'broad', Detailed: 'detailed' };
const soc = read(socPath).map((r) => {
  const level = SOC_LEVELS[clean(r.soc_group)];
  const code = clean(r.soc2018_code);
  if (!level || !/^\d{2}-\d{4}$/.test(code)) throw new Error(`SOC row not understood: ${JSON.stringify(r)}`);
  return { code, level, title: clean(r.soc2018_title) };
});

const ISCO_LEVELS = { 1: 'major', 2: 'sub-major', 3: 'minor', 4: 'unit' };
const isco = read(iscoPath).map((r) => {
  const code = clean(r.isco08_code);
  const level = ISCO_LEVELS[clean(r.level)];
  if (!level || !/^\d{1,4}$/.test(code) || code.length !== Number(clean(r.level))) {
    throw new Error(`ISCO row not understood: ${JSON.stringify(r)}`);
  }
  return { code, level, title: clean(r.isco08_title) };
});

mkdirSync(outDir, { recursive: true });
write(
  'soc2018.tsv',
  '2018 Standard Occupational Classification (SOC), U.S. Bureau of Labor Statistics, public domain; every level (major, minor, broad, detailed); derived by scripts/derive/soc-isco.js from soc2018-structure.csv',
  soc,
);
write(
  'isco08.tsv',
  'International Standard Classification of Occupations ISCO-08, International Labour Office, Geneva, 2012; every level (major, sub-major, minor, unit); derived by scripts/derive/soc-isco.js from isco08-structure.csv',
  isco,
);
