#!/usr/bin/env node
// Rewrites the generated evidence section of rules/README.md from the shipped rule base
// (facts per source, the rules using each, every rule resting on an assumption).
// Usage: npm run docs   (builds first). A test fails when the committed section is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { compileRuleBase } from '../dist/engine/compile.js';
import { loadRuleBase } from '../dist/engine/load.js';
import { formatProblem } from '../dist/engine/problems.js';
import { withEvidenceSection } from '../dist/report/evidence-doc.js';

const file = new URL('../rules/README.md', import.meta.url);
const loaded = loadRuleBase();
if (!loaded.ok) {
  console.error(loaded.problems.map(formatProblem).join('\n'));
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
const next = withEvidenceSection(text, compileRuleBase(loaded.ruleBase));
if (next === undefined) {
  console.error('rules/README.md has no evidence markers');
  process.exit(2);
}
writeFileSync(file, next);
console.error(next === text ? 'rules/README.md: evidence section unchanged' : 'rules/README.md: evidence section rewritten');
