#!/usr/bin/env node
// Writes a realistic client CSV: roles in every form people type them (catalogue id,
// English and Chinese titles and aliases, SOC and ISCO codes, a few typos), seniority,
// repetitiveness and AI use in English and Chinese, a notes column, ~2% bad rows.
// Deterministic (seeded). Usage: node bench/generate.js ROWS OUT.csv
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';

const [rowsArg, out] = process.argv.slice(2);
const rows = Number(rowsArg);
if (!Number.isInteger(rows) || rows < 1 || !out) {
  console.error('usage: node bench/generate.js ROWS OUT.csv');
  process.exit(2);
}
// The start-up cache is a header line, then the rule base as JSON.
const cacheText = readFileSync(new URL('../dist/rulebase.cache.json', import.meta.url), 'utf8');
const catalogue = JSON.parse(cacheText.slice(cacheText.indexOf('\n') + 1)).entries.occupations;
const roleForms = catalogue.flatMap((o) => [o.id, o.title.en, o.title.zh, ...o.aliases.en.slice(0, 1), ...o.aliases.zh.slice(0, 1), o.codes.soc2018]);
roleForms.push('astronaut', 'sofware developer', 'acountant', 'dragon tamer');
const seniority = ['intern', 'entry', 'mid', 'senior', 'lead', 'executive', 'junior', '初级', '中级', '高级', '经理', 'boss'];
const ai = ['none', 'occasional', 'weekly', 'daily', 'builds', '不用', '偶尔', '每周', '每天', 'sometimes'];
const notes = ['', '', 'returning to work', 'wants to change field, open to study', '在职,考虑转行', 'referred by "Career Centre"'];

let seed = 42;
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const pick = (list) => list[rand(list.length)];
const csv = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const stream = createWriteStream(out);
stream.write('id,role,seniority,repetitiveness,ai_usage,notes\n');
for (let i = 1; i <= rows; i++) {
  const rep = rand(50) === 0 ? '7' : String(1 + rand(5));
  const line = `client-${i},${csv(pick(roleForms))},${pick(seniority)},${rep},${pick(ai)},${csv(pick(notes))}\n`;
  if (!stream.write(line)) await once(stream, 'drain');
}
stream.end();
await once(stream, 'finish');
