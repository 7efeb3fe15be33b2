/**
 * A build-time snapshot of the validated shipped rule base (dist/rulebase.cache.json).
 * Start-up checks it against a fresh hash of the rule files and uses it only when
 * every byte matches, so an edited rule file is always re-read and re-validated.
 * A hit skips YAML parsing and schema validation (and loading those libraries).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { findRuleFiles, displayPath, hashUpdate, readRuleText, SHIPPED_RULES_DIR } from './files.js';
import type { Entries, LoadedRuleBase } from './load.js';
import type { RulesetEntry } from './schema.js';

/** Bump when the cached shape or the loader's validation changes. */
export const CACHE_FORMAT = 2;
export const CACHE_PATH = new URL('../rulebase.cache.json', import.meta.url);

interface CacheFile {
  readonly format: number;
  readonly hash: string;
  readonly ruleset: RulesetEntry;
  readonly entries: Entries;
}

export function serialiseCache(rb: LoadedRuleBase): string {
  const cache: CacheFile = { format: CACHE_FORMAT, hash: rb.hash, ruleset: rb.ruleset, entries: rb.entries };
  return JSON.stringify(cache);
}

/** The shipped rule base from the cache, or undefined when the cache is missing or stale. */
export function readShippedFromCache(cachePath: URL | string = CACHE_PATH): LoadedRuleBase | undefined {
  let cache: CacheFile;
  try {
    cache = JSON.parse(readFileSync(cachePath, 'utf8')) as CacheFile;
  } catch {
    return undefined;
  }
  if (cache.format !== CACHE_FORMAT) return undefined;
  const found = findRuleFiles(SHIPPED_RULES_DIR);
  if (!found.ok || found.faults.length > 0) return undefined;
  const hash = createHash('sha256');
  for (const abs of found.files) {
    // The same bounded, strict read as the loader: a file it would refuse is a miss, and the loader then says why.
    const read = readRuleText(abs);
    if (!read.ok) return undefined;
    hashUpdate(hash, SHIPPED_RULES_DIR, abs, read.text);
  }
  const digest = hash.digest('hex');
  if (digest !== cache.hash) return undefined;
  return {
    ruleset: cache.ruleset,
    entries: cache.entries,
    origins: new Map(),
    layers: [{ name: 'shipped', files: found.files.map(displayPath), hash: digest }],
    hash: digest,
  };
}
