/** The shipped rule test cases cover every factor rule, every advice rule and every role the sources name. */
import { describe, expect, it } from 'vitest';
import { findTestFiles, loadTestCases, runCase } from '../src/engine/rule-tests.js';
import { NAMED_BY_SOURCES, shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();
const loaded = loadTestCases(rb, findTestFiles(['rules/tests']).files);
const cases = loaded.ok ? loaded.cases : [];
const results = cases.map((c) => runCase(rb, c));

describe('shipped rule tests', () => {
  it('load without problems and number at least 40', () => {
    expect(loaded.ok).toBe(true);
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it('all pass', () => {
    expect(results.filter((r) => r.status === 'fail').map((r) => `${r.name}: ${r.failures.join('; ')}`)).toEqual([]);
  });

  it('require every factor rule to fire at least once', () => {
    const required = new Set(cases.flatMap((c) => c.case.expect.fires ?? []));
    expect(rb.factors.map((f) => f.id).filter((id) => !required.has(id))).toEqual([]);
  });

  it('require every advice rule at least once', () => {
    const required = new Set(cases.flatMap((c) => c.case.expect.advice ?? []));
    expect(rb.advice.map((a) => a.id).filter((id) => !required.has(id))).toEqual([]);
  });

  it('cover every role the sources name', () => {
    const tested = new Set(cases.map((c) => c.case.profile.occupation));
    expect(NAMED_BY_SOURCES.filter((id) => !tested.has(id))).toEqual([]);
  });
});
