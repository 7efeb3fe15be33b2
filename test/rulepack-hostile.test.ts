/**
 * Hostile rule packs and test files: FIFOs, devices, sockets, links out of the
 * pack and link loops, files over the cap, bad encodings, control characters in
 * texts, deep nesting, empty paths and unreadable folders. Everything that could
 * block or read without end runs through the built CLI with a timeout, so a
 * regression fails instead of hanging the suite. Special files are made here, in
 * a temporary folder, never committed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeRuleText, findRuleFiles, MAX_RULE_FILE_BYTES, readRuleText } from '../src/engine/files.js';
import { loadRuleBase } from '../src/engine/load.js';
import { formatProblem } from '../src/engine/problems.js';
import { findTestFiles } from '../src/engine/rule-tests.js';
import { MAX_YAML_DEPTH, parseYamlText } from '../src/engine/yaml-file.js';
import { BIN, FIXTURES } from './helpers.js';

const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
const POSIX = process.platform !== 'win32';
const MINIMAL = path.join(FIXTURES, 'minimal');

/** A valid pack over the shipped rules. */
const GOOD_PACK = `factors:
  - id: hostile-test-extra
    group: role
    label: { en: Extra, zh: 额外 }
    when: { aiUsage: none }
    odds: 1.1
    assumption: { en: A test rule., zh: 测试规则。 }
`;
/** A valid pack over the minimal test base. */
const GOOD_MINIMAL_PACK = `factors:
  - id: extra
    group: role
    label: { en: Extra, zh: 额外 }
    when: { aiUsage: none }
    odds: 1.1
    assumption: { en: A test rule., zh: 测试规则。 }
`;

const ASSESS = ['assess', '-r', 'translator', '-s', 'mid', '-p', '3', '-a', 'daily', '--format', 'json'];

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'career-risk-hostile-'));
  // Readable by `nobody` for the permission case (mkdtemp makes it 0700).
  chmodSync(root, 0o755);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

let counter = 0;
/** A fresh folder under the temporary root, returned as a path relative to it (the CLI runs there). */
function folder(name = 'case'): string {
  const rel = `${name}-${++counter}`;
  mkdirSync(path.join(root, rel), { recursive: true });
  chmodSync(path.join(root, rel), 0o755);
  return rel;
}
const abs = (rel: string) => path.join(root, rel);
const write = (rel: string, content: string | Buffer) => writeFileSync(abs(rel), content);
const mkfifo = (rel: string) => execFileSync('mkfifo', [abs(rel)]);

