import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FORMAT, readShippedFromCache, serialiseCache, stampPathOf } from '../src/engine/cache.js';
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

  it('is ignored when its entries were tampered with after a hit left a stamp', () => {
    const file = write('stamped.json', serialiseCache(full.ruleBase));
    expect(readShippedFromCache(file)?.hash).toBe(full.ruleBase.hash);
    expect(existsSync(stampPathOf(file))).toBe(true);
    const { header, body } = split(readFileSync(file, 'utf8'));
    const tampered = JSON.parse(body) as { entries: { occupations: unknown[] } };
    tampered.entries.occupations = [{ id: 'broken' }];
    // Rewriting the file moves its change time, so the stamp no longer vouches for it.
    writeFileSync(file, `${JSON.stringify(header)}\n${JSON.stringify(tampered)}`);
    expect(readShippedFromCache(file)).toBeUndefined();
  });
});

describe('the stamp of the last hit', () => {
  const stampOf = (file: string) => JSON.parse(readFileSync(stampPathOf(file), 'utf8')) as { format: number; hash: string; files: string[] };

  it('is written on a hit: the cache file and every rule file, with size, times and inode', () => {
    const file = write('first.json', serialiseCache(full.ruleBase));
    expect(readShippedFromCache(file)?.hash).toBe(full.ruleBase.hash);
    const stamp = stampOf(file);
    expect(stamp).toMatchObject({ format: CACHE_FORMAT, hash: full.ruleBase.hash });
    expect(stamp.files).toHaveLength(1 + (full.ruleBase.layers[0]?.files.length ?? 0));
    expect(stamp.files[0]?.split('\0')).toHaveLength(5);
  });

  it('stands in for the hashes only while every fingerprint is the same', () => {
    const file = write('forged.json', serialiseCache(full.ruleBase));
    readShippedFromCache(file);
    const stamp = stampOf(file);
    // The same cache with a wrong rule-file hash, and a stamp for that hash whose rule-file line differs
    // (as after an edit): the stamp is not trusted, the hash is checked, and the cache is stale.
    const { header, body } = split(readFileSync(file, 'utf8'));
    writeFileSync(file, `${JSON.stringify({ ...header, hash: '0'.repeat(64) })}\n${body}`);
    const files = stamp.files.map((line, i) => (i === 1 ? `${line}x` : line));
    writeFileSync(stampPathOf(file), JSON.stringify({ ...stamp, hash: '0'.repeat(64), files }));
    expect(readShippedFromCache(file)).toBeUndefined();
  });

  it('rewriting the cache with the same bytes is still a hit (the hashes decide when the stamp does not)', () => {
    const text = serialiseCache(full.ruleBase);
    const file = write('same.json', text);
    readShippedFromCache(file);
    writeFileSync(file, text);
    expect(readShippedFromCache(file)?.hash).toBe(full.ruleBase.hash);
    expect(stampOf(file).hash).toBe(full.ruleBase.hash);
  });
});
