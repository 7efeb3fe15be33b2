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
import { shippedRuleBase } from './helpers.js';

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
