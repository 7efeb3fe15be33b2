#!/usr/bin/env node
// `career-risk batch` against a passthrough of the same file (bench/passthrough.js: csv-parse
// piped into csv-stringify with batch's own options, no scoring), the two interleaved run by run.
// For each file size it reports the median batch time and rows/s, the median of the per-pair time
// ratios (and their range), peak RSS of both (the child's own maxRSS, via bench/rss-probe.js),
// output bytes per row, and the sha256 of the input and of the output (so a change can be checked
// to leave the output byte-identical).
//
// Usage (after `npm ci`; files go to bench/out/, which git ignores):
//   node bench/batch.js [ROWS=1000000] [RUNS=5] [options]
//     With no --rows: the sizes ROWS/10 (max(3, RUNS/2) runs) and ROWS (RUNS runs), as before.
//   --workload mixed|hard|free-text   the generated input (bench/generate.js; default mixed)
//   --format csv|jsonl|json           batch's output format (default csv); the passthrough always writes CSV
//   --compact                         pass --compact to batch (JSONL/JSON rows with the result columns only)
//   --rules PATH                      a rule pack for batch (and for the generator's catalogue); repeatable
//   --rows 200000,1000000,2000000     the file sizes to measure
//   --runs 5,3,1                      runs per size, one number for all or one per size
//   --plain                           the audit's plain passthrough (`bench/passthrough.js --plain`)
//   --sha                             byte-identity check only: one batch run per size, no passthrough;
//                                     prints the sha256 of the input, output, errors file and stderr
// Examples:
//   node bench/batch.js 100000 3
//   node bench/batch.js --workload hard --rows 200000,1000000,2000000 --runs 5,3,1
//   node bench/batch.js --workload hard --rules examples/rule-pack --rows 200000 --runs 5
//   node bench/batch.js --workload hard --format jsonl --rows 200000 --runs 3
//   node bench/batch.js --workload free-text --rows 10000,50000 --runs 3,1
//   node bench/batch.js --workload hard --rows 200000,1000000 --sha
import { spawnSync } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const dir = here('./out/');
const bin = here('../bin/career-risk.js');

function parseArgs(argv) {
  const o = { workload: 'mixed', format: 'csv', rules: [], rows: undefined, runs: undefined, plain: false, sha: false, compact: false, positional: [] };
  const list = (v) => v.split(',').map((x) => Number(x.replace(/_/g, '')));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--workload') o.workload = argv[++i];
    else if (a === '--format') o.format = argv[++i];
    else if (a === '--rules') o.rules.push(argv[++i]);
    else if (a === '--rows') o.rows = list(argv[++i]);
    else if (a === '--runs') o.runs = list(argv[++i]);
    else if (a === '--plain') o.plain = true;
    else if (a === '--sha') o.sha = true;
    else if (a === '--compact') o.compact = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else o.positional.push(Number(a.replace(/_/g, '')));
  }
  if (!['mixed', 'hard', 'free-text'].includes(o.workload)) throw new Error(`--workload: mixed, hard or free-text, not ${o.workload}`);
  if (!['csv', 'jsonl', 'json'].includes(o.format)) throw new Error(`--format: csv, jsonl or json, not ${o.format}`);
  const [rows = 1_000_000, runs = 5] = o.positional;
  let sizes = o.rows;
  let counts = o.runs ?? [runs];
  if (!sizes) {
    // The original behaviour: a tenth of the size with about half the runs, then the size.
    sizes = [Math.max(1, Math.round(rows / 10)), rows];
    if (!o.runs) counts = [Math.max(3, Math.ceil(runs / 2)), runs];
  }
  if (counts.length === 1) counts = sizes.map(() => counts[0]);
  if (counts.length !== sizes.length) throw new Error('--runs: one number, or one per size in --rows');
  if (![...sizes, ...counts].every((n) => Number.isInteger(n) && n >= 1)) throw new Error('sizes and run counts must be positive integers');
  return { ...o, sizes, counts };
}

const opts = parseArgs(process.argv.slice(2));
mkdirSync(dir, { recursive: true });
const packArgs = opts.rules.flatMap((r) => ['--rules', r]);
const ext = { csv: 'csv', jsonl: 'jsonl', json: 'json' }[opts.format];
const resultsFile = `${dir}results.${ext}`;
const errorsFile = `${dir}rejected.csv`;

function sha256File(file) {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
  closeSync(fd);
  return hash.digest('hex');
}

