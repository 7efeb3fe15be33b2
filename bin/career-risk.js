#!/usr/bin/env node
// Tiny launcher: everything lives in the compiled CLI (run `npm run build` after editing src/).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // `career-risk --version` alone is answered here, before the program loads: the same line
  // commander prints, from the same package.json.
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  await run();
}

async function run() {
  // The program is one bundled file, written by `npm run build` (scripts/bundle.js).
  const bundle = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url));
  if (!existsSync(bundle)) {
    const root = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');
    process.stderr.write(
      existsSync(new URL('../src/', import.meta.url))
        ? `career-risk: not built yet: run \`npm ci && npm run build\` in ${root} first (\`npm run build\` alone if node_modules/ is there)\n`
        : `career-risk: this copy in ${root} was installed without its build (no dist/), as an install from a git URL is: install a packed tarball instead (README, "Install")\n`,
    );
    process.exitCode = 2;
    return;
  }
  const { main } = await loadBundle(bundle);
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      // main() handles its own errors; reaching here is a bug.
      console.error(error);
      process.exitCode = 1;
    },
  );
}

/**
 * Loads the bundle with V8's code cache where one helps, so its functions are not compiled again on
 * every start. Node 22.1+: Node's own compile cache (in the OS temp folder; NODE_DISABLE_COMPILE_CACHE=1
 * turns it off). Node 20: the cache the build wrote beside the bundle (scripts/code-cache.js), which V8
 * checks against its version and the source and ignores on any mismatch. Without either, a plain require.
 */
async function loadBundle(file) {
  const { default: module } = await import('node:module');
  const require = module.createRequire(import.meta.url);
  if (module.enableCompileCache) {
    module.enableCompileCache();
    return require(file);
  }
  let cachedData;
  try {
    cachedData = readFileSync(`${file}.v8cache`);
  } catch {
    return require(file);
  }
  const vm = require('node:vm');
  const path = require('node:path');
  // The same wrapper and options as scripts/code-cache.js, which produced the cache.
  const script = new vm.Script(module.wrap(readFileSync(file, 'utf8')), {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const bundled = { exports: {} };
  script.runInThisContext().call(bundled.exports, bundled.exports, module.createRequire(file), bundled, file, path.dirname(file));
  return bundled.exports;
}
