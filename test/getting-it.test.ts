/**
 * Getting career-risk (issue 13): the launcher before a build, where to report a bug, the package
 * metadata that says where the project lives, and the README's install paths.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { ROOT, runCli } from './helpers.js';

interface Manifest {
  version: string;
  repository?: { type: string; url: string };
  homepage?: string;
  bugs?: { url: string };
  files: string[];
  scripts: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** A folder with the launcher and package.json only (no dist/), plus what `setup` adds; the launcher run in it. */
function launch(setup: (dir: string) => void = () => undefined, args: string[] = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'career-risk-launcher-'));
  cpSync(path.join(ROOT, 'bin'), path.join(dir, 'bin'), { recursive: true });
  cpSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  setup(dir);
  const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'career-risk.js'), ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C' },
    input: '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { dir, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Stands in for the build's bundle (dist/bundle/cli.cjs, CommonJS), with a code cache beside it when given. */
function writeMain(dir: string, source: string, codeCache?: Buffer) {
  mkdirSync(path.join(dir, 'dist', 'bundle'), { recursive: true });
  writeFileSync(path.join(dir, 'dist', 'bundle', 'cli.cjs'), source);
  if (codeCache) writeFileSync(path.join(dir, 'dist', 'bundle', 'cli.cjs.v8cache'), codeCache);
}

describe('the launcher before a build', () => {
  it('answers --version (alone) itself, before and without the program', () => {
    for (const flag of ['--version', '-V']) {
      const r = launch((dir) => mkdirSync(path.join(dir, 'src')), [flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${pkg.version}\n`);
      expect(r.stderr).toBe('');
    }
  });

  it('in a checkout (src/ there, no dist/): one line saying what to run, exit 2', () => {
    const r = launch((dir) => mkdirSync(path.join(dir, 'src')), ['assess']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`career-risk: not built yet: run \`npm ci && npm run build\` in ${r.dir} first (\`npm run build\` alone if node_modules/ is there)\n`);
  });

  it('in an installed copy without its build (no src/, no dist/): one line pointing to the tarball install, exit 2', () => {
    const r = launch();
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toContain(`career-risk: this copy in ${r.dir} was installed without its build (no dist/)`);
    expect(r.stderr).toContain('install a packed tarball instead');
    expect(r.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|\n\s+at /);
  });

  it('a missing module imported by the built CLI is the real error, not "not built"', () => {
    const r = launch((dir) => {
      mkdirSync(path.join(dir, 'src'));
      writeMain(dir, "module.exports = require('./missing-module.js');\n");
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('MODULE_NOT_FOUND');
    expect(r.stderr).toContain('missing-module.js');
    expect(r.stderr).not.toContain('not built');
  });

  it('a missing package imported by the built CLI is the real error too', () => {
    const r = launch((dir) => writeMain(dir, "require('career-risk-no-such-package');\nexports.main = async () => 0;\n"));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Cannot find module 'career-risk-no-such-package'");
    expect(r.stderr).not.toContain('installed without its build');
  });

  it('once built, it runs main() with the arguments and exits with its code', () => {
    const r = launch((dir) => writeMain(dir, 'exports.main = async (argv) => { console.log(JSON.stringify(argv.slice(2))); return 7; };\n'), ['assess', '-r', 'x']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('["assess","-r","x"]\n');
    expect(r.status).toBe(7);
  });

  it('a code cache that does not fit the bundle (another Node, a stale or damaged file) is ignored', () => {
    const source = 'exports.main = async (argv) => { console.log(__filename.endsWith("cli.cjs"), argv.length); return 0; };\n';
    const r = launch((dir) => writeMain(dir, source, Buffer.from('not a V8 code cache')), ['roles']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('true 3\n');
    expect(r.status).toBe(0);
  });
});

describe('where the project lives', () => {
  it('package.json names the repository, home page and issue tracker', () => {
    expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/career-risk/career-risk.git' });
    expect(pkg.homepage).toBe('https://github.com/career-risk/career-risk#readme');
    expect(pkg.bugs).toEqual({ url: 'https://github.com/career-risk/career-risk/issues' });
  });

  it('an internal error says where to report it (bugs.url of package.json)', async () => {
    let stderr = '';
    const io = {
      stdin: process.stdin,
      // A plain Error thrown while printing the version: a bug as far as main() can tell.
      stdout: new Writable({ write: () => { throw new Error('simulated bug'); } }),
      stderr: new Writable({ write: (chunk: Buffer, _e, done) => { stderr += chunk.toString(); done(); } }),
      env: { LANG: 'C' },
    };
    const code = await main(['node', 'career-risk', '--version'], io);
    expect(code).toBe(1);
    expect(stderr).toBe(`career-risk: internal error: simulated bug\n  run again with --debug for details, and please report it at ${pkg.bugs?.url ?? '?'}\n`);
  });

  it('the README exit-code table says where to report a bug, and that exit 2 covers "not built"', () => {
    const row = (code: string) => readme.split('\n').find((l) => l.startsWith(`| ${code} |`)) ?? '';
    expect(row('1')).toContain(pkg.bugs?.url ?? '?');
    expect(row('2')).toContain('not built');
  });
});

describe('packaging scripts', () => {
  it('nothing runs at install time; packing builds', () => {
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare']) expect(pkg.scripts[script], script).toBeUndefined();
    expect(pkg.scripts.prepack).toBe('npm run build');
  });

  it('npm test builds before anything that needs dist/', () => {
    const steps = (pkg.scripts.test ?? '').split('&&').map((s) => s.trim());
    const build = steps.indexOf('npm run build');
    expect(build).toBeGreaterThanOrEqual(0);
    steps.forEach((step, i) => {
      if (/bin\/career-risk\.js|vitest/.test(step)) expect(i, step).toBeGreaterThan(build);
    });
  });

  it('the example pack ships (package "files")', () => {
    expect(pkg.files).toContain('examples/');
  });
});

describe('README: getting it', () => {
  it('says it is not published on npm yet', () => {
    expect(readme).toContain('**not published on npm yet**');
  });

  it('the clone path builds after npm ci, since npm ci no longer does', () => {
    expect(readme).toContain('git clone https://github.com/career-risk/career-risk.git\ncd career-risk\nnpm ci && npm run build\nnpx career-risk\n');
    expect(readme).not.toMatch(/npm ci` builds|the `prepare` script|# install and build/);
  });

  it('the tarball it names is the one npm pack writes for this version', () => {
    const names = [...readme.matchAll(/career-risk-(\d[^\s`]*)\.tgz/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const version of names) expect(version).toBe(pkg.version);
  });

  it('Install comes before Quick start, near the top', () => {
    const install = readme.indexOf('\n## Install\n');
    expect(install).toBeGreaterThan(0);
    expect(install).toBeLessThan(readme.indexOf('\n## Quick start\n'));
    expect(readme.slice(0, install).match(/\n## /g) ?? []).toHaveLength(0);
  });
});

describe('the example pack in help', () => {
  it('rules validate --help and rules test --help give the full path of the shipped example pack', () => {
    for (const command of ['validate', 'test']) {
      const help = runCli(['rules', command, '--help']).stdout;
      expect(help).toContain('examples/rule-pack is relative to a checkout of career-risk');
      const shown = /every install ships the pack, here at\n {2}(.+)\n/.exec(help)?.[1] ?? '';
      expect(shown).toBe(path.join(ROOT, 'examples', 'rule-pack'));
      expect(existsSync(path.join(shown, 'sources.yaml'))).toBe(true);
    }
  });
});
