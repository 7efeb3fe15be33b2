/**
 * The whole install path of the README's tarball route: `npm pack` (its prepack script builds) on a
 * copy of the tree, the tarball installed into an empty folder with production dependencies only,
 * and the installed command run as a user would, from node_modules/.bin.
 *
 * The copy keeps this checkout's dist/ untouched while other tests run the built CLI; it shares
 * node_modules/ through a link (the build needs the dev dependencies). The install prefers npm's
 * cache and may use the registry for what the cache lacks.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** What is not part of the source tree: build output, dependencies, local clutter. */
const SKIP = new Set(['node_modules', 'dist', '.git', 'coverage', path.join('bench', 'out')]);

// npm run by `npm test` passes its own settings down as npm_* variables; the inner npm gets none of them.
const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
env.CI = 'true';
env.LANG = 'C';
env.PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`;

function run(command: string, args: readonly string[], cwd: string, timeout = 120_000) {
  const r = spawnSync(command, args, { cwd, env, input: '', encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let work = '';
let installDir = '';
let files: string[] = [];
let installLog = '';
let bin = '';

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'career-risk-pack-'));
  const tree = path.join(work, 'tree');
  cpSync(ROOT, tree, {
    recursive: true,
    filter: (source) => {
      const rel = path.relative(ROOT, source);
      return !SKIP.has(rel) && !/(^|[\\/])\.tmp-|\.tmp$/.test(rel);
    },
  });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules'), 'dir');

  const out = path.join(work, 'out');
  mkdirSync(out);
  const pack = run('npm', ['pack', '--json', '--pack-destination', out], tree);
  expect(pack.status, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  if (!info) throw new Error(`npm pack printed no result:\n${pack.stdout}`);
  files = info.files.map((f) => f.path);
  const tarball = path.join(out, info.filename);
  expect(existsSync(tarball)).toBe(true);

  installDir = path.join(work, 'user');
  // An empty project of its own, so npm does not look for one further up.
  mkdirSync(installDir);
  writeFileSync(path.join(installDir, 'package.json'), '{ "name": "career-risk-pack-test", "private": true }\n');
  const install = run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', tarball], installDir);
  installLog = install.stdout + install.stderr;
  expect(install.status, installLog).toBe(0);
  bin = path.join(installDir, 'node_modules', '.bin', 'career-risk');
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The installed command, run in the user's folder. */
const cli = (...args: string[]) => run(bin, args, installDir, 30_000);

describe('npm pack', () => {
  it('ships the built CLI, the rule base, the example pack, the launcher, README and LICENSE', () => {
    expect(files).toContain('package.json');
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    expect(files).toContain('bin/career-risk.js');
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('dist/rulebase.cache.json');
    expect(files.some((f) => f.startsWith('rules/') && f.endsWith('.yaml'))).toBe(true);
    expect(files).toContain('examples/rule-pack/sources.yaml');
    expect(files.some((f) => f.startsWith('examples/rule-pack/tests/'))).toBe(true);
  });

  it('ships no sources, tests, benchmarks or scripts', () => {
    for (const folder of ['src/', 'test/', 'bench/', 'scripts/']) {
      expect(files.filter((f) => f.startsWith(folder)), folder).toEqual([]);
    }
  });
});

describe('the installed package', () => {
  it('installs without install scripts to approve', () => {
    expect(installLog).not.toMatch(/install-scripts|allowScripts/);
    expect(existsSync(path.join(installDir, 'node_modules', pkg.name, 'src'))).toBe(false);
  });

  it('prints its version', () => {
    const r = cli('--version');
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(pkg.version);
    expect(r.status).toBe(0);
  });

  it('assess with all four flags gives a JSON report', () => {
    const r = cli('assess', '--role', 'translator', '--seniority', 'entry', '--repetitiveness', '4', '--ai-usage', 'none', '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { profile?: { occupation?: string; aiUsage?: string }; occupation?: { id?: string } };
    expect(report.profile).toMatchObject({ occupation: 'translator', seniority: 'entry', repetitiveness: 4, aiUsage: 'none' });
    expect(report.occupation?.id).toBe('translator');
  });

  it('batch scores the template it writes', () => {
    const template = cli('batch', '--template');
    expect(template.status, template.stderr).toBe(0);
    const csv = path.join(installDir, 'clients.csv');
    writeFileSync(csv, template.stdout);
    const rows = template.stdout.trim().split('\n').length - 1;
    expect(rows).toBeGreaterThan(0);

    const r = cli('batch', 'clients.csv');
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(rows + 1);
    expect(r.stderr).toContain(`${rows} rows: ${rows} assessed, 0 rejected`);
  });

  it('rules validate passes on the shipped rules', () => {
    const r = cli('rules', 'validate');
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('rules validate passes on the example pack shipped inside the package, at the path its help gives', () => {
    const pack = path.join(installDir, 'node_modules', pkg.name, 'examples', 'rule-pack');
    const help = cli('rules', 'validate', '--help').stdout;
    expect(help).toContain(`every install ships the pack, here at\n  ${pack}\n`);
    const r = cli('rules', 'validate', pack);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const tests = cli('rules', 'test', '--rules', pack, path.join(pack, 'tests'));
    expect(tests.status, tests.stdout + tests.stderr).toBe(0);
  });
});
