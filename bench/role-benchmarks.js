#!/usr/bin/env node
// Role-search accuracy on real job titles, English and Chinese, and the time per resolveRole call.
// The sets, what counts as a hit and the tune/check halves are described in bench/role-sets.js.
//   top 1  = resolveRole(rb, q) resolves to a right occupation
//   top 3  = a right occupation among searchRoles(rb, q, 3)
//   refused = resolveRole answers ambiguous or none (with suggestions); wrong = resolves to a wrong one
//   no job = queries that name no catalogue job: how many are refused (they must be)
// Usage: node bench/role-benchmarks.js [--split=tune|check] [--failures[=N]] [--set=KEY]
//   (after `npm ci`; reads only committed files and dist/). --split limits onet and csco to one half;
//   --failures prints up to N (default 40) misses per set, evenly spaced, with the search's answer.
//   Look at failures of the tune half only: the check half chooses thresholds, the job-board hold-out
//   only measures.
import { readShippedFromCache } from '../dist/engine/cache.js';
import { compileRuleBase } from '../dist/engine/compile.js';
import { loadRuleBase } from '../dist/engine/load.js';
import { resolveRole, searchRoles } from '../dist/catalogue/search.js';
import { roleSets, score } from './role-sets.js';

const arg = (name) => process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const value = (name, fallback) => arg(name)?.split('=')[1] ?? fallback;
const split = value('split', 'all');
const showFailures = arg('failures') ? Number(value('failures', 40)) : 0;
const only = value('set', undefined);

const rb = compileRuleBase(readShippedFromCache() ?? loadRuleBase().ruleBase);
const sets = roleSets(rb).filter((s) => only === undefined || s.key === only);

// The first search builds the indexes: not counted in the times below.
const warm = process.hrtime.bigint();
resolveRole(rb, 'warm up the index');
resolveRole(rb, '软件工程师');
const warmMs = Number(process.hrtime.bigint() - warm) / 1e6;

const pct = (x, n) => (n === 0 ? '-' : `${((100 * x) / n).toFixed(1)}%`);
const rows = [];
const allTimes = [];
for (const set of sets) {
  const cases = set.cases.filter((c) => split === 'all' || c.half === undefined || c.half === split);
  const r = { n: 0, top1: 0, top3: 0, refused: 0, wrong: 0, none: 0, noneRefused: 0, failures: [], times: [] };
  for (const c of cases) {
    const t = process.hrtime.bigint();
    const res = resolveRole(rb, c.q);
    r.times.push(Number(process.hrtime.bigint() - t) / 1e6);
    const top3 = searchRoles(rb, c.q, 3).map((h) => h.occupation);
    const s = score(c, res, top3);
    if (!c.hit) {
      r.none++;
      if (s.refused) r.noneRefused++;
    } else {
      r.n++;
      if (s.top1) r.top1++;
      if (s.top3) r.top3++;
      if (s.refused) r.refused++;
      if (s.wrong) r.wrong++;
    }
    if (!s.top1) {
      const got = res.kind === 'match' ? `${res.occupation.id}` : `${res.kind}`;
      r.failures.push(`${c.expect}\t${c.q}\t→ ${got}; top 3: ${top3.map((o) => o.id).join(', ') || '-'}`);
    }
  }
  allTimes.push(...r.times);
  r.times.sort((a, b) => a - b);
  const mean = r.times.reduce((a, b) => a + b, 0) / Math.max(1, r.times.length);
  const p99 = r.times[Math.min(r.times.length - 1, Math.floor(r.times.length * 0.99))] ?? 0;
  rows.push({ set, r, cells: [set.name, String(r.n), pct(r.top1, r.n), pct(r.top3, r.n), pct(r.refused, r.n), pct(r.wrong, r.n), r.none ? `${r.noneRefused}/${r.none}` : '-', mean.toFixed(3), p99.toFixed(3)] });
}

console.log(`node ${process.version}; ${rb.occupations.length} occupations; split: ${split}; first search (index build) ${warmMs.toFixed(0)} ms`);
for (const { set } of rows) {
  if (set.total !== undefined) console.log(`${set.name}: ${set.total} titles, ${set.total - set.cases.length} verbatim in the catalogue or alias index left out`);
}
const header = ['set', 'queries', 'top 1', 'top 3', 'refused', 'wrong', 'no job refused', 'mean ms', 'p99 ms'];
allTimes.sort((a, b) => a - b);
const total = ['all', String(allTimes.length), '', '', '', '', '', (allTimes.reduce((a, b) => a + b, 0) / Math.max(1, allTimes.length)).toFixed(3), (allTimes[Math.floor(allTimes.length * 0.99)] ?? 0).toFixed(3)];
const table = [header, ...rows.map((x) => x.cells), total];
const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
for (const r of table) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));

if (showFailures > 0) {
  for (const { set, r } of rows) {
    const step = Math.max(1, r.failures.length / showFailures);
    const sample = Array.from({ length: Math.min(showFailures, r.failures.length) }, (_, i) => r.failures[Math.floor(i * step)]);
    console.log(`\n${set.name}: ${sample.length} of ${r.failures.length} misses, evenly spaced (expected, query, answer)`);
    for (const f of sample) console.log(f);
  }
}
