/**
 * Readings: one line on the pair (replacement-risk score, augmentation figure). The first
 * reading whose `when` matches is used; the shipped list ends with one that always matches.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, readingOf, scoreOf } from '../src/engine/evaluate.js';
import type { RuleBase } from '../src/engine/compile.js';
import { AI_USAGE_LEVELS, REPETITIVENESS_LEVELS, SENIORITY_LEVELS } from '../src/model/profile.js';
import { assessmentToJson } from '../src/report/json.js';
import { loadOrThrow, modelScore, reference, shippedRuleBase } from './helpers.js';

const MINIMAL = 'test/fixtures/minimal';
const dir = mkdtempSync(path.join(tmpdir(), 'career-risk-readings-'));

/** The minimal base's ruleset, restated whole (a pack replaces the ruleset whole), with these readings. */
function withReadings(readings: string): RuleBase {
  const file = path.join(dir, `ruleset-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    file,
    `ruleset:
  name: minimal test base with readings
  version: 0.1.0
  reference: { seniority: mid, repetitiveness: 3, aiUsage: occasional }
  bands:
    - { id: low, from: 0, label: { en: low, zh: 低 } }
    - { id: high, from: 50, label: { en: high, zh: 高 } }
  advice: { min: 1, max: 3 }
  whatIfs: { max: 2 }
${readings}`,
  );
  return loadOrThrow({ base: MINIMAL, packs: [file] });
}

const text = (id: string) => `text: { en: "${id} reading", zh: "${id}解读" }`;
const OVERLAPPING = `  readings:
    - { id: high-score, when: { score: { min: 50 } }, ${text('high-score')} }
    - { id: some-score, when: { score: { min: 30 } }, ${text('some-score')} }
    - { id: augmented, when: { augmentation: { min: 40 } }, ${text('augmented')} }
    - { id: even-or-more, when: { gap: { min: 0, max: 100 } }, ${text('even-or-more')} }
    - { id: anything, when: {}, ${text('anything')} }
`;

/** Which reading matches, decided here from the `when` ranges (inclusive), the first in list order. */
function firstMatch(rb: RuleBase, score: number, augmentation: number): string | undefined {
  const within = (v: number, r?: { min?: number | undefined; max?: number | undefined }) => !r || ((r.min ?? -Infinity) <= v && v <= (r.max ?? Infinity));
  return (rb.ruleset.readings ?? []).find((r) => within(score, r.when.score) && within(augmentation, r.when.augmentation) && within(augmentation - score, r.when.gap))?.id;
}

describe('readings', () => {
  const rb = withReadings(OVERLAPPING);

  it('uses the first reading that matches, in list order', () => {
    expect(readingOf(rb, 60, 90)?.id).toBe('high-score'); // all but none match: the first wins
    expect(readingOf(rb, 50, 0)?.id).toBe('high-score'); // bounds are inclusive
    expect(readingOf(rb, 49, 90)?.id).toBe('some-score');
    expect(readingOf(rb, 29, 40)?.id).toBe('augmented');
    expect(readingOf(rb, 20, 20)?.id).toBe('even-or-more'); // gap 0
    expect(readingOf(rb, 20, 19)?.id).toBe('anything'); // gap −1
    for (let s = 0; s <= 100; s += 1) for (let g = 0; g <= 100; g += 1) expect(readingOf(rb, s, g)?.id).toBe(firstMatch(rb, s, g));
  });

  it('gives the reading of the assessment\'s own score and augmentation figure, with its text', () => {
    for (const occupation of ['typist', 'mover']) {
      for (const repetitiveness of REPETITIVENESS_LEVELS) {
        const a = evaluate(rb, { occupation, seniority: 'mid', repetitiveness, aiUsage: 'occasional' });
        expect(a.reading?.id).toBe(firstMatch(rb, a.score, a.augmentation.score));
        expect(a.reading?.text.en).toBe(`${a.reading?.id} reading`);
      }
    }
  });

  it('gives none when the ruleset has no readings, or none that matches (JSON null)', () => {
    const bare = loadOrThrow({ base: MINIMAL });
    const a = evaluate(bare, { occupation: 'typist', seniority: 'mid', repetitiveness: 3, aiUsage: 'occasional' });
    expect(a.reading).toBeUndefined();
    expect(assessmentToJson(a, bare, 'en').reading).toBeNull();
    const partial = withReadings(`  readings:\n    - { id: only-high, when: { score: { min: 99 } }, ${text('only-high')} }\n`);
    expect(evaluate(partial, { occupation: 'mover', seniority: 'mid', repetitiveness: 3, aiUsage: 'occasional' }).reading).toBeUndefined();
  });
});

describe('the shipped readings', () => {
  const rb = shippedRuleBase();
  const readings = rb.ruleset.readings ?? [];

  it('end with one that always matches (`when: {}`), with unique ids', () => {
    expect(readings.length).toBeGreaterThan(1);
    expect(readings[readings.length - 1]?.when).toEqual({});
    expect(new Set(readings.map((r) => r.id)).size).toBe(readings.length);
    for (let s = 0; s <= 100; s++) for (let g = 0; g <= 100; g++) expect(readingOf(rb, s, g)).toBeDefined();
  });

  it('cover every occupation at every answer, each profile getting the first reading that matches its two figures', () => {
    const bad: string[] = [];
    const used = new Set<string>();
    for (const o of rb.occupations) {
      const g = Math.round(modelScore(rb, reference(rb, o.id)).augmentation);
      for (const seniority of SENIORITY_LEVELS) {
        for (const repetitiveness of REPETITIVENESS_LEVELS) {
          for (const aiUsage of AI_USAGE_LEVELS) {
            const s = scoreOf(rb, { occupation: o.id, seniority, repetitiveness, aiUsage });
            const got = readingOf(rb, s, g)?.id;
            if (got === undefined || got !== firstMatch(rb, s, g)) bad.push(`${o.id} ${seniority} r${repetitiveness} ${aiUsage}: ${got} for (${s}, ${g})`);
            if (got) used.add(got);
          }
        }
      }
    }
    expect(bad.slice(0, 8)).toEqual([]);
    // Every reading but the catch-all is reached by some catalogue profile (a reading nobody gets is dead text).
    expect(readings.map((r) => r.id).filter((id) => !used.has(id))).toEqual([]);
  });
});
