/**
 * Model 2 properties over the shipped rule base: first over every catalogue profile
 * (every occupation × seniority × repetitiveness 1–5 × AI use, exhaustively), then with
 * fast-check over random profiles and personal task mixes the catalogue does not hold.
 *
 *   A = Σ share × automation potential / 100, G = Σ share × augmentation potential / 100
 *   score = round(100·mA / (mA + 100 − A)), m = Π effective odds of the fired factors
 *   augmentation figure = round(G)
 *
 * No test here names a shipped score: the rule values are content, the properties are the model.
 * A failure lists the first counter-examples (occupation, answers and the figures involved).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, scoreOf } from '../src/engine/evaluate.js';
import type { AiUsage, Profile, Repetitiveness, Seniority } from '../src/model/profile.js';
import { AI_USAGE_LEVELS, REPETITIVENESS_LEVELS, SENIORITY_LEVELS } from '../src/model/profile.js';
import { modelScore, oddsTransform, reference, shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();
const REFERENCE = reference(rb, '');

/** Every catalogue profile, in a fixed order. */
function* everyProfile(): Generator<Profile> {
  for (const o of rb.occupations) {
    for (const seniority of SENIORITY_LEVELS) {
      for (const repetitiveness of REPETITIVENESS_LEVELS) {
        for (const aiUsage of AI_USAGE_LEVELS) yield { occupation: o.id, seniority, repetitiveness, aiUsage };
      }
    }
  }
}

const key = (p: Profile): string => `${p.occupation} ${p.seniority} r${p.repetitiveness} ${p.aiUsage}`;
const scores = new Map<string, number>();
for (const p of everyProfile()) scores.set(key(p), scoreOf(rb, p));
const score = (occupation: string, seniority: Seniority, repetitiveness: Repetitiveness, aiUsage: AiUsage): number => {
  const s = scores.get(key({ occupation, seniority, repetitiveness, aiUsage }));
  if (s === undefined) throw new Error(`no score for ${occupation}`);
  return s;
};

/** The task-mix shares of each occupation, unrounded. */
const exposure = new Map(rb.occupations.map((o) => [o.id, modelScore(rb, reference(rb, o.id))]));
const automationOf = (id: string): number => exposure.get(id)?.automation ?? NaN;

/** Fails with the first counter-examples and how many there are. */
function expectNone(violations: readonly string[]): void {
  expect({ count: violations.length, first: violations.slice(0, 8) }).toEqual({ count: 0, first: [] });
}

