/** `career-risk rules …` end to end, on the shipped base and the example pack. */
import { describe, expect, it } from 'vitest';
import { runCli, shippedRuleBase } from './helpers.js';

describe('rules validate', () => {
  it('passes the shipped rule base (exit 0)', () => {
    const r = runCli(['rules', 'validate']);
    expect(r.status).toBe(0);
    const rb = shippedRuleBase();
    expect(r.stdout).toMatch(/^valid: shipped \([0-9a-f]{12}\): \d+ sources, \d+ task categories, \d+ occupations, \d+ factor rules, \d+ advice rules, \d+ what-ifs, \d+ test cases\n$/);
    expect(r.stdout).toContain(`: ${rb.sources.size} sources, ${rb.taskCategories.size} task categories, ${rb.occupations.length} occupations, ${rb.factors.length} factor rules`);
    // The shipped rules are format 2: nothing is read the format-1 way, so there is no note.
    expect(r.stderr).toBe('');
  });

  it('passes the example pack layered over it', () => {
    const r = runCli(['rules', 'validate', 'examples/rule-pack']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('+ examples/rule-pack (');
    expect(r.stdout).toContain('3 test cases');
  });

  it('prints every problem as file:line:col  key  message and exits 2', () => {
    const r = runCli(['rules', 'validate', 'test/fixtures/shipped-pack-broken.yaml']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('test/fixtures/shipped-pack-broken.yaml:8:12  occupations[0].tasks  task mix sums to 95, not 100\n');
    expect(r.stderr).toBe('1 problem found\n');
  });

  it('gives the same problems as data with --format json', () => {
    const r = runCli(['rules', 'validate', 'test/fixtures/shipped-pack-broken.yaml', '--format', 'json']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      valid: false,
      problems: [{ file: 'test/fixtures/shipped-pack-broken.yaml', line: 8, col: 12, path: 'occupations[0].tasks', message: 'task mix sums to 95, not 100' }],
    });
  });

  it('checks test files inside a validated pack', () => {
    const r = runCli(['rules', 'validate', 'test/fixtures/rule-tests/bad-refs.test.yaml']);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('unknown occupation "astronaut"');
  });
});

describe('rules test', () => {
  it('runs the shipped cases and closes with the counts (exit 0)', () => {
    const r = runCli(['rules', 'test']);
    expect(r.status).toBe(0);
    const last = r.stdout.trim().split('\n').pop() ?? '';
    expect(last).toMatch(/^(\d+) passed, 0 failed$/);
    expect(Number(/^(\d+)/.exec(last)?.[1])).toBeGreaterThanOrEqual(40);
  });

  it('runs the example pack with its own cases', () => {
    const r = runCli(['rules', 'test', '--rules', 'examples/rule-pack', 'examples/rule-pack/tests']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('rule packs: examples/rule-pack (');
    expect(r.stdout.trim().split('\n').pop()).toBe('3 passed, 0 failed');
  });

  it('shows expected against actual and the trace for a failing case (exit 1), and skips todo cases', () => {
    const r = runCli(['rules', 'test', 'test/fixtures/rule-tests/failing.test.yaml']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('band: expected very-high, got low');
    expect(r.stdout).toContain('score: expected at least 70, got');
    expect(r.stdout).toContain('fires: expected seniority-entry to fire; fired: none');
    expect(r.stdout).toContain('advice order: expected reduce-routine-work → trades-step-up-to-lead-hand; got:');
    expect(r.stdout).toMatch(/trace:\n {4}automation share \d+\.\d from physical-field/);
    expect(r.stdout).toMatch(/\n {4}= \d+ \([a-z-]+, range \d+–\d+\); augmentation \d+\n/);
    expect(r.stdout.trim().split('\n').pop()).toBe('1 passed, 1 failed, 1 skipped');
  });

  it('reports results as JSON for CI', () => {
    const r = runCli(['rules', 'test', 'test/fixtures/rule-tests/failing.test.yaml', '--format', 'json']);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout) as { passed: number; failed: number; skipped: number; cases: { status: string; failures: string[] }[] };
    expect([json.passed, json.failed, json.skipped]).toEqual([1, 1, 1]);
    expect(json.cases.map((c) => c.status)).toEqual(['pass', 'fail', 'todo']);
  });

  it('rejects test files that refer to unknown ids (exit 2)', () => {
    const r = runCli(['rules', 'test', 'test/fixtures/rule-tests/bad-refs.test.yaml']);
    expect(r.status).toBe(2);
    expect(r.stdout.trim().split('\n')).toEqual([
      'test/fixtures/rule-tests/bad-refs.test.yaml:3:28  tests[0].profile.occupation  unknown occupation "astronaut"',
      'test/fixtures/rule-tests/bad-refs.test.yaml:5:13  tests[0].expect.band  unknown band "extreme" (bands: low, moderate, high, very-high)',
      'test/fixtures/rule-tests/bad-refs.test.yaml:6:15  tests[0].expect.fires[0]  unknown factor rule "no-such-rule"',
      'test/fixtures/rule-tests/bad-refs.test.yaml:7:16  tests[0].expect.advice[0]  unknown advice "no-such-advice"',
    ]);
  });
});

describe('rules schema', () => {
  it('prints a JSON Schema per kind', () => {
    const r = runCli(['rules', 'schema', 'occupations']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(Object.keys(schema.properties)).toEqual(['occupations']);
  });

  it('lists the kinds, and rejects an unknown one (exit 2)', () => {
    expect(runCli(['rules', 'schema']).stdout).toContain('tests            rules/schema/tests.schema.json');
    const bad = runCli(['rules', 'schema', 'nope']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown schema kind "nope"');
  });
});

describe('rules show', () => {
  it('shows a factor rule with its facts, assumption, sources and the test cases that cover it', () => {
    const r = runCli(['rules', 'show', 'seniority-entry']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^seniority-entry {2}factor rule \(seniority\), rules\/factors\.yaml:\d+/);
    expect(r.stdout).toContain('when: seniority = entry');
    const rule = shippedRuleBase().factors.find((f) => f.id === 'seniority-entry');
    expect(r.stdout).toContain(`  odds: ×${rule?.odds}\n`);
    expect(r.stdout).toContain(`facts: ${rule?.facts[0]}: `);
    expect(r.stdout).toContain('assumption: ');
    for (const source of rule?.sources ?? []) expect(r.stdout).toContain(`    ${source}: `);
    expect(r.stdout).toMatch(/covered by [1-9]\d* test cases?:/);
  });

  it('shows an occupation in Chinese and a task category by task:<id>', () => {
    expect(runCli(['rules', 'show', 'translator', '--lang', 'zh']).stdout).toContain('标题：笔译员 · Translator');
    const writing = shippedRuleBase().taskCategories.get('writing');
    const shown = runCli(['rules', 'show', 'task:writing']).stdout;
    expect(shown).toContain(`  automation: ${writing?.automation.potential} ±${writing?.automation.uncertainty}\n`);
    expect(shown).toContain(`  augmentation: ${writing?.augmentation.potential} ±${writing?.augmentation.uncertainty}\n`);
    expect(shown).toContain(`  ai: ${writing?.ai.join(', ')}\n`);
  });

  it('gives JSON, and a clear error for an unknown id (exit 2)', () => {
    const json = JSON.parse(runCli(['rules', 'show', 'ittimes-2025', '--format', 'json']).stdout) as { kind: string; coveredBy: unknown[] };
    expect(json.kind).toBe('sources');
    expect(json.coveredBy.length).toBeGreaterThan(0);
    const r = runCli(['rules', 'show', 'no-such-id']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('career-risk: no rule, task category, occupation or source has the id "no-such-id"');
  });
});
