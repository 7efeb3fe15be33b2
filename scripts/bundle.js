// Build step after `tsc`: bundles the compiled CLI (dist/cli/main.js) into one CommonJS file,
// dist/bundle/cli.cjs, which bin/career-risk.js loads, and writes a V8 code cache for it
// (dist/bundle/cli.cjs.v8cache, see scripts/code-cache.js). One file instead of about 75 spares
// module resolution and file reads on every start; see bench/README.md, "Start-up".
//
// What stays out of the bundle: yaml, zod, csv-parse, csv-stringify and iconv-lite. They load only
// for rule packs, validation and batch, all provide a CommonJS build, and stay shared with the
// tsc output that scripts and benchmarks import. Everything else (commander, chalk, cli-table3,
// @inquirer/prompts, which is ESM-only) is inlined.
//
// Paths: the sources find their data with `new URL('../x', import.meta.url)` from a folder one
// level under dist/ (dist/engine, dist/catalogue …); the bundle sits one level under dist/ too,
// and every `import.meta.url` in it is the bundle's own URL, so the same relative paths hold.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}dist/bundle/cli.cjs`;

/**
 * commander requires node:child_process (and through it node:net and node:stream) when it loads,
 * for executable subcommands, which career-risk does not have. This stand-in loads the real module
 * on first use, so a start that never spawns does not pay for it (about 10% of `--help`).
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'career-risk' } : undefined,
    );
    b.onLoad({ filter: /^lazy-child-process$/, namespace: 'career-risk' }, () => ({
      contents:
        "let real; const load = () => (real ??= require('node:child_process'));\n" +
        'module.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });\n',
      loader: 'js',
    }));
  },
};

rmSync(`${root}dist/bundle`, { recursive: true, force: true });
await build({
  entryPoints: [`${root}dist/cli/main.js`],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['yaml', 'zod', 'csv-parse', 'csv-parse/*', 'csv-stringify', 'csv-stringify/*', 'iconv-lite'],
  // One URL for every module: the bundle's own (see the note on paths above).
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__bundleUrl' },
  plugins: [lazyChildProcess],
  legalComments: 'inline',
  logLevel: 'warning',
});

// The code cache is produced by running the bundle in a child process; what the commands print
// is shown only when it fails.
const cache = spawnSync(process.execPath, [`${root}scripts/code-cache.js`], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
if (cache.status !== 0) {
  console.error(`${cache.stderr}scripts/bundle.js: writing the code cache failed (exit ${cache.status ?? cache.signal})`);
  process.exit(1);
}
