/**
 * Bounded, prototype-free role search (audit defects 13 and 22): role text is capped before
 * any search runs, and words that name Object.prototype properties are ordinary unknown words.
 * The CLI cases spawn the built CLI (run `npm run build` first).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as search from '../src/catalogue/search.js';
import { cleanQuery, MAX_ROLE_CHARS, normaliseQuery, resolveRole, roleLength, searchRoles } from '../src/catalogue/search.js';
import { FieldError, parseRole } from '../src/model/answers.js';
import { parseAiUsage, parseRepetitiveness, parseSeniority } from '../src/model/profile.js';
import { runCli, shippedRuleBase } from './helpers.js';

vi.mock('../src/catalogue/search.js', async (importOriginal) => {
  const actual = await importOriginal<typeof search>();
  return { ...actual, resolveRole: vi.fn(actual.resolveRole), searchRoles: vi.fn(actual.searchRoles) };
});

const rb = shippedRuleBase();

/** The built CLI as a shell runs it (no TTY, pipes, a timeout so a regression fails instead of hanging). */
const run = (args: readonly string[]) => runCli(args);

const PROTOTYPE_WORDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

describe('words that name Object.prototype properties', () => {
  it.each(PROTOTYPE_WORDS)('%s is not expanded into native code text', (word) => {
    for (const query of [word, `bridge ${word}`]) {
      const q = normaliseQuery(query);
      const cleaned = cleanQuery(q);
      expect(cleaned).not.toMatch(/native|function|object/);
      // Only the words typed (underscores count as spaces), none replaced.
      expect(cleaned).toBe(q.trim());
    }
  });

  it.each(PROTOTYPE_WORDS)('%s is an unknown role, with no suggestion found through native code text', (word) => {
    for (const query of [word, `bridge ${word}`]) {
      const r = resolveRole(rb, query);
      expect(r.kind).toBe('none');
      const ids = r.kind === 'none' ? r.suggestions.map((o) => o.id) : [];
      const listed = searchRoles(rb, query, 10).map((h) => h.occupation.id);
      // What `function Object() { [native code] }` used to bring in for "constructor".
      for (const unrelated of ['software-developer', 'author', 'medical-records-specialist']) {
        expect(ids).not.toContain(unrelated);
        expect(listed).not.toContain(unrelated);
      }
    }
  });

  it.each(PROTOTYPE_WORDS)('%s is not a seniority, repetitiveness or AI-use level', (word) => {
    expect(parseSeniority(word)).toBeUndefined();
    expect(parseRepetitiveness(word)).toBeUndefined();
    expect(parseAiUsage(word)).toBeUndefined();
  });

  it('the CLI says so like for any unknown word', () => {
    const r = run(['assess', '--role', 'constructor', '-s', 'mid', '-p', '3', '-a', 'daily']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--role: no occupation clearly matches "constructor"');
    expect(r.stderr).not.toContain('Software Developer');
    const roles = run(['roles', 'bridge', 'constructor']);
    expect(roles.status).toBe(0);
    expect(roles.stdout).not.toContain('software-developer');
  });
});

describe('the role text cap', () => {
  beforeEach(() => {
    vi.mocked(search.resolveRole).mockClear();
    vi.mocked(search.searchRoles).mockClear();
  });

  it('is 200 characters, counted as code points', () => {
    expect(MAX_ROLE_CHARS).toBe(200);
    expect(roleLength('翻译')).toBe(2);
    expect(roleLength('👩‍💻')).toBe(3);
    expect(roleLength('a\ud800')).toBe(2);
  });

  it('a longer role is rejected without running the search', () => {
    const names = { role: 'role', seniority: 'seniority', repetitiveness: 'repetitiveness', aiUsage: 'ai_usage' };
    expect(() => parseRole(rb, 'a'.repeat(100_000), 'en')).toThrow('--role is 100000 characters long; at most 200 are accepted');
    expect(() => parseRole(rb, 'nurse '.repeat(50), 'en', names)).toThrow('role is 299 characters long; at most 200 are accepted');
    expect(() => parseRole(rb, '翻'.repeat(201), 'zh')).toThrow('--role 长 201 个字符；最多接受 200 个');
    expect(search.resolveRole).not.toHaveBeenCalled();
    expect(search.searchRoles).not.toHaveBeenCalled();
    let error: unknown;
    try {
      parseRole(rb, 'x'.repeat(MAX_ROLE_CHARS + 1), 'en');
    } catch (e) {
      error = e;
    }
    // Not an unknown role: batch must not list it under "Roles not found".
    expect(error instanceof FieldError && error.field === 'role' && error.result === undefined).toBe(true);
  });

  it('a role at the cap is searched as usual', () => {
    const atCap = `translator${' '.repeat(5)}${'x'.repeat(MAX_ROLE_CHARS - 15)}`;
    expect(() => parseRole(rb, atCap, 'en')).toThrow(/no occupation clearly matches/);
    expect(search.resolveRole).toHaveBeenCalledTimes(1);
    // Surrounding spaces do not count.
    expect(parseRole(rb, `  translator${' '.repeat(300)}`, 'en').occupation.id).toBe('translator');
  });

  it('searchRoles and resolveRole themselves never look past the cap', () => {
    const long = `translator ${'x'.repeat(100_000)}`;
    expect(resolveRole(rb, long).kind).toBe('none');
    expect(searchRoles(rb, `${'q'.repeat(MAX_ROLE_CHARS)}translator`, 5)).toEqual(searchRoles(rb, 'q'.repeat(MAX_ROLE_CHARS), 5));
    // Surrounding spaces are not part of the text that is cut.
    const padded = resolveRole(rb, `${' '.repeat(300)}translator${' '.repeat(300)}`);
    expect(padded.kind === 'match' && padded.occupation.id).toBe('translator');
  });
});

describe('the cap through the CLI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'career-risk-bounds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('assess --role', () => {
    const r = run(['assess', '--role', 'a'.repeat(100_000), '-s', 'mid', '-p', '3', '-a', 'daily']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('career-risk: --role is 100000 characters long; at most 200 are accepted\n');
    // The value is not echoed back.
    expect(r.stderr.length).toBeLessThan(500);
  });

  it('roles <query>', () => {
    const r = run(['roles', ...Array.from({ length: 5_000 }, (_, i) => `word${i}`)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^career-risk: query is \d+ characters long; at most 200 are accepted\n$/);
    expect(r.stdout).toBe('');
  });

  it('a batch cell', () => {
    const input = path.join(dir, 'long-role.csv');
    writeFileSync(input, `id,role,seniority,repetitiveness,ai_usage\nc1,${'a'.repeat(100_000)},mid,3,daily\nc2,translator,mid,3,daily\n`);
    const r = run(['batch', input, '--output', path.join(dir, 'out.csv')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('role is 100000 characters long; at most 200 are accepted');
    expect(r.stderr.length).toBeLessThan(2_000);
  });
});