describe('model 2 over every catalogue profile (exhaustive)', () => {
  it(`covers ${rb.occupations.length} occupations × ${SENIORITY_LEVELS.length} × ${REPETITIVENESS_LEVELS.length} × ${AI_USAGE_LEVELS.length} profiles`, () => {
    expect(scores.size).toBe(rb.occupations.length * SENIORITY_LEVELS.length * REPETITIVENESS_LEVELS.length * AI_USAGE_LEVELS.length);
    expect(rb.occupations.length).toBeGreaterThan(100);
  });

  it('gives integer scores and augmentation figures 0–100, each inside its range, a reading, and advice within its bounds that never raises the estimate', () => {
    const bad: string[] = [];
    const isPercent = (n: number) => Number.isInteger(n) && n >= 0 && n <= 100;
    for (const p of everyProfile()) {
      const a = evaluate(rb, p);
      const { score: s, range, augmentation: g } = a;
      if (!isPercent(s) || !isPercent(range.low) || !isPercent(range.high) || !(range.low <= s && s <= range.high)) {
        bad.push(`${key(p)}: score ${s} range ${range.low}–${range.high}`);
      }
      if (!isPercent(g.score) || !isPercent(g.range.low) || !isPercent(g.range.high) || !(g.range.low <= g.score && g.score <= g.range.high)) {
        bad.push(`${key(p)}: augmentation ${g.score} range ${g.range.low}–${g.range.high}`);
      }
      if (a.reading === undefined) bad.push(`${key(p)}: no reading`);
      if (a.advice.length < 1 || a.advice.length > rb.ruleset.advice.max) bad.push(`${key(p)}: ${a.advice.length} advice items`);
      const workBest = Math.max(0, ...a.advice.filter((x) => x.moves && x.scope === 'work').map((x) => x.reduction));
      for (const item of a.advice) if (item.moves ? item.reduction <= 0 || (item.scope === 'person' && item.reduction < (rb.ruleset.advice.lowLever ?? 0)) : workBest >= (rb.ruleset.advice.lowLever ?? 0) && a.band.id !== rb.ruleset.bands[0]?.id) bad.push(`${key(p)}: ${item.id} padded in (moves nothing)`);
      for (const item of a.advice) if (item.scoreAfter > s) bad.push(`${key(p)}: ${item.id} would raise ${s} to ${item.scoreAfter}`);
      if (s !== scores.get(key(p))) bad.push(`${key(p)}: evaluate ${s} but scoreOf ${scores.get(key(p))}`);
    }
    expectNone(bad);
  });

  it('scores exactly round(100·mA / (mA + 100 − A)) with m the product of the fired factors\' effective odds', () => {
    const bad: string[] = [];
    for (const p of everyProfile()) {
      const expected = modelScore(rb, p);
      const actual = scores.get(key(p));
      if (actual !== expected.score) bad.push(`${key(p)}: ${actual}, formula ${expected.score} (A ${expected.automation}, m ${expected.m})`);
    }
    expectNone(bad);
  });

  it('gives the augmentation figure round(G) whatever the answers: person factors move only the replacement-risk score', () => {
    const bad: string[] = [];
    for (const o of rb.occupations) {
      const expected = Math.round(exposure.get(o.id)?.augmentation ?? NaN);
      for (const seniority of SENIORITY_LEVELS) {
        for (const aiUsage of AI_USAGE_LEVELS) {
          const got = evaluate(rb, { occupation: o.id, seniority, repetitiveness: 5, aiUsage }).augmentation.score;
          if (got !== expected) bad.push(`${o.id} ${seniority} ${aiUsage}: ${got}, round(G) ${expected}`);
        }
      }
    }
    expectNone(bad);
  });

  it('never lowers the score when repetitiveness rises', () => {
    const bad: string[] = [];
    for (const p of everyProfile()) {
      if (p.repetitiveness === 5) continue;
      const next = (p.repetitiveness + 1) as Repetitiveness;
      const [before, after] = [score(p.occupation, p.seniority, p.repetitiveness, p.aiUsage), score(p.occupation, p.seniority, next, p.aiUsage)];
      if (after < before) bad.push(`${key(p)}: ${before} → ${after} at repetitiveness ${next}`);
    }
    expectNone(bad);
  });

  it('never raises the score when AI use rises (none < occasional < weekly < daily < builds)', () => {
    const bad: string[] = [];
    for (const p of everyProfile()) {
      const rank = AI_USAGE_LEVELS.indexOf(p.aiUsage);
      const next = AI_USAGE_LEVELS[rank + 1];
      if (next === undefined) continue;
      const [before, after] = [score(p.occupation, p.seniority, p.repetitiveness, p.aiUsage), score(p.occupation, p.seniority, p.repetitiveness, next)];
      if (after > before) bad.push(`${key(p)}: ${before} → ${after} with ${next}`);
    }
    expectNone(bad);
  });

  it('never scores entry level below mid level for the same role and answers', () => {
    const bad: string[] = [];
    for (const p of everyProfile()) {
      if (p.seniority !== 'mid') continue;
      const [mid, entry] = [score(p.occupation, 'mid', p.repetitiveness, p.aiUsage), score(p.occupation, 'entry', p.repetitiveness, p.aiUsage)];
      if (entry < mid) bad.push(`${key(p)}: entry ${entry} < mid ${mid}`);
    }
    expectNone(bad);
  });

  it('never scores 0 where the automation share is at least 2, nor 100 unless the share is 100', () => {
    const bad: string[] = [];
    for (const p of everyProfile()) {
      const a = automationOf(p.occupation);
      const s = score(p.occupation, p.seniority, p.repetitiveness, p.aiUsage);
      if (a >= 2 && s === 0) bad.push(`${key(p)}: 0 with automation share ${a}`);
      if (a < 100 && s === 100) bad.push(`${key(p)}: 100 with automation share ${a}`);
      if (a === 0 && s !== 0) bad.push(`${key(p)}: ${s} with automation share 0`);
    }
    expectNone(bad);
  });

  it('keeps the order by automation share for occupations no role rule reaches, at every seniority and repetitiveness', () => {
    // Seniority and repetitiveness factors apply the same odds to everyone; AI-use factors scale with each
    // job's augmentation share, so AI use stays at the reference level here.
    const roleRules = rb.factors.filter((f) => f.group === 'role');
    const reached = (id: string): boolean => {
      const occupation = rb.occupationById.get(id);
      if (!occupation) return true;
      return roleRules.some((f) =>
        SENIORITY_LEVELS.some((seniority) =>
          AI_USAGE_LEVELS.some((aiUsage) => f.test({ profile: { occupation: id, seniority, repetitiveness: 3, aiUsage }, occupation, tasks: occupation.tasks })),
        ),
      );
    };
    const plain = rb.occupations.map((o) => o.id).filter((id) => !reached(id)).sort((x, y) => automationOf(x) - automationOf(y));
    expect(plain.length).toBeGreaterThan(rb.occupations.length / 2);
    const bad: string[] = [];
    for (const seniority of SENIORITY_LEVELS) {
      for (const repetitiveness of REPETITIVENESS_LEVELS) {
        for (let i = 1; i < plain.length; i++) {
          const [lo, hi] = [plain[i - 1] as string, plain[i] as string];
          if (automationOf(lo) === automationOf(hi)) continue;
          const [sLo, sHi] = [score(lo, seniority, repetitiveness, REFERENCE.aiUsage), score(hi, seniority, repetitiveness, REFERENCE.aiUsage)];
          if (sLo > sHi) bad.push(`${seniority} r${repetitiveness}: ${lo} (A ${automationOf(lo)}) scores ${sLo} > ${hi} (A ${automationOf(hi)}) ${sHi}`);
        }
      }
    }
    expectNone(bad);
  });

  it('scores the reference profile as the automation share where no role rule fires', () => {
    const bad: string[] = [];
    for (const o of rb.occupations) {
      const m = exposure.get(o.id);
      if (!m || m.fired.length > 0) continue;
      const s = score(o.id, REFERENCE.seniority, REFERENCE.repetitiveness, REFERENCE.aiUsage);
      if (s !== Math.round(m.automation)) bad.push(`${o.id}: ${s}, automation share ${m.automation}`);
    }
    expectNone(bad);
  });
});

