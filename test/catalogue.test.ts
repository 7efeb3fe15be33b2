import { describe, expect, it } from 'vitest';
import { SOC_MAJOR_GROUPS } from '../src/catalogue/groups.js';
import { ID_PATTERN } from '../src/engine/schema.js';
import { NAMED_BY_SOURCES, shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();

describe('occupation catalogue', () => {
  it('has at least 400 occupations', () => {
    expect(rb.occupations.length).toBeGreaterThanOrEqual(400);
  });

  it('spans every non-military ISCO-08 major group', () => {
    const groups = new Set(rb.occupations.map((o) => o.codes.isco08[0]));
    expect([...groups].sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('includes the large-employment occupations of the US and China', () => {
    for (const id of [
      'cashier', 'retail-salesperson', 'fast-food-worker', 'waiter', 'cook', 'truck-driver', 'ride-hailing-driver', 'delivery-rider',
      'courier', 'assembly-line-worker', 'construction-laborer', 'primary-school-teacher', 'registered-nurse', 'office-clerk',
      'customer-service-representative', 'e-commerce-operations-specialist', 'new-media-operations-specialist', 'warehouse-picker-packer',
    ]) {
      expect(rb.occupationById.has(id), id).toBe(true);
    }
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
      expect(o.aliases.en.length, o.id).toBeGreaterThanOrEqual(2);
      expect(o.aliases.zh.length, o.id).toBeGreaterThanOrEqual(2);
      expect(o.description.en.length, o.id).toBeGreaterThan(10);
      expect(o.description.zh, o.id).toMatch(/[\u4e00-\u9fff]/);
      expect(o.codes.isco08).toMatch(/^[1-9]\d{3}$/);
      expect(o.codes.soc2018).toMatch(/^(1[1-9]|[2-5]\d)-\d{4}$/);
      expect(Object.values(o.tasks).reduce((s, n) => s + n, 0), o.id).toBe(100);
    }
  });

  it('never gives two occupations the same title or alias', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const o of rb.occupations) {
      for (const name of new Set([o.title.en, o.title.zh, ...o.aliases.en, ...o.aliases.zh].map((n) => n.normalize('NFKC').trim().toLowerCase()))) {
        const other = owner.get(name);
        if (other !== undefined && other !== o.id) clashes.push(`${name}: ${other}, ${o.id}`);
        owner.set(name, o.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has unique ids and titles', () => {
    const ids = rb.occupations.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    const zh = rb.occupations.map((o) => o.title.zh);
    expect(new Set(zh).size).toBe(zh.length);
  });
});
