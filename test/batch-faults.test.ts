/**
 * Fault injection for batch outputs and inputs: devices, FIFOs and symlinks as
 * targets, shared and input paths, permissions, full and read-only file
 * systems, failing standard streams and signals. Cases that need root (mknod,
 * mount) or an unprivileged user (file modes) are skipped with the reason when
 * the test cannot set them up.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'career-risk-faults-'));
chmodSync(dir, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = path.join(dir, 'good.csv');
const HEADER = 'id,role,seniority,repetitiveness,ai_usage\n';
writeFileSync(GOOD, `${HEADER}c1,accountant,senior,5,none\nc2,registered-nurse,mid,3,daily\n`);

const isRoot = process.getuid?.() === 0;
function tryRun(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}
/** Running the CLI as `nobody` works only where that user can read the checkout. */
const asNobody = (args: string[]) => spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { PATH: process.env.PATH, LANG: 'C' } });
const canDropPrivileges = isRoot && tryRun('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, '--version']);

const tempFilesIn = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.tmp'));

describe('devices, FIFOs and symlinks as outputs are written to, never replaced', () => {
  it.skipIf(!isRoot)('a /dev/null replica swallows the results and stays a device (needs root for mknod)', () => {
    const dev = path.join(dir, 'null');
    execFileSync('mknod', [dev, 'c', '1', '3']);
    const r = runCli(['batch', GOOD, '--output', dev]);
    expect(r.status).toBe(0);
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it.skipIf(!isRoot)('a /dev/full replica reports a full disk, exit 2, and stays a device (needs root for mknod)', () => {
    const dev = path.join(dir, 'full');
    execFileSync('mknod', [dev, 'c', '1', '7']);
    const r = runCli(['batch', GOOD, '--output', dev]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`career-risk: cannot write ${dev}: no space left on device`);
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
  });

  it('a FIFO gets the results through it and stays a FIFO', async () => {
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const done = new Promise((resolve) => reader.on('close', resolve));
    const r = spawnSync(process.execPath, [BIN, 'batch', GOOD, '--output', fifo], { encoding: 'utf8', timeout: 20_000 });
    await done;
    expect(r.status).toBe(0);
    expect(got.split('\n').filter(Boolean)).toHaveLength(3);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('- and /dev/stdout mean standard output', () => {
    for (const target of ['-', '/dev/stdout']) {
      const r = runCli(['batch', GOOD, '--output', target]);
      expect(r.status).toBe(0);
      expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(3);
    }
  });

  it('a symlink is followed: its target file gets the results and the link stays', () => {
    const target = path.join(dir, 'real.csv');
    const link = path.join(dir, 'link.csv');
    writeFileSync(target, 'old\n');
    symlinkSync(target, link);
    const r = runCli(['batch', GOOD, '--output', link]);
    expect(r.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toMatch(/^id,role/);
  });

  it('a symlink to nothing is refused', () => {
    const link = path.join(dir, 'dangling.csv');
    symlinkSync(path.join(dir, 'nowhere', 'x.csv'), link);
    const r = runCli(['batch', GOOD, '--output', link]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('it is a symbolic link to a file that does not exist');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('keeps the mode of an existing output (a private 0600 caseload stays private)', () => {
    const out = path.join(dir, 'private.csv');
    writeFileSync(out, 'x\n');
    chmodSync(out, 0o600);
    expect(runCli(['batch', GOOD, '--output', out]).status).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toMatch(/^id,role/);
  });

  it('leaves a stale temporary file of another run alone, and succeeds', () => {
    const sub = path.join(dir, 'stale');
    mkdirSync(sub);
    const stale = path.join(sub, '.out.csv.1.0.tmp');
    writeFileSync(stale, 'someone else\n');
    expect(runCli(['batch', GOOD, '--output', path.join(sub, 'out.csv')]).status).toBe(0);
    expect(readFileSync(stale, 'utf8')).toBe('someone else\n');
    expect(tempFilesIn(sub)).toEqual(['.out.csv.1.0.tmp']);
  });
});

describe('output names and system folders', () => {
  it('writes an output whose name is close to the 255-byte limit (the temporary name is shortened)', () => {
    const name = path.join(dir, `${'d'.repeat(250)}.csv`);
    expect(runCli(['batch', GOOD, '--output', name]).status).toBe(0);
    expect(readFileSync(name, 'utf8')).toMatch(/^id,role/);
  });

  it('refuses /proc files with the reason', () => {
    const r = runCli(['batch', GOOD, '--output', '/proc/version']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('career-risk: cannot write /proc/version: its folder does not allow new files (a system folder such as /proc or /sys?)');
  });

  it('--template takes no file or other options', () => {
    const r = runCli(['batch', '--template', '--output', path.join(dir, 'tpl.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--template prints a CSV to fill in and takes no file or other batch options (got --output)');
  });

  it('rules schema --out-dir refuses a planted link and writes nothing through it', () => {
    const out = path.join(dir, 'schemas');
    mkdirSync(out);
    const victim = path.join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me\n');
    symlinkSync(victim, path.join(out, 'rule-file.schema.json'));
    const r = runCli(['rules', 'schema', '--out-dir', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('it is a symbolic link; remove it and run again');
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
    expect(tempFilesIn(out)).toEqual([]);
  });
});

describe('outputs that would destroy data are refused before any work', () => {
  it.each([
    [['--output', 'same.csv', '--errors', 'same.csv'], '--output and --errors both name same.csv'],
    [['--output', 'r.csv', '--summary-format', 'json', '--summary-file', 'r.csv'], '--output and --summary-file both name r.csv'],
    [['--errors', 'e.csv', '--summary-file', './e.csv'], '--errors and --summary-file both name ./e.csv'],
    [['--errors', '-'], '--output and --errors both name standard output'],
  ])('%j', (args, message) => {
    const r = runCli(['batch', GOOD, ...args], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`career-risk: ${message}; give each output its own file`);
    expect(r.stdout).toBe('');
  });

  it('refuses an output that is the input file, named or through stdin', () => {
    const input = path.join(dir, 'in.csv');
    writeFileSync(input, readFileSync(GOOD));
    const before = readFileSync(input, 'utf8');
    for (const flag of ['--output', '--errors']) {
      const r = runCli(['batch', input, flag, input]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`${flag} ${input} is the input file`);
    }
    const fd = openSync(input, 'r');
    const r = spawnSync(process.execPath, [BIN, 'batch', '-', '--output', input], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', timeout: 20_000 });
    closeSync(fd);
    expect(r.status).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe(before);
  });

  it.each([
    [['--output', 'no/such/folder/x.csv'], 'cannot write no/such/folder/x.csv: no such file or folder'],
    [['--output', '.'], 'cannot write .: it is a folder'],
    [['--output', ''], '--output needs a file name (got an empty value)'],
  ])('%j gives one line and exit 2', (args, message) => {
    const r = runCli(['batch', GOOD, ...args], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`career-risk: ${message}`);
  });
});

describe('full and read-only file systems (needs root to mount a small tmpfs)', () => {
  const mnt = path.join(dir, 'mnt');
  const ro = path.join(dir, 'ro');
  let mounted = false;
  beforeAll(() => {
    if (!isRoot) return;
    mkdirSync(mnt);
    mkdirSync(ro);
    mounted = tryRun('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]) && tryRun('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', ro]);
  });
  afterAll(() => {
    if (!mounted) return;
    tryRun('umount', [mnt]);
    tryRun('umount', [ro]);
  });
  const big = path.join(dir, 'big.csv');
  writeFileSync(big, HEADER + Array.from({ length: 20_000 }, (_, i) => `c${i},accountant,senior,5,none`).join('\n'));

  it('a full disk is the user\'s problem: one line, exit 2, the old file kept, no temporary file left', (ctx) => {
    if (!mounted) ctx.skip();
    const out = path.join(mnt, 'results.csv');
    writeFileSync(out, 'previous results\n');
    for (const flag of ['--output', '--errors']) {
      const r = runCli(['batch', big, flag, out, ...(flag === '--errors' ? ['--output', '/dev/null'] : [])]);
      if (flag === '--errors') expect(r.status).toBe(0); // nothing rejected: the errors file is small
      else {
        expect(r.status).toBe(2);
        expect(r.stderr.trim()).toBe(`career-risk: cannot write ${out}: no space left on device`);
        expect(readFileSync(out, 'utf8')).toBe('previous results\n');
      }
      expect(tempFilesIn(mnt)).toEqual([]);
    }
  });

  it('a read-only folder is refused before any work', (ctx) => {
    if (!mounted) ctx.skip();
    const r = runCli(['batch', GOOD, '--output', path.join(ro, 'x.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`career-risk: cannot write ${path.join(ro, 'x.csv')}: read-only file system`);
  });

  it('when a later output fails, none is committed', (ctx) => {
    if (!mounted) ctx.skip();
    const out = path.join(dir, 'half.csv');
    const r = runCli(['batch', GOOD, '--output', out, '--summary-file', path.join(ro, 's.txt')]);
    expect(r.status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('permissions (as user nobody; needs root to switch users)', () => {
  it.skipIf(!canDropPrivileges)('an unreadable input: one line, exit 2, no stack trace', () => {
    const input = path.join(dir, 'secret.csv');
    writeFileSync(input, readFileSync(GOOD));
    chmodSync(input, 0o000);
    for (const format of [[], ['--input-format', 'jsonl']]) {
      const r = asNobody(['batch', input, ...format]);
      expect(r.status).toBe(2);
      expect(r.stderr.trim()).toBe(`career-risk: cannot read ${input}: permission denied`);
    }
  });

  it.skipIf(!canDropPrivileges)('a folder nobody may write to: one line naming the output, exit 2', () => {
    const locked = path.join(dir, 'locked');
    mkdirSync(locked, { mode: 0o755 });
    const r = asNobody(['batch', GOOD, '--output', path.join(locked, 'x.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`career-risk: cannot write ${path.join(locked, 'x.csv')}: permission denied`);
  });
});

describe('standard streams that fail', () => {
  const full = existsSync('/dev/full');
  const withStdout = (args: string[], fd: number) => spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 20_000, cwd: ROOT });

  it.skipIf(!full).each([
    [['assess', '-r', 'translator', '-s', 'mid', '-p', '3', '-a', 'daily', '--format', 'json']],
    [['roles']],
    [['sources']],
    [['rules', 'validate']],
    [['batch', '--template']],
    [['--help']],
    [['batch', GOOD]],
  ])('%j > /dev/full: exit 2 and one line', (args) => {
    const fd = openSync('/dev/full', 'w');
    const r = withStdout(args, fd);
    closeSync(fd);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n').pop()).toBe('career-risk: cannot write standard output: no space left on device');
  });

  it.skipIf(!full)('a full stderr changes no exit code and loses no output file', () => {
    const fd = openSync('/dev/full', 'w');
    const bad = spawnSync(process.execPath, [BIN, 'assess', '-r', 'qqxxzz', '-s', 'mid', '-p', '3', '-a', 'daily'], { stdio: ['ignore', 'pipe', fd], timeout: 20_000 });
    const input = path.join(dir, 'mixed.csv');
    writeFileSync(input, `${HEADER}c1,accountant,senior,5,none\nc2,qqxxzz,mid,3,daily\n`);
    const out = path.join(dir, 'mixed-out.csv');
    const batch = spawnSync(process.execPath, [BIN, 'batch', input, '--output', out], { stdio: ['ignore', 'pipe', fd], timeout: 20_000 });
    closeSync(fd);
    expect(bad.status).toBe(2);
    expect(batch.status).toBe(3);
    expect(readFileSync(out, 'utf8')).toMatch(/c1,accountant/);
  });
});

describe('signals mid-batch remove the temporary files', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGQUIT', 131],
    ['SIGUSR2', 140],
    ['SIGALRM', 142],
  ] as const)('%s → exit %i, no file left', async (signal, code) => {
    const sub = path.join(dir, `sig-${signal}`);
    mkdirSync(sub);
    const child = spawn(process.execPath, [BIN, 'batch', '-', '--output', path.join(sub, 'out.csv'), '--errors', path.join(sub, 'err.csv')], { stdio: ['pipe', 'ignore', 'pipe'] });
    child.stdin.write(`${HEADER}c1,accountant,senior,5,none\n`);
    // Wait until both temporary files exist, then interrupt while stdin is still open.
    for (let i = 0; i < 200 && tempFilesIn(sub).length < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(tempFilesIn(sub)).toHaveLength(2);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(readdirSync(sub)).toEqual([]);
  });
});
