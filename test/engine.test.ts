import { describe, expect, it } from 'vitest';
import { bandOf, evaluate, scaleOdds, scoreOf, simulate } from '../src/engine/evaluate.js';
import { modelScore, oddsTransform, shippedRuleBase, neutral } from './helpers.js';

const rb = shippedRuleBase();

describe('evaluate', () => {
  it('scores a neutral profile as the automation share, moved only by role rules', () => {
    for (const id of ['electrician', 'translator', 'accountant']) {
      const a = evaluate(rb, neutral(id));
      expect(a.factors.filter((f) => f.group !== 'role'), id).toEqual([]);
      const roleOdds = modelScore(rb, neutral(id)).odds.reduce((p, x) => p * x, 1);
      expect(a.score, id).toBe(Math.round(oddsTransform(modelScore(rb, neutral(id)).automation, roleOdds)));
      // No fired factor: the score is the automation share itself, rounded.
      if (a.factors.length === 0) expect(a.score, id).toBe(Math.round(modelScore(rb, neutral(id)).automation));
    }
  });

  it('computes both exposures as share-weighted potentials of the task mix', () => {
    const a = evaluate(rb, neutral('translator'));
    const occupation = rb.occupationById.get('translator');
    let automation = 0;
    let augmentation = 0;
    for (const [category, share] of Object.entries(occupation?.tasks ?? {})) {
      automation += (share * (rb.taskCategories.get(category)?.automation.potential ?? NaN)) / 100;
      augmentation += (share * (rb.taskCategories.get(category)?.augmentation.potential ?? NaN)) / 100;
    }
    expect(Math.abs(a.exposure.automation - automation)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(a.exposure.augmentation - augmentation)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(a.augmentation.score).toBe(Math.round(augmentation));
    expect(a.tasks.map((t) => t.share).reduce((s, n) => s + n, 0)).toBe(100);
    for (const t of a.tasks) {
      const category = rb.taskCategories.get(t.category);
      expect(t.automation).toBe(category?.automation.potential);
      expect(t.augmentation).toBe(category?.augmentation.potential);
      expect(t.automationPoints).toBe(Math.round(t.share * t.automation * 10 / 100) / 10);
      expect(t.augmentationPoints).toBe(Math.round(t.share * t.augmentation * 10 / 100) / 10);
    }
  });

  it('multiplies the odds of the automation share by every fired factor and records why each fired', () => {
    const profile = { occupation: 'accountant', seniority: 'entry', repetitiveness: 5, aiUsage: 'none' } as const;
    const a = evaluate(rb, profile);
    const expected = modelScore(rb, profile);
    expect(a.factors.map((f) => f.id)).toEqual(expected.fired.map((f) => f.id));
    // One factor of each person group fires, then role rules.
    expect(a.factors.map((f) => f.group).slice(0, 3)).toEqual(['seniority', 'repetitiveness', 'ai-usage']);
    expect(a.factors.map((f) => f.id).slice(0, 3)).toEqual(['seniority-entry', 'repetitiveness-5', 'ai-usage-none']);
    expect(a.factors.find((f) => f.id === 'repetitiveness-5')?.condition).toBe('repetitiveness = 5');
    // score = round(100·mA / (mA + 100 − A)), m the product of the effective odds.
    expect(a.score).toBe(Math.round((100 * expected.m * expected.automation) / (expected.m * expected.automation + 100 - expected.automation)));
    expect(a.score).toBe(expected.score);
    // `odds` is each factor's effective odds, two decimals (scaled by G for `scaleWith: augmentation`).
    a.factors.forEach((f, i) => expect(f.odds).toBe(Math.round((expected.odds[i] ?? NaN) * 100) / 100));
    const none = rb.factors.find((f) => f.id === 'ai-usage-none');
    if (none?.scaleWith === 'augmentation') {
      expect(a.factors.find((f) => f.id === 'ai-usage-none')?.odds).toBe(Math.round((1 + (none.odds - 1) * (expected.augmentation / 100)) * 100) / 100);
    }
  });

  it('gives each factor the points it moves the score by, in rule order after those before it', () => {
    for (const profile of [
      { occupation: 'accountant', seniority: 'entry', repetitiveness: 5, aiUsage: 'none' },
      { occupation: 'software-developer', seniority: 'intern', repetitiveness: 1, aiUsage: 'builds' },
      { occupation: 'translator', seniority: 'executive', repetitiveness: 2, aiUsage: 'daily' },
    ] as const) {
      const a = evaluate(rb, profile);
      const expected = modelScore(rb, profile);
      let product = 1;
      let before = expected.automation;
      a.factors.forEach((f, i) => {
        product *= expected.odds[i] ?? NaN;
        const after = oddsTransform(expected.automation, product);
        expect(f.points, `${profile.occupation} ${f.id}`).toBe(Math.round((after - before) * 10) / 10 || 0);
        // Odds above 1 raise the score, below 1 lower it, 1 leaves it.
        if ((expected.odds[i] ?? 1) > 1) expect(after).toBeGreaterThan(before);
        if ((expected.odds[i] ?? 1) < 1) expect(after).toBeLessThan(before);
        before = after;
      });
      // The points add up to the move from the automation share to the unrounded score (each rounded to one decimal).
      const sum = a.factors.reduce((s, f) => s + f.points, 0);
      expect(Math.abs(expected.automation + sum - expected.raw)).toBeLessThanOrEqual(0.05 * a.factors.length + 1e-9);
    }
  });

  it('scaleOdds: odds 1 keep the share, 0 and 100 stay put, and it rises with m', () => {
    for (const share of [0, 1, 12.5, 50, 87.3, 100]) expect(scaleOdds(share, 1)).toBeCloseTo(share, 10);
    for (const m of [0.1, 0.5, 2, 10]) {
      expect(scaleOdds(0, m)).toBe(0);
      expect(scaleOdds(100, m)).toBe(100);
    }
    expect(scaleOdds(40, 1.5)).toBeCloseTo(100 / (1 + (60 / 40) / 1.5), 10); // odds 40:60 × 1.5 = 1:1 → 50
    expect(scaleOdds(40, 1.5)).toBeCloseTo(50, 10);
    expect(scaleOdds(50, 0.5)).toBeCloseTo(100 / 3, 10);
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

  it('orders advice for the kind of work first, then advice about how anyone works; each by how much it lowers the score, then in rule order', () => {
    const a = evaluate(rb, { occupation: 'translator', seniority: 'entry', repetitiveness: 4, aiUsage: 'none' });
    expect(a.advice.length).toBeGreaterThanOrEqual(3);
    expect(a.advice.length).toBeLessThanOrEqual(6);
    const order = new Map(rb.advice.map((r, i) => [r.id, i]));
    const tier = (scope: string) => (scope === 'work' ? 0 : 1);
    for (let i = 1; i < a.advice.length; i++) {
      const [prev, cur] = [a.advice[i - 1], a.advice[i]];
      if (!prev || !cur) continue;
      const sameTier = tier(prev.scope) === tier(cur.scope);
      expect(tier(prev.scope) < tier(cur.scope) || (sameTier && (prev.reduction > cur.reduction || (prev.reduction === cur.reduction && (order.get(prev.id) ?? 0) < (order.get(cur.id) ?? 0))))).toBe(true);
    }
    for (const item of a.advice) expect(item.scoreAfter).toBe(a.score - item.reduction);
    expect(a.advice[0]?.scope).toBe('work');
    expect(a.advice.map((x) => x.id)).toContain('reduce-routine-work');
  });

  it('gives each situation its own first step: learners, employees and leads', () => {
    const steps = (seniority: 'intern' | 'mid' | 'executive') =>
      evaluate(rb, { occupation: 'accountant', seniority, repetitiveness: 3, aiUsage: 'occasional' }).advice.map((x) => x.step);
    expect(new Set(steps('intern'))).toEqual(new Set(['learner']));
    expect(new Set(steps('mid'))).toEqual(new Set(['employee']));
    expect(new Set(steps('executive'))).toEqual(new Set(['lead']));
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
