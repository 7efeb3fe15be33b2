// Shared by bench/startup.js and bench/catalogue-size.js: wall time of CLI processes, paired
// with bare `node -e 0` run in the same round and the same environment.
//
// The machine's environment may set NODE_EXTRA_CA_CERTS, which makes Node 20 load a CA bundle at
// start-up (~40 ms here: `node -e 0` takes ~60 ms with it, ~22 ms without). So every case runs in
// two environments: "without" (the variable removed: the yardstick the targets use) and "with"
// (the variable as set, or the system bundle when it is not set and that file exists).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const YARDSTICK = 'node -e 0';
const SYSTEM_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/** The environments to measure in: name → env. `which` is both, without or with. */
export function environments(which = 'both') {
  const { NODE_EXTRA_CA_CERTS: ca, ...without } = process.env;
  const bundle = ca ?? (existsSync(SYSTEM_BUNDLE) ? SYSTEM_BUNDLE : undefined);
  const envs = {};
  if (which !== 'with') envs.without = without;
  if (which !== 'without' && bundle) envs.with = { ...without, NODE_EXTRA_CA_CERTS: bundle };
  return { envs, bundle };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

function once(args, env, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env, cwd });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/**
 * Runs every case `runs` times in every environment, all interleaved round by round (so machine
 * noise hits them alike), after one untimed warm-up round (file cache). `cases` maps a name to
 * node's arguments. Returns, per environment and case, the median wall time and the median of the
 * per-round ratios to `node -e 0` of the same round and environment.
 */
export function measureStartup(cases, runs, envs, cwd) {
  const all = { [YARDSTICK]: ['-e', '0'], ...cases };
  const samples = {};
  for (let round = -1; round < runs; round++) {
    for (const [envName, env] of Object.entries(envs)) {
      for (const [name, args] of Object.entries(all)) {
        const ms = once(args, env, cwd);
        if (round >= 0) ((samples[envName] ??= {})[name] ??= []).push(ms);
      }
    }
  }
  const result = {};
  for (const [envName, byCase] of Object.entries(samples)) {
    const base = byCase[YARDSTICK];
    result[envName] = {};
    for (const [name, times] of Object.entries(byCase)) {
      result[envName][name] = { ms: median(times), ratio: median(times.map((t, i) => t / base[i])) };
    }
  }
  return result;
}

/** One line per case: median and paired ratio in each environment. */
export function formatStartup(result, names) {
  const envNames = Object.keys(result);
  const label = { without: 'without NODE_EXTRA_CA_CERTS', with: 'with NODE_EXTRA_CA_CERTS' };
  const width = Math.max(...names.map((n) => n.length), YARDSTICK.length) + 2;
  const lines = [`${''.padEnd(width)}${envNames.map((e) => label[e].padStart(30)).join('')}`];
  for (const name of [YARDSTICK, ...names]) {
    const cells = envNames.map((e) => {
      const r = result[e][name];
      return `${r.ms.toFixed(1).padStart(8)} ms ${r.ratio.toFixed(2).padStart(6)}×`.padStart(30);
    });
    lines.push(`${name.padEnd(width)}${cells.join('')}`);
  }
  return lines.join('\n');
}
