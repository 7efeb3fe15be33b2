import { describe, expect, it } from 'vitest';
import { resolveRole, searchRoles } from '../src/catalogue/search.js';
import { shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();
const resolved = (q: string) => {
  const r = resolveRole(rb, q);
  return r.kind === 'match' ? r.occupation.id : r.kind;
};

describe('resolveRole', () => {
  it.each([
    ['translator', 'translator'],
    ['Translator', 'translator'],
    ['  translator  ', 'translator'],
    ['笔译员', 'translator'],
    ['翻译', 'translator'],
    ['原画师', 'concept-artist'],
    ['客服', 'customer-service-representative'],
    ['CSR', 'customer-service-representative'],
    ['算法工程师', 'machine-learning-engineer'],
    ['15-1252', 'software-developer'],
    ['soc:15-1252', 'software-developer'],
    ['isco:2643', 'translator'],
    ['23-2099', 'ambiguous'],
    ['23-1011', 'lawyer'],
    ['isco:2211', 'physician'],
    ['SDE', 'software-developer'],
    ['养老护理员', 'elderly-care-worker'],
    ['电工', 'electrician'],
  ])('%s → %s', (query, expected) => {
    expect(resolved(query)).toBe(expected);
  });

  it('accepts a clear typo by fuzzy search and says so', () => {
    const r = resolveRole(rb, 'sofware developer');
    expect(r.kind === 'match' && r.how).toBe('search');
    expect(r.kind === 'match' && r.occupation.id).toBe('software-developer');
  });

  it('lists candidates instead of guessing when a code covers several roles', () => {
    const r = resolveRole(rb, '23-2099');
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous') expect(r.candidates.map((o) => o.id)).toEqual(['patent-agent', 'notary', 'trademark-agent']);
  });

  it('resolves a shared code to the entry marked primary for that code system', () => {
    expect(resolved('43-4051')).toBe('customer-service-representative');
    expect(resolved('isco:4222')).toBe('call-centre-agent');
  });

  it('suggests the closest roles when free text has no unique match', () => {
    const r = resolveRole(rb, 'designer');
    expect(r.kind).toBe('none');
    if (r.kind === 'none') {
      expect(r.suggestions.length).toBeGreaterThan(1);
      expect(r.suggestions.every((o) => /designer/i.test(o.title.en))).toBe(true);
    }
  });

  it('returns no suggestions for an unknown code', () => {
    expect(resolveRole(rb, '99-9999')).toEqual({ kind: 'none', suggestions: [] });
  });

  it('does not match gibberish confidently', () => {
    expect(resolveRole(rb, 'qwxzv plorb').kind).toBe('none');
  });
});

describe('searchRoles', () => {
  it('ranks exact title and alias matches first', () => {
    expect(searchRoles(rb, 'accountant')[0]?.occupation.id).toBe('accountant');
    expect(searchRoles(rb, '会计')[0]?.occupation.id).toBe('accountant');
  });

  it('finds roles by Chinese fragments', () => {
    expect(searchRoles(rb, '原画').map((h) => h.occupation.id)).toContain('concept-artist');
  });

  it('returns the catalogue in order for an empty query', () => {
    expect(searchRoles(rb, '', 3).map((h) => h.occupation.id)).toEqual(rb.occupations.slice(0, 3).map((o) => o.id));
  });

  it('is deterministic', () => {
    expect(searchRoles(rb, 'engineer', 20)).toEqual(searchRoles(rb, 'engineer', 20));
  });
});
