/**
 * The two message catalogues hold the same messages: every key of en.ts is in zh.ts and the
 * other way round, at every depth, each message of the same kind, and a function message
 * with the same number of parameters. A zh message equal to its en counterpart is a string
 * someone forgot to translate, unless it is on the short list of language-neutral ones below.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.js';
import { zh } from '../src/i18n/zh.js';

/** Messages that are the same in both languages on purpose. */
const SAME_IN_BOTH: ReadonlySet<string> = new Set([
  // Codes and their system names.
  'roles.header.codes',
  // Read by scripts: kept in English in both languages.
  'batch.rowsLine',
]);

interface Leaf {
  readonly kind: 'string' | 'function' | 'other';
  readonly arity: number;
  readonly value: unknown;
}

function leaves(value: unknown, path: string, out: Map<string, Leaf>): Map<string, Leaf> {
  if (typeof value === 'string') out.set(path, { kind: 'string', arity: 0, value });
  else if (typeof value === 'function') out.set(path, { kind: 'function', arity: value.length, value });
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leaves(child, path === '' ? key : `${path}.${key}`, out);
  } else out.set(path, { kind: 'other', arity: 0, value });
  return out;
}

const EN = leaves(en, '', new Map());
const ZH = leaves(zh, '', new Map());

/** A function message's text for sample arguments (strings and numbers), to compare the two languages. */
function sample(leaf: Leaf): string {
  if (leaf.kind !== 'function') return String(leaf.value);
  const fn = leaf.value as (...args: unknown[]) => unknown;
  const out: string[] = [];
  for (const arg of [(i: number) => `arg${i}`, (i: number) => i + 2]) {
    try {
      out.push(String(fn(...Array.from({ length: leaf.arity }, (_, i) => arg(i)))));
    } catch {
      // not an argument this message takes
    }
  }
  return out.join(' | ');
}

describe('message catalogues', () => {
  it('find the messages they compare', () => {
    expect(EN.size).toBeGreaterThan(200);
  });

  it('every en message is in zh, and every zh message in en', () => {
    expect([...EN.keys()].filter((k) => !ZH.has(k))).toEqual([]);
    expect([...ZH.keys()].filter((k) => !EN.has(k))).toEqual([]);
  });

  it('each message is of the same kind in both, and a function takes as many parameters', () => {
    const differ = [...EN].flatMap(([k, e]) => {
      const z = ZH.get(k);
      return z && (z.kind !== e.kind || z.arity !== e.arity) ? [`${k}: en ${e.kind}/${e.arity}, zh ${z.kind}/${z.arity}`] : [];
    });
    expect(differ).toEqual([]);
  });

  it('no zh message is the en one, except the language-neutral few', () => {
    const same = [...EN].filter(([k, e]) => {
      const z = ZH.get(k);
      return z !== undefined && !SAME_IN_BOTH.has(k) && sample(z) === sample(e);
    });
    expect(same.map(([k]) => k)).toEqual([]);
  });

  it('the allow-list names only messages that exist and are still the same', () => {
    for (const k of SAME_IN_BOTH) {
      const e = EN.get(k);
      const z = ZH.get(k);
      expect(e, k).toBeDefined();
      expect(z, k).toBeDefined();
      if (e && z) expect(sample(z), k).toBe(sample(e));
    }
  });
});
