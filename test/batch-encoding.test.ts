/**
 * Spreadsheets as counselors have them: GBK/GB18030 and UTF-16 files, Chinese
 * header names, a byte-order mark for Excel on Windows (`--bom`), advice labels
 * next to advice ids, and the messages around them. Unit tests of the pieces,
 * then the built CLI end to end.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvFrameStream } from '../src/batch/csv-frames.js';
import type { Frame } from '../src/batch/csv-frames.js';
import { decoderFactory, guessEncoding, InputText, NotUtf8Error, resolveEncoding } from '../src/batch/encoding.js';
import { canonicalColumn } from '../src/batch/input.js';
import { RowAssessor } from '../src/batch/rows.js';
import { BIN, ROOT, runBatchCsv, runCli, shippedRuleBase } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'career-risk-encoding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rowsOf = (csv: string) => parse(csv, { columns: true, bom: true }) as Record<string, string>[];
const lines = (text: string) => text.trim().split('\n');
const BOM = '\uFEFF';

/** A caseload as Chinese Excel has it: Chinese headers and rows. */
const ZH_CSV = ['编号,职业,资历,重复度,AI使用,备注', 'c1,会计,初级,5,偶尔,电商平台售后', 'c2,翻译,中级,4,每周,"笔译, 口译"', 'c3,客服专员,高级,3,每天,', ''].join('\n');
/** The same caseload with English headers. */
const EN_CSV = ZH_CSV.replace('编号,职业,资历,重复度,AI使用,备注', 'id,role,seniority,repetitiveness,ai_usage,备注');

function write(name: string, data: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
}

/** Runs the built CLI with raw bytes on stdin (runCli takes text). */
function runWithStdin(args: readonly string[], input: Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C' }, input, timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

describe('guessing what a file that is not UTF-8 is', () => {
  it('says GBK/GB18030 for Chinese text saved as GBK or GB18030', () => {
    expect(guessEncoding(iconv.encode(ZH_CSV, 'gbk'), true)).toBe('gb18030');
    expect(guessEncoding(iconv.encode(ZH_CSV, 'gb18030'), true)).toBe('gb18030');
  });

  it('says nothing for Latin-1 / Windows-1252 text', () => {
    expect(guessEncoding(Buffer.from('id,role,notes\nc1,nurse,café crème\nc2,nurse,naïve résumé\n', 'latin1'), true)).toBeUndefined();
    expect(guessEncoding(iconv.encode('name,notes\nc1,Müller ça va\n', 'windows-1252'), true)).toBeUndefined();
  });

  it('says UTF-16 for a UTF-16 byte-order mark at the start of the file only', () => {
    expect(guessEncoding(iconv.encode('role\n会计\n', 'utf16le', { addBOM: true }), true)).toBe('utf16le');
    expect(guessEncoding(iconv.encode('role\n会计\n', 'utf16be', { addBOM: true }), true)).toBe('utf16be');
    expect(guessEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]), false)).not.toBe('utf16le');
  });

  it('cuts a chunk from the middle of a file to whole lines (it may start inside a character)', () => {
    const bytes = iconv.encode(`x${ZH_CSV}${ZH_CSV}`, 'gbk');
    // Start on the second byte of a double-byte character: the first line is skipped.
    const inside = bytes.indexOf(iconv.encode('会计', 'gbk')) + 1;
    expect(guessEncoding(bytes.subarray(inside), false)).toBe('gb18030');
  });
});

describe('--encoding names', () => {
  it.each([
    ['utf8', 'utf8'],
    ['UTF-8', 'utf8'],
    ['gbk', 'gbk'],
    ['GBK', 'gbk'],
    ['gb18030', 'gb18030'],
    ['gb2312', 'gb18030'],
    ['utf16le', 'utf16le'],
    ['UTF-16LE', 'utf16le'],
    ['big5', 'big5'],
    ['windows-1252', 'windows1252'],
  ])('%s decodes as %s', (name, codec) => expect(resolveEncoding(name)).toBe(codec));

  it('refuses names it does not allow', () => {
    for (const name of ['koi8-r', 'latin2', '', 'base64', 'hex']) expect(resolveEncoding(name), name).toBeUndefined();
  });
});

