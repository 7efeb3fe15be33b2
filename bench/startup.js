#!/usr/bin/env node
// Start-up cost of one assessment, as a ratio to bare `node -e 0` measured in the same run.
// Usage: node bench/startup.js [runs=15]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 15);
const bin = fileURLToPath(new URL('../bin/career-risk.js', import.meta.url));
const cases = {
  'node -e 0': ['-e', '0'],
  'career-risk --version': [bin, '--version'],
  'career-risk assess (json)': [bin, 'assess', '-r', 'translator', '-s', 'entry', '-p', '4', '-a', 'none', '--format', 'json'],
  'career-risk assess (text)': [bin, 'assess', '-r', '会计', '-s', '初级', '-p', '5', '-a', '偶尔'],
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const results = {};
for (let i = 0; i < runs; i++) {
  // Interleave the cases so machine noise hits them alike.
  for (const [name, args] of Object.entries(cases)) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
    (results[name] ??= []).push(ms);
  }
}
const base = median(results['node -e 0']);
console.log(`node ${process.version}, ${runs} runs each, median wall time`);
for (const [name, times] of Object.entries(results)) {
  const m = median(times);
  console.log(`${name.padEnd(28)} ${m.toFixed(1).padStart(7)} ms   ${(m / base).toFixed(2)}× node -e 0`);
}
