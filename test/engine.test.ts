import { describe, expect, it } from 'vitest';
import { bandOf, evaluate, scoreOf, simulate } from '../src/engine/evaluate.js';
import { shippedRuleBase, neutral } from './helpers.js';

const rb = shippedRuleBase();

describe('evaluate', () => {
  it('scores a neutral profile as the task-mix baseline plus role rules only', () => {
    const a = evaluate(rb, neutral('electrician'));
    expect(a.factors.filter((f) => f.group !== 'role')).toEqual([]);
    const roleRules = a.factors.reduce((s, f) => s + f.points, 0);
    expect(a.score).toBe(Math.round(a.baseline + roleRules));
  });

  it('computes the baseline as the share-weighted susceptibility of the task mix', () => {
    const a = evaluate(rb, neutral('translator'));
    const occupation = rb.occupationById.get('translator');
    let expected = 0;
    for (const [category, share] of Object.entries(occupation?.tasks ?? {})) {
      expected += (share * (rb.taskCategories.get(category)?.susceptibility ?? NaN)) / 100;
    }
    expect(Math.abs(a.baseline - expected)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(a.tasks.map((t) => t.share).reduce((s, n) => s + n, 0)).toBe(100);
  });

  it('adds the points of every fired factor and records why it fired', () => {
    const a = evaluate(rb, { occupation: 'accountant', seniority: 'entry', repetitiveness: 5, aiUsage: 'none' });
    const ids = a.factors.map((f) => f.id);
    expect(ids).toEqual(['seniority-entry', 'repetitiveness-5', 'ai-usage-none', 'role-repetitive-white-collar-example']);
    expect(a.factors.find((f) => f.id === 'repetitiveness-5')?.condition).toBe('repetitiveness = 5');
    const sum = a.factors.reduce((s, f) => s + f.points, a.baseline);
    expect(a.score).toBe(Math.min(100, Math.round(sum)));
  });

  it('applies role rules only under their full condition', () => {
    const junior = evaluate(rb, { ...neutral('investment-banking-analyst'), seniority: 'entry' });
    const senior = evaluate(rb, { ...neutral('investment-banking-analyst'), seniority: 'senior' });
    expect(junior.factors.map((f) => f.id)).toContain('role-junior-banking-analyst');
    expect(senior.factors.map((f) => f.id)).not.toContain('role-junior-banking-analyst');
  });

  it('gives a range that contains the score and stays within 0–100', () => {
    const a = evaluate(rb, { occupation: 'call-centre-agent', seniority: 'intern', repetitiveness: 5, aiUsage: 'none' });
    expect(a.range.low).toBeLessThanOrEqual(a.score);
    expect(a.range.high).toBeGreaterThanOrEqual(a.score);
    expect(a.range.high).toBeLessThanOrEqual(100);
    expect(a.range.high - a.range.low).toBeGreaterThan(0);
  });

  it('orders advice by how much it lowers the score, then by id', () => {
    const a = evaluate(rb, { occupation: 'translator', seniority: 'entry', repetitiveness: 4, aiUsage: 'none' });
    expect(a.advice.length).toBeGreaterThanOrEqual(3);
    expect(a.advice.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < a.advice.length; i++) {
      const [prev, cur] = [a.advice[i - 1], a.advice[i]];
      if (!prev || !cur) continue;
      expect(prev.reduction > cur.reduction || (prev.reduction === cur.reduction && prev.id < cur.id)).toBe(true);
    }
    for (const item of a.advice) expect(item.scoreAfter).toBe(a.score - item.reduction);
    expect(a.advice.map((x) => x.id)).toContain('use-ai-tools-daily');
  });

  it('shows what-ifs only when they change the score, with the simulated score', () => {
    const profile = { occupation: 'software-developer', seniority: 'entry', repetitiveness: 3, aiUsage: 'none' } as const;
    const a = evaluate(rb, profile);
    const daily = a.whatIfs.find((w) => w.id === 'whatif-ai-daily');
    expect(daily?.scoreAfter).toBe(scoreOf(rb, { ...profile, aiUsage: 'daily' }));
    for (const w of a.whatIfs) expect(w.change).not.toBe(0);
    expect(a.whatIfs.length).toBeLessThanOrEqual(rb.ruleset.whatIfs.max);
  });

  it('lists every source behind the assessment once, sorted', () => {
    const a = evaluate(rb, neutral('concept-artist'));
    expect(a.sources).toEqual([...new Set(a.sources)].sort());
    for (const f of a.factors) for (const s of f.sources) expect(a.sources).toContain(s);
    for (const id of a.sources) expect(rb.sources.has(id)).toBe(true);
  });

  it('throws on an occupation id that is not in the catalogue', () => {
    expect(() => evaluate(rb, neutral('no-such-job'))).toThrow(/unknown occupation id/);
  });
});

describe('simulate', () => {
  it('moves task share from the most exposed category when `from` is omitted', () => {
    const before = rb.occupationById.get('customer-service-representative')?.tasks ?? {};
    const after = simulate(rb, neutral('customer-service-representative'), { shiftTasks: { to: 'coordination', share: 20 } });
    const total = Object.values(after.tasks ?? {}).reduce((s, n) => s + n, 0);
    expect(total).toBe(100);
    expect(after.tasks?.coordination).toBe((before.coordination ?? 0) + 20);
  });

  it('keeps repetitiveness within 1–5', () => {
    expect(simulate(rb, { ...neutral('editor'), repetitiveness: 1 }, { repetitiveness: { by: -2 } }).repetitiveness).toBe(1);
    expect(simulate(rb, { ...neutral('editor'), repetitiveness: 5 }, { repetitiveness: { by: 2 } }).repetitiveness).toBe(5);
  });

  it('does not change the input profile', () => {
    const p = neutral('editor');
    simulate(rb, p, { aiUsage: 'daily', shiftTasks: { to: 'care', share: 10 } });
    expect(p).toEqual(neutral('editor'));
  });
});

describe('bandOf', () => {
  it('uses the ruleset thresholds', () => {
    const bands = rb.ruleset.bands;
    for (const b of bands) expect(bandOf(rb, b.from).id).toBe(b.id);
    expect(bandOf(rb, 0).id).toBe('low');
    expect(bandOf(rb, 100).id).toBe('very-high');
  });
});
