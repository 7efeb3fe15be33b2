/** `career-risk batch` end to end: the built CLI, real files, pipes and signals. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/i18n/index.js';
import { BIN, ROOT, runCli } from './helpers.js';

const MESSY_CSV = 'test/fixtures/batch/messy.csv';
const MESSY_JSONL = 'test/fixtures/batch/messy.jsonl';
const tmp = () => mkdtempSync(path.join(tmpdir(), 'career-risk-batch-'));
const rowsOf = (csv: string) => parse(csv, { columns: true, bom: true }) as Record<string, string>[];
const round1 = (n: number): number => Math.round(n * 10) / 10;
/** The result columns batch adds after the input columns, in order. */
const RESULT_COLUMNS = [
  'occupation_id',
  'match',
  'occupation_title',
  'isco08',
  'soc2018',
  'score',
  'augmentation',
  'band',
  'range_low',
  'range_high',
  'reading',
  'advice_1',
  'advice_2',
  'advice_3',
  'advice_1_label',
  'advice_2_label',
  'advice_3_label',
  'pivot_1',
  'pivot_1_score',
];

describe('batch on a messy real-world CSV', () => {
  const dir = tmp();
  const errors = path.join(dir, 'rejected.csv');
  const summary = path.join(dir, 'summary.json');
  const r = runCli(['batch', MESSY_CSV, '--errors', errors, '--summary', '--summary-format', 'json', '--summary-file', summary]);

  it('exits 3 because some rows were rejected', () => expect(r.status).toBe(3));

  it('writes the assessed rows in input order (golden)', async () => {
    expect(rowsOf(r.stdout).map((row) => row.id)).toEqual(['c1', 'c2', 'c5', 'c8']);
    await expect(r.stdout).toMatchFileSnapshot('__golden__/batch/messy.out.csv');
  });

  it('adds the result columns after the input columns: both figures, band, range, reading and advice', () => {
    const header = r.stdout.replace(/^\uFEFF/, '').split(/\r?\n/)[0]?.split(',') ?? [];
    expect(header).toEqual(['id', 'role', 'seniority', 'repetitiveness', 'ai_usage', 'notes', ...RESULT_COLUMNS]);
    for (const row of rowsOf(r.stdout)) {
      const [score, augmentation, low, high] = [row.score, row.augmentation, row.range_low, row.range_high].map(Number);
      for (const n of [score, augmentation, low, high]) expect(Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 100, row.id).toBe(true);
      expect((low as number) <= (score as number) && (score as number) <= (high as number), row.id).toBe(true);
      expect(row.reading, row.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('handles BOM, CRLF, quoted commas and newlines, surrounding spaces and formulas', () => {
    const rows = rowsOf(r.stdout);
    expect(Object.keys(rows[0] ?? {})[0]).toBe('id');
    expect(rows[0]?.notes).toBe('likes languages, and books');
    expect(rows[1]?.notes).toBe('multi\r\nline note');
    expect(rows[1]?.role).toBe('会计');
    expect(rows[1]?.occupation_id).toBe('accountant');
    expect(rows[3]?.notes).toBe("'=cmd|calc");
  });

  it('writes the rejected rows unchanged plus a reason (golden)', async () => {
    const text = readFileSync(errors, 'utf8');
    expect(rowsOf(text).map((row) => row.id)).toEqual(['c3', 'c4', 'c6', 'c7']);
    await expect(text).toMatchFileSnapshot('__golden__/batch/messy.errors.csv');
  });

  it('reports every rejected row with line, field and reason, then accounts for every row (golden)', async () => {
    expect(r.stderr).toContain('test/fixtures/batch/messy.csv:6: role: no occupation clearly matches "astronaut"');
    expect(r.stderr).toContain('test/fixtures/batch/messy.csv:7: invalid value "boss" for seniority');
    expect(r.stderr.trim().split('\n').pop()).toBe('8 rows: 4 assessed, 4 rejected');
    await expect(r.stderr).toMatchFileSnapshot('__golden__/batch/messy.stderr.txt');
  });

  it('writes the summary as JSON (golden)', async () => {
    const text = readFileSync(summary, 'utf8');
    const json = JSON.parse(text) as {
      rows: number;
      assessed: number;
      rejected: number;
      meanScore: number;
      medianScore: number;
      meanAugmentation: number;
      rolesNotFound: { role: string }[];
    };
    expect(json.assessed + json.rejected).toBe(json.rows);
    expect(json.rolesNotFound.map((x) => x.role)).toEqual(['astronaut']);
    const rows = rowsOf(r.stdout);
    const mean = (column: string) => round1(rows.reduce((sum, row) => sum + Number(row[column]), 0) / rows.length);
    expect(json.meanScore).toBe(mean('score'));
    expect(json.meanAugmentation).toBe(mean('augmentation'));
    await expect(text).toMatchFileSnapshot('__golden__/batch/messy.summary.json');
  });

  it('can re-run the errors file after fixing it', () => {
    const fixed = readFileSync(errors, 'utf8').replace('astronaut', 'translator').replace('boss', 'senior').replace(',"line 9', ',"line 9').replace('c7,,', 'c7,editor,');
    const file = path.join(dir, 'fixed.csv');
    writeFileSync(file, fixed);
    const again = runCli(['batch', file]);
    expect(again.stderr.trim().split('\n').pop()).toBe('4 rows: 4 assessed, 0 rejected');
    expect(again.status).toBe(0);
  });
});

describe('batch on the same clients as JSONL', () => {
  const dir = tmp();
  const errors = path.join(dir, 'rejected.jsonl');
  const r = runCli(['batch', MESSY_JSONL, '--errors', errors]);

  it('writes full assessments, one JSON object per line (golden)', async () => {
    expect(r.status).toBe(3);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; line: number; assessment: { schemaVersion: number; score: number } });
    expect(lines.map((l) => l.id)).toEqual(['c1', 'c2', 'c5', 'c8']);
    expect(lines.every((l) => l.assessment.schemaVersion === 2)).toBe(true);
    await expect(r.stdout).toMatchFileSnapshot('__golden__/batch/messy.out.jsonl');
  });

  it('gives the same scores, augmentation figures and readings as the CSV run', () => {
    const csv = rowsOf(runCli(['batch', MESSY_CSV]).stdout);
    const jsonl = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { assessment: { score: number; augmentation: { score: number }; reading?: { id: string } } });
    expect(jsonl.map((l) => l.assessment.score)).toEqual(csv.map((row) => Number(row.score)));
    expect(jsonl.map((l) => l.assessment.augmentation.score)).toEqual(csv.map((row) => Number(row.augmentation)));
    expect(jsonl.map((l) => l.assessment.reading?.id ?? '')).toEqual(csv.map((row) => row.reading));
  });

  it('writes rejected rows as JSONL with a reason, keeping broken lines as raw text (golden)', async () => {
    await expect(readFileSync(errors, 'utf8')).toMatchFileSnapshot('__golden__/batch/messy.errors.jsonl');
    await expect(r.stderr).toMatchFileSnapshot('__golden__/batch/messy-jsonl.stderr.txt');
  });

  it('writes one JSON array with --format json', () => {
    const j = runCli(['batch', MESSY_JSONL, '--format', 'json']);
    const array = JSON.parse(j.stdout) as unknown[];
    expect(array).toHaveLength(4);
  });
});

describe('batch summary, formats and exit codes', () => {
  it('prints a text summary with a bar per band on stderr', () => {
    const r = runCli(['batch', MESSY_CSV, '--summary']);
    expect(r.stderr).toContain('Caseload summary (4 assessed)');
    expect(r.stderr).toMatch(/very high +█+ +3 +75\.0%/);
    const rows = rowsOf(runCli(['batch', MESSY_CSV]).stdout);
    const scores = rows.map((row) => Number(row.score)).sort((a, b) => a - b);
    const mean = (column: string) => round1(rows.reduce((sum, row) => sum + Number(row[column]), 0) / rows.length);
    const median = scores[Math.floor((scores.length - 1) / 2)] ?? null;
    expect(r.stderr).toContain(messages('en').batch.meanMedian(mean('score'), median, mean('augmentation')));
    expect(r.stderr).toContain('Roles not found: astronaut (1)');
  });

  it('writes a Markdown summary (golden)', async () => {
    const file = path.join(tmp(), 'summary.md');
    runCli(['batch', MESSY_CSV, '--summary-format', 'md', '--summary-file', file]);
    await expect(readFileSync(file, 'utf8')).toMatchFileSnapshot('__golden__/batch/messy.summary.md');
  });

  it('exits 0 when every row is assessed', () => {
    const r = runCli(['batch', '-'], { input: 'role,seniority,repetitiveness,ai_usage\ntranslator,mid,3,daily\n会计,初级,5,偶尔\n' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('2 rows: 2 assessed, 0 rejected\n');
    expect(rowsOf(r.stdout).map((row) => row.occupation_id)).toEqual(['translator', 'accountant']);
  });

  it('reads JSONL from stdin with --input-format', () => {
    const r = runCli(['batch', '-', '--input-format', 'jsonl'], { input: '{"role":"editor","seniority":"mid","repetitiveness":3,"ai_usage":"weekly"}\n' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).assessment.occupation.id).toBe('editor');
  });

  it('stops at the first bad row with --strict (exit 2) and writes no output file', () => {
    const dir = tmp();
    const out = path.join(dir, 'out.csv');
    const r = runCli(['batch', MESSY_CSV, '--strict', '--output', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('career-risk: test/fixtures/batch/messy.csv:6: role: no occupation clearly matches "astronaut"');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    [['batch', 'no-such-file.csv'], 'career-risk: cannot read no-such-file.csv: no such file or folder'],
    [['batch', 'test/fixtures', '--input-format', 'csv'], 'career-risk: cannot read test/fixtures: it is a folder'],
    [['batch', 'test/fixtures/batch/missing-columns.csv'], 'career-risk: test/fixtures/batch/missing-columns.csv:1: missing columns role, repetitiveness, ai_usage (found: id, name, seniority)'],
    [['batch', 'README.md'], 'career-risk: cannot tell the format of README.md from its extension; pass --input-format csv or jsonl'],
    [['batch'], 'career-risk: missing the client file: pass a CSV or JSONL file, or - for standard input (see --template)'],
    [['batch', MESSY_CSV, '--summary-format', 'md'], 'career-risk: --summary-format md or json writes to a file: pass --summary-file FILE'],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(message);
    expect(r.stdout).toBe('');
  });

  it('sets aside only the line of an unclosed quote and reads the rows after it', () => {
    const r = runCli(['batch', 'test/fixtures/batch/unclosed.csv']);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('test/fixtures/batch/unclosed.csv:3: a quote opened on this line is not closed before the end of the file; only this line was set aside');
    expect(r.stdout).toContain('u3,accountant');
    expect(r.stderr.trim().split('\n').pop()).toBe('3 rows: 2 assessed, 1 rejected');
  });

  it('prints a ready-to-fill template that batch accepts', () => {
    const template = runCli(['batch', '--template']);
    expect(template.status).toBe(0);
    const rows = rowsOf(template.stdout);
    expect(rows).toHaveLength(3);
    expect(rows.some((row) => /[\u4e00-\u9fff]/.test(row.role ?? ''))).toBe(true);
    const r = runCli(['batch', '-'], { input: template.stdout });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('3 rows: 3 assessed, 0 rejected\n');
  });

  it('is deterministic: the same file gives the same bytes', () => {
    expect(runCli(['batch', MESSY_CSV]).stdout).toBe(runCli(['batch', MESSY_CSV]).stdout);
    expect(runCli(['batch', MESSY_JSONL]).stdout).toBe(runCli(['batch', MESSY_JSONL]).stdout);
  });

  it('never shows a progress bar when stderr is not a terminal', () => {
    const r = runCli(['batch', MESSY_CSV]);
    expect(r.stderr).not.toMatch(/rows\/s|ETA/);
  });
});

describe('batch through pipes and signals', () => {
  const big = path.join(tmp(), 'big.csv');
  const header = 'id,role,seniority,repetitiveness,ai_usage\n';
  const body = Array.from({ length: 200_000 }, (_, i) => `c${i},${['translator', '会计', '15-1252', 'nurse'][i % 4]},mid,${(i % 5) + 1},daily\n`).join('');
  writeFileSync(big, header + body);

  it('ends quietly when the reader closes the pipe (| head)', async () => {
    const child = spawn(process.execPath, [BIN, 'batch', big], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
  });

  for (const signal of ['SIGINT', 'SIGKILL'] as const) {
    it(`leaves no partial --output file when killed mid-run (${signal})`, async () => {
      const dir = tmp();
      const out = path.join(dir, 'results.csv');
      const child = spawn(process.execPath, [BIN, 'batch', big, '--output', out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      // Wait until the temporary file exists and has data, then kill.
      for (let i = 0; i < 400; i++) {
        const temp = readdirSync(dir).find((f) => f.endsWith('.tmp'));
        if (temp && readFileSync(path.join(dir, temp)).length > 0) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      child.kill(signal);
      const [code, killedBy] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
      expect(existsSync(out)).toBe(false);
      if (signal === 'SIGINT') {
        expect(code).toBe(130);
        expect(stderr.trim().split('\n').pop()).toBe('Interrupted: no output file was written.');
        expect(readdirSync(dir)).toEqual([]);
      } else {
        expect(killedBy).toBe('SIGKILL');
      }
    });
  }

  it('writes the --output file whole at the end', () => {
    const out = path.join(tmp(), 'results.csv');
    const r = runCli(['batch', big, '--output', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(200_001);
  });
});
