/**
 * Rule format 1 (career-risk 1.x) in model 2: a task category with one `susceptibility`
 * still loads, read as both potentials, with a note that `rules validate` prints; a factor
 * with additive `points` is refused with one located line naming `odds`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/engine/evaluate.js';
import { loadRuleBase } from '../src/engine/load.js';
import { formatProblem } from '../src/engine/problems.js';
import { loadOrThrow, runCli } from './helpers.js';

const PACK = 'test/fixtures/legacy/format1-pack';
const FACTOR = 'test/fixtures/legacy/format1-factor.yaml';
const NOTE = 'rule format 1: `susceptibility` is read as both `automation` and `augmentation` potential';

describe('a format-1 task category', () => {
  const loaded = loadRuleBase({ packs: [PACK] });

  it('loads, with one note naming the file, the line of `susceptibility` and the key', () => {
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([]);
    if (!loaded.ok) return;
    expect(loaded.ruleBase.notes.map(formatProblem)).toEqual([
      expect.stringMatching(new RegExp(`^${PACK}/categories\\.yaml:8:\\d+  taskCategories\\[0\\]\\.susceptibility  ${NOTE.replace(/[`()]/g, '.')}`)),
    ]);
  });

  it('reads the one value as both potentials, with its uncertainty, rationale and assumption, and leaves format-2 entries alone', () => {
    const rb = loadOrThrow({ packs: [PACK] });
    const legacy = rb.taskCategories.get('sorting-mail');
    expect(legacy?.ai).toEqual(['language']);
    for (const p of [legacy?.automation, legacy?.augmentation]) {
      expect(p?.potential).toBe(40);
      expect(p?.uncertainty).toBe(5);
      expect(p?.rationale.en).toBe('Machines read most addresses.');
      expect(p?.assumption?.en).toBe('A test value.');
    }
    const modern = rb.taskCategories.get('delivering-mail');
    expect([modern?.ai, modern?.automation.potential, modern?.augmentation.potential]).toEqual([['robotics'], 10, 20]);
  });

  it('scores like any category: the reference profile scores the automation share, the augmentation figure is the same value', () => {
    const rb = loadOrThrow({ packs: [PACK] });
    const sorter = evaluate(rb, { occupation: 'mail-sorter-test', seniority: 'mid', repetitiveness: 3, aiUsage: 'occasional' });
    expect(sorter.factors).toEqual([]);
    expect([sorter.score, sorter.augmentation.score, sorter.exposure.automation, sorter.exposure.augmentation]).toEqual([40, 40, 40, 40]);
    const carrier = evaluate(rb, { occupation: 'mail-carrier-test', seniority: 'mid', repetitiveness: 3, aiUsage: 'occasional' });
    // 30% sorting (40 / 40) and 70% delivering (10 / 20): A = 12 + 7, G = 12 + 14.
    expect(carrier.exposure).toEqual({ automation: 19, augmentation: 26 });
  });

  it('passes `rules validate` (exit 0) with the note on stderr as a line starting `note: `', () => {
    const r = runCli(['rules', 'validate', PACK]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^valid: shipped \([0-9a-f]{12}\) \+ test\/fixtures\/legacy\/format1-pack \([0-9a-f]{12}\): /);
    const notes = r.stderr.trim().split('\n');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(new RegExp(`^note: ${PACK}/categories\\.yaml:8:\\d+  taskCategories\\[0\\]\\.susceptibility  rule format 1: .susceptibility.`));
  });

  it('gives the notes as data with --format json, still valid', () => {
    const r = runCli(['rules', 'validate', PACK, '--format', 'json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { valid: boolean; notes: { file: string; line: number; path: string; message: string }[] };
    expect(json.valid).toBe(true);
    expect(json.notes.map((n) => [n.file, n.line, n.path])).toEqual([[`${PACK}/categories.yaml`, 8, 'taskCategories[0].susceptibility']]);
    expect(json.notes[0]?.message).toContain(NOTE);
  });

  it('is not taken when a category mixes `susceptibility` with a format-2 potential: that is an unknown key', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'career-risk-legacy-'));
    const file = path.join(dir, 'mixed.yaml');
    writeFileSync(
      file,
      `taskCategories:
  - id: writing
    label: { en: Writing, zh: 写作 }
    ai: [language]
    susceptibility: 50
    automation: { potential: 50, uncertainty: 5, rationale: { en: r, zh: 理 }, assumption: { en: a, zh: 设 } }
    augmentation: { potential: 50, uncertainty: 5, rationale: { en: r, zh: 理 }, assumption: { en: a, zh: 设 } }
`,
    );
    const result = loadRuleBase({ packs: [file] });
    expect(result.ok ? [] : result.problems.map((p) => `${p.line} ${p.path} ${p.message}`)).toEqual(['5 taskCategories[0].susceptibility unknown key "susceptibility"']);
  });
});

describe('a format-1 factor with `points`', () => {
  const MESSAGE = /^test\/fixtures\/legacy\/format1-factor\.yaml:8:\d+ {2}factors\[0\]\.points {2}rule format 1: factors no longer add `points`; give `odds` instead/;

  it('is refused by the loader at the line of `points`, naming `odds`', () => {
    const result = loadRuleBase({ packs: [FACTOR] });
    const problems = result.ok ? [] : result.problems.map(formatProblem);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(MESSAGE);
  });

  it('fails `rules validate` with the rule-error exit code (2) and one line on stdout', () => {
    const r = runCli(['rules', 'validate', FACTOR]);
    expect(r.status).toBe(2);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(MESSAGE);
    expect(lines[0]).toContain('`odds`');
    expect(r.stderr).toBe('1 problem found\n');
  });

  it('stops `assess --rules` the same way (exit 2), with no report', () => {
    const r = runCli(['assess', '-r', 'editor', '-s', 'mid', '-p', '3', '-a', 'none', '--rules', FACTOR]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('career-risk: the rule base has 1 problem:');
    expect(r.stderr).toMatch(/test\/fixtures\/legacy\/format1-factor\.yaml:8:\d+ {2}factors\[0\]\.points {2}rule format 1: .*`odds`/);
  });

  it('reports every format-1 factor in a file, and no schema noise about the missing `odds`', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'career-risk-legacy-'));
    const file = path.join(dir, 'two.yaml');
    const factor = (id: string) => `  - { id: ${id}, group: role, label: { en: ${id}, zh: 旧 }, when: { aiUsage: none }, points: 2, assumption: { en: a, zh: 设 } }\n`;
    writeFileSync(file, `factors:\n${factor('old-a')}${factor('old-b')}`);
    const result = loadRuleBase({ packs: [file] });
    expect(result.ok ? [] : result.problems.map((p) => `${p.line} ${p.path}`)).toEqual(['2 factors[0].points', '3 factors[1].points']);
  });
});
