import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleBase } from '../src/engine/load.js';
import { formatProblem } from '../src/engine/problems.js';
import { MAX_RULE_FILE_BYTES, parseYamlText } from '../src/engine/yaml-file.js';
import { loadOrThrow } from './helpers.js';

const BASE = 'test/fixtures/minimal';
const problemsOf = (file: string): string[] => {
  const result = loadRuleBase({ base: BASE, packs: [`test/fixtures/broken/${file}`] });
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('loadRuleBase', () => {
  it('loads the shipped rule base without problems', () => {
    const result = loadRuleBase();
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it('loads a minimal base and hashes it deterministically', () => {
    const a = loadRuleBase({ base: BASE });
    const b = loadRuleBase({ base: BASE });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) {
      expect(a.ruleBase.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(a.ruleBase.hash).toBe(b.ruleBase.hash);
    }
  });

  const cases: Record<string, string[]> = {
    'unknown-key.yaml': ['test/fixtures/broken/unknown-key.yaml:8:5  occupations[0].salary  unknown key "salary"'],
    'dangling-source.yaml': ['test/fixtures/broken/dangling-source.yaml:7:13  factors[0].facts[0]  unknown fact "no-such-source/claim"'],
    // An unknown id is one problem, not also "can never fire".
    'dangling-occupation.yaml': [
      'test/fixtures/broken/dangling-occupation.yaml:6:28  factors[0].when.occupation[1]  unknown occupation "astronaut"',
      'test/fixtures/broken/dangling-occupation.yaml:12:25  factors[1].when.occupation  unknown occupation "astronaut"',
    ],
    'dangling-category.yaml': ['test/fixtures/broken/dangling-category.yaml:7:26  occupations[0].tasks.juggling  unknown task category "juggling"'],
    'task-sum.yaml': ['test/fixtures/broken/task-sum.yaml:7:12  occupations[0].tasks  task mix sums to 95, not 100'],
    'duplicate-id.yaml': [
      'test/fixtures/broken/duplicate-id.yaml:9:9  sources[1].id  duplicate id "src-b" (first defined at test/fixtures/broken/duplicate-id.yaml:2)',
    ],
    'no-source.yaml': ['test/fixtures/broken/no-source.yaml:2:5  factors[0]  every rule needs `facts` (ids of the facts it rests on) or an `assumption` (en, zh), or both'],
    'missing-zh.yaml': ['test/fixtures/broken/missing-zh.yaml:4:12  factors[0].label.zh  is missing its zh text (en and zh are both required)'],
    'bad-code.yaml': [
      'test/fixtures/broken/bad-code.yaml:6:22  occupations[0].codes.isco08  must be a 4-digit ISCO-08 unit group code (not armed forces)',
      'test/fixtures/broken/bad-code.yaml:6:40  occupations[0].codes.soc2018  must be a SOC 2018 detailed code like 15-1252',
    ],
    'duplicate-key.yaml': ['test/fixtures/broken/duplicate-key.yaml:3:5  (file)  YAML syntax: Map keys must be unique'],
    'alias-bomb.yaml': [
      'test/fixtures/broken/alias-bomb.yaml:1:1  (file)  too many YAML alias expansions (limit 100); rule files may not use alias bombs',
    ],
    'proto.yaml': ['test/fixtures/broken/proto.yaml:3:5  sources[0].__proto__  key "__proto__" is not allowed in rule files'],
    'custom-tag.yaml': ['test/fixtures/broken/custom-tag.yaml:1:10  (file)  custom YAML tags are not allowed'],
    'duplicate-primary.yaml': [
      'test/fixtures/broken/duplicate-primary.yaml:12:59  occupations[1].codes.primary  typist-lead is already primary for soc2018 43-9022',
    ],
    'wrong-type.yaml': ['test/fixtures/broken/wrong-type.yaml:6:11  factors[0].odds  Invalid input: expected number, received string'],
    'unknown-field.yaml': [
      'test/fixtures/broken/unknown-field.yaml:5:13  factors[0].when.salary  condition on unknown profile field "salary" (fields: occupation, seniority, repetitiveness, aiUsage, socGroup, soc, isco, tasks)',
    ],
    'never-fires.yaml': [
      'test/fixtures/broken/never-fires.yaml:5:29  factors[0].when.repetitiveness  can never fire: min 4 is above max 2',
      'test/fixtures/broken/never-fires.yaml:11:11  factors[1].when  can never fire: no occupation in the catalogue meets occupation typist and socGroup 29',
      'test/fixtures/broken/never-fires.yaml:17:11  factors[2].when  can never fire: no occupation in the catalogue meets soc 99-99',
    ],
  };

  for (const [file, expected] of Object.entries(cases)) {
    it(`reports ${file} as file:line:col  key  message`, () => {
      expect(problemsOf(file)).toEqual(expected);
    });
  }

  it('reports YAML syntax errors with their position', () => {
    const problems = problemsOf('syntax.yaml');
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p).toMatch(/^test\/fixtures\/broken\/syntax\.yaml:\d+:\d+ {2}\(file\) {2}YAML syntax: /);
  });

  it('has a test case for every broken fixture', () => {
    const fixtures = readdirSync('test/fixtures/broken').sort();
    expect(fixtures).toEqual([...Object.keys(cases), 'syntax.yaml'].sort());
  });

  it('reports every problem, not only the first', () => {
    const result = loadRuleBase({ base: BASE, packs: ['test/fixtures/broken/bad-code.yaml', 'test/fixtures/broken/unknown-key.yaml'] });
    expect(result.ok ? 0 : result.problems.length).toBe(3);
  });

  it('fails clearly on a path that does not exist', () => {
    const result = loadRuleBase({ base: BASE, packs: ['test/fixtures/nope'] });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual(['test/fixtures/nope:1:1  (file)  no such file or folder']);
  });

  it('lets a later layer override an entry by id and switch one off', () => {
    const rb = loadOrThrow({ base: BASE, packs: ['test/fixtures/pack'] });
    expect(rb.factors.find((f) => f.id === 'repetitive')?.odds).toBe(2);
    expect(rb.occupationById.has('mover')).toBe(false);
    expect(rb.layers.map((l) => l.name)).toEqual([BASE, 'test/fixtures/pack']);
  });

  it('refuses factor odds outside 0.1–10, an uncertainty not below the odds and an unknown scaleWith, naming the key', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'career-risk-odds-'));
    const file = path.join(dir, 'odds.yaml');
    const factor = (id: string, rest: string) =>
      `  - { id: ${id}, group: role, label: { en: ${id}, zh: 测 }, when: { occupation: typist }, ${rest}, assumption: { en: a, zh: 设 } }\n`;
    writeFileSync(
      file,
      `factors:\n${factor('too-low', 'odds: 0.05')}${factor('too-high', 'odds: 12')}${factor('too-unsure', 'odds: 0.5, uncertainty: 0.5')}${factor('odd-scale', 'odds: 1.2, scaleWith: seniority')}`,
    );
    const result = loadRuleBase({ base: BASE, packs: [file] });
    expect(result.ok ? [] : result.problems.map((p) => `${p.line} ${p.path}`)).toEqual(['2 factors[0].odds', '3 factors[1].odds', '4 factors[2].uncertainty', '5 factors[3].scaleWith']);
    expect(result.ok ? '' : (result.problems[2]?.message ?? '')).toContain('`uncertainty` must be below `odds`');
  });

  it('refuses rule files over the size cap before parsing them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'career-risk-big-'));
    const file = path.join(dir, 'huge.yaml');
    writeFileSync(file, `# ${'x'.repeat(MAX_RULE_FILE_BYTES)}\n`);
    const result = loadRuleBase({ base: BASE, packs: [file] });
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
      `file is ${MAX_RULE_FILE_BYTES + 3} bytes; rule files are limited to ${MAX_RULE_FILE_BYTES} bytes`,
    ]);
  });

  it.each(['constructor', 'prototype'])('rejects the key %s', (key) => {
    const result = parseYamlText(`sources:\n  - id: x\n    ${key}: {}\n`, 'hostile.yaml');
    expect(result.ok ? [] : result.problems.map((p) => `${p.line}:${p.col} ${p.path} ${p.message}`)).toEqual([
      `3:5 sources[0].${key} key "${key}" is not allowed in rule files`,
    ]);
  });

  it('does not pollute object prototypes', () => {
    parseYamlText('a:\n  __proto__: { polluted: true }\n', 'x.yaml');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('YAML the loader does not take', () => {
  it.each([
    ['factors: []\n---\nadvice: []\n', 'a rule file holds one YAML document: remove the second `---` (or split the file)'],
    ['factors: !!binary aGVsbG8=\n', 'YAML tag !!binary is not allowed in rule files'],
    ['factors: !!set {a, b}\n', 'YAML tag !!set is not allowed in rule files'],
  ])('%j gives a message in the file\'s terms', (text, message) => {
    const read = parseYamlText(text, 'pack.yaml');
    expect(read.ok ? [] : read.problems.map((p) => p.message)).toEqual([message]);
  });
});
