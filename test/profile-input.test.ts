/** The hints under a --role that does not resolve: what to run next. */
import { describe, expect, it } from 'vitest';
import { resolveRole } from '../src/catalogue/search.js';
import { FieldError, parseRole } from '../src/model/answers.js';
import { messages } from '../src/i18n/index.js';
import { shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();

function roleError(raw: string, lang: 'en' | 'zh' = 'en'): FieldError {
  try {
    parseRole(rb, raw, lang);
  } catch (error) {
    if (error instanceof FieldError) return error;
    throw error;
  }
  throw new Error(`"${raw}" resolved`);
}

describe('parseRole hints', () => {
  it.each(['en', 'zh'] as const)('points to the occupation groups when nothing matches or nothing was given (%s)', (lang) => {
    const m = messages(lang).errors;
    for (const raw of ['qwxzv', '   ']) {
      const error = roleError(raw, lang);
      expect(error.result).toBe('none');
      expect(error.hints).toEqual([m.tryRoles, m.tryGroups]);
    }
    expect(m.tryGroups).toContain('`career-risk roles --groups`');
    for (const hint of [m.tryRoles, m.tryGroups]) expect(hint).not.toMatch(/\n/);
  });

  it('does not add the groups when several roles matched: the message lists them', () => {
    // A SOC code several catalogue roles share resolves to all of them (see search.test.ts).
    const shared = [...new Set(rb.occupations.map((o) => o.codes.soc2018))].find((code) => resolveRole(rb, code).kind === 'ambiguous');
    expect(shared).toBeDefined();
    const error = roleError(shared ?? '');
    expect(error.result).toBe('ambiguous');
    expect(error.hints).toEqual([messages('en').errors.tryRoles]);
  });
});
