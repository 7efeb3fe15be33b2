/**
 * Hostile and damaged client files (test/fixtures/hostile/ and generated ones):
 * every row ends in exactly one of the results or the errors file, rejected rows
 * carry their own line and reason, the closing count matches, and nothing from
 * a cell reaches the terminal raw.
 */
import { mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from './helpers.js';

const HOSTILE = path.join(FIXTURES, 'hostile');
const dir = mkdtempSync(path.join(tmpdir(), 'career-risk-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

interface Run {
  readonly status: number | null;
  readonly stderr: string;
  readonly results: Record<string, string>[];
  readonly rejected: Record<string, string>[];
}

let n = 0;
function run(file: string, extra: string[] = []): Run {
  const out = path.join(dir, `out-${n}.csv`);
  const err = path.join(dir, `err-${n++}.csv`);
  const jsonl = file.endsWith('.jsonl');
  const r = runCli(['batch', file, '--output', out, '--errors', err, ...extra]);
  const read = (p: string): Record<string, string>[] => {
    if (!existsSync(p)) return [];
    const text = readFileSync(p, 'utf8');
    return jsonl ? text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, string>) : (parse(text, { columns: true, relax_column_count: true }) as Record<string, string>[]);
  };
  return { status: r.status, stderr: r.stderr, results: read(out), rejected: read(err) };
}

const closing = (r: Run) => r.stderr.trim().split('\n').pop();
const rejectedLines = (r: Run) => [...r.stderr.matchAll(/:(\d+): /g)].map((m) => Number(m[1]));

describe('damaged CSV: a bad row is rejected alone, the rest is read', () => {
  it.each([
    ['text-after-quote.csv', 5, [3]],
    ['garbage-after-quote-zh.csv', 4, [3]],
    ['unclosed-middle.csv', 50, [4]],
    ['stray-quote.csv', 3, [2]],
    ['many-problems.csv', 8, [3, 4, 5, 6, 7]],
  ] as const)('%s: %i rows, rejected on lines %j', (name, rows, lines) => {
    const r = run(path.join(HOSTILE, name));
    expect(r.status).toBe(3);
    expect(rejectedLines(r)).toEqual(lines);
    expect(r.results.length + r.rejected.length).toBe(rows);
    expect(r.rejected).toHaveLength(lines.length);
    expect(closing(r)).toBe(`${rows} rows: ${rows - lines.length} assessed, ${lines.length} rejected`);
    // The errors file keeps the row's cells to fix, and the reason with its line.
    for (const [i, row] of r.rejected.entries()) expect(row.reason).toMatch(new RegExp(`^line ${lines[i]}: `));
  });

  it('keeps the cells of a malformed row in the errors file so it can be fixed and re-run', () => {
    const r = run(path.join(HOSTILE, 'text-after-quote.csv'));
    expect(r.rejected[0]).toMatchObject({ id: 'c2', role: '"translator"x', seniority: 'entry' });
  });

  it('treats a lone CR in a CRLF file as a line end (no row merged into another)', () => {
    const r = run(path.join(HOSTILE, 'lone-cr.csv'));
    expect(r.status).toBe(0);
    expect(r.results.map((row) => row.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('rejects a one-line record over the 1 MiB cap alone and reads the rows after it', () => {
    const file = path.join(dir, 'field-3mb.csv');
    const big = 'x'.repeat(3 * 1024 * 1024);
    writeFileSync(file, `id,role,seniority,repetitiveness,ai_usage,notes\nc1,nurse,mid,3,daily,\nc2,nurse,mid,3,daily,"${big}"\nc3,cook,entry,4,none,\nc4,cook,entry,4,none,${big}\nc5,editor,mid,3,weekly,\n`);
    const r = run(file);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('field-3mb.csv:3: record is longer than the limit of 1,048,576 characters (line 3)');
    expect(r.stderr).toContain('field-3mb.csv:5: record is longer than the limit of 1,048,576 characters (line 5)');
    expect(r.results.map((row) => row.id)).toEqual(['c1', 'c3', 'c5']);
    expect(closing(r)).toBe('5 rows: 3 assessed, 2 rejected');
  });

  it('stops with exit 2 when a quote runs over lines and past the cap before it closes (rows could be inside it)', () => {
    const file = path.join(dir, 'late-close.csv');
    const rows = Array.from({ length: 60_000 }, (_, i) => `c${i},accountant,senior,5,none`);
    rows[2] = 'c2,"accountant,senior,5,none';
    rows[59_000] = 'c59000,accountant",senior,5,none';
    writeFileSync(file, `id,role,seniority,repetitiveness,ai_usage\n${rows.join('\n')}\n`);
    const out = path.join(dir, 'late-close-out.csv');
    const r = runCli(['batch', file, '--output', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('late-close.csv:4: a quote opened on this line is not closed within the record limit');
    expect(existsSync(out)).toBe(false);
  });

  it('sets aside a quote whose field runs over lines that look like rows, instead of merging clients', () => {
    const file = path.join(dir, 'notes-quote.csv');
    const rows = Array.from({ length: 20 }, (_, i) => `c${i},accountant,senior,5,none,ok`);
    rows[2] = 'c2,accountant,senior,5,none,"called back';
    rows[9] = 'c9,accountant,senior,5,none,see above"';
    writeFileSync(file, `id,role,seniority,repetitiveness,ai_usage,notes\n${rows.join('\n')}\n`);
    const r = run(file);
    expect(r.status).toBe(3);
    expect(rejectedLines(r)).toEqual([4, 11]);
    expect(closing(r)).toBe('20 rows: 18 assessed, 2 rejected');
  });

  it('refuses a header it cannot read', () => {
    const file = path.join(dir, 'bad-header.csv');
    writeFileSync(file, 'id,"role,seniority,repetitiveness,ai_usage\nc1,translator,mid,3,daily\n');
    const r = runCli(['batch', file]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`career-risk: ${file}:1: the header line cannot be read: a quote in it is not closed or is out of place; fix the header and run again`);
  });

  it('stops with exit 2 naming the line of a quote left open past the cap, writing no output', () => {
    const file = path.join(dir, 'unclosed-big.csv');
    const rows = Array.from({ length: 60_000 }, (_, i) => `c${i},accountant,senior,5,none`);
    rows[2] = 'c2,"会计,初级,5,偶尔';
    writeFileSync(file, `id,role,seniority,repetitiveness,ai_usage\n${rows.join('\n')}\n`);
    const out = path.join(dir, 'never.csv');
    const r = runCli(['batch', file, '--output', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unclosed-big\.csv:4: a quote opened on this line is not closed within the record limit of 1,048,576 characters \(it runs to the end of the file\)/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('never'))).toEqual([]);
  });
});

describe('encoding', () => {
  const LATIN1 = 'id,role,seniority,repetitiveness,ai_usage,notes\nc1,nurse,mid,3,daily,ok\nc2,nurse,mid,3,daily,caf\xe9\nc3,nurse,mid,3,daily,\xe9\n';

  it('stops with one line naming the first line that is not UTF-8 (a Latin-1 export), and writes nothing', () => {
    const file = path.join(dir, 'latin1.csv');
    writeFileSync(file, Buffer.from(LATIN1, 'latin1'));
    const r = run(file);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `career-risk: ${file}:3: the file is not UTF-8 (first on this line); run again with --encoding and its encoding (gbk, gb18030, big5, windows-1252 …), or save it in Excel as "CSV UTF-8" (no output file was written)`,
    ]);
    expect(readdirSync(dir).filter((f) => f.startsWith(`out-${n - 1}.`) || f.startsWith(`err-${n - 1}.`) || f.endsWith('.tmp'))).toEqual([]);
  });

  it('reads it with --encoding windows-1252', () => {
    const file = path.join(dir, 'latin1-ok.csv');
    writeFileSync(file, Buffer.from(LATIN1, 'latin1'));
    const r = run(file, ['--encoding', 'windows-1252']);
    expect(r.status).toBe(0);
    expect(r.results.map((row) => row.notes)).toEqual(['ok', 'café', 'é']);
    expect(closing(r)).toBe('3 rows: 3 assessed, 0 rejected');
  });
});

describe('empty and malformed files are refused before any work', () => {
  it.each([
    ['empty.csv', ''],
    ['bom.csv', '\uFEFF'],
    ['blank.csv', '\n\n  \n'],
    ['empty.jsonl', ''],
  ])('%s: exit 2, no output file', (name, text) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    const out = path.join(dir, `${name}.out`);
    const r = runCli(['batch', file, '--output', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the file is empty|holds no JSON lines/);
    expect(existsSync(out)).toBe(false);
  });

  it('an empty standard input is refused too', () => {
    const r = runCli(['batch', '-']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('stdin: the file is empty');
  });

  it('a pass-through column given twice is refused too (one value would be lost)', () => {
    const file = path.join(dir, 'dup-notes.csv');
    writeFileSync(file, 'id,role,seniority,repetitiveness,ai_usage,notes,notes\nc1,translator,mid,3,daily,a,b\n');
    const r = runCli(['batch', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('dup-notes.csv:1: column notes appears twice (columns 6 and 7)');
  });

  it('keeps every extra cell of a ragged row in the errors file', () => {
    const file = path.join(dir, 'ragged-long.csv');
    const extras = Array.from({ length: 40 }, (_, i) => `EXTRA${i}`);
    writeFileSync(file, `id,role,seniority,repetitiveness,ai_usage\nc1,translator,mid,3,daily,${extras.join(',')}\n`);
    const r = run(file);
    expect(r.rejected[0]?.reason).toContain('"EXTRA39"');
    expect(r.stderr).not.toContain('EXTRA39');
  });

  it('a column given twice is refused', () => {
    const r = run(path.join(HOSTILE, 'duplicate-role-column.csv'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('duplicate-role-column.csv:1: column role appears twice (columns 2 and 6)');
  });
});

describe('JSONL limits', () => {
  it('rejects conflicting spellings of one key instead of picking one silently', () => {
    const r = run(path.join(HOSTILE, 'dup-keys.jsonl'));
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('dup-keys.jsonl:1: role is given twice (role, Role)');
    expect(r.stderr).toContain('dup-keys.jsonl:2: ai_usage is given twice (ai_usage, aiUsage)');
    expect(closing(r)).toBe('3 rows: 1 assessed, 2 rejected');
  });

  it('rejects a key given twice at the top level and a field given as a list, not nested repeats', () => {
    const file = path.join(dir, 'dup-exact.jsonl');
    const rest = '"seniority":"mid","repetitiveness":3,"ai_usage":"daily"';
    writeFileSync(file, `{"id":"c","role":"translator","role":"nurse",${rest}}\n{"id":"d","role":["translator"],${rest}}\n{"id":"e","role":"nurse",${rest},"n":{"role":1,"x":{"role":2}}}\n`);
    const r = run(file);
    expect(r.stderr).toContain('dup-exact.jsonl:1: role is given twice (role, role)');
    expect(r.stderr).toContain('dup-exact.jsonl:2: role must be text or a number, not a list or an object');
    expect(r.results.map((row) => row.id)).toEqual(['e']);
  });

  it('reads JSONL with old-Mac CR line ends as one client a line', () => {
    const file = path.join(dir, 'cr.jsonl');
    const line = (id: string) => `{"id":"${id}","role":"nurse","seniority":"mid","repetitiveness":3,"ai_usage":"daily"}`;
    writeFileSync(file, `${line('a')}\r${line('b')}\r\n${line('c')}\r`);
    const r = run(file);
    expect(r.status).toBe(0);
    expect(r.results.map((row) => row.id)).toEqual(['a', 'b', 'c']);
  });

  it('reads __proto__ and constructor keys as plain data', () => {
    const r = run(path.join(HOSTILE, 'proto-keys.jsonl'));
    expect(r.status).toBe(0);
    expect(r.results[0]).toMatchObject({ id: 'j1' });
  });

  it('rejects a 10,000-deep value on its own line and goes on', () => {
    const file = path.join(dir, 'deep.jsonl');
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const good = '{"id":"ok","role":"nurse","seniority":"mid","repetitiveness":3,"ai_usage":"daily"}';
    writeFileSync(file, `{"id":"d1","role":${deep},"seniority":"mid","repetitiveness":3,"ai_usage":"daily"}\n{"id":"d2","role":"nurse","notes":{"a":${deep}},"seniority":"mid","repetitiveness":3,"ai_usage":"daily"}\n${good}\n`);
    const r = run(file);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('deep.jsonl:1: value nested deeper than 64 levels');
    expect(r.stderr).toContain('deep.jsonl:2: value nested deeper than 64 levels');
    expect(r.results.map((row) => row.id)).toEqual(['ok']);
  });

  it('caps a line at 1 MiB without keeping it, and reads the next line', () => {
    const file = path.join(dir, 'long-line.jsonl');
    writeFileSync(file, `${'x'.repeat(5 * 1024 * 1024)}\n{"id":"ok","role":"nurse","seniority":"mid","repetitiveness":3,"ai_usage":"daily"}\n`);
    const r = run(file);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('long-line.jsonl:1: line is longer than the limit of 1,048,576 characters');
    expect(r.results.map((row) => row.id)).toEqual(['ok']);
    expect(JSON.stringify(r.rejected).length).toBeLessThan(1000);
  });

  it('prints no runtime warnings under back-pressure', () => {
    const file = path.join(dir, 'many.jsonl');
    const line = (i: number) => `{"id":"j${i}","role":"nurse","seniority":"mid","repetitiveness":3,"ai_usage":"daily"}`;
    writeFileSync(file, `${Array.from({ length: 30_000 }, (_, i) => line(i)).join('\n')}\n`);
    const r = runCli(['batch', file, '--format', 'json', '--output', path.join(dir, 'many.json')]);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/Warning/);
    expect(r.stderr.trim()).toBe('30000 rows: 30000 assessed, 0 rejected');
  });
});

describe('nothing from a cell reaches the terminal raw', () => {
  it.each(['escape-role.csv', 'newline-in-role.csv'])('%s', (name) => {
    const r = run(path.join(HOSTILE, name), ['--summary']);
    expect(r.status).toBe(3);
    const lines = r.stderr.split('\n');
    for (const line of lines) expect(line).not.toMatch(RAW_CONTROL);
    // One diagnostic line per rejected row: a newline in a cell cannot forge another.
    expect(lines.filter((l) => l.includes(`${name}:`))).toHaveLength(1);
    expect(r.stderr).toMatch(/\\u001b|\\n/);
  });
});
