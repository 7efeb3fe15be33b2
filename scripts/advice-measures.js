#!/usr/bin/env node
/**
 * How the advice fits the catalogue, as quoted in rules/README.md ("Advice over the
 * catalogue") and kept by test/advice-measures.test.ts. Run after `npm run build`:
 *   node scripts/advice-measures.js          (neutral profile and the whole grid)
 *   node scripts/advice-measures.js --quick  (neutral profile only)
 *   node scripts/advice-measures.js --json
 *   node scripts/advice-measures.js --pack DIR   (measure with a rule pack layered on; repeatable)
 */
import { compileRuleBase } from '../dist/engine/compile.js';
import { loadRuleBase } from '../dist/engine/load.js';
import { measureAdvice } from '../dist/engine/advice-measures.js';

const args = process.argv.slice(2);
const packs = args.flatMap((a, i) => (a === '--pack' && args[i + 1] ? [args[i + 1]] : []));
const loaded = loadRuleBase({ packs });
if (!loaded.ok) {
  console.error('rule base does not load; run `career-risk rules validate`');
  process.exit(2);
}
const m = measureAdvice(compileRuleBase(loaded.ruleBase), { grid: !args.includes('--quick') });
if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify(m, null, 2)}\n`);
  process.exit(0);
}
const out = [];
out.push(`occupations: ${m.occupations}`);
out.push(`neutral profile: ${m.distinctFirst} different first advice items; most frequent:`);
for (const s of m.neutralFirst.slice(0, 8)) out.push(`  ${s.id}: ${s.count} (${s.percent}%)`);
out.push(`neutral profile: ${m.withoutWorkAdvice.length} occupations shown no advice for their kind of work${m.withoutWorkAdvice.length ? `: ${m.withoutWorkAdvice.slice(0, 20).join(', ')}${m.withoutWorkAdvice.length > 20 ? ' …' : ''}` : ''}`);
out.push(`neutral profile: ${m.lowLever} occupations where nothing moves the estimate much`);
out.push(`SOC major groups with no advice naming them: ${m.groupsWithoutAdvice.length ? m.groupsWithoutAdvice.join(', ') : 'none'}`);
if (m.worstProfile) {
  const w = m.worstProfile;
  out.push(`grid (${m.grid.length} profiles): largest first-advice share ${w.top.id} ${w.top.count} (${w.top.percent}%) at ${w.seniority}, repetitiveness ${w.repetitiveness}, AI use ${w.aiUsage}`);
}
process.stdout.write(`${out.join('\n')}\n`);
