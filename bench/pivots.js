#!/usr/bin/env node
// Career-pivot speed: all pivots (no limit) for one role, for every occupation of the catalogue,
// against a bare `scoreOf` of that role in the same run (the ratio is what compares across
// machines). "fresh" is the first call on a new rule base: it scores the whole catalogue once for
// that seniority × repetitiveness × AI use. "cold" is the first call for an occupation (it ranks
// the role's neighbours);
// "warm" is a repeat, as in batch runs and in a report's second rendering.
// Usage: node bench/pivots.js [rounds=5]   (after `npm ci`)
import { readShippedFromCache } from '../dist/engine/cache.js';
import { compileRuleBase } from '../dist/engine/compile.js';
import { loadRuleBase } from '../dist/engine/load.js';
import { scoreOf } from '../dist/engine/evaluate.js';
import { findPivots } from '../dist/engine/pivots.js';

const rounds = Number(process.argv[2] ?? 5);
const loaded = readShippedFromCache() ?? loadRuleBase().ruleBase;
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;
const stats = (samples) => {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)], p99: s[Math.floor(s.length * 0.99)], max: s[s.length - 1] };
};
const fmt = (r) => `p50 ${r.p50.toFixed(3)} ms  p99 ${r.p99.toFixed(3)} ms  max ${r.max.toFixed(3)} ms`;

const fresh = [];
const cold = [];
const warm = [];
const bare = [];
let shown = 0;
for (let round = 0; round < rounds; round++) {
  const rb = compileRuleBase(loaded); // a fresh rule base: nothing memoised
  for (const o of rb.occupations) {
    const profile = { occupation: o.id, seniority: 'mid', repetitiveness: 3, aiUsage: 'occasional' };
    let t = process.hrtime.bigint();
    const score = scoreOf(rb, profile);
    bare.push(ms(t));
    const q = { profile, occupation: o, tasks: o.tasks, score, limit: 1000 };
    t = process.hrtime.bigint();
    const first = findPivots(rb, q, scoreOf);
    const c = ms(t);
    t = process.hrtime.bigint();
    findPivots(rb, q, scoreOf);
    warm.push(ms(t));
    (o === rb.occupations[0] ? fresh : cold).push(c);
    if (round === 0) shown += first.length;
  }
}
const n = compileRuleBase(loaded).occupations.length;
console.log(`node ${process.version}; ${n} occupations × ${rounds} rounds; ${(shown / n).toFixed(1)} pivots per role on average (no limit)`);
const b = stats(bare);
console.log(`fresh    first call on a fresh rule base (scores the whole catalogue): ${fresh.map((x) => `${x.toFixed(1)} ms`).join(', ')}`);
for (const [name, r] of [['cold', stats(cold)], ['warm', stats(warm)], ['scoreOf', b]]) {
  console.log(`${name.padEnd(8)} ${fmt(r)}${name === 'scoreOf' ? '' : `  (p50 ${(r.p50 / b.p50).toFixed(0)}× one scoreOf)`}`);
}
