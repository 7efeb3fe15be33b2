/**
 * Rule test cases (`*.test.yaml`): load them safely, check their references
 * against the rule base, and run them. Pure apart from reading the files.
 */
import path from 'node:path';
import type { RuleBase } from './compile.js';
import type { Assessment } from './evaluate.js';
import { evaluate } from './evaluate.js';
import type { FindSpec } from './files.js';
import { displayPath, findFiles, isTestFile } from './files.js';
import type { Problem } from './problems.js';
import { compareProblems } from './problems.js';
import type { TestCase } from './schema.js';
import { testFileSchema } from './schema.js';
import { issueProblems } from './issues.js';
import type { YamlFile } from './yaml-file.js';
import { readYamlFile } from './yaml-file.js';
import { isRepetitiveness } from '../model/profile.js';
import { escapeControls } from '../util/terminal-text.js';

export interface LoadedCase {
  readonly case: TestCase;
  readonly file: string;
  readonly line: number;
}

export type TestsLoad = { ok: true; cases: LoadedCase[] } | { ok: false; problems: Problem[] };

const TEST_FILES: FindSpec = { noun: 'test', accept: isTestFile, descend: (name) => !name.startsWith('.') };

/**
 * Every `*.test.yaml` under the given files and folders, sorted; a file named
 * directly is taken whatever its name, when it is a regular file.
 */
export function findTestFiles(paths: readonly string[]): { files: string[]; problems: Problem[] } {
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const p of paths) {
    if (p === '') {
      problems.push({ file: '(empty path)', line: 1, col: 1, path: '', message: 'a test path needs a value (got an empty value)' });
      continue;
    }
    const found = findFiles(path.resolve(p), TEST_FILES);
    if (!found.ok) {
      problems.push({ file: escapeControls(p), line: 1, col: 1, path: '', message: found.message });
      continue;
    }
    files.push(...found.files);
    for (const fault of found.faults) problems.push({ file: displayPath(fault.abs), line: 1, col: 1, path: '', message: fault.message });
  }
  return { files: [...new Set(files)], problems };
}

export function loadTestCases(rb: RuleBase, absFiles: readonly string[]): TestsLoad {
  const problems: Problem[] = [];
  const cases: LoadedCase[] = [];
  const factorIds = new Set(rb.factors.map((f) => f.id));
  const adviceIds = new Set(rb.advice.map((a) => a.id));
  const bandIds = new Set(rb.ruleset.bands.map((b) => b.id));
  for (const abs of absFiles) {
    const display = displayPath(abs);
    const read = readYamlFile(abs, display, 'test');
    if (!read.ok) {
      problems.push(...read.problems);
      continue;
    }
    const file: YamlFile = read.file;
    const parsed = testFileSchema.safeParse(file.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(...issueProblems(file, issue));
      continue;
    }
    const names = new Map<string, number>();
    parsed.data.tests.forEach((c, i) => {
      const at = (sub: PropertyKey[], message: string) => problems.push(file.problem(['tests', i, ...sub], message));
      const { line } = file.locate(['tests', i]);
      const earlier = names.get(c.name);
      if (earlier !== undefined) at(['name'], `duplicate test name (first at line ${earlier})`);
      names.set(c.name, line);
      if (!rb.occupationById.has(c.profile.occupation)) at(['profile', 'occupation'], `unknown occupation "${c.profile.occupation}"`);
      if (c.expect.band !== undefined && !bandIds.has(c.expect.band)) at(['expect', 'band'], `unknown band "${c.expect.band}" (bands: ${[...bandIds].join(', ')})`);
      for (const key of ['fires', 'notFires'] as const) {
        (c.expect[key] ?? []).forEach((id, j) => {
          if (!factorIds.has(id)) at(['expect', key, j], `unknown factor rule "${id}"`);
        });
      }
      (c.expect.advice ?? []).forEach((id, j) => {
        if (!adviceIds.has(id)) at(['expect', 'advice', j], `unknown advice "${id}"`);
      });
      for (const id of Object.keys(c.expect.firstSteps ?? {})) {
        if (!adviceIds.has(id)) at(['expect', 'firstSteps', id], `unknown advice "${id}"`);
      }
      const s = c.expect.score;
      if (s?.min !== undefined && s.max !== undefined && s.min > s.max) at(['expect', 'score'], `can never pass: min ${s.min} is above max ${s.max}`);
      cases.push({ case: c, file: display, line });
    });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort(compareProblems) };
  return { ok: true, cases };
}

