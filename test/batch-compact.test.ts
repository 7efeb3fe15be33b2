/**
 * `batch --compact`: JSONL/JSON rows with the CSV's result columns by name (numbers as numbers,
 * empty cells as null) instead of the whole assessment; the same figures as the CSV output.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { RESULT_COLUMNS } from '../src/batch/rows.js';
import { compactResult } from '../src/batch/run.js';
import { runCli } from './helpers.js';

const CLIENTS = 'id,role,seniority,repetitiveness,ai_usage\nc1,translator,entry,4,none\nc2,accountant,senior,5,daily\nc3,astronaut,mid,3,daily\nc4,software developer,mid,2,weekly\n';

describe('batch --compact', () => {
  it('gives each row the CSV result columns by name, with the same values', () => {
    const csv = parse(runCli(['batch', '-'], { input: CLIENTS }).stdout, { columns: true }) as Record<string, string>[];
    const r = runCli(['batch', '-', '--format', 'jsonl', '--compact'], { input: CLIENTS });
    expect(r.status).toBe(3); // the astronaut row is rejected, as in CSV
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; match: string; result: Record<string, unknown>; assessment?: unknown });
    expect(rows.map((row) => row.id)).toEqual(['c1', 'c2', 'c4']);
    rows.forEach((row, i) => {
      expect(row.assessment).toBeUndefined();
      expect(Object.keys(row.result)).toEqual([...RESULT_COLUMNS]);
      for (const name of RESULT_COLUMNS) {
        const cell = csv[i]?.[name] ?? '';
        expect(row.result[name], name).toBe(cell === '' ? null : typeof row.result[name] === 'number' ? Number(cell) : cell);
      }
      expect(typeof row.result.score).toBe('number');
    });
  });

  it('is one JSON array with --format json, and far smaller than the full form', () => {
    const compact = runCli(['batch', '-', '--format', 'json', '--compact'], { input: CLIENTS }).stdout;
    const full = runCli(['batch', '-', '--format', 'json'], { input: CLIENTS }).stdout;
    expect((JSON.parse(compact) as unknown[]).length).toBe(3);
    expect(compact.length * 5).toBeLessThan(full.length);
  });

  it('is refused with CSV output, in one line (exit 2)', () => {
    const r = runCli(['batch', '-', '--compact'], { input: CLIENTS });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^career-risk: --compact is for --format jsonl or json/);
  });

  it('numbers are numbers and empty cells null', () => {
    const cells = RESULT_COLUMNS.map((name) => (name === 'score' ? '42' : name === 'pivot_1' ? '' : 'x'));
    const result = compactResult(cells);
    expect(result.score).toBe(42);
    expect(result.pivot_1).toBeNull();
    expect(result.band).toBe('x');
  });
});
