import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_END, EVIDENCE_START, evidenceSection } from '../src/report/evidence-doc.js';
import { shippedRuleBase } from './helpers.js';

describe('rules/README.md evidence section', () => {
  it('is the one generated from the shipped rule base (run `npm run docs` after changing rules)', () => {
    const text = readFileSync(new URL('../rules/README.md', import.meta.url), 'utf8');
    const start = text.indexOf(EVIDENCE_START);
    const end = text.indexOf(EVIDENCE_END);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(text.slice(start, end + EVIDENCE_END.length)).toBe(evidenceSection(shippedRuleBase()));
  });

  it('lists every rule that rests on an assumption, with its value', () => {
    const rb = shippedRuleBase();
    const section = evidenceSection(rb);
    for (const f of rb.factors.filter((x) => x.assumption)) expect(section).toContain(`| \`${f.id}\` | odds ×${f.odds}${f.uncertainty ? ` ± ${f.uncertainty}` : ''}`);
    for (const c of rb.taskCategories.values()) {
      for (const axis of ['automation', 'augmentation'] as const) {
        const p = c[axis];
        if (p.assumption) expect(section).toContain(`| \`task:${c.id}\` | ${axis} ${p.potential} ± ${p.uncertainty} |`);
      }
    }
  });
});
