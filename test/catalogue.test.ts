import { describe, expect, it } from 'vitest';
import { SOC_MAJOR_GROUPS } from '../src/catalogue/groups.js';
import { ID_PATTERN } from '../src/engine/schema.js';
import { shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();

/** Roles the source documents name; each must be in the catalogue. */
const NAMED_BY_SOURCES = [
  'concept-artist',
  'illustrator',
  'graphic-designer',
  'translator',
  'interpreter',
  'editor',
  'customer-service-representative',
  'call-centre-agent',
  'operations-specialist',
  'sales-representative',
  'business-development-specialist',
  'accountant',
  'machine-learning-engineer',
  'ai-data-annotator',
  'elderly-care-worker',
  'research-assistant',
  'investment-banking-analyst',
  'software-developer',
  'data-scientist',
  'prompt-engineer',
  'product-manager',
  'physician',
];

describe('occupation catalogue', () => {
  it('has at least 150 occupations', () => {
    expect(rb.occupations.length).toBeGreaterThanOrEqual(150);
  });

  it('spans every non-military SOC major group', () => {
    const groups = new Set(rb.occupations.map((o) => o.codes.soc2018.slice(0, 2)));
    expect([...groups].sort()).toEqual(Object.keys(SOC_MAJOR_GROUPS).sort());
  });

  it('includes every role the sources name', () => {
    for (const id of NAMED_BY_SOURCES) expect(rb.occupationById.has(id), id).toBe(true);
  });

  it('gives every entry a kebab-case id, both titles, aliases in both languages and well-formed codes', () => {
    for (const o of rb.occupations) {
      expect(o.id).toMatch(ID_PATTERN);
      expect(o.title.en.trim()).not.toBe('');
      expect(o.title.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(o.aliases.en.length, o.id).toBeGreaterThanOrEqual(1);
      expect(o.aliases.zh.length, o.id).toBeGreaterThanOrEqual(1);
      expect(o.codes.isco08).toMatch(/^[1-9]\d{3}$/);
      expect(o.codes.soc2018).toMatch(/^(1[1-9]|[2-5]\d)-\d{4}$/);
      expect(Object.values(o.tasks).reduce((s, n) => s + n, 0), o.id).toBe(100);
    }
  });

  it('has unique ids and titles', () => {
    const ids = rb.occupations.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    const zh = rb.occupations.map((o) => o.title.zh);
    expect(new Set(zh).size).toBe(zh.length);
  });
});
