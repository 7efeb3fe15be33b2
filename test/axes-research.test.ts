/**
 * The two axes separate occupations the way the research the rule base cites separates
 * them. Only published qualitative findings, by name, are used (orderings, no copied data):
 *
 * - ILO Working Paper 96 (Gmyrek, Berg & Bescond 2023) and Working Paper 140 (Gmyrek et al.
 *   2025): clerical work is the one broad group with high automation potential; for other
 *   groups the main effect is augmentation.
 * - IMF Staff Discussion Note 2024/001 (Cazzaniga et al.): high-exposure, high-complementarity
 *   jobs such as surgeons, lawyers and judges; high-exposure, low-complementarity jobs such as
 *   telemarketing; low-exposure jobs such as dishwashers.
 * - Anthropic Economic Index (Handa et al. 2025): physical work (installation, maintenance,
 *   repair) is where AI use is rarest.
 *
 * Groups are SOC 2018 major groups of the catalogue's codes; figures are for a neutral profile.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/engine/evaluate.js';
import { neutral, shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();
const all = rb.occupations.map((o) => ({ o, a: evaluate(rb, neutral(o.id)) }));
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor((s.length - 1) / 2)] ?? NaN;
};
const group = (prefix: string) => all.filter((r) => r.o.codes.soc2018.startsWith(prefix));
const medians = (prefix: string) => {
  const g = group(prefix);
  return { automation: median(g.map((r) => r.a.score)), augmentation: median(g.map((r) => r.a.augmentation.score)) };
};
const of = (id: string) => {
  const found = all.find((r) => r.o.id === id);
  if (!found) throw new Error(`no occupation ${id}`);
  return found.a;
};

describe('the automation and augmentation axes agree with the cited research', () => {
  it('office and administrative support (clerical) is higher on automation than on augmentation, and the highest group on automation (ILO WP 96, WP 140)', () => {
    const clerical = medians('43');
    expect(clerical.automation).toBeGreaterThan(clerical.augmentation);
    const others = ['11', '13', '15', '17', '19', '21', '23', '25', '27', '29', '31', '33', '35', '37', '39', '45', '47', '49', '51', '53'];
    for (const g of others) expect(medians(g).automation, `group ${g}`).toBeLessThanOrEqual(clerical.automation);
  });

  it.each(['11', '13', '15', '17', '19', '21', '23', '25', '29'])(
    'professional, managerial and health-practitioner group %s is higher on augmentation than on automation (ILO WP 96; IMF SDN/2024/001)',
    (g) => {
      const m = medians(g);
      expect(m.augmentation).toBeGreaterThan(m.automation);
    },
  );

  it.each(['37', '45', '47', '49', '53'])('hands-on group %s is low on both axes (Anthropic Economic Index; IMF low-exposure examples)', (g) => {
    const m = medians(g);
    expect(m.automation).toBeLessThan(25);
    expect(m.augmentation).toBeLessThan(30);
  });

  it('surgeons, lawyers and judges: high augmentation, well above their automation (IMF: high exposure, high complementarity)', () => {
    for (const id of ['surgeon', 'lawyer', 'judge']) {
      const a = of(id);
      expect(a.augmentation.score - a.score, id).toBeGreaterThanOrEqual(15);
    }
  });

  it('telemarketers and data-entry clerks: automation above augmentation (IMF: high exposure, low complementarity; ILO: clerical)', () => {
    for (const id of ['telemarketer', 'data-entry-clerk']) {
      const a = of(id);
      expect(a.score, id).toBeGreaterThan(a.augmentation.score);
    }
  });

  it('kitchen helpers, nearest to the IMF low-exposure example of dishwashers, are below telemarketers on both axes', () => {
    // The catalogue has no dishwasher entry; its nearest is kitchen-helper (SOC 35-2021, food preparation workers).
    const dish = of('kitchen-helper');
    const tele = of('telemarketer');
    expect(dish.score).toBeLessThan(tele.score);
    expect(dish.augmentation.score).toBeLessThan(tele.augmentation.score);
  });

  it('the reading says so: clerical jobs read "takes over", most professional jobs "reshapes", hands-on jobs "little exposed"', () => {
    const share = (prefix: string, reading: string) => {
      const g = group(prefix);
      return g.filter((r) => r.a.reading?.id === reading).length / g.length;
    };
    expect(share('43', 'takes-over') + share('43', 'mixed')).toBeGreaterThan(0.7);
    expect(share('15', 'reshapes')).toBeGreaterThan(0.5);
    expect(share('23', 'reshapes')).toBeGreaterThan(0.5);
    expect(share('47', 'little-exposed')).toBeGreaterThan(0.7);
  });
});