export type CaseStatus = 'pass' | 'fail' | 'todo';

export interface CaseResult {
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly status: CaseStatus;
  /** One line per unmet expectation. */
  readonly failures: readonly string[];
  readonly actual: { readonly score: number; readonly band: string; readonly fires: readonly string[]; readonly advice: readonly string[] };
  readonly assessment: Assessment;
}

export function runCase(rb: RuleBase, loaded: LoadedCase): CaseResult {
  const { case: c } = loaded;
  const { repetitiveness } = c.profile;
  if (!isRepetitiveness(repetitiveness)) throw new Error(`repetitiveness ${repetitiveness} out of range`);
  const a = evaluate(rb, { ...c.profile, repetitiveness });
  const fires = a.factors.map((f) => f.id);
  const advice = a.advice.map((x) => x.id);
  const failures: string[] = [];
  const e = c.expect;
  if (e.band !== undefined && e.band !== a.band.id) failures.push(`band: expected ${e.band}, got ${a.band.id}`);
  if (e.score?.min !== undefined && a.score < e.score.min) failures.push(`score: expected at least ${e.score.min}, got ${a.score}`);
  if (e.score?.max !== undefined && a.score > e.score.max) failures.push(`score: expected at most ${e.score.max}, got ${a.score}`);
  for (const id of e.fires ?? []) if (!fires.includes(id)) failures.push(`fires: expected ${id} to fire; fired: ${fires.join(', ') || 'none'}`);
  for (const id of e.notFires ?? []) if (fires.includes(id)) failures.push(`notFires: expected ${id} not to fire, but it did`);
  for (const id of e.advice ?? []) if (!advice.includes(id)) failures.push(`advice: expected ${id}; got: ${advice.join(', ')}`);
  if (e.adviceInOrder && (e.advice ?? []).every((id) => advice.includes(id))) {
    const positions = (e.advice ?? []).map((id) => advice.indexOf(id));
    if (positions.some((p, i) => i > 0 && p < (positions[i - 1] ?? -1))) {
      failures.push(`advice order: expected ${(e.advice ?? []).join(' → ')}; got: ${advice.join(' → ')}`);
    }
  }
  for (const [id, step] of Object.entries(e.firstSteps ?? {})) {
    const item = a.advice.find((x) => x.id === id);
    if (!item) failures.push(`firstSteps: expected ${id} to be shown; got: ${advice.join(', ') || 'none'}`);
    else if (item.step !== step) failures.push(`firstSteps: expected ${id} with its ${step} first step, got its ${item.step} one`);
  }
  if (e.lowLever !== undefined && e.lowLever !== a.lowLever) {
    failures.push(`lowLever: expected the report ${e.lowLever ? 'to say' : 'not to say'} that nothing moves the estimate much`);
  }
  const status: CaseStatus = c.todo ? 'todo' : failures.length > 0 ? 'fail' : 'pass';
  return { name: c.name, file: loaded.file, line: loaded.line, status, failures, actual: { score: a.score, band: a.band.id, fires, advice }, assessment: a };
}

/** A compact trace of how the score was reached, for failing cases. */
export function traceLines(a: Assessment): string[] {
  return [
    `automation share ${a.exposure.automation.toFixed(1)} from ${a.tasks.map((t) => `${t.category} ${t.share}%`).join(', ')}`,
    ...a.factors.map((f) => `${f.points > 0 ? '+' : ''}${f.points} (×${f.odds}) ${f.id} (${f.condition})`),
    `= ${a.score} (${a.band.id}, range ${a.range.low}–${a.range.high}); augmentation ${a.augmentation.score}`,
  ];
}

