/**
 * Golden snapshots of every output format. A change to a rule, a text or a
 * renderer shows up here as a diff to review; update with `npx vitest -u`.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/engine/evaluate.js';
import type { Lang } from '../src/i18n/index.js';
import type { Profile } from '../src/model/profile.js';
import { makeChalk } from '../src/report/color.js';
import { renderJson } from '../src/report/json.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { renderText } from '../src/report/text.js';
import { shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();

const PROFILES: [Lang, Profile][] = [
  ['en', { occupation: 'concept-artist', seniority: 'entry', repetitiveness: 4, aiUsage: 'none' }],
  ['zh', { occupation: 'concept-artist', seniority: 'senior', repetitiveness: 2, aiUsage: 'daily' }],
  ['en', { occupation: 'translator', seniority: 'mid', repetitiveness: 3, aiUsage: 'occasional' }],
  ['zh', { occupation: 'interpreter', seniority: 'senior', repetitiveness: 2, aiUsage: 'weekly' }],
  ['en', { occupation: 'editor', seniority: 'lead', repetitiveness: 3, aiUsage: 'daily' }],
  ['zh', { occupation: 'customer-service-representative', seniority: 'entry', repetitiveness: 5, aiUsage: 'none' }],
  ['en', { occupation: 'call-centre-agent', seniority: 'intern', repetitiveness: 5, aiUsage: 'occasional' }],
  ['zh', { occupation: 'operations-specialist', seniority: 'mid', repetitiveness: 4, aiUsage: 'weekly' }],
  ['en', { occupation: 'sales-representative', seniority: 'senior', repetitiveness: 3, aiUsage: 'none' }],
  ['zh', { occupation: 'accountant', seniority: 'entry', repetitiveness: 5, aiUsage: 'occasional' }],
  ['en', { occupation: 'machine-learning-engineer', seniority: 'senior', repetitiveness: 1, aiUsage: 'builds' }],
  ['zh', { occupation: 'ai-data-annotator', seniority: 'entry', repetitiveness: 5, aiUsage: 'daily' }],
  ['en', { occupation: 'elderly-care-worker', seniority: 'mid', repetitiveness: 3, aiUsage: 'none' }],
  ['zh', { occupation: 'research-assistant', seniority: 'entry', repetitiveness: 4, aiUsage: 'weekly' }],
  ['en', { occupation: 'investment-banking-analyst', seniority: 'entry', repetitiveness: 4, aiUsage: 'weekly' }],
  ['zh', { occupation: 'software-developer', seniority: 'intern', repetitiveness: 3, aiUsage: 'daily' }],
  ['en', { occupation: 'data-scientist', seniority: 'mid', repetitiveness: 2, aiUsage: 'builds' }],
  ['zh', { occupation: 'prompt-engineer', seniority: 'entry', repetitiveness: 3, aiUsage: 'builds' }],
  ['en', { occupation: 'product-manager', seniority: 'lead', repetitiveness: 2, aiUsage: 'weekly' }],
  ['zh', { occupation: 'physician', seniority: 'senior', repetitiveness: 2, aiUsage: 'occasional' }],
  ['en', { occupation: 'electrician', seniority: 'executive', repetitiveness: 1, aiUsage: 'none' }],
  ['zh', { occupation: 'graphic-designer', seniority: 'mid', repetitiveness: 4, aiUsage: 'occasional' }],
  // Low exposure: the report says nothing moves the estimate much and shows what helps.
  ['zh', { occupation: 'roofer', seniority: 'mid', repetitiveness: 3, aiUsage: 'occasional' }],
  ['en', { occupation: 'truck-driver', seniority: 'entry', repetitiveness: 4, aiUsage: 'none' }],
];

const noColor = makeChalk(0);

describe('golden reports', () => {
  PROFILES.forEach(([lang, profile], i) => {
    const name = `${String(i + 1).padStart(2, '0')}-${profile.occupation}-${lang}`;
    const a = evaluate(rb, profile);
    const explain = i % 4 === 0;

    it(`${name} text`, async () => {
      await expect(renderText(a, { rb, lang, explain, chalk: noColor, width: 100 })).toMatchFileSnapshot(`__golden__/${name}.txt`);
    });
    it(`${name} json`, async () => {
      await expect(renderJson(a, rb, lang)).toMatchFileSnapshot(`__golden__/${name}.json`);
    });
    it(`${name} md`, async () => {
      await expect(renderMarkdown(a, rb, lang, explain)).toMatchFileSnapshot(`__golden__/${name}.md`);
    });
  });
});
