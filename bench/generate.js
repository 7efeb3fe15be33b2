#!/usr/bin/env node
// Writes a client CSV for bench/batch.js. Deterministic: the same arguments always write the
// same bytes. Three workloads:
//
//   mixed (default)  realistic: roles in every form people type them (catalogue id, English and
//                    Chinese titles and aliases, SOC codes, a few typos), seniority and AI use in
//                    English and Chinese, a notes column with commas and quotes, ~4% bad rows.
//                    Seeded pseudo-random.
//   hard             every profile, no repeats within a cycle: columns id,role,seniority,
//                    repetitiveness,ai_usage; the role is a catalogue id, the answers are the
//                    canonical values (seniority intern…executive, repetitiveness 1–5, AI use
//                    none…builds, from src/model/profile.ts). Row i (from 0) takes occupation
//                    o = i mod N and answer combination c = (o + floor(i / N)) mod 150, split as
//                    seniority c mod 6, repetitiveness 1 + c mod 5, AI use (floor(c / 30) + c) mod 5.
//                    So every N × 150 rows (70,200 with 468 occupations) hold every
//                    occupation × seniority × repetitiveness × AI use exactly once, and each of the
//                    four fields changes from one row to the next. No bad rows.
//   free-text        every row a distinct spelling of a role: a catalogue title or alias (English
//                    or Chinese), from the second pass over the names on with a one-character typo
//                    (dropped, doubled or swapped) and/or a level word or qualifier before or after it.
//                    Answers cycle as in hard. Rows whose role names no job go to --errors in batch
//                    (that is part of the cost being measured).
//
// The catalogue is read through the CLI (`career-risk roles --format json`, with the --rules
// packs given), so the file follows the rule base that batch will see.
//
// Usage: node bench/generate.js ROWS OUT.csv [--workload mixed|hard|free-text] [--rules PATH]...
import { createWriteStream } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const WORKLOADS = ['mixed', 'hard', 'free-text'];
const usage = 'usage: node bench/generate.js ROWS OUT.csv [--workload mixed|hard|free-text] [--rules PATH]...';

function parseArgs(argv) {
  const positional = [];
  const options = { workload: 'mixed', rules: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--workload') options.workload = argv[++i];
    else if (a === '--rules') options.rules.push(argv[++i]);
    else positional.push(a);
  }
  return { positional, options };
}

const { positional, options } = parseArgs(process.argv.slice(2));
const [rowsArg, out] = positional;
const rows = Number(rowsArg);
if (!Number.isInteger(rows) || rows < 1 || !out || !WORKLOADS.includes(options.workload)) {
  console.error(usage);
  process.exit(2);
}

/** The catalogue batch will see: shipped occupations, then those of the packs. */
function readCatalogue(rules) {
  const bin = fileURLToPath(new URL('../bin/career-risk.js', import.meta.url));
  const args = [bin, 'roles', '--format', 'json', ...rules.flatMap((r) => ['--rules', r])];
  return JSON.parse(execFileSync(process.execPath, args, { maxBuffer: 1 << 28, encoding: 'utf8' }));
}

const SENIORITY = ['intern', 'entry', 'mid', 'senior', 'lead', 'executive'];
const AI_USAGE = ['none', 'occasional', 'weekly', 'daily', 'builds'];
const COMBINATIONS = SENIORITY.length * 5 * AI_USAGE.length; // 150

/** Row i's answers, `n` being the number of roles cycled through (see the header). */
function answers(i, n) {
  const o = i % n;
  const c = (o + Math.floor(i / n)) % COMBINATIONS;
  return [SENIORITY[c % 6], String(1 + (c % 5)), AI_USAGE[(Math.floor(c / 30) + c) % 5]];
}

const csv = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function* mixed(catalogue) {
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
  yield 'id,role,seniority,repetitiveness,ai_usage,notes\n';
  for (let i = 1; i <= rows; i++) {
    const rep = rand(50) === 0 ? '7' : String(1 + rand(5));
    yield `client-${i},${csv(pick(roleForms))},${pick(seniority)},${rep},${pick(ai)},${csv(pick(notes))}\n`;
  }
}

function* hard(catalogue) {
  const ids = catalogue.map((o) => o.id);
  yield 'id,role,seniority,repetitiveness,ai_usage\n';
  for (let i = 0; i < rows; i++) yield `client-${i + 1},${ids[i % ids.length]},${answers(i, ids.length).join(',')}\n`;
}

// Free text: qualifiers that change the spelling but not the job.
const EN_BEFORE = ['', 'senior ', 'junior ', 'lead ', 'assistant ', 'remote ', 'freelance ', 'trainee ', 'part-time ', 'experienced '];
const EN_AFTER = ['', ' (contract)', ' - night shift', ' II', ' / part time', ' (temp)', ' at a startup', ', full time', ' III', ' - remote'];
const ZH_BEFORE = ['', '高级', '初级', '资深', '兼职', '实习', '远程', '外包', '见习', '主任'];
const ZH_AFTER = ['', '（兼职）', '岗', '（外包）', '专员', '（急招）', '-夜班', '（远程）', '（实习）', '人员'];

/** A one-character slip at position p: 0 none, 1 dropped, 2 doubled, 3 swapped with the next one. */
function typo(text, kind, p) {
  const chars = Array.from(text);
  if (kind === 0 || chars.length < 4) return text;
  const at = 1 + (p % (chars.length - 2)); // never the first or last character
  if (kind === 1) chars.splice(at, 1);
  else if (kind === 2) chars.splice(at, 0, chars[at]);
  else [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
  return chars.join('');
}

function* freeText(catalogue) {
  const names = catalogue.flatMap((o) => [
    { text: o.title.en, zh: false },
    { text: o.title.zh, zh: true },
    ...o.aliases.en.map((text) => ({ text, zh: false })),
    ...o.aliases.zh.map((text) => ({ text, zh: true })),
  ]);
  const seen = new Set();
  yield 'id,role,seniority,repetitiveness,ai_usage\n';
  // k walks names × 4 typo kinds × 100 qualifier pairs × typo positions, so typos and qualifiers
  // both appear from the second pass over the names on; spellings already written are skipped.
  let written = 0;
  for (let k = 0; written < rows; k++) {
    const name = names[k % names.length];
    const q = Math.floor(k / names.length);
    const before = (name.zh ? ZH_BEFORE : EN_BEFORE)[Math.floor(q / 4) % 10];
    const after = (name.zh ? ZH_AFTER : EN_AFTER)[Math.floor(q / 40) % 10];
    const text = typo(name.text, q % 4, Math.floor(q / 400) + k);
    const role = `${before}${text}${after}`;
    const key = role.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    yield `client-${written + 1},${csv(role)},${answers(written, catalogue.length).join(',')}\n`;
    written++;
  }
}

const catalogue = readCatalogue(options.rules);
const lines = { mixed, hard, 'free-text': freeText }[options.workload](catalogue);
const stream = createWriteStream(out);
let chunk = '';
for (const line of lines) {
  chunk += line;
  if (chunk.length >= 1 << 16) {
    if (!stream.write(chunk)) await once(stream, 'drain');
    chunk = '';
  }
}
stream.end(chunk);
await once(stream, 'finish');
