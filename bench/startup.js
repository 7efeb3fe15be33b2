#!/usr/bin/env node
// Start-up cost of one CLI run, as a ratio to bare `node -e 0` measured in the same round: the
// median of the per-round (paired) ratios, and the median wall time. Every case runs both without
// NODE_EXTRA_CA_CERTS (the yardstick the targets use; ~22 ms here) and with it (the machine's
// default here; ~60 ms), so both ratios are shown (see bench/startup-timing.js).
// Cases: --version, --help, assess --format json, assess as text (a Chinese role), roles <query>.
// Usage: node bench/startup.js [runs=15] [--env both|without|with]
import { fileURLToPath } from 'node:url';
import { environments, formatStartup, measureStartup } from './startup-timing.js';

const args = process.argv.slice(2);
const envAt = args.indexOf('--env');
const which = envAt >= 0 ? args.splice(envAt, 2)[1] : 'both';
if (!['both', 'without', 'with'].includes(which)) throw new Error(`--env: both, without or with, not ${which}`);
const runs = Number(args[0] ?? 15);
const bin = fileURLToPath(new URL('../bin/career-risk.js', import.meta.url));
const cases = {
  'career-risk --version': [bin, '--version'],
  'career-risk --help': [bin, '--help'],
  'career-risk assess … --format json': [bin, 'assess', '-r', 'translator', '-s', 'entry', '-p', '4', '-a', 'none', '--format', 'json'],
  'career-risk assess … (text, Chinese role)': [bin, 'assess', '-r', '会计', '-s', '初级', '-p', '5', '-a', '偶尔'],
  'career-risk roles translator': [bin, 'roles', 'translator'],
};

const { envs, bundle } = environments(which);
const result = measureStartup(cases, runs, envs);
console.log(`node ${process.version}, ${runs} rounds (cases interleaved), median wall time and median paired ratio; CA bundle: ${bundle ?? 'none'}`);
console.log(formatStartup(result, Object.keys(cases)));
