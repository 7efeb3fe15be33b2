#!/usr/bin/env node
// Chooses the role-search confidence thresholds (CONFIDENCE in src/catalogue/search.ts), English and
// Chinese apart, on check sets only: the `check` half of the O*NET (English) or 大典 (Chinese) benchmark and
// the earlier blind set of that language (test/fixtures/role-queries-holdout.yaml), which is closer to
// what people type. Never on the `tune` halves the search was changed on, nor on the job-board hold-out.
//
// For each triple (minimum similarity, lead over the best hit with another SOC code, resemblance to a
// name) it counts right and wrong matches on each check set, and the no-match queries of the committed and
// earlier blind sets that would be matched. It picks the triple with the best mean over the two check sets
// of (right − WRONG_COST × wrong) as shares, among triples that match none of the no-match queries; ties go
// to the stricter. WRONG_COST is 1, not more, although a wrong match misleads more than a refusal (which
// offers suggestions) helps: the benchmarks' labels are coarse, and most "wrong" matches are right to a
// reader (of 21 evenly spaced wrong matches on the 大典 tune half, 18 named the job the title names, e.g.
// 项目经理 → Project Manager where the label is 4-07-02-03); a harsher cost would refuse right answers.
// Usage: node bench/role-thresholds.js   (after `npm ci`; reads only committed files and dist/)
import { readShippedFromCache } from '../dist/engine/cache.js';
import { compileRuleBase } from '../dist/engine/compile.js';
import { loadRuleBase } from '../dist/engine/load.js';
import { CONFIDENCE, prepareResolution } from '../dist/catalogue/search.js';
import { roleSets } from './role-sets.js';

const rb = compileRuleBase(readShippedFromCache() ?? loadRuleBase().ruleBase);
const sets = roleSets(rb);
const find = (key) => sets.find((s) => s.key === key);

const grid = [];
for (let m = 0.4; m <= 0.951; m += 0.05) {
  for (let l = 0; l <= 0.301; l += 0.025) {
    for (let r = 0.3; r <= 0.801; r += 0.05) grid.push({ minimum: Number(m.toFixed(2)), lead: Number(l.toFixed(3)), resemblance: Number(r.toFixed(2)) });
  }
}
const WRONG_COST = 1;
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const same = (a, b) => a.minimum === b.minimum && a.lead === b.lead && a.resemblance === b.resemblance;

for (const [lang, benchmark] of [['en', 'onet'], ['zh', 'csco']]) {
  const checkSets = [
    { name: `${benchmark} check half`, cases: find(benchmark).cases.filter((c) => c.half === 'check') },
    { name: 'earlier blind set', cases: find(`blind-${lang}`).cases.filter((c) => c.hit) },
  ];
  const negatives = [find(`fixture-${lang}`), find(`blind-${lang}`)].flatMap((s) => s.cases.filter((c) => !c.hit));
  const prepared = checkSets.map((s) => s.cases.map((c) => ({ c, finish: prepareResolution(rb, c.q) })));
  const preparedNegatives = negatives.map((c) => ({ c, finish: prepareResolution(rb, c.q) }));
  const as = (confidence) => ({ ...CONFIDENCE, [lang]: confidence });
  const results = grid.map((confidence) => {
    const per = prepared.map((list) => {
      let right = 0;
      let wrong = 0;
      for (const { c, finish } of list) {
        const r = finish(as(confidence));
        if (r.kind !== 'match') continue;
        if (c.hit(r.occupation)) right++;
        else wrong++;
      }
      return { right: right / list.length, wrong: wrong / list.length };
    });
    const leaks = preparedNegatives.filter(({ finish }) => finish(as(confidence)).kind === 'match').map(({ c }) => c.q);
    const utility = per.reduce((s, x) => s + x.right - WRONG_COST * x.wrong, 0) / per.length;
    return { confidence, per, leaks, utility };
  });
  const line = (r) =>
    `minimum ${r.confidence.minimum.toFixed(2)} lead ${r.confidence.lead.toFixed(3)} resemblance ${r.confidence.resemblance.toFixed(2)}: ` +
    `right ${r.per.map((x) => pct(x.right)).join(' / ')}, wrong ${r.per.map((x) => pct(x.wrong)).join(' / ')}, ` +
    `no-match queries matched ${r.leaks.length}${r.leaks.length ? ` (${r.leaks.slice(0, 4).join(', ')})` : ''}`;
  const allowed = results.filter((r) => r.leaks.length === 0);
  allowed.sort(
    (a, b) =>
      b.utility - a.utility ||
      b.confidence.minimum - a.confidence.minimum ||
      b.confidence.lead - a.confidence.lead ||
      b.confidence.resemblance - a.confidence.resemblance,
  );
  console.log(`${lang}: check sets ${checkSets.map((s) => `${s.name} ${s.cases.length}`).join(', ')}; ${negatives.length} no-match queries`);
  console.log('  best five (mean over the check sets of right − WRONG_COST × wrong, no no-match query matched); right and wrong per check set:');
  for (const r of allowed.slice(0, 5)) console.log(`    ${line(r)}`);
  const current = results.find((r) => same(r.confidence, CONFIDENCE[lang]));
  console.log(`  in use: ${current ? line(current) : `${JSON.stringify(CONFIDENCE[lang])} (not on the grid)`}`);
  console.log(`  ${grid.length} triples tried, ${results.length - allowed.length} of them match some no-match query`);
}
