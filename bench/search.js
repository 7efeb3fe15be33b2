#!/usr/bin/env node
// Role search speed over the whole catalogue: every query of the committed query set
// (test/fixtures/role-queries.yaml), through resolveRole (what assess and batch use) and
// searchRoles (what the interactive prompt and `roles <query>` use): mean, p50, p99 and max per
// query. Then hostile long inputs (100, 200, 1,000 and 16,000 characters of Latin without spaces,
// digits and punctuation, English words, mixed scripts, Chinese text) through resolveRole,
// searchRoles and parseRole (what assess and batch call first: it refuses an overlong role),
// median and max of a few calls each. Then accuracy on the tuned and hold-out query sets.
// Usage: node bench/search.js [rounds=20]   (after `npm ci`)
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { readShippedFromCache } from '../dist/engine/cache.js';
import { compileRuleBase } from '../dist/engine/compile.js';
import { loadRuleBase } from '../dist/engine/load.js';
import { resolveRole, searchRoles } from '../dist/catalogue/search.js';
import { parseRole } from '../dist/model/answers.js';

const rounds = Number(process.argv[2] ?? 20);
const loaded = readShippedFromCache() ?? loadRuleBase().ruleBase;
const rb = compileRuleBase(loaded);
const load = (name) => parse(readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8')).queries;
const tuned = load('role-queries.yaml');
const holdout = load('role-queries-holdout.yaml');
const queries = tuned.map((x) => x.q);

const t0 = process.hrtime.bigint();
searchRoles(rb, 'warm up the index', 10);
const indexMs = Number(process.hrtime.bigint() - t0) / 1e6;

function time(fn) {
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const s = process.hrtime.bigint();
      fn(q);
      samples.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return { mean, p50: samples[Math.floor(samples.length * 0.5)], p99: samples[Math.floor(samples.length * 0.99)], max: samples[samples.length - 1] };
}

const resolve = time((q) => resolveRole(rb, q));
const search = time((q) => searchRoles(rb, q, 12, 0.65));
console.log(`node ${process.version}; ${rb.occupations.length} occupations; ${queries.length} queries × ${rounds} rounds; index built in ${indexMs.toFixed(1)} ms`);
for (const [name, r] of [['resolveRole', resolve], ['searchRoles', search]]) {
  console.log(`${name.padEnd(12)} mean ${r.mean.toFixed(3)} ms  p50 ${r.p50.toFixed(3)} ms  p99 ${r.p99.toFixed(3)} ms  max ${r.max.toFixed(3)} ms`);
}

// Hostile inputs: how the cost grows with the length of a role text nobody would type.
const HOSTILE = {
  'Latin, no spaces': 'abcdefghijklmnopqrstuvwxyz',
  'digits and punctuation': '15-1252,isco:2512;',
  'English words': 'senior software engineer remote contract ',
  'mixed scripts': 'software 工程师 data 分析 manager 经理 ',
  'Chinese text': '负责公司日常运营管理工作，协调各部门',
};
const cut = (text, length) => Array.from(text.repeat(Math.ceil(length / text.length))).slice(0, length).join('');
const calls = {
  resolveRole: (q) => resolveRole(rb, q),
  searchRoles: (q) => searchRoles(rb, q, 12, 0.65),
  parseRole: (q) => {
    try {
      parseRole(rb, q, 'en');
    } catch {
      // an unknown or overlong role is the expected answer
    }
  },
};
console.log('hostile role text (median / max of the calls, ms):');
for (const length of [100, 200, 1_000, 16_000]) {
  const times = length > 1_000 ? 3 : 7;
  for (const [kind, unit] of Object.entries(HOSTILE)) {
    const q = cut(unit, length);
    const cells = Object.entries(calls).map(([name, fn]) => {
      fn(q); // warm-up
      const samples = [];
      for (let i = 0; i < times; i++) {
        const s = process.hrtime.bigint();
        fn(q);
        samples.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
      samples.sort((a, b) => a - b);
      return `${name} ${samples[Math.floor(samples.length / 2)].toFixed(3)} / ${samples[samples.length - 1].toFixed(3)}`;
    });
    console.log(`  ${String(length).padStart(6)} chars, ${kind.padEnd(22)} ${cells.join('   ')}`);
  }
}

// Accuracy: the query set the search was tuned on, and the blind hold-out set.
for (const [name, set] of [['tuned set', tuned], ['blind hold-out', holdout]]) {
  const positive = set.filter((x) => x.expect !== 'none');
  const ranks = positive.map((x) => searchRoles(rb, x.q, 3).map((h) => h.occupation.id).indexOf(x.expect));
  const first = ranks.filter((r) => r === 0).length;
  const top3 = ranks.filter((r) => r >= 0).length;
  const silent = set.filter((x) => x.expect === 'none' && resolveRole(rb, x.q).kind === 'match').length;
  console.log(
    `${name.padEnd(14)} ${positive.length} queries: rank 1 ${((100 * first) / positive.length).toFixed(1)}%, top 3 ${((100 * top3) / positive.length).toFixed(1)}%; ` +
      `no-match queries matched anyway: ${silent} of ${set.length - positive.length}`,
  );
}
