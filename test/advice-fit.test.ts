/**
 * Issue 11: advice fits the job and the person. The catalogue-wide measures quoted in
 * rules/README.md ("Advice over the catalogue") fail here when they regress, and the texts are
 * checked for wording that does not fit the situation they are written for.
 */
import { describe, expect, it } from 'vitest';
import { measureAdvice } from '../src/engine/advice-measures.js';
import { evaluate } from '../src/engine/evaluate.js';
import { SENIORITY_LEVELS } from '../src/model/profile.js';
import { shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();
const measures = measureAdvice(rb, { grid: true });

describe('advice over the catalogue (rules/README.md "Advice over the catalogue")', () => {
  it('no single advice item comes first for more than 20% of occupations at the neutral profile', () => {
    const top = measures.neutralFirst[0];
    expect(top?.percent).toBeLessThanOrEqual(20);
  });

  it('no single advice item comes first for more than 35% of occupations for any seniority × repetitiveness × AI use', () => {
    expect(measures.grid).toHaveLength(SENIORITY_LEVELS.length * 5 * 5);
    const over = (measures.grid ?? []).filter((p) => p.top.percent > 35).map((p) => `${p.seniority}/${p.repetitiveness}/${p.aiUsage}: ${p.top.id} ${p.top.percent}%`);
    expect(over).toEqual([]);
  });

  it('every occupation is shown at least one advice item written for its kind of work (neutral profile)', () => {
    expect(measures.withoutWorkAdvice).toEqual([]);
  });

  it('every SOC major group of the catalogue has advice that names it by code', () => {
    expect(measures.groupsWithoutAdvice).toEqual([]);
  });

  it('advice written for a kind of work comes first wherever any is shown', () => {
    for (const o of rb.occupations) {
      const a = evaluate(rb, { occupation: o.id, seniority: 'mid', repetitiveness: 3, aiUsage: 'occasional' });
      if (a.advice.some((x) => x.scope === 'work')) expect(a.advice[0]?.scope, o.id).toBe('work');
    }
  });
});

describe('advice texts fit the person they are written for', () => {
  const steps = rb.advice.flatMap((a) =>
    'en' in a.firstStep ? [{ id: a.id, situation: 'all', text: a.firstStep }] : Object.entries(a.firstStep).map(([situation, text]) => ({ id: a.id, situation, text })),
  );

  it('every shipped advice item names what to learn and gives the three situations their own first step (unless its condition rules one out)', () => {
    for (const a of rb.advice) {
      expect(a.learn, a.id).toBeDefined();
      expect('en' in a.firstStep, `${a.id} has one first step for everyone`).toBe(false);
    }
  });

  it('no first step for someone in a job speaks of a school term', () => {
    const bad = steps.filter((s) => s.situation !== 'learner' && (/\b(this|next) (term|semester)\b/i.test(s.text.en) || /本学期|下学期/.test(s.text.zh)));
    expect(bad.map((s) => `${s.id} (${s.situation})`)).toEqual([]);
  });

  it('no first step for a lead or executive tells them to ask their manager', () => {
    const bad = steps.filter((s) => s.situation === 'lead' && (/\bask (your|a) (manager|boss|supervisor)\b/i.test(s.text.en) || /向(主管|上级|领导)/.test(s.text.zh)));
    expect(bad.map((s) => s.id)).toEqual([]);
  });

  it('advice for a kind of work is conditioned on codes or task shares, never on a list of occupation ids', () => {
    expect(rb.advice.filter((a) => a.when.occupation !== undefined).map((a) => a.id)).toEqual([]);
  });

  it('a low-exposure job is told plainly that nothing moves the estimate much, and shown what helps instead of AI tips', () => {
    const a = evaluate(rb, { occupation: 'roofer', seniority: 'mid', repetitiveness: 3, aiUsage: 'occasional' });
    expect(a.lowLever).toBe(true);
    expect(a.advice.some((x) => !x.moves && x.scope === 'work')).toBe(true);
    expect(a.advice.map((x) => x.id)).not.toContain('use-ai-tools-daily');
    expect(a.advice.map((x) => x.id)).not.toContain('build-ai-workflows');
  });
});
