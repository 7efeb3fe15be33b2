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
export const CACHE_FORMAT = 4;
export const CACHE_PATH = new URL('../rulebase.cache.json', import.meta.url);

/**
 * The file is two lines: a header, then the body it vouches for. The digest
 * covers the body's exact text, so a cache damaged or edited after the build
 * (its rule-file hash still matching) is a miss, at the cost of one sha256.
 */
interface CacheHeader {
  readonly format: number;
  /** sha256 over the shipped rule files the body was built from. */
  readonly hash: string;
  /** sha256 of the body line. */
  readonly digest: string;
}

interface CacheBody {
  readonly ruleset: RulesetEntry;
  readonly entries: Entries;
}

export function serialiseCache(rb: LoadedRuleBase): string {
  const body = JSON.stringify({ ruleset: rb.ruleset, entries: rb.entries } satisfies CacheBody);
  const header: CacheHeader = { format: CACHE_FORMAT, hash: rb.hash, digest: sha256(body) };
  return `${JSON.stringify(header)}\n${body}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The shipped rule base from the cache, or undefined when the cache is missing, damaged or stale. */
export function readShippedFromCache(cachePath: URL | string = CACHE_PATH): LoadedRuleBase | undefined {
  let header: CacheHeader;
  let cache: CacheBody;
  try {
    const text = readFileSync(cachePath, 'utf8');
    const nl = text.indexOf('\n');
    header = JSON.parse(text.slice(0, nl)) as CacheHeader;
    if (header.format !== CACHE_FORMAT) return undefined;
    const body = text.slice(nl + 1);
    if (nl < 0 || header.digest !== sha256(body)) return undefined;
    cache = JSON.parse(body) as CacheBody;
  } catch {
    return undefined;
  }
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
  if (digest !== header.hash) return undefined;
  return {
    ruleset: cache.ruleset,
    entries: cache.entries,
    origins: new Map(),
    layers: [{ name: 'shipped', files: found.files.map(displayPath), hash: digest }],
    hash: digest,
    notes: [],
  };
}
