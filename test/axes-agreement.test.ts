/**
 * The two axes agree with how AI use works in model 2: AI-use factors scale with the job's
 * augmentation share (`scaleWith: augmentation`), so using AI lowers the replacement-risk
 * estimate more where AI helps a person do the work, and barely at all where it adds little.
 * Checked over every catalogue occupation at every seniority and repetitiveness.
 */
import { describe, expect, it } from 'vitest';
import { scoreOf } from '../src/engine/evaluate.js';
import type { Seniority, Repetitiveness } from '../src/model/profile.js';
import { REPETITIVENESS_LEVELS, SENIORITY_LEVELS } from '../src/model/profile.js';
import { modelScore, reference, shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();
const shares = rb.occupations.map((o) => {
  const m = modelScore(rb, reference(rb, o.id));
  return { id: o.id, automation: m.automation, augmentation: m.augmentation };
});

/** How far going from no AI use to building AI tools lowers the estimate. */
const drop = (occupation: string, seniority: Seniority, repetitiveness: Repetitiveness): number =>
  scoreOf(rb, { occupation, seniority, repetitiveness, aiUsage: 'none' }) - scoreOf(rb, { occupation, seniority, repetitiveness, aiUsage: 'builds' });

function expectNone(violations: readonly string[]): void {
  expect({ count: violations.length, first: violations.slice(0, 8) }).toEqual({ count: 0, first: [] });
}

describe('AI use and the augmentation share', () => {
  it('the shipped AI-use factors scale with the augmentation share, and their odds fall as use rises', () => {
    const byLevel = new Map(rb.factors.filter((f) => f.group === 'ai-usage').map((f) => [f.condition, f]));
    expect([...byLevel.values()].every((f) => f.scaleWith === 'augmentation')).toBe(true);
    const odds = ['none', 'occasional', 'weekly', 'daily', 'builds'].map((level) => byLevel.get(`aiUsage = ${level}`)?.odds ?? 1);
    for (let i = 1; i < odds.length; i++) expect(odds[i], `odds at level ${i}`).toBeLessThanOrEqual(odds[i - 1] ?? Infinity);
    expect(odds[4]).toBeLessThan(odds[0] ?? 0);
  });

  it('lowers the estimate more, none → builds, for the more augmentable of two jobs with a similar automation share', () => {
    // Pairs: automation shares within 5 points, augmentation shares 30 or more apart.
    const pairs: [(typeof shares)[number], (typeof shares)[number]][] = [];
    for (const low of shares) {
      for (const high of shares) {
        if (Math.abs(low.automation - high.automation) <= 5 && high.augmentation - low.augmentation >= 30) pairs.push([low, high]);
      }
    }
    expect(pairs.length, 'the catalogue holds such pairs').toBeGreaterThan(10);
    const bad: string[] = [];
    for (const [low, high] of pairs) {
      for (const seniority of SENIORITY_LEVELS) {
        for (const repetitiveness of REPETITIVENESS_LEVELS) {
          const [dLow, dHigh] = [drop(low.id, seniority, repetitiveness), drop(high.id, seniority, repetitiveness)];
          if (!(dHigh > dLow)) {
            bad.push(
              `${seniority} r${repetitiveness}: ${high.id} (A ${high.automation.toFixed(1)}, G ${high.augmentation.toFixed(1)}) drops ${dHigh}, ` +
                `${low.id} (A ${low.automation.toFixed(1)}, G ${low.augmentation.toFixed(1)}) drops ${dLow}`,
            );
          }
        }
      }
    }
    expectNone(bad);
  });

  it('moves a low-augmentation job (augmentation share below 20) by at most 3 points, none → builds', () => {
    const low = shares.filter((s) => s.augmentation < 20);
    expect(low.length, 'the catalogue holds such jobs').toBeGreaterThan(10);
    const bad: string[] = [];
    for (const s of low) {
      for (const seniority of SENIORITY_LEVELS) {
        for (const repetitiveness of REPETITIVENESS_LEVELS) {
          const d = drop(s.id, seniority, repetitiveness);
          if (d < 0 || d > 3) bad.push(`${s.id} (A ${s.automation.toFixed(1)}, G ${s.augmentation.toFixed(1)}) ${seniority} r${repetitiveness}: drops ${d}`);
        }
      }
    }
    expectNone(bad);
  });

  it('scales the AI-use odds by exactly the augmentation share: 1 + (odds − 1) × G/100 (a personal task mix)', () => {
    // A mix only of the least augmentable category: the closer G is to 0, the closer AI use comes to no effect.
    const least = [...rb.taskCategories.values()].sort((a, b) => a.augmentation.potential - b.augmentation.potential)[0];
    expect(least).toBeDefined();
    if (!least) return;
    const base = { occupation: 'electrician', seniority: 'mid', repetitiveness: 3, tasks: { [least.id]: 100 } } as const;
    const none = modelScore(rb, { ...base, aiUsage: 'none' });
    const builds = modelScore(rb, { ...base, aiUsage: 'builds' });
    const g = least.augmentation.potential / 100;
    const noneFactor = rb.factors.find((f) => f.condition === 'aiUsage = none');
    const buildsFactor = rb.factors.find((f) => f.condition === 'aiUsage = builds');
    // The ratio of the two odds is exactly the scaled odds' ratio.
    expect(none.m / builds.m).toBeCloseTo((1 + ((noneFactor?.odds ?? 1) - 1) * g) / (1 + ((buildsFactor?.odds ?? 1) - 1) * g), 10);
  });
});
