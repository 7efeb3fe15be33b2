/**
 * Role rules reach occupations by code family or task share, never by naming single
 * ids: entries that share a SOC code or a task profile must be treated alike.
 */
import { describe, expect, it } from 'vitest';
import { shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();

describe('shipped role rules', () => {
  it('never name single occupation ids in a condition', () => {
    const named = [...rb.factors, ...rb.advice, ...rb.whatIfs].filter((r) => r.condition.includes('occupation ')).map((r) => r.id);
    expect(named).toEqual([]);
  });

  it('treat every entry that shares a SOC code alike: a rule that reaches one reaches all', () => {
    const bySoc = new Map<string, string[]>();
    for (const o of rb.occupations) bySoc.set(o.codes.soc2018, [...(bySoc.get(o.codes.soc2018) ?? []), o.id]);
    const odd: string[] = [];
    for (const f of rb.factors.filter((x) => x.group === 'role')) {
      // Only code-conditioned rules: a task-share rule treats alike the entries with alike task mixes.
      if (f.condition.includes('tasks.')) continue;
      for (const [soc, ids] of bySoc) {
        const reached = ids.filter((id) => {
          const occupation = rb.occupationById.get(id);
          return occupation !== undefined && f.test({ profile: { occupation: id, seniority: 'entry', repetitiveness: 3, aiUsage: 'occasional' }, occupation, tasks: occupation.tasks });
        });
        if (reached.length > 0 && reached.length < ids.length) odd.push(`${f.id} @ ${soc}: ${reached.join(',')} of ${ids.join(',')}`);
      }
    }
    expect(odd).toEqual([]);
  });

  it('give every developer entry that shares SOC 15-1252 the entry-level coding rule', () => {
    const developers = rb.occupations.filter((o) => o.codes.soc2018 === '15-1252');
    expect(developers.length).toBeGreaterThan(1);
    const rule = rb.factors.find((f) => f.id === 'role-entry-level-coding');
    for (const o of developers) {
      expect(rule?.test({ profile: { occupation: o.id, seniority: 'entry', repetitiveness: 3, aiUsage: 'occasional' }, occupation: o, tasks: o.tasks }), o.id).toBe(true);
    }
  });
});
