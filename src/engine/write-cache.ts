/**
 * Build step (`npm run build`): validates the shipped rules and writes the
 * start-up cache, the role-search alias index (dist/catalogue/aliases.json) and the pinyin table
 * for input-method slips (dist/catalogue/zh-pinyin.json), and the search's occupation bags for the shipped rule
 * base (dist/catalogue/profiles.json). Invalid rules leave no cache and no bags, so the CLI reports the problems.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { writeAliasIndex } from '../catalogue/aliases.js';
import { writePinyinTable } from '../catalogue/homophones.js';
import { writeShippedProfiles } from '../catalogue/search.js';
import { CACHE_PATH, serialiseCache, stampPathOf } from './cache.js';
import { HEADLINE_TABLE_PATH, writeHeadlineTable } from './headline-table.js';
import { compileRuleBase } from './compile.js';
import { loadRuleBase } from './load.js';
import { formatProblem } from './problems.js';

writeAliasIndex();
writePinyinTable();

// A stamp vouches for the previous cache only; the first start after the build writes a new one.
rmSync(stampPathOf(CACHE_PATH), { force: true });

const result = loadRuleBase();
if (result.ok) {
  writeFileSync(CACHE_PATH, serialiseCache(result.ruleBase));
  // The search's occupation bags for the shipped rule base (uses the alias index written above).
  const rb = compileRuleBase(result.ruleBase);
  writeShippedProfiles(rb);
  // Every catalogue profile's batch headline, so batch reads it instead of scoring it (headline-table.ts).
  writeHeadlineTable(rb);
} else {
  rmSync(CACHE_PATH, { force: true });
  rmSync(HEADLINE_TABLE_PATH, { force: true });
  process.stderr.write(`warning: the shipped rules have problems; no start-up cache written:\n${result.problems.map(formatProblem).join('\n')}\n`);
}
