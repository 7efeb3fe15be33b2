/**
 * Batch's result columns are written from each profile's 13-byte headline record when a row is
 * written (src/batch/result-text.ts), not kept per profile. The three forms must agree with what
 * batch wrote when it kept them: the cells as the headline gives them, `csvCells` of those cells
 * for CSV, and `JSON.stringify(compactResult(cells))` for `--compact`; with the build's table and
 * with a rule pack's lazily scored grid. Compact rows must also serialise a CSV row's input as
 * `JSON.stringify(Object.fromEntries(...))` did, key order included.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCells } from '../src/batch/output.js';
import { RESULT_COLUMNS, RowAssessor } from '../src/batch/rows.js';
import { compactResult } from '../src/batch/run.js';
import type { RuleBase } from '../src/engine/compile.js';
import { HeadlineScorer } from '../src/engine/headline.js';
import { profileOfSlot, slotCount } from '../src/engine/headline-table.js';
import { loadOrThrow, runCli, shippedRuleBase } from './helpers.js';

const MATCHES = ['exact', 'alias', 'fuzzy'] as const;

/** The cells batch built per profile before (rows.ts `assessRow`), from the scorer's headline. */
function expectedCells(rb: RuleBase, slot: number, match: (typeof MATCHES)[number], scorer: HeadlineScorer): string[] {
  const profile = profileOfSlot(rb, slot);
  const o = rb.occupationById.get(profile.occupation);
  if (!o) throw new Error('no occupation');
  const a = scorer.headline(profile);
  const [a1, a2, a3] = a.advice;
  const n = (x: number): string => String(x);
  return [
    o.id,
    match,
    o.title.en,
    o.codes.isco08,
    o.codes.soc2018,
    n(a.score),
    n(a.augmentation),
    a.band.id,
    n(a.range.low),
    n(a.range.high),
    a.reading?.id ?? '',
    a1?.id ?? '',
    a2?.id ?? '',
    a3?.id ?? '',
    a1?.label.en ?? '',
    a2?.label.en ?? '',
    a3?.label.en ?? '',
    a.pivot?.id ?? '',
    a.pivot ? n(a.pivot.score) : '',
  ];
}

function check(rb: RuleBase, assessor: RowAssessor, step: number): number {
  const scorer = new HeadlineScorer(rb);
  let checked = 0;
  for (let slot = 0; slot < slotCount(rb); slot += step) {
    MATCHES.forEach((match, m) => {
      const key = slot * MATCHES.length + m;
      const cells = assessor.cellsOf(key);
      expect(cells, `slot ${slot} ${match}`).toEqual(expectedCells(rb, slot, match, scorer));
      expect(cells.length).toBe(RESULT_COLUMNS.length);
      expect(assessor.csvSuffix(key)).toBe(csvCells(cells));
      expect(assessor.compactJson(key)).toBe(JSON.stringify(compactResult(cells)));
    });
    checked++;
  }
  return checked;
}

describe('batch result columns, written from the headline records', () => {
  it('agree in all three forms with the headline, from the build-time table or scored now', () => {
    const rb = shippedRuleBase();
    // The tests run from src/, so the table may be missing or built for other rules: then both are scored.
    expect(check(rb, new RowAssessor(rb, 'en'), 11)).toBeGreaterThan(6000);
    expect(check(rb, new RowAssessor(rb, 'en', { headlineTable: false }), 97)).toBeGreaterThan(700);
  }, 120_000);

  it('agree with a rule pack (a lazily scored grid)', () => {
    const rb = loadOrThrow({ packs: ['examples/rule-pack'] });
    expect(check(rb, new RowAssessor(rb, 'en'), 53)).toBeGreaterThan(1300);
  }, 120_000);

  it('compact rows serialise the input row as an object would, key order included', () => {
    // Integer-like names come first in an object (ascending), whatever the column order.
    const header = 'note,10,role,seniority,repetitiveness,ai_usage,2,__proto__';
    const input = `${header}\n"a, ""b""",x,translator,entry,4,none,y,z\n中文,,accountant,senior,5,daily,,\n`;
    const csv = parse(runCli(['batch', '-'], { input }).stdout, { columns: false }) as string[][];
    const names = header.split(',');
    const lines = runCli(['batch', '-', '--format', 'jsonl', '--compact'], { input }).stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    lines.forEach((line, i) => {
      const row = csv[i + 1] ?? [];
      const original = row.slice(0, names.length);
      const want = {
        line: i + 2,
        id: null,
        input: Object.fromEntries(names.map((name, j) => [name, original[j] ?? ''])),
        match: row[names.length + 1],
        result: compactResult(row.slice(names.length)),
      };
      expect(line).toBe(JSON.stringify(want));
    });
  });
});
