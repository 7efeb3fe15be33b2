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
  // Node 22.1+: keep V8's compiled code between runs (in the OS temp folder; NODE_DISABLE_COMPILE_CACHE=1
  // turns it off). Older Node has no such cache and starts as before.
  const { default: module } = await import('node:module');
  module.enableCompileCache?.();
  const entry = new URL('../dist/cli/main.js', import.meta.url);
  let main;
  try {
    ({ main } = await import(entry.href));
  } catch (error) {
    // Only the compiled CLI itself missing means "not built": any other missing module is a real error.
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || existsSync(entry)) throw error;
    const root = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');
    process.stderr.write(
      existsSync(new URL('../src/', import.meta.url))
        ? `career-risk: not built yet: run \`npm ci && npm run build\` in ${root} first (\`npm run build\` alone if node_modules/ is there)\n`
        : `career-risk: this copy in ${root} was installed without its build (no dist/), as an install from a git URL is: install a packed tarball instead (README, "Install")\n`,
    );
    process.exitCode = 2;
    return;
  }
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
