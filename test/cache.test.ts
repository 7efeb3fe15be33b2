import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FORMAT, readShippedFromCache, serialiseCache } from '../src/engine/cache.js';
import { loadRuleBase } from '../src/engine/load.js';

const full = loadRuleBase();
if (!full.ok) throw new Error('shipped rules must load');
const dir = mkdtempSync(path.join(tmpdir(), 'career-risk-cache-'));
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
    const stale = JSON.parse(serialiseCache(full.ruleBase)) as { hash: string };
    stale.hash = '0'.repeat(64);
    expect(readShippedFromCache(write('stale.json', JSON.stringify(stale)))).toBeUndefined();
  });

  it('is ignored when written by another cache format, or missing, or unreadable', () => {
    const other = { ...(JSON.parse(serialiseCache(full.ruleBase)) as object), format: CACHE_FORMAT + 1 };
    expect(readShippedFromCache(write('other.json', JSON.stringify(other)))).toBeUndefined();
    expect(readShippedFromCache(path.join(dir, 'missing.json'))).toBeUndefined();
    expect(readShippedFromCache(write('broken.json', '{'))).toBeUndefined();
  });
});
