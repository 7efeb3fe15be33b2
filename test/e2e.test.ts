/** The built CLI, spawned exactly as a user's shell would run it (no TTY, pipes). */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/i18n/index.js';
import { BIN, ROOT, runCli } from './helpers.js';

const EN = messages('en').report;
const ZH = messages('zh').report;
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const ANSI = new RegExp(String.fromCharCode(27) + '\\[');
const FULL = ['assess', '--role', 'translator', '--seniority', 'entry', '--repetitiveness', '4', '--ai-usage', 'none'];

describe('career-risk assess', () => {
  it('prints a text report on stdout and nothing on stderr', () => {
    const r = runCli(FULL);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Translator · 笔译员');
    expect(r.stdout).toContain('ISCO-08 2643 · SOC 27-3091');
    expect(r.stdout).toMatch(new RegExp(`${escapeRe(EN.score)}: \\d+/100 {2}${EN.band}: (low|moderate|high|very high) {2}${EN.range}: \\d+–\\d+`));
    expect(r.stdout).toMatch(new RegExp(`${escapeRe(EN.augmentation)}: \\d+/100 {2}${EN.range}: \\d+–\\d+`));
    expect(r.stdout).toContain(`${EN.reading}: `);
    expect(r.stdout).toContain(EN.advice);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(EN.disclaimer); // wrapped to the width
    expect(r.stdout).not.toMatch(ANSI); // no colour in a pipe
  });

  it('gives the same bytes on every run', () => {
    const a = runCli([...FULL, '--format', 'json']);
    const b = runCli([...FULL, '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
    const json = JSON.parse(a.stdout) as { schemaVersion: number; score: number; ruleBase: { hash: string } };
    expect(json.schemaVersion).toBe(2);
    expect(json.ruleBase.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts Chinese values and the same flags in short form', () => {
    const r = runCli(['assess', '-r', '会计', '-s', '初级', '-p', '5', '-a', '偶尔', '--lang', 'zh']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('会计 · Accountant');
    expect(r.stdout).toContain(`${ZH.score}：`);
    expect(r.stdout).toContain(`${ZH.augmentation}：`);
  });

  it('is the default command', () => {
    const r = runCli(FULL.slice(1));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Translator');
  });

  it('takes the language from LANG when --lang is absent', () => {
    const r = runCli(FULL, { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.stdout.split('\n')[0]).toBe(ZH.title);
  });

  it('colours output only when asked on a pipe, and never with NO_COLOR', () => {
    expect(runCli(FULL, { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
    expect(runCli([...FULL, '--color']).stdout).toMatch(ANSI);
    expect(runCli([...FULL, '--color', '--no-color']).stdout).not.toMatch(ANSI);
    expect(runCli(FULL, { env: { NO_COLOR: '1' } }).stdout).not.toMatch(ANSI);
  });

  it('adds the full trace with --explain', () => {
    const r = runCli([...FULL, '--explain']);
    expect(r.stdout).toContain('Trace (every rule that fired)');
    expect(r.stdout).toContain('seniority-entry');
    expect(r.stdout).toContain('task:translation');
  });

  it('writes Markdown with --format md', () => {
    const r = runCli([...FULL, '--format', 'md']);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith(`# ${EN.title}: `)).toBe(true);
    expect(r.stdout).toContain(`| ${EN.factorHeader.points} | ${EN.factorHeader.factor} | ${EN.factorHeader.sources} |`);
    expect(r.stdout).toContain(`- **${EN.augmentation}:** `);
  });

  it('names the missing flags without a TTY (exit 2) and never waits for input', () => {
    const r = runCli(['assess', '--role', 'translator']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(
      'career-risk: missing answers: pass --seniority --repetitiveness --ai-usage (or run on a terminal to be asked)',
    );
  });

  it('treats no arguments without a TTY as missing answers', () => {
    const r = runCli([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--role --seniority --repetitiveness --ai-usage');
  });

  it('honours --no-input', () => {
    const r = runCli(['assess', '--no-input', '-r', 'editor', '-s', 'mid', '-p', '3']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('pass --ai-usage');
  });

  it('suggests roles for an unknown one (exit 2, no stack)', () => {
    const r = runCli(['assess', '-r', 'designer', '-s', 'mid', '-p', '3', '-a', 'daily']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^career-risk: --role: no occupation clearly matches "designer"; did you mean: .*Graphic Designer \(graphic-designer\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('points to the occupation groups when nothing matches, one line per hint (en and zh)', () => {
    const flags = ['-s', 'mid', '-p', '3', '-a', 'daily'];
    const en = runCli(['assess', '-r', 'qwxzv', ...flags]);
    expect(en.status).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe(
      [
        'career-risk: --role: no occupation clearly matches "qwxzv"',
        '  run `career-risk roles <words>` to search the catalogue',
        '  or browse by group: `career-risk roles --groups` lists the groups, `career-risk roles` every occupation with its group',
        '',
      ].join('\n'),
    );
    const zh = runCli(['assess', '-r', 'qwxzv', ...flags, '--lang', 'zh']);
    expect(zh.status).toBe(2);
    expect(zh.stderr.split('\n').slice(1)).toEqual([
      '  运行 `career-risk roles <关键词>` 搜索职业目录',
      '  或按大类浏览：`career-risk roles --groups` 列出职业大类，`career-risk roles` 列出全部职业及其大类',
      '',
    ]);
  });

  it('says which role a typo was matched to, on stderr', () => {
    const r = runCli(['assess', '-r', 'sofware developer', '-s', 'mid', '-p', '3', '-a', 'daily', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('matched "sofware developer" to Software Developer (software-developer)\n');
    expect(JSON.parse(r.stdout).occupation.id).toBe('software-developer');
  });

  it.each([
    [['-s', 'boss'], 'career-risk: invalid value "boss" for --seniority; use one of: intern, entry, mid, senior, lead, executive'],
    [['-p', '7'], 'career-risk: invalid value "7" for --repetitiveness; use one of: 1, 2, 3, 4, 5'],
    [['-a', 'lots'], 'career-risk: invalid value "lots" for --ai-usage; use one of: none, occasional, weekly, daily, builds'],
  ])('rejects bad value %j with exit 2', (flags, message) => {
    const base = { '-s': 'mid', '-p': '3', '-a': 'daily' } as Record<string, string>;
    base[flags[0] as string] = flags[1] as string;
    const r = runCli(['assess', '-r', 'editor', ...Object.entries(base).flat()]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(message);
  });

  it('rejects unknown flags and formats with exit 2', () => {
    const bogus = runCli(['assess', '--bogus']);
    expect(bogus.status).toBe(2);
    expect(bogus.stderr).toContain("career-risk: unknown option '--bogus'");
    const format = runCli([...FULL, '--format', 'xml']);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('xml');
  });

  it('rejects an unsupported language', () => {
    const r = runCli([...FULL, '--lang', 'fr']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('career-risk: unsupported language "fr"; use en or zh');
  });

  it('reports a broken rule pack with file:line:col and exit 2', () => {
    const r = runCli([...FULL, '--rules', 'test/fixtures/shipped-pack-broken.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('career-risk: the rule base has 1 problem:');
    expect(r.stderr).toContain('test/fixtures/shipped-pack-broken.yaml:8:12  occupations[0].tasks  task mix sums to 95, not 100');
  });

  it('ends quietly when stdout is closed early', async () => {
    const child = spawn(process.execPath, [BIN, 'roles'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|Error/);
  });
});

describe('help and version', () => {
  it('prints --version', () => {
    const r = runCli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each([[['--help']], [['assess', '--help']], [['roles', '--help']], [['sources', '--help']]])('%j shows examples', (args) => {
    const r = runCli(args);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Examples:');
  });
});

describe('career-risk roles', () => {
  it('searches in English and Chinese', () => {
    expect(runCli(['roles', 'translator']).stdout).toContain('translator');
    expect(runCli(['roles', '客服']).stdout).toContain('customer-service-representative');
  });

  it('prints JSON with ids, titles, aliases and codes', () => {
    const r = runCli(['roles', '--format', 'json']);
    const list = JSON.parse(r.stdout) as { id: string; aliases: { en: string[] }; codes: { isco08: string; soc2018: string } }[];
    expect(list.length).toBeGreaterThanOrEqual(150);
    expect(list[0]).toHaveProperty('codes.isco08');
    expect(list[0]).toHaveProperty('codes.soc2018');
    expect(list[0]).toHaveProperty('aliases.zh');
  });

  it('says so when nothing matches', () => {
    const r = runCli(['roles', 'qwxzv']);
    // On stderr with exit 2, like every other input that leads nowhere; JSON still prints its empty list.
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^career-risk: no occupation matches "qwxzv"\n {2}try other words .*career-risk roles --groups/);
    const json = runCli(['roles', 'qwxzv', '--format', 'json']);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('validates --limit', () => {
    expect(runCli(['roles', '--limit', 'x']).status).toBe(2);
  });
});

describe('career-risk sources', () => {
  it('lists the five source documents with the rules citing them', () => {
    const r = runCli(['sources', '--format', 'json']);
    const list = JSON.parse(r.stdout) as { id: string; language: string; citedBy: string[] }[];
    expect(list.filter((s) => s.language !== 'en').length).toBe(5);
    for (const s of list) expect(s.citedBy.length, s.id).toBeGreaterThan(0);
  });

  it('prints titles, outlets and authors as text', () => {
    const r = runCli(['sources']);
    expect(r.stdout).toContain('ittimes-2025');
    expect(r.stdout).toContain('Outlet: IT Times');
    expect(r.stdout).toMatch(/Cited by \(\d+\):/);
  });
});
