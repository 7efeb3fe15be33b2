/**
 * The role-search benchmarks (bench/role-sets.js; figures and method in bench/README.md) kept at
 * their measured level, so a change that makes the search worse fails CI. The job-board hold-out
 * is measured by bench/role-benchmarks.js only: no test pins it, so nothing is tuned to it.
 */
import { describe, expect, it } from 'vitest';
import { roleSets, score } from '../bench/role-sets.js';
import { resolveRole, searchRoles } from '../src/catalogue/search.js';
import { shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();
const sets = roleSets(rb);

/** Measured levels (top 1, top 3), rounded down to the next 0.5 point; set: bench/role-sets.js key. */
const LEVELS: Record<string, { top1: number; top3: number }> = {
  onet: { top1: 0.29, top3: 0.73 },
  csco: { top1: 0.35, top3: 0.7 },
  'fixture-en': { top1: 0.925, top3: 0.99 },
  'fixture-zh': { top1: 0.93, top3: 1 },
  'blind-en': { top1: 0.815, top3: 0.94 },
  'blind-zh': { top1: 0.525, top3: 0.835 },
};

describe('role-search benchmarks stay at their measured level', () => {
  for (const [key, level] of Object.entries(LEVELS)) {
    it(`${key}: top 1 ≥ ${level.top1}, top 3 ≥ ${level.top3}, every no-job query refused`, () => {
      const set = sets.find((s) => s.key === key);
      expect(set, key).toBeDefined();
      let n = 0;
      let top1 = 0;
      let top3 = 0;
      const leaks: string[] = [];
      for (const c of set?.cases ?? []) {
        const s = score(c, resolveRole(rb, c.q), searchRoles(rb, c.q, 3).map((h) => h.occupation));
        if (!c.hit) {
          if (!s.refused) leaks.push(c.q);
          continue;
        }
        n++;
        if (s.top1) top1++;
        if (s.top3) top3++;
      }
      expect(leaks).toEqual([]);
      expect(top1 / n).toBeGreaterThanOrEqual(level.top1);
      expect(top3 / n).toBeGreaterThanOrEqual(level.top3);
    }, 60_000);
  }
});
