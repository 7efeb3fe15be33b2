/**
 * The alias index, the slip corrections and the prebuilt occupation bags: what the search relies
 * on beyond the catalogue's own names.
 */
import { describe, expect, it } from 'vitest';
import { aliasKeys, aliasNames } from '../src/catalogue/aliases.js';
import { correctSlips } from '../src/catalogue/homophones.js';
import { ProfileIndex } from '../src/catalogue/profiles.js';
import { normaliseQuery, resolveRole, seniorityHint } from '../src/catalogue/search.js';
import { readDerived, shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();
const rows = readDerived('aliases.tsv');

describe('alias index (data/derived/aliases.tsv)', () => {
  it('names only catalogue entries, in both languages, from the two sources', () => {
    expect(rows.length).toBeGreaterThan(15_000);
    for (const r of rows) {
      expect(rb.occupationById.has(r['id'] ?? ''), r['id']).toBe(true);
      expect(['en', 'zh']).toContain(r['lang']);
      expect(['onet', 'csco']).toContain(r['source']);
    }
    expect(rows.filter((r) => r['lang'] === 'zh').length).toBeGreaterThan(1_000);
  });

  it('never repeats a catalogue title or alias, and leaves out kind-of-job words and the O*NET reported titles', () => {
    const own = new Set(rb.occupations.flatMap((o) => [o.title.en, o.title.zh, ...o.aliases.en, ...o.aliases.zh].map(normaliseQuery)));
    const names = new Set(rows.map((r) => normaliseQuery(r['name'] ?? '')));
    for (const n of names) expect(own.has(n), n).toBe(false);
    for (const generic of ['engineer', 'designer', 'inspector', 'technician', '工程师', '设计师']) expect(names.has(generic), generic).toBe(false);
    const reported = new Set(readDerived('onet-reported-titles.tsv').map((r) => `${r['soc2018']}\t${normaliseQuery(r['title'] ?? '')}`));
    for (const r of rows.filter((x) => x['source'] === 'onet')) {
      const soc = rb.occupationById.get(r['id'] ?? '')?.codes.soc2018;
      expect(reported.has(`${soc}\t${normaliseQuery(r['name'] ?? '')}`), r['name']).toBe(false);
    }
  });

  it('keeps the names left out by hand out', () => {
    const has = (id: string, name: string) => rows.some((r) => r['id'] === id && r['name'] === name);
    expect(has('athlete', 'Professional Poker Player')).toBe(false);
    expect(has('detective', 'Spy')).toBe(false);
    expect(rows.some((r) => r['id'] === 'concept-artist' && /策划|制作人/.test(r['name'] ?? ''))).toBe(false);
  });

  it('is what the search loads, normalised, and resolves a name of one entry as an alias match', () => {
    expect(aliasNames().en.size + aliasNames().zh.size).toBeGreaterThan(400);
    const one = [...aliasKeys()].find(([key, ids]) => ids.length === 1 && resolveRole(rb, key).kind === 'match');
    expect(one).toBeDefined();
    const [key, [id]] = one as [string, string[]];
    const r = resolveRole(rb, key);
    expect(r.kind === 'match' && r.how === 'alias' && r.occupation.id === id).toBe(true);
  });
});

describe('input-method slips (correctSlips)', () => {
  const known = new Set(['会计', '护士', '司机', '厨师', '保洁', '设计', '计师', '程序', '序员']);
  const fix = (q: string) => correctSlips(q, (p) => known.has(p), () => 1);
  it.each([
    ['会记', '会计'],
    ['护土', '护士'],
    ['司几', '司机'],
    ['厨帅', '厨师'],
    ['保结', '保洁'],
    ['设记师', '设计师'],
    ['程序圆', '程序员'],
  ])('%s → %s', (typed, meant) => {
    expect(fix(typed)).toBe(meant);
  });

  it('leaves known pairs, single characters and hopeless text alone', () => {
    expect(fix('会计')).toBeUndefined();
    expect(fix('会')).toBeUndefined();
    expect(fix('魑魅')).toBeUndefined();
  });

  it('finds the job through the search, as a search match', () => {
    for (const [typed, id] of [['会记', 'accountant'], ['程序圆', 'software-developer'], ['收银圆', 'cashier']] as const) {
      const r = resolveRole(rb, typed);
      expect(r.kind === 'match' && r.how === 'search' && r.occupation.id === id, typed).toBe(true);
    }
  });
});

describe('seniority named in a title', () => {
  it('comes from level words around the job, not from a name that holds them', () => {
    expect(seniorityHint(rb, 'Senior Software Engineer (Remote)')).toBe('senior');
    expect(seniorityHint(rb, '高级Java开发工程师')).toBe('senior');
    expect(seniorityHint(rb, 'Chief Executive Officer')).toBeUndefined();
    expect(seniorityHint(rb, 'chief-executive')).toBeUndefined();
    expect(seniorityHint(rb, 'CEO')).toBeUndefined();
  });
});

describe('job-board titles', () => {
  it('prefer the title without its noise named exactly to a search match of the raw text', () => {
    const r = resolveRole(rb, 'Senior Accountant');
    expect(r.kind === 'match' && r.occupation.id === 'accountant' && r.how !== 'search').toBe(true);
  });
});

describe('occupation bags (profiles.ts)', () => {
  it('answer the same after a round trip through JSON (the build writes the shipped ones)', () => {
    const texts = (o: (typeof rb.occupations)[number]) => [
      { text: o.title.en, weight: 3 },
      { text: o.description.en, weight: 0.4 },
    ];
    const words = (t: string) => t.toLowerCase().match(/[a-z]+/g) ?? [];
    const built = ProfileIndex.build(rb.occupations, texts, words, 0.5);
    const read = ProfileIndex.fromJSON(JSON.parse(JSON.stringify(built)) as ReturnType<ProfileIndex['toJSON']>);
    for (const q of [['software', 1], ['nurse', 1], ['driver', 0.8], ['unknownword', 1]] as const) {
      expect([...read.search([q], 1.5)]).toEqual([...built.search([q], 1.5)]);
    }
    expect(read.words()).toEqual(built.words());
  });
});
