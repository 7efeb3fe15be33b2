/** Properties the model must always hold, checked over random profiles. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, scoreOf } from '../src/engine/evaluate.js';
import type { Profile } from '../src/model/profile.js';
import { AI_USAGE_LEVELS, REPETITIVENESS_LEVELS, SENIORITY_LEVELS } from '../src/model/profile.js';
import { shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();
const occupation = fc.constantFrom(...rb.occupations.map((o) => o.id));
const profile: fc.Arbitrary<Profile> = fc.record({
  occupation,
  seniority: fc.constantFrom(...SENIORITY_LEVELS),
  repetitiveness: fc.constantFrom(...REPETITIVENESS_LEVELS),
  aiUsage: fc.constantFrom(...AI_USAGE_LEVELS),
});
const runs = { numRuns: 500 };

describe('model properties', () => {
  it('keeps the score, range and advice within bounds', () => {
    fc.assert(
      fc.property(profile, (p) => {
        const a = evaluate(rb, p);
        expect(Number.isInteger(a.score)).toBe(true);
        expect(a.score).toBeGreaterThanOrEqual(0);
        expect(a.score).toBeLessThanOrEqual(100);
        expect(a.range.low).toBeGreaterThanOrEqual(0);
        expect(a.range.high).toBeLessThanOrEqual(100);
        expect(a.range.low).toBeLessThanOrEqual(a.score);
        expect(a.range.high).toBeGreaterThanOrEqual(a.score);
        expect(a.advice.length).toBeLessThanOrEqual(rb.ruleset.advice.max);
        for (const item of a.advice) expect(item.reduction).toBeGreaterThanOrEqual(0);
        // Advice that moves nothing is never padded in: it either moves the estimate or helps instead, when nothing moves it much.
        const workBest = Math.max(0, ...a.advice.filter((x) => x.moves && x.scope === 'work').map((x) => x.reduction));
        for (const item of a.advice) expect(item.moves ? item.reduction >= (item.scope === 'work' ? 1 : (rb.ruleset.advice.lowLever ?? 0)) && item.reduction > 0 : workBest < (rb.ruleset.advice.lowLever ?? 0) || a.band.id === rb.ruleset.bands[0]?.id).toBe(true);
      }),
      runs,
    );
  });

  it('never lowers the score when repetitiveness rises', () => {
    fc.assert(
      fc.property(profile, (p) => {
        for (const r of REPETITIVENESS_LEVELS.filter((level) => level > p.repetitiveness)) {
          expect(scoreOf(rb, { ...p, repetitiveness: r })).toBeGreaterThanOrEqual(scoreOf(rb, p));
        }
      }),
      runs,
    );
  });

  it('never raises the score when AI-tool use rises', () => {
    fc.assert(
      fc.property(profile, (p) => {
        const rank = AI_USAGE_LEVELS.indexOf(p.aiUsage);
        for (const more of AI_USAGE_LEVELS.slice(rank + 1)) {
          expect(scoreOf(rb, { ...p, aiUsage: more })).toBeLessThanOrEqual(scoreOf(rb, p));
        }
      }),
      runs,
    );
  });

  it('never scores entry level below mid level for the same role', () => {
    fc.assert(
      fc.property(profile, (p) => {
        expect(scoreOf(rb, { ...p, seniority: 'entry' })).toBeGreaterThanOrEqual(scoreOf(rb, { ...p, seniority: 'mid' }));
      }),
      runs,
    );
  });

  it('is deterministic: the same profile gives an identical assessment', () => {
    fc.assert(
      fc.property(profile, (p) => {
        expect(JSON.stringify(evaluate(rb, p))).toBe(JSON.stringify(evaluate(rb, { ...p })));
      }),
      { numRuns: 200 },
    );
  });
});
