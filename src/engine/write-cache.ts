/**
 * Build step (`npm run build`): validates the shipped rules and writes the
 * start-up cache. Invalid rules leave no cache, so the CLI reports the problems.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { CACHE_PATH, serialiseCache } from './cache.js';
import { loadRuleBase } from './load.js';
import { formatProblem } from './problems.js';

const result = loadRuleBase();
if (result.ok) {
  writeFileSync(CACHE_PATH, serialiseCache(result.ruleBase));
} else {
  rmSync(CACHE_PATH, { force: true });
  process.stderr.write(`warning: the shipped rules have problems; no start-up cache written:\n${result.problems.map(formatProblem).join('\n')}\n`);
}