interface Run {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The built CLI in the temporary root, killed after `timeout` ms (a hang shows as status null). */
function cli(args: readonly string[], options: { timeout?: number; input?: string; asNobody?: boolean } = {}): Run {
  const command = options.asNobody ? 'setpriv' : process.execPath;
  const argv = options.asNobody
    ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args]
    : [BIN, ...args];
  const r = spawnSync(command, argv, {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: root, LANG: 'C' },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeout ?? 15_000,
    killSignal: 'SIGKILL',
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2, no internal error, no raw control character in the output, and `line` somewhere in it. */
function expectRefused(r: Run, line: string | RegExp): void {
  expect(r.signal, 'the CLI was killed: it hung or ran away').toBeNull();
  const all = `${r.stdout}${r.stderr}`;
  expect(all).not.toContain('internal error');
  if (typeof line === 'string') expect(all).toContain(line);
  else expect(all).toMatch(line);
  // eslint-disable-next-line no-control-regex
  expect(all).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  expect(r.status).toBe(2);
}

const problemsOf = (result: ReturnType<typeof loadRuleBase>): string[] => (result.ok ? [] : result.problems.map(formatProblem));

describe('rule packs holding special files (built CLI, with a timeout)', () => {
  it.skipIf(!POSIX)('refuses a FIFO in a pack folder without opening it (rules validate, assess --rules, batch --rules)', () => {
    const p = folder('fifo-pack');
    write(`${p}/good.yaml`, GOOD_PACK);
    mkfifo(`${p}/a.yaml`);
    const message = `${p}/a.yaml:1:1  (file)  not a regular file (a FIFO); rule files must be regular files`;
    expectRefused(cli(['rules', 'validate', p]), message);
    expectRefused(cli([...ASSESS, '--rules', p]), message);
    write(`${p}-clients.csv`, 'role,seniority,repetitiveness,ai_usage\ntranslator,mid,3,daily\n');
    expectRefused(cli(['batch', `${p}-clients.csv`, '--rules', p]), message);
  });

  it.skipIf(!POSIX)('refuses a FIFO given as a test file, and one inside a pack tests/ folder', () => {
    const p = folder('fifo-tests');
    mkfifo(`${p}/x.test.yaml`);
    expectRefused(cli(['rules', 'test', `${p}/x.test.yaml`]), `${p}/x.test.yaml:1:1  (file)  not a regular file (a FIFO); test files must be regular files`);
    mkdirSync(abs(`${p}/pack/tests`), { recursive: true });
    write(`${p}/pack/good.yaml`, GOOD_PACK);
    mkfifo(`${p}/pack/tests/t.test.yaml`);
    expectRefused(cli(['rules', 'validate', `${p}/pack`]), `${p}/pack/tests/t.test.yaml:1:1  (file)  not a regular file (a FIFO); test files must be regular files`);
    expectRefused(cli(['rules', 'test', `${p}/pack/tests`]), `${p}/pack/tests/t.test.yaml:1:1  (file)  not a regular file (a FIFO)`);
  });

  it.skipIf(!POSIX)('refuses a FIFO or a pipe named as the pack itself (including /dev/stdin)', () => {
    const p = folder('fifo-top');
    mkfifo(`${p}/pack.yaml`);
    expectRefused(cli(['rules', 'validate', `${p}/pack.yaml`]), `${p}/pack.yaml:1:1  (file)  not a regular file (a FIFO); rule files must be regular files`);
    // What `--rules <(cat pack.yaml)` passes: a pipe. (Node's own stdin pipes are sockets, so the shell makes this one.)
    write(`${p}/good.yaml`, GOOD_PACK);
    const shell = spawnSync('sh', ['-c', 'cat "$1" | "$2" "$3" rules validate /dev/stdin', 'sh', abs(`${p}/good.yaml`), process.execPath, BIN], {
      cwd: root,
      encoding: 'utf8',
      timeout: 15_000,
      killSignal: 'SIGKILL',
    });
    expectRefused(
      { status: shell.status, signal: shell.signal, stdout: shell.stdout, stderr: shell.stderr },
      '/dev/stdin:1:1  (file)  not a regular file (a FIFO); rule files must be regular files',
    );
    expectRefused(cli([...ASSESS, '--rules', '/dev/stdin'], { input: GOOD_PACK }), /not a regular file \(a (FIFO|socket)\)/);
  });

  it.skipIf(!POSIX)('refuses a link to /dev/zero in a pack, and /dev/zero or /dev/null named directly', () => {
    const p = folder('dev-zero');
    write(`${p}/good.yaml`, GOOD_PACK);
    symlinkSync('/dev/zero', abs(`${p}/z.yaml`));
    expectRefused(cli(['rules', 'validate', p], { timeout: 10_000 }), `${p}/z.yaml:1:1  (file)  symbolic link leads outside the pack folder`);
    expectRefused(cli(['rules', 'test', '/dev/zero'], { timeout: 10_000 }), '/dev/zero:1:1  (file)  not a regular file (a character device); test files must be regular files');
    expectRefused(cli(['rules', 'validate', '/dev/null'], { timeout: 10_000 }), '/dev/null:1:1  (file)  not a regular file (a character device)');
    expectRefused(cli([...ASSESS, '--rules', '/dev/zero'], { timeout: 10_000 }), 'not a regular file (a character device)');
  });

  it.skipIf(!POSIX)('refuses a link inside the pack to a FIFO inside the pack', () => {
    const p = folder('link-fifo');
    write(`${p}/good.yaml`, GOOD_PACK);
    mkfifo(`${p}/pipe`);
    symlinkSync('pipe', abs(`${p}/f.yaml`));
    expectRefused(cli(['rules', 'validate', p]), `${p}/f.yaml:1:1  (file)  not a regular file (a FIFO); rule files must be regular files`);
  });

  it('refuses a character device made with mknod in a pack (needs root)', (ctx) => {
    ctx.skip(!IS_ROOT || !POSIX, 'mknod needs root; run the suite as root to cover devices');
    const p = folder('chardev');
    write(`${p}/good.yaml`, GOOD_PACK);
    try {
      // A replica of /dev/zero (1, 5); it is only ever stat-ed.
      execFileSync('mknod', [abs(`${p}/zero.yaml`), 'c', '1', '5'], { stdio: 'pipe' });
    } catch {
      ctx.skip('mknod failed here (a container without CAP_MKNOD?)');
    }
    expectRefused(cli(['rules', 'validate', p], { timeout: 10_000 }), `${p}/zero.yaml:1:1  (file)  not a regular file (a character device); rule files must be regular files`);
  });

  describe('a socket', () => {
    let server: Server | undefined;
    afterAll(() => server?.close());
    it.skipIf(!POSIX)('is refused in a pack folder', async () => {
      const p = folder('socket');
      write(`${p}/good.yaml`, GOOD_PACK);
      const listening = createServer();
      server = listening;
      await new Promise<void>((resolve) => listening.listen(abs(`${p}/s.yaml`), resolve));
      expectRefused(cli(['rules', 'validate', p]), `${p}/s.yaml:1:1  (file)  not a regular file (a socket); rule files must be regular files`);
    });
  });
});

describe('links in rule packs', () => {
  it.skipIf(!POSIX)('refuses a link that leaves the pack, and never reads or echoes what it points at', () => {
    const p = folder('outside');
    write(`${p}-secret.yaml`, 'api_token: hunter2\naws_secret_key: also-secret\n');
    write(`${p}/good.yaml`, GOOD_PACK);
    symlinkSync(abs(`${p}-secret.yaml`), abs(`${p}/secret.yaml`));
    mkdirSync(abs(`${p}-outdir`));
    write(`${p}-outdir/more.yaml`, 'api_token: hunter2\n');
    symlinkSync(abs(`${p}-outdir`), abs(`${p}/sub`));
    const r = cli(['rules', 'validate', p]);
    expectRefused(r, `${p}/secret.yaml:1:1  (file)  symbolic link leads outside the pack folder; links are followed only inside it`);
    expect(r.stdout).toContain(`${p}/sub:1:1  (file)  symbolic link leads outside the pack folder`);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/api_token|aws_secret_key|hunter2/);

    // The loader reports the same, and hashes nothing from outside.
    const loaded = loadRuleBase({ base: MINIMAL, packs: [abs(p)] });
    expect(problemsOf(loaded).map((l) => l.replace(`${abs(p)}/`, ''))).toEqual([
      'secret.yaml:1:1  (file)  symbolic link leads outside the pack folder; links are followed only inside it',
      'sub:1:1  (file)  symbolic link leads outside the pack folder; links are followed only inside it',
    ]);
  });

  it.skipIf(!POSIX)('follows links that stay inside the pack, and a linked pack path named by the user', () => {
    const p = folder('inside');
    mkdirSync(abs(`${p}/pack/data`), { recursive: true });
    write(`${p}/pack/data/extra.txt`, GOOD_PACK);
    symlinkSync('data/extra.txt', abs(`${p}/pack/extra.yaml`));
    symlinkSync('pack', abs(`${p}/link-to-pack`));
    const found = findRuleFiles(abs(`${p}/link-to-pack`));
    expect(found).toEqual({ ok: true, files: [abs(`${p}/link-to-pack/extra.yaml`)], faults: [] });
    const loaded = loadRuleBase({ packs: [abs(`${p}/link-to-pack`)] });
    expect(problemsOf(loaded)).toEqual([]);
    expect(loaded.ok && loaded.ruleBase.entries.factors.some((f) => f.id === 'hostile-test-extra')).toBe(true);
    const r = cli(['rules', 'validate', `${p}/link-to-pack`]);
    expect(r.stdout).toContain(`+ ${p}/link-to-pack (`);
    expect(r.status).toBe(0);
  });

  it.skipIf(!POSIX)('reports link loops as loops, not as missing files', () => {
    const p = folder('loops');
    symlinkSync('loop', abs(`${p}/loop`));
    expectRefused(cli(['rules', 'validate', `${p}/loop`]), `${p}/loop:1:1  (file)  too many levels of symbolic links (a link loop?)`);
    expectRefused(cli([...ASSESS, '--rules', `${p}/loop`]), 'too many levels of symbolic links (a link loop?)');
    expectRefused(cli(['rules', 'test', `${p}/loop`]), 'too many levels of symbolic links (a link loop?)');

    const q = folder('loops-inside');
    write(`${q}/good.yaml`, GOOD_PACK);
    symlinkSync('b.yaml', abs(`${q}/a.yaml`));
    symlinkSync('a.yaml', abs(`${q}/b.yaml`));
    symlinkSync('..', abs(`${q}/up`));
    symlinkSync(`../${q}`, abs(`${q}/self`));
    const r = cli(['rules', 'validate', q]);
    expectRefused(r, `${q}/a.yaml:1:1  (file)  symbolic link loop (too many levels of symbolic links)`);
    expect(r.stdout).toContain(`${q}/b.yaml:1:1  (file)  symbolic link loop (too many levels of symbolic links)`);
    expect(r.stdout).toContain(`${q}/self:1:1  (file)  symbolic link loop (leads back to a folder that holds it)`);
    // `up` leads out of the pack (to its parent), so it is refused rather than walked.
    expect(r.stdout).toContain(`${q}/up:1:1  (file)  symbolic link leads outside the pack folder`);
  });
});

describe('size, encoding and nesting', () => {
  it('refuses a file over the cap from its size, without reading it (a sparse file)', () => {
    const p = folder('big');
    write(`${p}/huge.yaml`, '');
    truncateSync(abs(`${p}/huge.yaml`), 3 * 1024 * 1024);
    const message = `file is ${3 * 1024 * 1024} bytes; rule files are limited to ${MAX_RULE_FILE_BYTES} bytes`;
    expect(readRuleText(abs(`${p}/huge.yaml`))).toEqual({ ok: false, line: 1, col: 1, message });
    expectRefused(cli(['rules', 'validate', p]), `${p}/huge.yaml:1:1  (file)  ${message}`);
  });

  it('stops reading at the cap even when stat gives no size (a /proc file)', (ctx) => {
    ctx.skip(!existsSync('/proc/self/status'), 'needs /proc (Linux)');
    // /proc files report size 0, so only the bounded read can catch them.
    expect(readRuleText('/proc/self/status', 'rule', 64)).toEqual({ ok: false, line: 1, col: 1, message: 'file is more than 64 bytes; rule files are limited to 64 bytes' });
  });

  it('refuses invalid UTF-8, naming the byte and its place', () => {
    const p = folder('latin1');
    write(`${p}/bad.yaml`, Buffer.concat([Buffer.from('sources:\n  - id: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect(problemsOf(loadRuleBase({ base: MINIMAL, packs: [abs(`${p}/bad.yaml`)] }))).toEqual([
      `${abs(`${p}/bad.yaml`)}:2:12  (file)  not valid UTF-8 (byte 21, 0xE9); save the file as UTF-8`,
    ]);
    expectRefused(cli(['rules', 'validate', `${p}/bad.yaml`]), `${p}/bad.yaml:2:12  (file)  not valid UTF-8 (byte 21, 0xE9)`);
  });

  it.each([
    ['an overlong slash', [0xc0, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a truncated sequence', [0xe4, 0xb8]],
  ])('refuses %s as invalid UTF-8', (_name, bytes) => {
    const result = decodeRuleText(Buffer.concat([Buffer.from('ab'), Buffer.from(bytes)]));
    expect(result).toMatchObject({ ok: false, line: 1, col: 3 });
    expect(result.ok ? '' : result.message).toMatch(/^not valid UTF-8 \(byte 3, 0x[0-9A-F]{2}\)/);
  });

  it('accepts valid UTF-8, a UTF-8 byte-order mark included', () => {
    expect(decodeRuleText(Buffer.from('\ufeffa: 客服 ✓ 😀\n'))).toEqual({ ok: true, text: '\ufeffa: 客服 ✓ 😀\n' });
  });

  it('refuses UTF-16 (with either byte-order mark, or without one) and says so', () => {
    const p = folder('utf16');
    const text = 'sources: []\n';
    write(`${p}/le.yaml`, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    write(`${p}/be.yaml`, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    write(`${p}/nobom.yaml`, Buffer.from(text, 'utf16le'));
    const problems = problemsOf(loadRuleBase({ base: MINIMAL, packs: [abs(p)] })).map((l) => l.replace(`${abs(p)}/`, ''));
    expect(problems).toEqual([
      'be.yaml:1:1  (file)  file is UTF-16; save it as UTF-8',
      'le.yaml:1:1  (file)  file is UTF-16; save it as UTF-8',
      'nobom.yaml:1:1  (file)  file looks like UTF-16; save it as UTF-8',
    ]);
    expectRefused(cli(['rules', 'validate', `${p}/le.yaml`]), 'file is UTF-16; save it as UTF-8');
  });

  it('refuses a NUL character, raw or as a YAML escape in a text', () => {
    const p = folder('nul');
    write(`${p}/raw.yaml`, 'sources:\n  - id: a\0b\n');
    expect(problemsOf(loadRuleBase({ base: MINIMAL, packs: [abs(`${p}/raw.yaml`)] }))).toEqual([
      `${abs(`${p}/raw.yaml`)}:2:10  (file)  contains a NUL character (byte 19); rule files are text`,
    ]);
    write(`${p}/escaped.yaml`, GOOD_MINIMAL_PACK.replace('{ en: Extra,', '{ en: "Ex\\0tra",'));
    expect(problemsOf(loadRuleBase({ base: MINIMAL, packs: [abs(`${p}/escaped.yaml`)] }))).toEqual([
      `${abs(`${p}/escaped.yaml`)}:4:18  factors[0].label.en  must not contain control characters (found \\u0000)`,
    ]);
    expect(parseYamlText('a: "x\0"\n', 'direct.yaml')).toEqual({
      ok: false,
      problems: [{ file: 'direct.yaml', line: 1, col: 6, path: '', message: 'contains a NUL character; rule files are text' }],
    });
  });

  it.each([
    ['flow lists', [MAX_YAML_DEPTH + 5, 2_000, 20_000], (n: number) => `a: ${'['.repeat(n)}${']'.repeat(n)}\n`],
    ['flow maps', [MAX_YAML_DEPTH + 5, 2_000, 20_000], (n: number) => `a: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`],
    ['block maps', [MAX_YAML_DEPTH + 5, 2_000], (n: number) => `${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`],
    ['block lists', [MAX_YAML_DEPTH + 5, 2_000], (n: number) => `a:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}-`).join('\n')} 1\n`],
  ] as const)('says "YAML nested too deeply" for deep %s, not "Maximum call stack size exceeded"', (_kind, depths, make) => {
    for (const depth of depths) {
      const result = parseYamlText(make(depth), 'deep.yaml');
      expect(result.ok).toBe(false);
      const messages = result.ok ? [] : result.problems.map((p) => p.message);
      expect(messages).toEqual([`YAML nested too deeply (more than ${MAX_YAML_DEPTH} levels of maps and lists)`]);
    }
    expect(parseYamlText(make(MAX_YAML_DEPTH - 1), 'ok.yaml').ok).toBe(true);
  });

  it('says "YAML nested too deeply" through the CLI too', () => {
    const p = folder('deep');
    write(`${p}/deep.yaml`, `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    expectRefused(cli(['rules', 'validate', `${p}/deep.yaml`]), /deep\.yaml:1:\d+ {2}\(file\) {2}YAML nested too deeply/);
  });
});

describe('control characters in rule texts', () => {
  const hostile: [string, string, string][] = [
    ['ESC (a colour sequence)', '\\e[31mred', '\\u001b'],
    ['BEL', 'ring\\a', '\\u0007'],
    ['a C1 control (NEL)', 'next\\x85line', '\\u0085'],
    ['a C1 CSI', 'x\\x9b2J', '\\u009b'],
    ['a line break', 'two\\nlines', '\\n'],
    ['a bidi override', 'abc\\u202Edef', '\\u202e'],
  ];

  it.each(hostile)('refuses %s in a title, naming the key', (_name, yamlText, shown) => {
    const p = folder('controls');
    write(`${p}/pack.yaml`, GOOD_MINIMAL_PACK.replace('{ en: Extra,', `{ en: "${yamlText}",`));
    const problems = problemsOf(loadRuleBase({ base: MINIMAL, packs: [abs(`${p}/pack.yaml`)] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`:4:18  factors[0].label.en  must not contain control characters (found ${shown})`);
  });

  it('checks every kind of text: source outlets and URLs, occupation titles and aliases, test names', () => {
    const p = folder('controls-all');
    write(
      `${p}/pack.yaml`,
      [
        'sources:',
        '  - { id: s, title: { en: T, zh: T }, outlet: "O\\e]0;pwned\\a", author: A, date: "2024", language: en, kind: article, url: "https://example.com/\\e[2J" }',
        'occupations:',
        '  - id: o',
        '    title: { en: "Title\\e[5m", zh: 标题 }',
        '    aliases: { en: ["alias\\x9b"], zh: [别名] }',
        '    description: { en: D, zh: D }',
        '    codes: { isco08: "2643", soc2018: "27-3091" }',
        '    tasks: { typing: 100 }',
      ].join('\n'),
    );
    const problems = problemsOf(loadRuleBase({ base: MINIMAL, packs: [abs(`${p}/pack.yaml`)] })).map((l) => l.split('  ').slice(1).join('  '));
    expect(problems).toEqual([
      'sources[0].outlet  must not contain control characters (found \\u001b)',
      'sources[0].url  must not contain control characters (found \\u001b)',
      'occupations[0].title.en  must not contain control characters (found \\u001b)',
      'occupations[0].aliases.en[0]  must not contain control characters (found \\u009b)',
    ]);
    const t = folder('controls-tests');
    write(`${t}/x.test.yaml`, 'tests:\n  - name: "case\\e[1m"\n    profile: { occupation: translator, seniority: mid, repetitiveness: 3, aiUsage: occasional }\n    expect: {}\n');
    expectRefused(cli(['rules', 'test', `${t}/x.test.yaml`]), `${t}/x.test.yaml:2:11  tests[0].name  must not contain control characters (found \\u001b)`);
  });

  it('escapes control characters in unknown keys and file names it echoes', () => {
    const p = folder('echo');
    write(`${p}/pack.yaml`, 'factors:\n  - id: x\n    "\\e[2Jevil\\u0007": 1\n');
    const r = cli(['rules', 'validate', `${p}/pack.yaml`]);
    expectRefused(r, 'unknown key "\\u001b[2Jevil\\u0007"');
    expect(r.stdout).toContain('factors[0].\\u001b[2Jevil\\u0007');

    const q = folder('echo-name');
    write(`${q}/\u001b[31mred.yaml`, 'nope: 1\n');
    const s = cli(['rules', 'validate', q]);
    expectRefused(s, `${q}/\\u001b[31mred.yaml:1:1  nope  unknown key "nope"`);
  });

  it('keeps the shipped rules valid (none of their texts holds a control character)', () => {
    expect(problemsOf(loadRuleBase())).toEqual([]);
  });
});

describe('empty paths', () => {
  it.each([
    [[...ASSESS, '--rules', ''], 'career-risk: --rules needs a path (got an empty value)\n'],
    [['batch', 'clients.csv', '--rules', ''], 'career-risk: --rules needs a path (got an empty value)\n'],
    [['rules', 'validate', ''], 'career-risk: rules validate needs a path (got an empty value)\n'],
    [['rules', 'validate', '--rules', ''], 'career-risk: --rules needs a path (got an empty value)\n'],
    [['rules', 'test', ''], 'career-risk: rules test needs a path (got an empty value)\n'],
    [['rules', 'test', '--rules', ''], 'career-risk: --rules needs a path (got an empty value)\n'],
  ])('%j is a usage error in one line (exit 2)', (args, stderr) => {
    // A YAML file in the working folder that an empty path must never pick up.
    const p = folder('cwd');
    write(`${p}/planted.yaml`, 'nope: 1\n');
    const r = cli(args);
    expect(r.stderr).toBe(stderr);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
  });

  it('is a problem in the loader and the test finder too, never the working folder', () => {
    expect(problemsOf(loadRuleBase({ base: MINIMAL, packs: [''] }))).toEqual(['(empty path):1:1  (file)  a rule pack needs a path (got an empty value)']);
    expect(findTestFiles([''])).toEqual({ files: [], problems: [{ file: '(empty path)', line: 1, col: 1, path: '', message: 'a test path needs a value (got an empty value)' }] });
  });
});

describe('unreadable packs', () => {
  const setprivWorks = (): boolean => {
    if (!IS_ROOT || !POSIX) return false;
    return spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;
  };

  it('reports an unreadable pack folder, sub-folder or file as a problem, exit 2 (as nobody)', (ctx) => {
    ctx.skip(!setprivWorks(), 'needs root and setpriv to run as nobody (root itself ignores file modes)');
    const p = folder('locked');
    write(`${p}/good.yaml`, GOOD_PACK);
    chmodSync(abs(p), 0o700);
    expectRefused(cli(['rules', 'validate', p], { asNobody: true }), `${p}:1:1  (file)  cannot read folder: permission denied`);
    expectRefused(cli([...ASSESS, '--rules', p], { asNobody: true }), `${p}:1:1  (file)  cannot read folder: permission denied`);

    const q = folder('locked-sub');
    write(`${q}/good.yaml`, GOOD_PACK);
    mkdirSync(abs(`${q}/sub`));
    write(`${q}/sub/more.yaml`, GOOD_PACK);
    chmodSync(abs(`${q}/sub`), 0o700);
    write(`${q}/private.yaml`, GOOD_PACK);
    chmodSync(abs(`${q}/private.yaml`), 0o600);
    const r = cli(['rules', 'validate', q], { asNobody: true });
    expectRefused(r, `${q}/sub:1:1  (file)  cannot read folder: permission denied`);
    expect(r.stdout).toContain(`${q}/private.yaml:1:1  (file)  cannot read file: permission denied`);

    const t = folder('locked-tests');
    mkdirSync(abs(`${t}/tests`));
    chmodSync(abs(`${t}/tests`), 0o700);
    expectRefused(cli(['rules', 'test', `${t}/tests`], { asNobody: true }), `${t}/tests:1:1  (file)  cannot read folder: permission denied`);
  });
});
