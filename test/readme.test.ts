/**
 * Every non-interactive `npx career-risk …` command shown in the README runs as shown:
 * no usage error, no internal error. The README is the front door; it must stay true.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const commands = [...readme.matchAll(/^(?:\$ )?(npx career-risk [^\n]+)$/gm)]
  .map((m) => (m[1] ?? '').replace(/\s+#.*$/, '').trim())
  .filter((c, i, all) => all.indexOf(c) === i);

// A work folder like a user's: the example pack, and `npx` resolving to the built CLI.
const work = mkdtempSync(path.join(tmpdir(), 'career-risk-readme-'));
cpSync(path.join(ROOT, 'examples'), path.join(work, 'examples'), { recursive: true });
const shims = path.join(work, '.bin');
mkdirSync(shims);
const npx = path.join(shims, 'npx');
writeFileSync(npx, `#!/bin/sh\n[ "$1" = career-risk ] && shift\nexec "${process.execPath}" "${BIN}" "$@"\n`);
chmodSync(npx, 0o755);

describe('README commands', () => {
  it('shows a good number of commands', () => {
    expect(commands.length).toBeGreaterThanOrEqual(15);
  });

  // In README order: the template is written before the batch example reads clients.csv.
  for (const command of commands.filter((c) => c !== 'npx career-risk')) {
    it(command, () => {
      const r = spawnSync('bash', ['-c', command], {
        cwd: work,
        env: { PATH: `${shims}:${process.env.PATH ?? ''}`, HOME: process.env.HOME, LANG: 'C' },
        encoding: 'utf8',
        input: '',
        timeout: 20_000,
      });
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      // 0, or 3 where a batch reports rejected rows.
      expect([0, 3], `${command}\n${r.stderr}`).toContain(r.status);
    });
  }

  it('the bare interactive command explains itself without a terminal', () => {
    const r = spawnSync('bash', ['-c', 'npx career-risk'], { cwd: work, env: { PATH: `${shims}:${process.env.PATH ?? ''}` }, encoding: 'utf8', input: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('missing answers: pass --role --seniority --repetitiveness --ai-usage');
  });
});
