/**
 * Hostile environments: a start-up cache tampered with after the build, and a
 * working folder deleted under the process.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'career-risk-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ASSESS = ['assess', '-r', 'translator', '-s', 'mid', '-p', '3', '-a', 'daily', '--format', 'json'];

describe('environment', () => {
  it('falls back to the rule files when a cache with a matching hash has broken entries', () => {
    // A copy of the built package, so the real dist/ is left alone.
    const pkg = path.join(dir, 'pkg');
    mkdirSync(pkg);
    for (const part of ['bin', 'dist', 'rules', 'package.json']) cpSync(path.join(ROOT, part), path.join(pkg, part), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
    const cachePath = path.join(pkg, 'dist', 'rulebase.cache.json');
    const text = readFileSync(cachePath, 'utf8');
    const nl = text.indexOf('\n');
    const body = JSON.parse(text.slice(nl + 1)) as { entries: Record<string, unknown> };
    body.entries.occupations = [{ id: 'broken' }];
    writeFileSync(cachePath, `${text.slice(0, nl)}\n${JSON.stringify(body)}`);
    const run = (bin: string) => spawnSync(process.execPath, [bin, ...ASSESS], { encoding: 'utf8', timeout: 20_000 });
    const tampered = run(path.join(pkg, 'bin', 'career-risk.js'));
    expect(tampered.stderr).not.toContain('internal error');
    expect(tampered.status).toBe(0);
    expect(tampered.stdout).toBe(run(BIN).stdout);
  });

  it('works from a working folder that was deleted', () => {
    const gone = path.join(dir, 'gone');
    mkdirSync(gone);
    // The shell changes into the folder, removes it, then runs the CLI there.
    const script = `cd "${gone}" && rmdir "${gone}" && exec "${process.execPath}" "${BIN}" ${ASSESS.join(' ')}`;
    const r = spawnSync('sh', ['-c', script], { encoding: 'utf8', timeout: 20_000 });
    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('score');
  });
});