/** The input file, regenerated on every invocation (a few seconds), so it always follows the catalogue. */
function generate(n) {
  const tag = opts.rules.length > 0 ? `-pack-${createHash('sha256').update(opts.rules.join('\0')).digest('hex').slice(0, 8)}` : '';
  const file = opts.workload === 'mixed' ? `${dir}clients-${n}${tag}.csv` : `${dir}${opts.workload}-${n}${tag}.csv`;
  const r = spawnSync(process.execPath, [here('./generate.js'), String(n), file, '--workload', opts.workload, ...packArgs], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
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
  return { seconds, rssMiB: Number(readFileSync(probe, 'utf8')) / 1024, stderr: r.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const batchRun = (file) => {
  // No stale file may stand in for one batch did not write.
  rmSync(resultsFile, { force: true });
  rmSync(errorsFile, { force: true });
  return timed(batchArgs(file));
};
const batchArgs = (file) => [bin, 'batch', file, '--format', opts.format, '--output', resultsFile, '--errors', errorsFile, ...packArgs, ...(opts.compact ? ['--compact'] : [])];
const passArgs = (file) => [here('./passthrough.js'), file, `${dir}passthrough.csv`, ...(opts.plain ? ['--plain'] : [])];
const lastLine = (stderr) => stderr.toString().trim().split('\n').pop();

function measure(n, times) {
  const file = generate(n);
  const input = sha256File(file);
  const batch = [];
  const pass = [];
  let output;
  const sizes = [];
  for (let i = 0; i < times; i++) {
    batch.push(batchRun(file));
    sizes.push(statSync(resultsFile).size);
    // Hashing a multi-GB JSON file costs seconds: the first run's output is hashed, the others compared by size.
    if (i === 0) output = sha256File(resultsFile);
    pass.push(timed(passArgs(file)));
  }
  const ratios = batch.map((r, i) => r.seconds / pass[i].seconds);
  const b = median(batch.map((r) => r.seconds));
  return {
    rows: n,
    runs: times,
    batchSeconds: b,
    passthroughSeconds: median(pass.map((r) => r.seconds)),
    rowsPerSecond: Math.round(n / b),
    microsPerRow: (b * 1e6) / n,
    ratio: median(ratios),
    ratioMin: Math.min(...ratios),
    ratioMax: Math.max(...ratios),
    batchPeakRssMiB: Math.max(...batch.map((r) => r.rssMiB)),
    passthroughPeakRssMiB: Math.max(...pass.map((r) => r.rssMiB)),
    bytesPerRow: sizes[0] / n,
    sameSize: sizes.every((s) => s === sizes[0]),
    file,
    input,
    output,
    lastLine: lastLine(batch[0].stderr),
  };
}

// The CSV output must have the columns batch writes today (the input's own, then the result columns),
// so a change of shape fails here instead of being measured as a speed-up. Checked after timing.
async function checkColumns(file) {
  let RESULT_COLUMNS;
  try {
    ({ RESULT_COLUMNS } = await import(here('../dist/batch/rows.js')));
  } catch {
    return 'columns not checked (dist/batch/rows.js exports no RESULT_COLUMNS)';
  }
  if (!RESULT_COLUMNS) return 'columns not checked (dist/batch/rows.js exports no RESULT_COLUMNS)';
  const header = (file) => {
    // The first 64 KiB only: the output can be larger than the longest string V8 can hold.
    const fd = openSync(file, 'r');
    const buffer = Buffer.alloc(1 << 16);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    closeSync(fd);
    return buffer.toString('utf8', 0, n).replace(/^\uFEFF/, '').split(/\r?\n/)[0];
  };
  const input = header(file).split(',');
  const output = header(resultsFile).split(',');
  const expected = [...input, ...RESULT_COLUMNS];
  if (output.join(',') !== expected.join(',')) throw new Error(`batch output columns ${output.join(',')}; expected ${expected.join(',')}`);
  return `batch output: ${output.length} columns (the input's ${input.length}, then ${output.length - input.length} result columns)`;
}

const what = `workload ${opts.workload}, --format ${opts.format}${opts.rules.map((r) => `, --rules ${r}`).join('')}`;
if (opts.sha) {
  // Byte-identity check: one batch run per size; compare these lines before and after a change.
  console.log(`node ${process.version}, ${what}: sha256 of one batch run per size`);
  for (const n of opts.sizes) {
    const file = generate(n);
    const r = batchRun(file);
    const errors = existsSync(errorsFile) ? sha256File(errorsFile) : '-';
    const stderr = createHash('sha256').update(r.stderr).digest('hex');
    console.log(`${String(n).padStart(9)} rows: input ${sha256File(file)}`);
    console.log(`${''.padStart(15)}output ${sha256File(resultsFile)} (${statSync(resultsFile).size} bytes)`);
    console.log(`${''.padStart(15)}errors ${errors}  stderr ${stderr}  [${lastLine(r.stderr)}]`);
  }
} else {
  console.log(`node ${process.version}, ${what}, passthrough ${opts.plain ? '--plain' : '(batch options)'}; interleaved runs per size: ${opts.counts.join(', ')}`);
  // Each size is printed as soon as it is measured, so a late failure loses nothing.
  const results = [];
  opts.sizes.forEach((n, i) => {
    const r = measure(n, opts.counts[i]);
    results.push(r);
    // The cost of the rows added since the previous size, without the fixed start-up: how cost grows.
    const prev = results[i - 1];
    const marginal = prev ? `, ${(((r.batchSeconds - prev.batchSeconds) * 1e6) / (r.rows - prev.rows)).toFixed(1)} µs/row over the previous size` : '';
    console.log(
      `${String(r.rows).padStart(9)} rows ×${r.runs}: batch ${r.batchSeconds.toFixed(2)} s (${r.rowsPerSecond} rows/s, ${r.microsPerRow.toFixed(1)} µs/row${marginal}), ` +
        `passthrough ${r.passthroughSeconds.toFixed(2)} s, median ratio ${r.ratio.toFixed(2)}× (${r.ratioMin.toFixed(2)}–${r.ratioMax.toFixed(2)}), ` +
        `peak RSS ${r.batchPeakRssMiB.toFixed(0)} MiB (passthrough ${r.passthroughPeakRssMiB.toFixed(0)} MiB), ` +
        `output ${r.bytesPerRow.toFixed(0)} bytes/row${r.sameSize ? '' : ' (OUTPUT SIZE VARIED BETWEEN RUNS)'}  [${r.lastLine}]`,
    );
    console.log(`${''.padStart(9)}       input sha256 ${r.input}, output sha256 ${r.output}`);
  });
  if (opts.format === 'csv') console.log(await checkColumns(results[results.length - 1].file));
}
