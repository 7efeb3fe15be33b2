/**
 * The build's table of every catalogue profile's batch headline (dist/headlines.bin): it gives
 * back exactly what the scorer computes, and is used only for the rule base it was built from.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HeadlineScorer } from '../src/engine/headline.js';
import { buildHeadlineTable, HeadlineTable, profileOfSlot, slotCount } from '../src/engine/headline-table.js';
import { scoresOfTable } from '../src/engine/headline-file.js';
import { scoreOf } from '../src/engine/evaluate.js';
import { findPivots } from '../src/engine/pivots.js';
import { AI_USAGE_LEVELS, REPETITIVENESS_LEVELS, SENIORITY_LEVELS } from '../src/model/profile.js';
import type { Profile } from '../src/model/profile.js';
import { loadOrThrow, shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();
const dir = mkdtempSync(path.join(tmpdir(), 'career-risk-headlines-'));
const file = path.join(dir, 'headlines.bin');
const bytes = buildHeadlineTable(rb);
writeFileSync(file, bytes);

describe('headline table', () => {
  it('holds 13 bytes per catalogue profile after the rule-base hash', () => {
    expect(bytes.length).toBe(64 + 13 * slotCount(rb));
    expect(bytes.toString('latin1', 0, 64)).toBe(rb.hash);
  });

  it('gives back the scorer headline of every profile (score, band, range, reading, top 3 advice, first pivot)', () => {
    const table = HeadlineTable.read(rb, file);
    expect(table).toBeDefined();
    const scorer = new HeadlineScorer(rb);
    for (let slot = 0; slot < slotCount(rb); slot += 3) {
      const h = scorer.headline(profileOfSlot(rb, slot));
      const t = table?.headline(slot);
      const want = { score: h.score, band: h.band, range: h.range, augmentation: h.augmentation, reading: h.reading, advice: h.advice.slice(0, 3).map((a) => a.id), pivot: h.pivot && { id: h.pivot.id, score: h.pivot.score } };
      expect({ ...t, advice: t?.advice.map((a) => a.id) }, String(slot)).toEqual(want);
    }
  }, 120_000);

  it('is not used for another rule base, nor when its size is wrong, nor when missing', () => {
    expect(HeadlineTable.read({ ...rb, hash: '0'.repeat(64) }, file)).toBeUndefined();
    const cut = path.join(dir, 'cut.bin');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 13));
    expect(HeadlineTable.read(rb, cut)).toBeUndefined();
    expect(HeadlineTable.read(rb, path.join(dir, 'missing.bin'))).toBeUndefined();
  });
});

describe('catalogue scores from the table (pivots of assess and the pivots command)', () => {
  it('are scoreOf of every occupation, for every answer combination', () => {
    for (const seniority of SENIORITY_LEVELS) {
      for (const repetitiveness of REPETITIVENESS_LEVELS) {
        for (const aiUsage of AI_USAGE_LEVELS) {
          const scores = scoresOfTable(rb, bytes, { seniority, repetitiveness, aiUsage });
          const want = rb.occupations.map((o) => scoreOf(rb, { occupation: o.id, seniority, repetitiveness, aiUsage }));
          expect([...(scores ?? [])], `${seniority}/${repetitiveness}/${aiUsage}`).toEqual(want);
        }
      }
    }
  }, 120_000);

  it('give the same pivots as computing them, own task mix included', () => {
    // A fresh compile each side, so neither reuses the other's memo.
    const computed = loadOrThrow();
    const fromTable = loadOrThrow();
    const known = (base: typeof rb, p: Parameters<typeof scoreOf>[1]) => scoresOfTable(base, bytes, p);
    for (const [i, o] of rb.occupations.entries()) {
      if (i % 9 !== 0) continue;
      const profile: Profile = { occupation: o.id, seniority: SENIORITY_LEVELS[i % 6] ?? 'mid', repetitiveness: REPETITIVENESS_LEVELS[i % 5] ?? 3, aiUsage: AI_USAGE_LEVELS[i % 5] ?? 'none' };
      const own: Profile = { ...profile, tasks: { 'information-analysis': 50, coordination: 50 } };
      for (const p of [profile, own]) {
        const score = scoreOf(computed, p);
        const q = { profile: p, occupation: o, tasks: p.tasks ?? o.tasks, score, excludeNewLicences: true };
        expect(findPivots(fromTable, q, scoreOf, known), o.id).toEqual(findPivots(computed, q, scoreOf));
      }
    }
  }, 120_000);
});
