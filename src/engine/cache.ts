/**
 * A build-time snapshot of the validated shipped rule base (dist/rulebase.cache.json).
 * Start-up uses it only when a fresh hash of the rule files matches, or when a stamp of
 * the last such match still holds for every file (see stampPathOf), so an edited rule
 * file is always re-read and re-validated.
 * A hit skips YAML parsing and schema validation (and loading those libraries).
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { findRuleFiles, displayPath, hashUpdate, readRuleText, SHIPPED_RULES_DIR } from './files.js';
import type * as Crypto from 'node:crypto';
import type { Hash } from 'node:crypto';
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

export interface CacheBody {
  readonly ruleset: RulesetEntry;
  readonly entries: Entries;
}

export function serialiseCache(rb: LoadedRuleBase): string {
  const body = JSON.stringify({ ruleset: rb.ruleset, entries: rb.entries } satisfies CacheBody);
  const header: CacheHeader = { format: CACHE_FORMAT, hash: rb.hash, digest: sha256(body) };
  return `${JSON.stringify(header)}\n${body}`;
}

/**
 * node:crypto, loaded on first use: a start whose stamp holds (most starts) hashes nothing, and
 * loading the module costs a few milliseconds.
 */
function createHash(algorithm: 'sha256'): Hash {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto;
  return crypto.createHash(algorithm);
}
let crypto: typeof Crypto | undefined;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Where the check of the last hit is kept: beside the cache. A stamp vouches that the cache file
 * and every rule file still have the size, modification time, change time and inode they had
 * when their sha256 was last found to match. Every write to a file moves its change time (ctime),
 * which no user tool can set back (`touch -r` restores mtime only), so an edited file never
 * matches a stamp; the hash is then checked again as before, and a match writes a fresh stamp.
 */
export function stampPathOf(cachePath: URL | string): string {
  return `${typeof cachePath === 'string' ? cachePath : fileURLToPath(cachePath)}.stamp`;
}

interface Stamp {
  readonly format: number;
  /** The rule-file sha256 the stamp vouches for (the cache header's). */
  readonly hash: string;
  /** One line per file: the cache file first, then the rule files in load order. */
  readonly files: readonly string[];
}

/** "path size mtime ctime inode" of each file, or undefined when one cannot be read. */
function fingerprints(files: readonly string[]): string[] | undefined {
  try {
    return files.map((file) => {
      const s = statSync(file, { bigint: true });
      return `${file}\0${s.size}\0${s.mtimeNs}\0${s.ctimeNs}\0${s.ino}`;
    });
  } catch {
    return undefined;
  }
}

function readStamp(stampPath: string): Stamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as Stamp;
    return stamp.format === CACHE_FORMAT && typeof stamp.hash === 'string' && Array.isArray(stamp.files) ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort: a folder the user cannot write (a system-wide install) keeps hashing on every start. */
function writeStamp(stampPath: string, stamp: Stamp): void {
  const temp = `${stampPath}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(stamp));
    renameSync(temp, stampPath);
  } catch {
    rmSync(temp, { force: true });
  }
}

/**
 * The shipped rule base from the cache, or undefined when the cache is missing, damaged or stale.
 * A stamp that still matches (see stampPathOf) stands in for the two sha256 checks; otherwise they
 * run, and a hit leaves a stamp for the next start.
 */
export function readShippedFromCache(cachePath: URL | string = CACHE_PATH): LoadedRuleBase | undefined {
  const found = findRuleFiles(SHIPPED_RULES_DIR);
  if (!found.ok || found.faults.length > 0) return undefined;
  const cacheFile = typeof cachePath === 'string' ? cachePath : fileURLToPath(cachePath);
  // Taken before anything is read: a file written while it is read moves its ctime past the stamp.
  const prints = fingerprints([cacheFile, ...found.files]);
  let header: CacheHeader;
  let cache: CacheBody;
  let text: string;
  try {
    text = readFileSync(cachePath, 'utf8');
    const nl = text.indexOf('\n');
    if (nl < 0) return undefined;
    header = JSON.parse(text.slice(0, nl)) as CacheHeader;
    if (header.format !== CACHE_FORMAT) return undefined;
    const stampPath = stampPathOf(cachePath);
    const stamp = prints ? readStamp(stampPath) : undefined;
    const stamped = stamp !== undefined && prints !== undefined && stamp.hash === header.hash && stamp.files.length === prints.length && stamp.files.every((f, i) => f === prints[i]);
    const body = text.slice(nl + 1);
    if (!stamped) {
      if (header.digest !== sha256(body) || shippedHash(found.files) !== header.hash) return undefined;
      if (prints) writeStamp(stampPath, { format: CACHE_FORMAT, hash: header.hash, files: prints });
    }
    cache = JSON.parse(body) as CacheBody;
  } catch {
    return undefined;
  }
  return {
    ruleset: cache.ruleset,
    entries: cache.entries,
    origins: new Map(),
    layers: [{ name: 'shipped', files: found.files.map(displayPath), hash: header.hash }],
    hash: header.hash,
    notes: [],
  };
}

/**
 * The snapshot's entries when it was built from rule files whose sha256 is `hash` (the loader has
 * just read and hashed them) and its body is intact; otherwise undefined. The loader uses it for the
 * shipped layer under rule packs, so a pack parses and validates only its own files.
 */
export function readSnapshotFor(hash: string, cachePath: URL | string = CACHE_PATH): CacheBody | undefined {
  try {
    const text = readFileSync(cachePath, 'utf8');
    const nl = text.indexOf('\n');
    if (nl < 0) return undefined;
    const header = JSON.parse(text.slice(0, nl)) as CacheHeader;
    if (header.format !== CACHE_FORMAT || header.hash !== hash) return undefined;
    const body = text.slice(nl + 1);
    return header.digest === sha256(body) ? (JSON.parse(body) as CacheBody) : undefined;
  } catch {
    return undefined;
  }
}

/** sha256 over the shipped rule files, as the loader computes it; undefined when one cannot be read as the loader would. */
function shippedHash(files: readonly string[]): string | undefined {
  const hash = createHash('sha256');
  for (const abs of files) {
    // The same bounded, strict read as the loader: a file it would refuse is a miss, and the loader then says why.
    const read = readRuleText(abs);
    if (!read.ok) return undefined;
    hashUpdate(hash, SHIPPED_RULES_DIR, abs, read.text);
  }
  return hash.digest('hex');
}
