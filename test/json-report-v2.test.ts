/**
 * `assess --format json` is schema version 2: both figures, the reading, the task-mix exposure,
 * per-task potentials and per-factor odds, and none of the version-1 keys.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/engine/evaluate.js';
import type { Profile } from '../src/model/profile.js';
import { runCli, shippedRuleBase } from './helpers.js';

interface JsonV2 {
  schemaVersion: number;
  lang: string;
  score: number;
  band: string;
  range: { low: number; high: number };
  augmentation: { score: number; range: { low: number; high: number } };
  reading: { id: string; text: string } | null;
  exposure: { automation: number; augmentation: number };
  tasks: { category: string; share: number; automation: number; augmentation: number; automationPoints: number; augmentationPoints: number }[];
  factors: { id: string; odds: number; points: number; condition: string }[];
  [key: string]: unknown;
}

const rb = shippedRuleBase();
const PROFILE: Profile = { occupation: 'translator', seniority: 'entry', repetitiveness: 4, aiUsage: 'none' };
const ARGS = ['assess', '-r', PROFILE.occupation, '-s', PROFILE.seniority, '-p', String(PROFILE.repetitiveness), '-a', PROFILE.aiUsage, '--format', 'json'];

describe('assess --format json (schema version 2)', () => {
  const r = runCli(ARGS);
  const json = JSON.parse(r.stdout) as JsonV2;
  const a = evaluate(rb, PROFILE);

  it('exits 0 with schemaVersion 2', () => {
    expect(r.status).toBe(0);
    expect(json.schemaVersion).toBe(2);
  });

  it('has the replacement-risk score and the augmentation figure, each with its range, and the reading', () => {
    expect(json.score).toBe(a.score);
    expect(json.range).toEqual(a.range);
    expect(json.augmentation).toEqual({ score: a.augmentation.score, range: a.augmentation.range });
    expect(Number.isInteger(json.augmentation.score)).toBe(true);
    expect(json.reading).toEqual({ id: a.reading?.id, text: a.reading?.text.en });
    expect((rb.ruleset.readings ?? []).map((x) => x.id)).toContain(json.reading?.id);
  });

  it('has the task-mix exposure and, per task, both potentials and the points each adds', () => {
    expect(json.exposure).toEqual(a.exposure);
    expect(Object.keys(json.exposure)).toEqual(['automation', 'augmentation']);
    expect(json.tasks.length).toBeGreaterThan(0);
    for (const t of json.tasks) {
      const category = rb.taskCategories.get(t.category);
      expect(t.automation).toBe(category?.automation.potential);
      expect(t.augmentation).toBe(category?.augmentation.potential);
      expect(t.automationPoints).toBe(Math.round((t.share * t.automation) / 10) / 10);
      expect(t.augmentationPoints).toBe(Math.round((t.share * t.augmentation) / 10) / 10);
    }
  });

  it('has, per factor, its odds and the points it moved the score by', () => {
    expect(json.factors.map((f) => [f.id, f.odds, f.points])).toEqual(a.factors.map((f) => [f.id, f.odds, f.points]));
    for (const f of json.factors) {
      expect(typeof f.odds).toBe('number');
      expect(f.odds).toBeGreaterThan(0);
    }
  });

  it('drops the version-1 keys', () => {
    expect(json).not.toHaveProperty('baseline');
    for (const t of json.tasks) {
      expect(t).not.toHaveProperty('susceptibility');
      expect(t).not.toHaveProperty('points');
    }
  });

  it('gives the reading in the report language', () => {
    const zh = JSON.parse(runCli([...ARGS, '--lang', 'zh']).stdout) as JsonV2;
    expect(zh.lang).toBe('zh');
    expect(zh.reading?.text).toBe(a.reading?.text.zh);
  });
});
