// Writes dist/bundle/cli.cjs.v8cache: V8's code cache for the bundle, taken after a few typical
// commands ran in this process, so it holds the functions they compiled as well as the top level.
// bin/career-risk.js hands it to V8 on Node 20 (Node 22.1+ keeps its own compile cache instead).
// V8 checks the cache against its version, its flags and the source, and ignores it on any
// mismatch: a cache from another Node version, or a stale one, costs a file read and nothing else.
// Run by scripts/bundle.js with stdout discarded (the commands below print their reports).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const file = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url));
// The same wrapper and options as bin/career-risk.js, so the cache matches what it compiles.
const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), {
  filename: file,
  importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
const bundle = { exports: {} };
script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(file), bundle, file, dirname(file));

// Commands whose code most starts need: a JSON and a text report (English and Chinese), a search.
const warm = [
  ['assess', '-r', 'translator', '-s', 'entry', '-p', '4', '-a', 'none', '--format', 'json', '--lang', 'en'],
  ['assess', '-r', '会计', '-s', '初级', '-p', '5', '-a', '偶尔', '--lang', 'zh', '--no-color'],
  ['roles', 'translator', '--lang', 'en'],
];
for (const args of warm) {
  const code = await bundle.exports.main(['node', 'career-risk', ...args]);
  if (code !== 0) throw new Error(`scripts/code-cache.js: career-risk ${args.join(' ')} exited ${code}`);
}
const out = `${file}.v8cache`;
writeFileSync(`${out}.tmp`, script.createCachedData());
renameSync(`${out}.tmp`, out);
