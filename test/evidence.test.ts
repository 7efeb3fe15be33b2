/**
 * The evidence layer's checks: facts belong to known sources, cited facts exist
 * and are not context, every fact is used, and one fact moves the score once.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canFireTogether } from '../src/engine/evidence.js';
import { loadRuleBase } from '../src/engine/load.js';
import { formatProblem } from '../src/engine/problems.js';
import type { OccupationEntry } from '../src/engine/schema.js';
import { loadOrThrow } from './helpers.js';

const BASE = 'test/fixtures/minimal';
const dir = mkdtempSync(path.join(tmpdir(), 'career-risk-evidence-'));
let n = 0;
function problems(pack: string): string[] {
  const file = path.join(dir, `pack-${n++}.yaml`);
  writeFileSync(file, pack);
  const result = loadRuleBase({ base: BASE, packs: [file] });
  return result.ok ? [] : result.problems.map((p) => formatProblem(p).replace(/^\S+:\d+:\d+ {2}/, ''));
}

const FACTS = `
facts:
  - id: src-a/typing-is-easy
    locator: { paragraph: 3 }
    attribution: { en: The outlet, zh: 该媒体 }
    text: { en: Typing is easy to automate., zh: 打字容易自动化。 }
  - id: src-a/repetition
    locator: { paragraph: 4 }
    attribution: { en: The outlet, zh: 该媒体 }
    text: { en: Repetitive work is exposed., zh: 重复性工作暴露度高。 }
    qualifiers: [may]
`;
/** The minimal base's `typing` category, overridden to cite `facts`. */
const typing = (facts: string) => `
taskCategories:
  - id: typing
    label: { en: Typing, zh: 打字 }
    ai: [language]
    automation:
      potential: 80
      uncertainty: 5
      rationale: { en: Easy., zh: 容易。 }
      facts: [${facts}]
    augmentation:
      potential: 50
      uncertainty: 5
      rationale: { en: Faster., zh: 更快。 }
      assumption: { en: A test value., zh: 测试用的数值。 }
`;
const factor = (id: string, when: string, facts: string) => `
  - id: ${id}
    group: role
    label: { en: ${id}, zh: 因素 }
    when: ${when}
    odds: 1.2
    facts: [${facts}]`;