describe('input text', () => {
  it('throws NotUtf8Error with the line of the first bad byte and a guess', () => {
    const text = new InputText();
    expect(text.write(Buffer.from('id,role\n'))).toBe('id,role\n');
    try {
      text.write(iconv.encode('c1,会计\n', 'gbk'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NotUtf8Error);
      expect((error as NotUtf8Error).line).toBe(2);
    }
  });

  it('decodes GBK split at every byte boundary through the CSV framer', async () => {
    const bytes = iconv.encode(ZH_CSV, 'gbk');
    for (const size of [1, 2, 3, 7]) {
      const frames: Frame[] = [];
      const stream = new CsvFrameStream((f) => frames.push(f), 1 << 20, decoderFactory('gbk'));
      let out = '';
      stream.on('data', (d: Buffer | string) => (out += d.toString()));
      const done = new Promise((resolve) => stream.on('end', resolve));
      for (let i = 0; i < bytes.length; i += size) stream.write(bytes.subarray(i, i + size));
      stream.end();
      await done;
      expect(out, `chunks of ${size}`).toBe(ZH_CSV);
      expect(frames).toEqual([1, 2, 3, 4]);
    }
  });
});

describe('Chinese column names', () => {
  it.each([
    ['编号', 'id'],
    ['客户编号', 'id'],
    ['职业', 'role'],
    ['岗位', 'role'],
    ['职位', 'role'],
    ['资历', 'seniority'],
    ['级别', 'seniority'],
    ['重复度', 'repetitiveness'],
    ['重复程度', 'repetitiveness'],
    ['AI使用', 'ai_usage'],
    ['AI 使用', 'ai_usage'],
    ['ai使用情况', 'ai_usage'],
    ['ＡＩ使用', 'ai_usage'],
    ['ＡＩ\u3000使用', 'ai_usage'],
    [' AI Usage ', 'ai_usage'],
    ['aiUsage', 'ai_usage'],
    ['ai-usage', 'ai_usage'],
    ['Ｒｏｌｅ', 'role'],
    ['备注', '备注'],
    ['Client Notes', 'client_notes'],
  ])('%j names %s', (name, column) => expect(canonicalColumn(name)).toBe(column));

  it('give the same results as English names', async () => {
    const assessor = new RowAssessor(shippedRuleBase(), 'en');
    const zh = await runBatchCsv(assessor, ZH_CSV);
    const en = await runBatchCsv(assessor, EN_CSV);
    expect(zh.summary.assessed).toBe(3);
    // Same rows and results; only the echoed header differs.
    expect(lines(zh.output).slice(1)).toEqual(lines(en.output).slice(1));
    expect(lines(zh.output)[0]?.startsWith('编号,职业,资历,重复度,AI使用,备注,occupation_id,')).toBe(true);
  });

  it('a column named in both languages is named twice', () => {
    const r = runCli(['batch', '-'], { input: 'role,职业,seniority,repetitiveness,ai_usage\nnurse,nurse,mid,3,daily\n' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('career-risk: stdin:1: column role appears twice (columns 1 and 2); keep one\n');
  });

  it('work as JSONL keys too', () => {
    const r = runCli(['batch', '-', '--input-format', 'jsonl'], { input: '{"编号":"c1","职业":"会计","资历":"初级","重复度":5,"AI使用":"偶尔"}\n' });
    expect(r.status).toBe(0);
    const row = JSON.parse(r.stdout) as { id: string; assessment: { occupation: { id: string } } };
    expect([row.id, row.assessment.occupation.id]).toEqual(['c1', 'accountant']);
  });
});

describe('advice labels', () => {
  it('sit next to the advice ids, in the report language', () => {
    const rb = shippedRuleBase();
    for (const lang of ['en', 'zh'] as const) {
      const r = runCli(['batch', '-', '--lang', lang], { input: EN_CSV });
      expect(r.status).toBe(0);
      const rows = rowsOf(r.stdout);
      for (const row of rows) {
        for (const i of [1, 2, 3]) {
          const id = row[`advice_${i}`] ?? '';
          expect(row[`advice_${i}_label`], `${lang} ${row.id} ${i}`).toBe(id === '' ? '' : rb.advice.find((a) => a.id === id)?.label[lang]);
        }
      }
      expect(rows.every((row) => row.advice_1_label !== '')).toBe(true);
    }
    const en = rowsOf(runCli(['batch', '-'], { input: EN_CSV }).stdout);
    expect(Object.keys(en[0] ?? {}).slice(-8)).toEqual(['advice_1', 'advice_2', 'advice_3', 'advice_1_label', 'advice_2_label', 'advice_3_label', 'pivot_1', 'pivot_1_score']);
  });

  it('the text summary lists advice and pivots by label, each with its id and count', () => {
    const r = runCli(['batch', '-', '--summary'], { input: EN_CSV });
    expect(r.stderr).toContain('  Most frequent advice:\n    Hand the routine to AI and take on non-routine problems (reduce-routine-work): ');
    expect(r.stderr).toMatch(/ {2}Most frequent top pivot:\n {4}\S.* \([a-z-]+\): \d+\n/);
    const zh = runCli(['batch', '-', '--summary', '--lang', 'zh'], { input: EN_CSV });
    expect(zh.stderr).toContain('  最常见的建议：\n    把常规工作交给AI，自己去解决非常规问题（reduce-routine-work）：');
  });
});

describe('GBK and GB18030 files end to end', () => {
  const gbk = write('clients-gbk.csv', iconv.encode(ZH_CSV, 'gbk'));
  const utf8 = write('clients-utf8.csv', ZH_CSV);
  const expected = runCli(['batch', utf8]);

  it('the UTF-8 file is assessed (the reference)', () => {
    expect(expected.status).toBe(0);
    expect(rowsOf(expected.stdout).map((r) => r.occupation_id)).toEqual(['accountant', 'translator', 'customer-service-representative']);
  });

  it('without --encoding: exit 2, one line naming the file and the line, suggesting --encoding gbk, nothing written', () => {
    const out = path.join(dir, 'never.csv');
    const errors = path.join(dir, 'never-rejected.csv');
    const r = runCli(['batch', gbk, '--output', out, '--errors', errors]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `career-risk: ${gbk}:1: the file is not UTF-8 (first on this line); it looks like GBK/GB18030 (Chinese Excel's CSV): run again with --encoding gbk, or save it in Excel as "CSV UTF-8" (no output file was written)\n`,
    );
    expect(existsSync(out) || existsSync(errors)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('names the first line with GBK text when the header is ASCII, and writes nothing to stdout', () => {
    const file = write('ascii-header-gbk.csv', iconv.encode(EN_CSV.replace('备注', 'notes'), 'gbk'));
    const r = runCli(['batch', file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(`${file}:2: the file is not UTF-8`);
    expect(r.stderr).toContain('--encoding gbk');
  });

  it.each(['gbk', 'GBK', 'gb18030', 'gb2312'])('with --encoding %s: the same results as the UTF-8 file', (name) => {
    const r = runCli(['batch', gbk, '--encoding', name]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected.stdout);
    expect(r.stderr).toBe(expected.stderr);
  });

  it('a GB18030 file (four-byte characters included) with --encoding gb18030', () => {
    const text = `${ZH_CSV}c4,会计,初级,5,偶尔,𠀀 and €\n`;
    const file = write('clients-gb18030.csv', iconv.encode(text, 'gb18030'));
    const r = runCli(['batch', file, '--encoding', 'gb18030']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(runCli(['batch', '-'], { input: text }).stdout);
  });

  it('standard input: refused without --encoding, read with it', () => {
    const refused = runWithStdin(['batch', '-'], iconv.encode(ZH_CSV, 'gbk'));
    expect(refused.status).toBe(2);
    expect(refused.stdout.length).toBe(0);
    expect(refused.stderr).toMatch(/^career-risk: stdin:1: the file is not UTF-8 .*--encoding gbk.*\n$/);
    const read = runWithStdin(['batch', '-', '--encoding', 'gbk'], iconv.encode(ZH_CSV, 'gbk'));
    expect(read.status).toBe(0);
    expect(read.stdout.toString('utf8')).toBe(expected.stdout);
  });

  it('a big GBK file (many chunks, characters split between them) reads like its UTF-8 twin', () => {
    const body = Array.from({ length: 5000 }, (_, i) => `c${i},${['会计', '翻译', '客服专员'][i % 3]},初级,${(i % 5) + 1},偶尔,第${i}行备注\n`).join('');
    const text = `编号,职业,资历,重复度,AI使用,备注\n${body}`;
    const file = write('big-gbk.csv', iconv.encode(text, 'gbk'));
    // Through --output files: the results are bigger than a pipe buffer of the test runner.
    const [gbkOut, utf8Out] = [path.join(dir, 'big-gbk.out.csv'), path.join(dir, 'big-utf8.out.csv')];
    expect(runCli(['batch', file, '--encoding', 'gbk', '--output', gbkOut]).status).toBe(0);
    expect(runCli(['batch', write('big-utf8.csv', text), '--output', utf8Out]).status).toBe(0);
    expect(iconv.encode(text, 'gbk').length).toBeGreaterThan(2 * 65_536);
    expect(readFileSync(gbkOut, 'utf8')).toBe(readFileSync(utf8Out, 'utf8'));
  });

  it('JSONL in GBK: refused without --encoding, read with it', () => {
    const text = '{"id":"c1","职业":"会计","资历":"初级","重复度":5,"AI使用":"偶尔"}\n';
    const file = write('clients-gbk.jsonl', iconv.encode(text, 'gbk'));
    const refused = runCli(['batch', file]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${file}:1: the file is not UTF-8`);
    const read = runCli(['batch', file, '--encoding', 'gbk']);
    expect(read.status).toBe(0);
    expect(read.stdout).toBe(runCli(['batch', write('clients-utf8.jsonl', text)]).stdout);
  });

  it('the message is in Chinese with --lang zh', () => {
    const r = runCli(['batch', gbk, '--lang', 'zh']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `career-risk: ${gbk}:1: 文件不是 UTF-8 编码（首次出现在这一行）；看起来是 GBK/GB18030 编码（中文版 Excel 保存的 CSV）：请加上 --encoding gbk 重新运行，或在 Excel 中另存为“CSV UTF-8”（没有写入任何输出文件）\n`,
    );
  });
});

describe('UTF-16 files', () => {
  const file = write('clients-utf16.csv', iconv.encode(ZH_CSV, 'utf16le', { addBOM: true }));

  it('without --encoding: says it looks like UTF-16 and what to do', () => {
    const r = runCli(['batch', file]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(`${file}:1: the file is not UTF-8 (first on this line); it looks like UTF-16`);
    expect(r.stderr).toContain('--encoding utf16le');
  });

  it('with --encoding utf16le or utf16: the same results as UTF-8 (the byte-order mark is dropped)', () => {
    const expected = runCli(['batch', '-'], { input: ZH_CSV }).stdout;
    expect(runCli(['batch', file, '--encoding', 'utf16le']).stdout).toBe(expected);
    expect(runCli(['batch', file, '--encoding', 'utf16']).stdout).toBe(expected);
  });
});

describe('--encoding usage errors', () => {
  it('an encoding not on the list: exit 2, one line listing the allowed ones', () => {
    const r = runCli(['batch', '-', '--encoding', 'koi8-r'], { input: EN_CSV });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('career-risk: invalid value "koi8-r" for --encoding; use one of: utf8, gbk, gb18030, gb2312, big5, utf16le, utf16, windows-1252\n');
  });

  it('is in batch --help with its description', () => {
    const help = runCli(['batch', '--help']).stdout;
    expect(help).toContain('--encoding <name>');
    expect(help).toContain('--bom');
  });
});

describe('--bom', () => {
  it('starts CSV on standard output with one UTF-8 byte-order mark', () => {
    const r = runWithStdin(['batch', '-', '--bom'], Buffer.from(EN_CSV));
    expect(r.status).toBe(0);
    expect([...r.stdout.subarray(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 'i'.charCodeAt(0)]);
    const text = r.stdout.toString('utf8');
    expect(text.slice(1)).toBe(runCli(['batch', '-'], { input: EN_CSV }).stdout);
    expect(text.indexOf(BOM, 1)).toBe(-1);
  });

  it('starts the --output and --errors CSV files with it; batch reads such a file back', () => {
    const out = path.join(dir, 'bom-results.csv');
    const errors = path.join(dir, 'bom-rejected.csv');
    const r = runCli(['batch', '-', '--bom', '--output', out, '--errors', errors], { input: `${EN_CSV}c9,astronaut,中级,3,每周,\n` });
    expect(r.status).toBe(3);
    for (const file of [out, errors]) expect([...readFileSync(file).subarray(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
    expect(rowsOf(readFileSync(errors, 'utf8')).map((row) => row.id)).toEqual(['c9']);
    const again = runCli(['batch', out, '--format', 'jsonl']);
    expect(again.status).toBe(0);
  });

  it('is refused for JSON and JSONL output (JSON never starts with a byte-order mark)', () => {
    for (const format of ['json', 'jsonl']) {
      const r = runCli(['batch', '-', '--bom', '--format', format], { input: EN_CSV });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`career-risk: --bom is for CSV output, not --format ${format} (JSON and JSONL never start with a byte-order mark); drop --bom, or write CSV\n`);
    }
  });

  it('goes with --template, and batch reads that template', () => {
    const r = runWithStdin(['batch', '--template', '--bom'], Buffer.alloc(0));
    expect(r.status).toBe(0);
    expect([...r.stdout.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const again = runWithStdin(['batch', '-'], r.stdout);
    expect(again.status).toBe(0);
    expect(again.stderr).toBe('3 rows: 3 assessed, 0 rejected\n');
  });

  it('writes nothing in front of the summary file', () => {
    const summary = path.join(dir, 'bom-summary.json');
    runCli(['batch', '-', '--bom', '--summary-format', 'json', '--summary-file', summary], { input: EN_CSV });
    expect(readFileSync(summary, 'utf8').startsWith('{')).toBe(true);
  });
});

describe('messages that count', () => {
  it('one row is "1 row"', () => {
    const r = runCli(['batch', '-'], { input: 'role,seniority,repetitiveness,ai_usage\nnurse,mid,3,daily\n' });
    expect(r.stderr).toBe('1 row: 1 assessed, 0 rejected\n');
    const zh = runCli(['batch', '-', '--lang', 'zh'], { input: 'role,seniority,repetitiveness,ai_usage\nnurse,mid,3,daily\n' });
    expect(zh.stderr).toBe('1 row: 1 assessed, 0 rejected\n');
  });

  it('one missing column is "column", several are "columns"', () => {
    expect(runCli(['batch', '-'], { input: 'role,seniority,repetitiveness\nnurse,mid,3\n' }).stderr).toBe('career-risk: stdin:1: missing column ai_usage (found: role, seniority, repetitiveness)\n');
    expect(runCli(['batch', '-'], { input: 'role,seniority\nnurse,mid\n' }).stderr).toBe('career-risk: stdin:1: missing columns repetitiveness, ai_usage (found: role, seniority)\n');
  });

  it('the summary counts in one place: the closing line of the Markdown summary', async () => {
    const { summary } = await runBatchCsv(new RowAssessor(shippedRuleBase(), 'en'), 'role,seniority,repetitiveness,ai_usage\nnurse,mid,3,daily\n');
    expect(summary.renderMarkdown(shippedRuleBase(), 'en')).toContain('\n1 row: 1 assessed, 0 rejected\n');
  });
});

describe('--template with a file', () => {
  it('is a usage error that says how to write the template to that file, and writes nothing', () => {
    const name = path.join(dir, 'somefile.csv');
    const r = runCli(['batch', '--template', name]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`career-risk: --template prints the template to standard output and takes no file (got ${name}); redirect it instead: career-risk batch --template > ${name}\n`);
    expect(existsSync(name)).toBe(false);
  });
});
