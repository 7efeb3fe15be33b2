/**
 * Occupation-level scores for a neutral profile rank occupations the way published
 * research on occupational AI exposure does (Eloundou et al. 2023, "GPTs are GPTs";
 * Tomlinson et al. 2025, "Working with AI"): writing-, translation- and
 * information-processing-heavy jobs high; hands-on, physical, care and unpredictable
 * field work low. No published data is used: these are the papers' qualitative findings.
 */
import { describe, expect, it } from 'vitest';
import { scoreOf } from '../src/engine/evaluate.js';
import { neutral, shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();
const ranked = rb.occupations
  .map((o) => ({ o, score: scoreOf(rb, neutral(o.id)) }))
  .sort((a, b) => b.score - a.score || (a.o.id < b.o.id ? -1 : 1));
const quartile = Math.floor(ranked.length / 4);
const share = (tasks: Readonly<Record<string, number>>, cats: readonly string[]) => cats.reduce((s, c) => s + (tasks[c] ?? 0), 0);
const INFORMATION = ['writing', 'translation', 'data-processing', 'information-analysis', 'scripted-service', 'visual-content', 'programming', 'selling'];
const HANDS_ON = ['physical-routine', 'physical-field', 'care'];
const percentile = (id: string) => ranked.findIndex((r) => r.o.id === id) / ranked.length;

describe('agreement with published occupational AI-exposure research', () => {
  it('puts only information-processing jobs in the top quarter', () => {
    const off = ranked.slice(0, quartile).filter((r) => share(r.o.tasks, INFORMATION) < 60);
    expect(off.map((r) => r.o.id)).toEqual([]);
  });

  it('puts hands-on, in-person care and teaching, or licensed work in the bottom quarter, with AI engineering as the exception', () => {
    // AI development has a low automation potential (an assumption, see rules/README.md), so AI engineers may rank low too.
    const off = ranked
      .slice(-quartile)
      .filter((r) => share(r.o.tasks, [...HANDS_ON, 'teaching', 'regulated-judgement']) < 40 && share(r.o.tasks, ['ai-development']) < 40);
    expect(off.map((r) => r.o.id)).toEqual([]);
  });

  it.each(['translator', 'interpreter', 'technical-writer', 'copywriter', 'editor', 'customer-service-representative', 'data-entry-clerk', 'proofreader'])(
    '%s is in the top third',
    (id) => expect(percentile(id)).toBeLessThan(1 / 3),
  );

  it.each(['construction-laborer', 'roofer', 'electrician', 'elderly-care-worker', 'nursing-assistant', 'kitchen-helper', 'housekeeper', 'farmworker'])(
    '%s is in the bottom third',
    (id) => expect(percentile(id)).toBeGreaterThan(2 / 3),
  );

  it('ranks office support above construction, arts and media above cleaning, business above farming (group medians)', () => {
    const median = (group: string) => {
      const list = ranked.filter((r) => r.o.codes.soc2018.startsWith(group)).map((r) => r.score).sort((a, b) => a - b);
      return list[Math.floor(list.length / 2)] ?? NaN;
    };
    expect(median('43')).toBeGreaterThan(median('47'));
    expect(median('27')).toBeGreaterThan(median('37'));
    expect(median('13')).toBeGreaterThan(median('45'));
    expect(median('15')).toBeGreaterThan(median('53'));
    expect(median('23')).toBeGreaterThan(median('31'));
  });
});