describe('evidence layer', () => {
  it('accepts facts cited once, and rules resting on a stated assumption', () => {
    expect(
      problems(`${FACTS}
factors:${factor('f1', '{ occupation: typist }', 'src-a/repetition')}
  - id: f2
    group: role
    label: { en: f2, zh: 因素二 }
    when: { occupation: mover }
    odds: 1.1
    assumption: { en: A modelling choice., zh: 建模假设。 }${typing('src-a/typing-is-easy')}`),
    ).toEqual([]);
  });

  it('refuses a fact of an unknown source, an unknown or context fact, and an unused fact', () => {
    const found = problems(`
facts:
  - id: nowhere/claim
    locator: { paragraph: 1 }
    attribution: { en: Someone, zh: 某人 }
    text: { en: A claim., zh: 一个说法。 }
  - id: src-a/background
    locator: { page: "2" }
    attribution: { en: The outlet, zh: 该媒体 }
    text: { en: Background., zh: 背景。 }
    context: true
  - id: src-a/unused
    locator: { section: "1" }
    attribution: { en: The outlet, zh: 该媒体 }
    text: { en: Nobody cites this., zh: 无人引用。 }
factors:${factor('f1', '{ occupation: typist }', 'src-a/missing, src-a/background, nowhere/claim')}
`);
    expect(found).toEqual(
      expect.arrayContaining([
        'facts[0].id  unknown source "nowhere" (a fact\'s id starts with its source\'s id)',
        'factors[0].facts[0]  unknown fact "src-a/missing"',
        'factors[0].facts[1]  fact "src-a/background" is marked context (used by no rule); cite another fact or drop `context`',
        'facts[2].id  no rule cites this fact; cite it, or mark it `context: true`',
      ]),
    );
  });

  it('refuses a rule with neither facts nor an assumption, and a fact without a locator', () => {
    expect(problems(`factors:\n  - { id: bare, group: role, label: { en: Bare, zh: 无据 }, when: { occupation: typist }, odds: 1.1 }\n`)).toEqual([
      'factors[0]  every rule needs `facts` (ids of the facts it rests on) or an `assumption` (en, zh), or both',
    ]);
    expect(problems(`facts:\n  - { id: src-a/x, locator: {}, attribution: { en: A, zh: 甲 }, text: { en: B, zh: 乙 }, context: true }\n`)).toEqual([
      'facts[0].locator  give at least one of paragraph, page, section, table',
    ]);
  });

  it('refuses one fact in two factors that can fire together, allows it in factors that cannot', () => {
    expect(problems(`${FACTS}
factors:${factor('f1', '{ occupation: typist }', 'src-a/repetition, src-a/typing-is-easy')}${factor('f2', '{ repetitiveness: { min: 4 } }', 'src-a/repetition')}
`)).toEqual(['factors[1].facts[0]  fact "src-a/repetition" is also cited by factor "f1", which can fire for the same profile: one fact may move the score once']);
    expect(problems(`${FACTS}
factors:${factor('f1', '{ occupation: typist, seniority: entry }', 'src-a/repetition, src-a/typing-is-easy')}${factor('f2', '{ seniority: senior }', 'src-a/repetition')}
`)).toEqual([]);
  });

  it('refuses a factor citing the fact of a task category it adds to', () => {
    const category = typing('src-a/typing-is-easy, src-a/repetition');
    expect(problems(`${FACTS}${category}factors:${factor('f1', '{ occupation: typist }', 'src-a/typing-is-easy')}\n`)).toEqual([
      'factors[0].facts[0]  fact "src-a/typing-is-easy" already sets task category "typing", which this factor adds to: one fact may move the score once',
    ]);
    // The mover has no typing in its mix: the same fact may back a factor that fires only for movers.
    expect(problems(`${FACTS}${category}factors:${factor('f1', '{ occupation: mover }', 'src-a/typing-is-easy')}\n`)).toEqual([]);
    // A fact behind the augmentation potential counts too: that potential scales AI-use factors.
    const augmentedBy = `
taskCategories:
  - id: typing
    label: { en: Typing, zh: 打字 }
    ai: [language]
    automation: { potential: 80, uncertainty: 5, rationale: { en: Easy., zh: 容易。 }, facts: [src-a/typing-is-easy] }
    augmentation: { potential: 50, uncertainty: 5, rationale: { en: Faster., zh: 更快。 }, facts: [src-a/repetition] }
`;
    expect(problems(`${FACTS}${augmentedBy}factors:${factor('f1', '{ occupation: typist }', 'src-a/repetition')}\n`)).toEqual([
      'factors[0].facts[0]  fact "src-a/repetition" already sets task category "typing", which this factor adds to: one fact may move the score once',
    ]);
  });

  it('decides "can fire together" from the catalogue and the person answers', () => {
    const occupations = loadOrThrow().occupations as readonly OccupationEntry[];
    expect(canFireTogether({ seniority: 'entry' }, { seniority: ['entry', 'mid'] }, occupations)).toBe(true);
    expect(canFireTogether({ seniority: 'entry' }, { seniority: 'senior' }, occupations)).toBe(false);
    expect(canFireTogether({ repetitiveness: { max: 2 } }, { repetitiveness: { min: 4 } }, occupations)).toBe(false);
    expect(canFireTogether({ socGroup: '15' }, { occupation: 'registered-nurse' }, occupations)).toBe(false);
    expect(canFireTogether({ tasks: { care: { min: 30 } } }, { occupation: 'registered-nurse' }, occupations)).toBe(true);
  });
});

describe('the shipped rule base', () => {
  it('takes facts from every source, and every rule rests on facts or a stated assumption', async () => {
    const { shippedRuleBase } = await import('./helpers.js');
    const rb = shippedRuleBase();
    for (const s of rb.sources.values()) expect([...rb.facts.keys()].some((id) => id.startsWith(`${s.id}/`)), s.id).toBe(true);
    const rules = [...rb.taskCategories.values(), ...rb.factors, ...rb.advice, ...rb.whatIfs];
    for (const r of rules) expect(r.facts.length > 0 || r.assumption !== undefined, r.id).toBe(true);
    for (const f of rb.facts.values()) expect(f.text.en).not.toBe(f.text.zh);
  });
});
