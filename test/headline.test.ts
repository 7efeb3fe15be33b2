/**
 * The batch headline against the full assessment: for every catalogue profile
 * (occupation × seniority × repetitiveness × AI use) the score, augmentation,
 * band, range, reading, advice order and first pivot equal `evaluate()`'s.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/engine/evaluate.js';
import { HeadlineScorer } from '../src/engine/headline.js';
import type { Profile } from '../src/model/profile.js';
import { AI_USAGE_LEVELS, REPETITIVENESS_LEVELS, SENIORITY_LEVELS } from '../src/model/profile.js';
import type { RuleBase } from '../src/engine/compile.js';
import { loadOrThrow, shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();

function profiles(step: number, base: RuleBase = rb): Profile[] {
  const all: Profile[] = [];
  let i = 0;
  for (const o of base.occupations)
    for (const seniority of SENIORITY_LEVELS)
      for (const repetitiveness of REPETITIVENESS_LEVELS)
        for (const aiUsage of AI_USAGE_LEVELS) if (i++ % step === 0) all.push({ occupation: o.id, seniority, repetitiveness, aiUsage });
  return all;
}

/** The scorer's headline of each profile against evaluate()'s; returns how many were checked. */
function checkAgainstEvaluate(base: RuleBase, step: number): number {
  const scorer = new HeadlineScorer(base);
  let checked = 0;
  for (const profile of profiles(step, base)) {
    const a = evaluate(base, profile);
    const h = scorer.headline(profile);
    const got = { score: h.score, band: h.band.id, range: h.range, augmentation: h.augmentation, reading: h.reading?.id, advice: h.advice.map((x) => x.id), pivot: h.pivot };
    const want = { score: a.score, band: a.band.id, range: a.range, augmentation: a.augmentation.score, reading: a.reading?.id, advice: a.advice.map((x) => x.id), pivot: a.pivots[0] };
    expect(got, JSON.stringify(profile)).toEqual(want);
    checked++;
  }
  return checked;
}

describe('headline', () => {
  it('equals evaluate() with a rule pack too (every 13th profile; the pack has no build-time table)', () => {
    expect(checkAgainstEvaluate(loadOrThrow({ packs: ['examples/rule-pack'] }), 13)).toBeGreaterThan(5000);
  }, 120_000);

  it('equals evaluate() on catalogue profiles (every 7th, in catalogue order)', () => {
    const scorer = new HeadlineScorer(rb);
    let checked = 0;
    for (const profile of profiles(7)) {
      const a = evaluate(rb, profile);
      const h = scorer.headline(profile);
      const got = { score: h.score, band: h.band.id, range: h.range, augmentation: h.augmentation, reading: h.reading?.id, advice: h.advice.map((x) => x.id), pivot: h.pivot };
      const want = { score: a.score, band: a.band.id, range: a.range, augmentation: a.augmentation.score, reading: a.reading?.id, advice: a.advice.map((x) => x.id), pivot: a.pivots[0] };
      expect(got, JSON.stringify(profile)).toEqual(want);
      expect(h.advice.map((x) => x.label)).toEqual(a.advice.map((x) => x.label));
      checked++;
    }
    expect(checked).toBeGreaterThan(9000);
  }, 120_000);

  it('scores like scoreOf, memoised or not', () => {
    const scorer = new HeadlineScorer(rb);
    for (const profile of profiles(101)) {
      const first = scorer.profileScore(profile);
      expect(scorer.profileScore(profile)).toBe(first);
      expect(first).toBe(evaluate(rb, profile).score);
    }
  });
});
