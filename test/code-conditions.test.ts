/**
 * Conditions on SOC 2018 and ISCO-08 code families (`soc`, `isco`): a code or any prefix of
 * one, matched against every catalogue occupation; a condition no occupation meets is refused
 * as "can never fire".
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCondition, describeCondition } from '../src/engine/compile.js';
import { evaluate } from '../src/engine/evaluate.js';
import { loadRuleBase } from '../src/engine/load.js';
import { formatProblem } from '../src/engine/problems.js';
import type { Condition } from '../src/engine/schema.js';
import { loadOrThrow, neutral, shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();
const reached = (when: Condition): string[] => {
  const test = compileCondition(when);
  return rb.occupations.filter((o) => test({ profile: neutral(o.id), occupation: o, tasks: o.tasks })).map((o) => o.id);
};
const withCode = (pick: (o: (typeof rb.occupations)[number]) => boolean): string[] => rb.occupations.filter(pick).map((o) => o.id);

const dir = mkdtempSync(path.join(tmpdir(), 'career-risk-codes-'));
let n = 0;
function pack(factors: string): string {
  const file = path.join(dir, `pack-${n++}.yaml`);
  writeFileSync(file, `factors:\n${factors}`);
  return file;
}
const factor = (id: string, when: string) =>
  `  - id: ${id}\n    group: role\n    label: { en: ${id}, zh: 测试 }\n    when: ${when}\n    odds: 1.2\n    assumption: { en: A test rule., zh: 测试规则。 }\n`;
const problemsOf = (file: string): string[] => {
  const result = loadRuleBase({ packs: [file] });
  return result.ok ? [] : result.problems.map((p) => formatProblem(p).replace(/^\S+:(\d+):\d+ {2}/, '$1  '));
};

describe('soc and isco conditions', () => {
  it('soc: 15-12 matches exactly the occupations whose SOC code starts with 15-12', () => {
    const expected = withCode((o) => o.codes.soc2018.startsWith('15-12'));
    expect(expected.length).toBeGreaterThan(3);
    expect(reached({ soc: '15-12' })).toEqual(expected);
    expect(expected).toContain('software-developer');
  });

  it("isco: '26' matches exactly the occupations whose ISCO-08 code starts with 26", () => {
    const expected = withCode((o) => o.codes.isco08.startsWith('26'));
    expect(expected.length).toBeGreaterThan(3);
    expect(reached({ isco: '26' })).toEqual(expected);
    expect(expected).toContain('translator');
  });

  it('matches a whole code, a major group and every prefix length, and a list as any of them', () => {
    const developer = rb.occupationById.get('software-developer');
    expect(developer).toBeDefined();
    const soc = developer?.codes.soc2018 ?? '';
    const isco = developer?.codes.isco08 ?? '';
    for (const prefix of [soc.slice(0, 2), soc.slice(0, 4), soc.slice(0, 5), soc.slice(0, 6), soc]) {
      expect(reached({ soc: prefix }), `soc ${prefix}`).toEqual(withCode((o) => o.codes.soc2018.startsWith(prefix)));
    }
    for (const prefix of [isco.slice(0, 1), isco.slice(0, 2), isco.slice(0, 3), isco]) {
      expect(reached({ isco: prefix }), `isco ${prefix}`).toEqual(withCode((o) => o.codes.isco08.startsWith(prefix)));
    }
    expect(reached({ soc: ['15-12', '27-30'] })).toEqual(withCode((o) => o.codes.soc2018.startsWith('15-12') || o.codes.soc2018.startsWith('27-30')));
    // soc 15 and socGroup 15 agree.
    expect(reached({ soc: '15' })).toEqual(reached({ socGroup: '15' }));
  });

  it('combines with the other tests as AND: soc and isco, soc and task shares', () => {
    expect(reached({ soc: '15-12', isco: '25' })).toEqual(withCode((o) => o.codes.soc2018.startsWith('15-12') && o.codes.isco08.startsWith('25')));
    expect(reached({ soc: '15-12', tasks: { programming: { min: 50 } } })).toEqual(
      withCode((o) => o.codes.soc2018.startsWith('15-12') && (o.tasks.programming ?? 0) >= 50),
    );
  });

  it('reads as soc = … and isco in […] in --explain and rules show', () => {
    expect(describeCondition({ soc: '15-12' })).toBe('soc = 15-12');
    expect(describeCondition({ isco: ['26', '2643'] })).toBe('isco in [26, 2643]');
  });

  it('fires in a loaded pack for exactly those occupations, and moves only their scores', () => {
    const p = pack(factor('codes-test-developers', '{ soc: 15-12 }'));
    const packed = loadOrThrow({ packs: [p] });
    const expected = new Set(withCode((o) => o.codes.soc2018.startsWith('15-12')));
    for (const o of rb.occupations) {
      const a = evaluate(packed, neutral(o.id));
      expect(a.factors.some((f) => f.id === 'codes-test-developers'), o.id).toBe(expected.has(o.id));
      if (!expected.has(o.id)) expect(a.score, o.id).toBe(evaluate(rb, neutral(o.id)).score);
    }
  });

  it('refuses a soc or isco that no occupation in the catalogue has as "can never fire"', () => {
    expect(problemsOf(pack(factor('codes-test-nowhere', '{ soc: 99-99 }')))).toEqual([
      '5  factors[0].when  can never fire: no occupation in the catalogue meets soc 99-99',
    ]);
    expect(problemsOf(pack(factor('codes-test-no-isco', "{ isco: '0' }")))).toEqual([
      '5  factors[0].when  can never fire: no occupation in the catalogue meets isco 0',
    ]);
    // Each test is met by some occupation, but not both by the same one.
    expect(problemsOf(pack(factor('codes-test-disjoint', "{ soc: 15-12, isco: '93' }")))).toEqual([
      '5  factors[0].when  can never fire: no occupation in the catalogue meets soc 15-12 and isco 93',
    ]);
    // A list fires if any of its codes can.
    expect(problemsOf(pack(factor('codes-test-list', '{ soc: [99-99, 15-12] }')))).toEqual([]);
  });

  it('refuses a code that is not a SOC or ISCO code or prefix, naming the key', () => {
    const found = problemsOf(pack(factor('codes-test-shape', "{ soc: '151252', isco: '12345' }")));
    expect(found).toEqual([
      expect.stringMatching(/^5 {2}factors\[0\]\.when\.soc {2}must be a SOC 2018 code or its prefix/),
      expect.stringMatching(/^5 {2}factors\[0\]\.when\.isco {2}must be an ISCO-08 code or its prefix/),
    ]);
  });
});
