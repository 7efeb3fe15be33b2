/**
 * The committed query set (test/fixtures/role-queries.yaml): realistic English and
 * Chinese queries with the occupation a person means, and queries that must not
 * match anything confidently.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolveRole, searchRoles } from '../src/catalogue/search.js';
import { FieldError, parseRole } from '../src/model/answers.js';
import { shippedRuleBase } from './helpers.js';

interface Query {
  readonly q: string;
  /** Expected occupation id, or `none` for a query that must not match confidently. */
  readonly expect: string;
  readonly kind?: string;
}

const rb = shippedRuleBase();
const queries = (parse(readFileSync('test/fixtures/role-queries.yaml', 'utf8')) as { queries: Query[] }).queries;
const positive = queries.filter((x) => x.expect !== 'none');
const negative = queries.filter((x) => x.expect === 'none');

describe('role search query set', () => {
  it('has at least 200 queries in English and Chinese, with no-match queries', () => {
    expect(queries.length).toBeGreaterThanOrEqual(200);
    expect(queries.filter((x) => /[\u4e00-\u9fff]/.test(x.q)).length).toBeGreaterThanOrEqual(60);
    expect(queries.filter((x) => !/[\u4e00-\u9fff]/.test(x.q)).length).toBeGreaterThanOrEqual(60);
    expect(negative.length).toBeGreaterThanOrEqual(10);
    for (const x of positive) expect(rb.occupationById.has(x.expect), `${x.q} → ${x.expect}`).toBe(true);
  });

  // Measured with the alias index: 330 of 333 (99.1%) at rank 1; one query not in the top 3,
  // "outside sales representative", an O*NET alternate title of five other sales codes (so the
  // search lists those, and the sales representatives' own copy is a reported title, kept out).
  it('finds the expected role at rank 1 for at least 95% and within the top 3 for all but one', () => {
    const misses: string[] = [];
    let first = 0;
    for (const x of positive) {
      const ids = searchRoles(rb, x.q, 3).map((h) => h.occupation.id);
      if (ids[0] === x.expect) first++;
      if (!ids.includes(x.expect)) misses.push(`${x.q} → ${x.expect}, got ${ids.join(', ') || 'nothing'}`);
    }
    expect(misses.length, misses.join('\n')).toBeLessThanOrEqual(1);
    expect(first / positive.length).toBeGreaterThanOrEqual(0.95);
  });

  it('never matches a no-match query silently: it suggests close roles, or points to `roles` when nothing is close', () => {
    let suggested = 0;
    for (const x of negative) {
      const r = resolveRole(rb, x.q);
      expect(r.kind, x.q).not.toBe('match');
      const suggestions = r.kind === 'none' ? r.suggestions : r.kind === 'ambiguous' ? r.candidates : [];
      if (suggestions.length > 0) suggested++;
      let error: unknown;
      try {
        parseRole(rb, x.q, 'en');
      } catch (e) {
        error = e;
      }
      expect(error, x.q).toBeInstanceOf(FieldError);
      const message = (error as FieldError).message;
      if (suggestions.length > 0) expect(message, x.q).toContain('did you mean');
      expect((error as FieldError).hints, x.q).toContain('run `career-risk roles <words>` to search the catalogue');
    }
    // Most no-match queries share a word or a character with some role, and get suggestions.
    expect(suggested / negative.length).toBeGreaterThanOrEqual(0.8);
  });
});