// --- fast-check: random answers and personal task mixes the catalogue does not hold. ---

const CATEGORIES = [...rb.taskCategories.keys()];

/** A task mix over 1–5 distinct categories with integer shares summing to 100. */
const taskMix: fc.Arbitrary<Record<string, number>> = fc
  .uniqueArray(fc.constantFrom(...CATEGORIES), { minLength: 1, maxLength: 5 })
  .chain((cats) =>
    fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: cats.length - 1, maxLength: cats.length - 1 }).map((cuts) => {
      const points = [0, ...[...cuts].sort((x, y) => x - y), 100];
      return Object.fromEntries(cats.map((c, i) => [c, (points[i + 1] ?? 100) - (points[i] ?? 0)]));
    }),
  );

const profile: fc.Arbitrary<Profile> = fc.record({
  occupation: fc.constantFrom(...rb.occupations.map((o) => o.id)),
  seniority: fc.constantFrom(...SENIORITY_LEVELS),
  repetitiveness: fc.constantFrom(...REPETITIVENESS_LEVELS),
  aiUsage: fc.constantFrom(...AI_USAGE_LEVELS),
  tasks: taskMix,
});
const runs = { numRuns: 1500 };

describe('model 2 properties on random answers and personal task mixes (fast-check)', () => {
  it('generates task mixes that sum to 100', () => {
    fc.assert(
      fc.property(taskMix, (mix) => {
        expect(Object.values(mix).reduce((s, n) => s + n, 0)).toBe(100);
        for (const n of Object.values(mix)) expect(n).toBeGreaterThan(0);
      }),
    );
  });

  it('keeps scores and augmentation figures integers 0–100 inside their ranges, and follows the formula exactly', () => {
    fc.assert(
      fc.property(profile, (p) => {
        const a = evaluate(rb, p);
        const expected = modelScore(rb, p);
        expect(a.score).toBe(expected.score);
        expect(a.score).toBe(Math.round(oddsTransform(expected.automation, expected.m)));
        expect(a.augmentation.score).toBe(Math.round(expected.augmentation));
        for (const [value, range] of [
          [a.score, a.range],
          [a.augmentation.score, a.augmentation.range],
        ] as const) {
          expect(Number.isInteger(value) && value >= 0 && value <= 100).toBe(true);
          expect(range.low).toBeGreaterThanOrEqual(0);
          expect(range.high).toBeLessThanOrEqual(100);
          expect(range.low).toBeLessThanOrEqual(value);
          expect(range.high).toBeGreaterThanOrEqual(value);
        }
        if (expected.automation >= 2) expect(a.score).toBeGreaterThan(0);
        if (expected.automation < 100) expect(a.score).toBeLessThan(100);
      }),
      runs,
    );
  });

  it('never lowers the score when repetitiveness rises, nor raises it when AI use rises, nor puts entry below mid', () => {
    fc.assert(
      fc.property(profile, (p) => {
        const s = scoreOf(rb, p);
        for (const r of REPETITIVENESS_LEVELS.filter((level) => level > p.repetitiveness)) expect(scoreOf(rb, { ...p, repetitiveness: r })).toBeGreaterThanOrEqual(s);
        for (const more of AI_USAGE_LEVELS.slice(AI_USAGE_LEVELS.indexOf(p.aiUsage) + 1)) expect(scoreOf(rb, { ...p, aiUsage: more })).toBeLessThanOrEqual(s);
        expect(scoreOf(rb, { ...p, seniority: 'entry' })).toBeGreaterThanOrEqual(scoreOf(rb, { ...p, seniority: 'mid' }));
      }),
      runs,
    );
  });

  it('moves the score in proportion to what is exposed: a factor changes the odds, not the points', () => {
    fc.assert(
      fc.property(profile, (p) => {
        const expected = modelScore(rb, p);
        const a = evaluate(rb, p);
        // The points of the fired factors add up to the move from A to the unrounded score.
        const sum = a.factors.reduce((s, f) => s + f.points, 0);
        expect(Math.abs(expected.automation + sum - expected.raw)).toBeLessThanOrEqual(0.05 * a.factors.length + 1e-9);
        // No move can exceed what the odds allow: at most 100 − A up, at most A down.
        expect(expected.raw - expected.automation).toBeLessThanOrEqual(100 - expected.automation + 1e-9);
        expect(expected.automation - expected.raw).toBeLessThanOrEqual(expected.automation + 1e-9);
      }),
      runs,
    );
  });
});
