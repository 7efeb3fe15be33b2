/**
 * The derived alias index: names people use for a catalogue occupation, from the O*NET 27.0
 * Alternate Titles (English) and the 2022 大典 names and aliases (Chinese), curated by
 * scripts/derive/aliases.js into data/derived/aliases.tsv. The build writes it as JSON next to
 * this module (dist/catalogue/aliases.json); the search reads it on first use only, so a start
 * that resolves an id or a catalogue title never pays for it. Run from the sources (tests), the
 * TSV itself is read.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { derivedRows } from './derived-tsv.js';
import { normaliseQuery } from './normalise.js';

export { SEARCH_DATA_ATTRIBUTION } from './attribution.js';

/** Names per catalogue id, by language. */
export interface AliasNames {
  readonly en: ReadonlyMap<string, readonly string[]>;
  readonly zh: ReadonlyMap<string, readonly string[]>;
}

// Spelt from dist/ (../catalogue/), so it holds from dist/catalogue/ and from the bundle in dist/bundle/.
const JSON_PATH = new URL('../catalogue/aliases.json', import.meta.url);
const TSV_PATH = new URL('../../data/derived/aliases.tsv', import.meta.url);

type Names = { readonly en: Record<string, string[]>; readonly zh: Record<string, string[]> };
/** The names by id, and each normalised name with the ids it names (so a process need not normalise 20,000 names). */
type Serialised = Names & { readonly keys?: [string, string[]][] };

/** Parses data/derived/aliases.tsv (comment lines, a header, then id, lang, name, source). */
export function parseAliasTsv(text: string): Names {
  const out: { en: Record<string, string[]>; zh: Record<string, string[]> } = { en: {}, zh: {} };
  for (const [id, lang, name] of derivedRows(text)) {
    if (!id || !name || (lang !== 'en' && lang !== 'zh')) throw new Error(`aliases.tsv: bad row ${JSON.stringify([id, lang, name])}`);
    (out[lang][id] ??= []).push(name);
  }
  return out;
}

/** Build step: the TSV as JSON next to the compiled module. */
export function writeAliasIndex(): void {
  const names = parseAliasTsv(readFileSync(TSV_PATH, 'utf8'));
  const serialised: Serialised = { ...names, keys: [...keysOf(names)] };
  writeFileSync(JSON_PATH, JSON.stringify(serialised));
}

function keysOf(names: Names): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const lang of ['en', 'zh'] as const) {
    for (const [id, list] of Object.entries(names[lang])) {
      for (const name of list) {
        const key = normaliseQuery(name);
        const ids = keys.get(key) ?? [];
        if (!ids.includes(id)) ids.push(id);
        keys.set(key, ids);
      }
    }
  }
  return keys;
}

let loaded: (AliasNames & { readonly keys: ReadonlyMap<string, readonly string[]> }) | undefined;

function toMaps(data: Serialised) {
  // Maps, not the parsed objects: an id must never find `constructor` or `__proto__` on Object.prototype.
  return { en: new Map(Object.entries(data.en)), zh: new Map(Object.entries(data.zh)), keys: data.keys ? new Map(data.keys) : keysOf(data) };
}

/** Each normalised alias-index name → the catalogue ids it names. */
export function aliasKeys(): ReadonlyMap<string, readonly string[]> {
  return aliasNames().keys;
}

/** The shipped alias index (empty when neither the built JSON nor the derived TSV is present). */
export function aliasNames(): AliasNames & { readonly keys: ReadonlyMap<string, readonly string[]> } {
  if (loaded) return loaded;
  if (existsSync(JSON_PATH)) loaded = toMaps(JSON.parse(readFileSync(JSON_PATH, 'utf8')) as Serialised);
  else if (existsSync(TSV_PATH)) loaded = toMaps(parseAliasTsv(readFileSync(TSV_PATH, 'utf8')));
  else loaded = { en: new Map(), zh: new Map(), keys: new Map() };
  return loaded;
}
