import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FORMAT, readShippedFromCache, serialiseCache } from '../src/engine/cache.js';
import { loadRuleBase } from '../src/engine/load.js';

const full = loadRuleBase();
if (!full.ok) throw new Error('shipped rules must load');
const dir = mkdtempSync(path.join(tmpdir(), 'career-risk-cache-'));
/** The cache file's two lines: a header, and the body its digest vouches for. */
const split = (text: string) => {
  const nl = text.indexOf('\n');
  return { header: JSON.parse(text.slice(0, nl)) as Record<string, unknown>, body: text.slice(nl + 1) };
};
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('start-up cache', () => {
  it('gives back exactly the validated rule base when the rule files are unchanged', () => {
    const cached = readShippedFromCache(write('ok.json', serialiseCache(full.ruleBase)));
    expect(cached?.hash).toBe(full.ruleBase.hash);
    expect(cached?.entries).toEqual(full.ruleBase.entries);
    expect(cached?.ruleset).toEqual(full.ruleBase.ruleset);
  });

  it('is ignored when any rule file differs from the snapshot', () => {
    const { header, body } = split(serialiseCache(full.ruleBase));
    expect(readShippedFromCache(write('stale.json', `${JSON.stringify({ ...header, hash: '0'.repeat(64) })}\n${body}`))).toBeUndefined();
  });

  it('is ignored when written by another cache format, or missing, or unreadable', () => {
    const { header, body } = split(serialiseCache(full.ruleBase));
    expect(readShippedFromCache(write('other.json', `${JSON.stringify({ ...header, format: CACHE_FORMAT + 1 })}\n${body}`))).toBeUndefined();
    expect(readShippedFromCache(path.join(dir, 'missing.json'))).toBeUndefined();
    expect(readShippedFromCache(write('broken.json', '{'))).toBeUndefined();
  });

  it('is ignored when its entries were changed after the build (the rule files still matching)', () => {
    const { header, body } = split(serialiseCache(full.ruleBase));
    const tampered = JSON.parse(body) as { entries: { occupations: unknown[] } };
    tampered.entries.occupations = [{ id: 'broken' }];
    expect(readShippedFromCache(write('tampered.json', `${JSON.stringify(header)}\n${JSON.stringify(tampered)}`))).toBeUndefined();
  });
});
