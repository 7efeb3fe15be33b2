/** Orderings the source documents state must hold for a neutral profile. */
import { describe, expect, it } from 'vitest';
import { scoreOf } from '../src/engine/evaluate.js';
import { neutral, shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();
const score = (id: string) => scoreOf(rb, neutral(id));

describe('orderings stated by the sources (neutral profile)', () => {
  // 000: concept artists, human customer service and translators were the first replaced;
  // algorithm engineers and elderly-care workers are in short supply; physical work protects.
  const firstWave = ['concept-artist', 'translator', 'customer-service-representative'];
  const protectedRoles = ['elderly-care-worker', 'electrician', 'machine-learning-engineer'];
  for (const high of firstWave) {
    for (const low of protectedRoles) {
      it(`${high} > ${low}`, () => expect(score(high)).toBeGreaterThan(score(low)));
    }
  }

  it('the PKU/Zhaopin most-exposed roles score above the protected roles', () => {
    for (const high of ['editor', 'translator', 'customer-service-representative', 'operations-specialist', 'sales-representative', 'business-development-specialist']) {
      for (const low of protectedRoles) expect(score(high)).toBeGreaterThan(score(low));
    }
  });

  it('repetitive white-collar examples (accounting, art, translation) are at least high risk', () => {
    for (const id of ['accountant', 'graphic-designer', 'translator']) expect(['high', 'very-high']).toContain(evaluate(id));
  });

  it('licensed physicians score below the average white-collar clerk', () => {
    expect(score('physician')).toBeLessThan(score('office-clerk'));
  });

  it('a junior investment-banking analyst scores above a senior one', () => {
    const junior = scoreOf(rb, { ...neutral('investment-banking-analyst'), seniority: 'entry' });
    const senior = scoreOf(rb, { ...neutral('investment-banking-analyst'), seniority: 'senior' });
    expect(junior).toBeGreaterThan(senior);
  });

  it('basic researchers score above the research managers and experts they work for', () => {
    expect(score('research-assistant')).toBeGreaterThan(score('chemist'));
  });
});

function evaluate(id: string): string {
  const s = score(id);
  return [...rb.ruleset.bands].reverse().find((b) => s >= b.from)?.id ?? 'low';
}
