#!/usr/bin/env node
/**
 * The model's measured behaviour over the whole catalogue, as quoted in
 * rules/README.md ("Measured over the catalogue"): how many profiles sit at 0 or
 * 100, the neutral-profile medians of the two axes per SOC major group, and the
 * cases the 1.0 model got wrong. Run after `npm run build`:
 *   node scripts/model-measures.js            (text)
 *   node scripts/model-measures.js --json
 */
import { compileRuleBase } from '../dist/engine/compile.js';
import { loadRuleBase } from '../dist/engine/load.js';
import { evaluate } from '../dist/engine/evaluate.js';
import { AI_USAGE_LEVELS, REPETITIVENESS_LEVELS, SENIORITY_LEVELS } from '../dist/model/profile.js';

const loaded = loadRuleBase();
if (!loaded.ok) {
  console.error('rule base does not load; run `career-risk rules validate`');
  process.exit(2);
}
const rb = compileRuleBase(loaded.ruleBase);
const neutral = (occupation, over = {}) => ({ occupation, seniority: 'mid', repetitiveness: 3, aiUsage: 'occasional', ...over });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s[Math.floor((s.length - 1) / 2)];
};

let profiles = 0;
let atZero = 0;
let atHundred = 0;
for (const o of rb.occupations) {
  for (const seniority of SENIORITY_LEVELS) {
    for (const repetitiveness of REPETITIVENESS_LEVELS) {
      for (const aiUsage of AI_USAGE_LEVELS) {
        const a = evaluate(rb, { occupation: o.id, seniority, repetitiveness, aiUsage });
        profiles++;
        if (a.score === 0) atZero++;
        if (a.score === 100) atHundred++;
      }
    }
  }
}

const groups = new Map();
const readings = new Map();
for (const o of rb.occupations) {
  const a = evaluate(rb, neutral(o.id));
  const g = o.codes.soc2018.slice(0, 2);
  const entry = groups.get(g) ?? { automation: [], augmentation: [] };
  entry.automation.push(a.score);
  entry.augmentation.push(a.augmentation.score);
  groups.set(g, entry);
  const r = a.reading?.id ?? '(none)';
  readings.set(r, (readings.get(r) ?? 0) + 1);
}

const score = (id, over) => (rb.occupationById.has(id) ? evaluate(rb, neutral(id, over)).score : null);
const cases = {
  'roofer, mid, builds AI workflows': score('roofer', { aiUsage: 'builds' }),
  'roofer, neutral': score('roofer'),
  'registered nurse, entry': score('registered-nurse', { seniority: 'entry' }),
  'registered nurse, mid': score('registered-nurse'),
  'translator, entry': score('translator', { seniority: 'entry' }),
  'translator, mid': score('translator'),
  'machine-learning engineer, neutral': score('machine-learning-engineer'),
  'data scientist, neutral': score('data-scientist'),
  'software developer, entry': score('software-developer', { seniority: 'entry' }),
  'back-end developer, entry': score('back-end-developer', { seniority: 'entry' }),
};

const result = {
  profiles,
  atZero,
  atHundred,
  groups: Object.fromEntries([...groups].sort().map(([g, v]) => [g, { occupations: v.automation.length, score: median(v.automation), augmentation: median(v.augmentation) }])),
  readings: Object.fromEntries([...readings].sort()),
  cases,
};
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const lines = [`${profiles} profiles (every occupation × seniority × repetitiveness × AI use): ${atZero} score 0, ${atHundred} score 100`, '', 'SOC group  occupations  median score  median augmentation'];
  for (const [g, v] of Object.entries(result.groups)) lines.push(`${g.padEnd(9)}  ${String(v.occupations).padStart(11)}  ${String(v.score).padStart(12)}  ${String(v.augmentation).padStart(19)}`);
  lines.push('', `readings (neutral profile): ${Object.entries(result.readings).map(([k, v]) => `${k} ${v}`).join(', ')}`, '');
  for (const [k, v] of Object.entries(cases)) lines.push(`${k}: ${v}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
