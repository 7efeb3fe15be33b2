#!/usr/bin/env node
// `career-risk batch` against a passthrough of the same file (csv-parse piped into
// csv-stringify with the same options, no scoring), interleaved in one run.
// Reports rows/s, the median time ratio over RUNS runs, and peak RSS for both sizes.
// Usage: node bench/batch.js [ROWS=1000000] [RUNS=5]   (after `npm ci`)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 5);
const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const dir = here('./out/');
mkdirSync(dir, { recursive: true });

function generate(n) {
  const file = `${dir}clients-${n}.csv`;
  if (!existsSync(file)) {
    const r = spawnSync(process.execPath, [here('./generate.js'), String(n), file], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(1);
  }
  return file;
}

function timed(args) {
  const probe = `${dir}rss.txt`;
  rmSync(probe, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', here('./rss-probe.js'), ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, RSS_PROBE_FILE: probe },
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 3) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(-500)}`);
  return { seconds, rssMiB: Number(readFileSync(probe, 'utf8')) / 1024, stderr: r.stderr.toString() };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bin = here('../bin/career-risk.js');

function measure(n, times) {
  const file = generate(n);
  const batch = [];
  const pass = [];
  for (let i = 0; i < times; i++) {
    batch.push(timed([bin, 'batch', file, '--output', `${dir}results.csv`, '--errors', `${dir}rejected.csv`]));
    pass.push(timed([here('./passthrough.js'), file, `${dir}passthrough.csv`]));
  }
  const b = median(batch.map((r) => r.seconds));
  const p = median(pass.map((r) => r.seconds));
  const ratios = batch.map((r, i) => r.seconds / pass[i].seconds);
  return {
    rows: n,
    batchSeconds: b,
    passthroughSeconds: p,
    rowsPerSecond: Math.round(n / b),
    ratio: median(ratios),
    batchPeakRssMiB: Math.max(...batch.map((r) => r.rssMiB)),
    passthroughPeakRssMiB: Math.max(...pass.map((r) => r.rssMiB)),
    lastLine: batch[0].stderr.trim().split('\n').pop(),
  };
}

// The output must have the columns batch writes today (the input's own, then the result columns),
// so a change of shape fails here instead of being measured as a speed-up. Checked after timing.
async function checkColumns() {
  const { RESULT_COLUMNS } = await import(here('../dist/batch/rows.js'));
  const header = (file) => readFileSync(file, 'utf8').slice(0, 4096).replace(/^\uFEFF/, '').split(/\r?\n/)[0];
  const input = header(generate(rows)).split(',');
  const output = header(`${dir}results.csv`).split(',');
  const expected = [...input, ...RESULT_COLUMNS];
  if (output.join(',') !== expected.join(',')) throw new Error(`batch output columns ${output.join(',')}; expected ${expected.join(',')}`);
  return { input: input.length, output: output.length };
}

console.log(`node ${process.version}, ${runs} interleaved runs per size`);
const small = measure(Math.max(1, Math.round(rows / 10)), Math.max(3, Math.ceil(runs / 2)));
const big = measure(rows, runs);
const columns = await checkColumns();
console.log(`batch output: ${columns.output} columns (the input's ${columns.input}, then ${columns.output - columns.input} result columns)`);
for (const r of [small, big]) {
  console.log(
    `${String(r.rows).padStart(9)} rows: batch ${r.batchSeconds.toFixed(2)} s (${r.rowsPerSecond} rows/s), ` +
      `passthrough ${r.passthroughSeconds.toFixed(2)} s, median ratio ${r.ratio.toFixed(2)}×, ` +
      `peak RSS ${r.batchPeakRssMiB.toFixed(0)} MiB (passthrough ${r.passthroughPeakRssMiB.toFixed(0)} MiB)  [${r.lastLine}]`,
  );
}
