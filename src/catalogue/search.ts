/**
 * Finding an occupation from what a person types: catalogue id, SOC 2018 or
 * ISCO-08 code, an exact English or Chinese title or alias, or free text
 * (typo-tolerant, via fuse.js).
 */
import Fuse from 'fuse.js';
import type { RuleBase } from '../engine/compile.js';
import { parseJobTitle } from './job-title.js';
import type { OccupationEntry } from '../engine/schema.js';
import { CJK, NON_CJK_RUNS, WordIndex } from './tokens.js';

export type RoleResolution =
  | { readonly kind: 'match'; readonly occupation: OccupationEntry; readonly how: 'id' | 'code' | 'title' | 'search' }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly OccupationEntry[] }
  | { readonly kind: 'none'; readonly suggestions: readonly OccupationEntry[] };

export interface SearchHit {
  readonly occupation: OccupationEntry;
  /** 0 = perfect, 1 = no match (fuse.js scale). */
  readonly score: number;
}

/**
 * A free-text match is accepted (with a notice) only when it is good enough and
 * clearly ahead of the runner-up; otherwise the user gets "did you mean" suggestions.
 */
const CONFIDENT_SCORE = 0.6;
const CLEAR_LEAD = 0.15;
/** Minimum n-gram similarity between the query and a name of the accepted role. */
const RESEMBLANCE = 0.6;
const SUGGESTIONS = 5;
/** Longest query (in characters) given to fuse.js. */
const FUSE_MAX_QUERY = 12;

export function normaliseQuery(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, ' ');
}

/**
 * Longest role text (in characters, i.e. code points) that is searched. The CLI rejects
 * longer --role values, batch cells and `roles` queries with a message naming this cap
 * (see roleLength); searchRoles and resolveRole cut longer text to it, so no caller can
 * make a search cost more than a query of this length.
 */
export const MAX_ROLE_CHARS = 200;

/** Length of a role text as the cap counts it: code points, so a Chinese character is one. */
export function roleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // The second half of a surrogate pair is the same code point as the first.
    const pairEnd = c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
    if (!pairEnd) n++;
  }
  return n;
}

/** Text trimmed and cut to its first MAX_ROLE_CHARS code points. */
function cut(text: string): string {
  const t = text.trim();
  return roleLength(t) > MAX_ROLE_CHARS ? Array.from(t).slice(0, MAX_ROLE_CHARS).join('').trimEnd() : t;
}

/** The query cut to the cap, normalised, and cut again (NFKC can lengthen text: ﬃ → ffi). */
function boundedQuery(text: string): string {
  return cut(normaliseQuery(cut(text)));
}

interface Index {
  /** Built on first use: exact look-ups (the common case at start-up) never pay for it. */
  readonly fuse: Fuse<OccupationEntry>;
  /** Catalogue position of each id, for stable tie-breaking. */
  readonly order: ReadonlyMap<string, number>;
  readonly exact: ReadonlyMap<string, readonly OccupationEntry[]>;
  readonly words: WordIndex;
  readonly soc: ReadonlyMap<string, readonly OccupationEntry[]>;
  readonly isco: ReadonlyMap<string, readonly OccupationEntry[]>;
  /** 大典 2022 code → the entries that give it first, then the entries that list it later. */
  readonly csco: ReadonlyMap<string, { readonly first: readonly OccupationEntry[]; readonly also: readonly OccupationEntry[] }>;
}

const indexes = new WeakMap<RuleBase, Index>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function indexOf(rb: RuleBase): Index {
  const cached = indexes.get(rb);
  if (cached) return cached;
  const exact = new Map<string, OccupationEntry[]>();
  const soc = new Map<string, OccupationEntry[]>();
  const isco = new Map<string, OccupationEntry[]>();
  const csco = new Map<string, { first: OccupationEntry[]; also: OccupationEntry[] }>();
  for (const o of rb.occupations) {
    for (const name of [o.title.en, o.title.zh, ...o.aliases.en, ...o.aliases.zh]) push(exact, normaliseQuery(name), o);
    push(soc, o.codes.soc2018, o);
    push(isco, o.codes.isco08, o);
    (o.codes.csco2022 ?? []).forEach((code, i) => {
      const entry = csco.get(code) ?? { first: [], also: [] };
      (i === 0 ? entry.first : entry.also).push(o);
      csco.set(code, entry);
    });
  }
  const order = new Map(rb.occupations.map((o, i) => [o.id, i]));
  let fuse: Fuse<OccupationEntry> | undefined;
  let words: WordIndex | undefined;
  const index: Index = {
    exact,
    soc,
    isco,
    csco,
    order,
    // fuse.js covers English names (typos inside and across words); Chinese goes through n-grams,
    // codes through exact look-up, and long phrasings through the word index.
    get fuse() {
      fuse ??= new Fuse(rb.occupations, {
        includeScore: true,
        ignoreLocation: true,
        threshold: 0.35,
        keys: [
          { name: 'title.en', weight: 3 },
          { name: 'aliases.en', weight: 2 },
        ],
      });
      return fuse;
    },
    get words() {
      words ??= new WordIndex(rb.occupations);
      return words;
    },
  };
  indexes.set(rb, index);
  return index;
}

/** Hits scoring above this are too weak to list when a person browses results. */
export const LISTING_MAX_SCORE = 0.65;


/** Words that say how senior someone is, not what the job is: job boards put them in titles. */
const LEVEL_WORDS = new Set(['senior', 'sr', 'junior', 'jr', 'intern', 'trainee', 'entry', 'level', 'mid', 'experienced', 'principal', 'staff']);
const ZH_LEVEL_PREFIXES = ['高级', '资深', '初级', '中级', '实习', '见习', '兼职', '全职'];
/** Job-board abbreviations, expanded before fuzzy matching. */
// A Map, not a plain object: a typed word must never find `constructor` or `__proto__` on Object.prototype.
const EXPANSIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    dev: 'developer',
    devs: 'developers',
    eng: 'engineer',
    engr: 'engineer',
    mgr: 'manager',
    admin: 'administrator',
    rep: 'representative',
    reps: 'representative',
    asst: 'assistant',
    tech: 'technician',
    ops: 'operations',
    acct: 'accountant',
    cust: 'customer',
    svc: 'service',
    mktg: 'marketing',
    sw: 'software',
    frontend: 'front-end',
    backend: 'back-end',
  }),
);

/** The query with seniority words dropped and abbreviations expanded (fuzzy search only). */
export function cleanQuery(q: string): string {
  let text = q;
  for (const prefix of ZH_LEVEL_PREFIXES) {
    if (text.startsWith(prefix) && text.length - prefix.length >= 2) text = text.slice(prefix.length);
  }
  const words = text.split(/\s+/).filter((w) => w !== '' && !LEVEL_WORDS.has(w));
  const cleaned = words.map((w) => EXPANSIONS.get(w) ?? w).join(' ');
  return cleaned === '' ? q : cleaned;
}

function grams(text: string, n: number): string[] {
  const t = text.replace(/\s+/g, ' ');
  if (t.length <= n) return [t];
  const out: string[] = [];
  for (let i = 0; i + n <= t.length; i++) out.push(t.slice(i, i + n));
  return out;
}

/** A text's character n-grams, counted. */
interface Grams {
  readonly n: number;
  readonly counts: ReadonlyMap<string, number>;
  readonly total: number;
}

function countGrams(text: string, n: number): Grams {
  const list = grams(text, n);
  const counts = new Map<string, number>();
  for (const g of list) counts.set(g, (counts.get(g) ?? 0) + 1);
  return { n, counts, total: list.length };
}

/** The query's n-grams, computed once per search (bigrams for Chinese, trigrams for Latin text). */
function queryGrams(q: string): Grams {
  return countGrams(q, CJK.test(q) ? 2 : 3);
}

/** Dice similarity of two counted n-gram sets (shared n-grams counted with multiplicity). */
function dice(a: Grams, b: Grams): number {
  const [small, large] = a.counts.size <= b.counts.size ? [a.counts, b.counts] : [b.counts, a.counts];
  let shared = 0;
  for (const [g, count] of small) shared += Math.min(count, large.get(g) ?? 0);
  return (2 * shared) / (a.total + b.total);
}

/** Dice similarity of character n-grams (bigrams for Chinese, trigrams for Latin text). */
export function ngramSimilarity(a: string, b: string): number {
  const qa = queryGrams(a);
  return dice(qa, countGrams(b, qa.n));
}

/** Characters that end many Chinese job names (…员, …师, …工) and say little on their own. */
const GENERIC_ZH = new Set(['员', '师', '工', '人', '者', '家', '手', '长', '专', '业', '务', '管', '理']);

/** Posting words that are not part of a Chinese job name. */
const ZH_NOISE = ['急招', '诚聘', '高薪', '夜班', '白班', '计件', '长期', '临时', '包吃住', '兼职', '全职', '持证上岗', '五险一金'];
/** Verbs that open colloquial names: 开公交的 (drives the bus), 修空调的 (fixes air-conditioners). */
const ZH_VERBS = /^[开做干当修卖教看扫剪送跑搞贴刷装]/;

/**
 * The Chinese parts of a query that may name a job: split on other scripts, posting words and
 * 的; the colloquial ending 师傅 (master) is dropped, and for 开公交(的)-style phrases the object
 * alone (公交) is tried too.
 */
export function chineseParts(q: string): string[] {
  if (!CJK.test(q)) return [];
  let text = q.replace(/^招聘[: ]*/, '').replace(NON_CJK_RUNS, ' ');
  for (const noise of ZH_NOISE) text = text.split(noise).join(' ');
  const parts = new Set<string>();
  for (const raw of text.split(/[ 的]+/)) {
    const part = raw.replace(/(.{2,})师傅$/, '$1');
    // One character, or 师傅 alone, says nothing about the job.
    if (part.length < 2 || part === '师傅') continue;
    parts.add(part);
    if (ZH_VERBS.test(part) && part.length >= 3) parts.add(part.slice(1));
  }
  return [...parts];
}

/** Descriptions support a match but count less than names. */
const DESCRIPTION_SIMILARITY = 0.6;

/** A Chinese query part with its bigrams, worked out once per search. */
interface Part {
  readonly text: string;
  readonly bigrams: readonly string[];
  readonly grams: Grams;
}

function partOf(text: string): Part {
  return { text, bigrams: grams(text, 2), grams: queryGrams(text) };
}

/** How much of a Chinese query part a description contains: whole, or by share of its bigrams. */
function describedBy(part: Part, description: string): number {
  if (part.text.length < 2) return 0;
  if (description.includes(part.text)) return 1;
  let found = 0;
  for (const g of part.bigrams) if (description.includes(g)) found++;
  return found / part.bigrams.length >= 0.5 ? (0.8 * found) / part.bigrams.length : 0;
}

/** Similarity of a Chinese query part to one Chinese name of an occupation: containment first, then bigrams. */
function chineseSimilarity(part: Part, o: OccupationEntry, name: string): number {
  const q = part.text;
  if (name === q) return 1;
  if (name.includes(q)) return Math.max(0.7, 0.95 - 0.03 * (name.length - q.length));
  if (q.includes(name) && name.length >= 2) return Math.max(0.6, 0.9 - 0.04 * (q.length - name.length));
  return dice(part.grams, nameGrams(o, name, part.grams.n)) * 0.85;
}

/** Ranked matches for a query; ties keep catalogue order, so results are deterministic. */
export function searchRoles(rb: RuleBase, query: string, limit = 10, maxScore = 1): SearchHit[] {
  const q = boundedQuery(query);
  if (q === '') return rb.occupations.slice(0, limit).map((occupation) => ({ occupation, score: 1 }));
  const index = indexOf(rb);
  const cleaned = cleanQuery(q);
  const best = new Map<string, number>();
  const offer = (o: OccupationEntry, score: number) => {
    const prev = best.get(o.id);
    if (prev === undefined || score < prev) best.set(o.id, score);
  };
  for (const key of new Set([q, cleaned])) {
    for (const o of lookupCode(rb, key)?.entries ?? []) offer(o, 0);
    for (const o of index.exact.get(key) ?? []) offer(o, 0);
    const byId = rb.occupationById.get(key);
    if (byId) offer(byId, 0);
  }
  // Fuzzy candidates, re-scored by character n-grams: fuse.js finds typos, n-grams rank
  // "sofware developer" closer to Software Developer than to Back-end Developer.
  // fuse.js's bitap search grows with query length; long job-board phrasings are left to
  // the word index and n-grams, which handle them better anyway.
  const fuzzyResults = cleaned.length <= FUSE_MAX_QUERY && !CJK.test(cleaned) ? index.fuse.search(cleaned, { limit: 40 }) : [];
  const cleanedGrams = queryGrams(cleaned);
  for (const result of fuzzyResults) {
    const fuzzy = result.score ?? 1;
    offer(result.item, Math.min(fuzzy, 1 - nameSimilarity(result.item, cleanedGrams)));
  }
  for (const [i, sim] of index.words.search(cleaned)) {
    const o = rb.occupations[i];
    if (o && sim >= 0.3) offer(o, 1 - sim);
  }
  const parts = chineseParts(cleaned).map(partOf);
  if (parts.length > 0) {
    for (const o of rb.occupations) {
      let sim = 0;
      for (const name of zhNamesOf(o)) for (const part of parts) sim = Math.max(sim, chineseSimilarity(part, o, name));
      // What the job does: "洗牙的" (the one who cleans teeth) is in the hygienist's description.
      for (const part of parts) sim = Math.max(sim, DESCRIPTION_SIMILARITY * describedBy(part, o.description.zh));
      if (sim >= 0.3) offer(o, 1 - sim);
    }
  }
  const order = index.order;
  return [...best]
    .filter(([, score]) => score <= maxScore)
    .sort((a, b) => a[1] - b[1] || (order.get(a[0]) ?? 0) - (order.get(b[0]) ?? 0))
    .slice(0, limit)
    .map(([id, score]) => ({ occupation: rb.occupationById.get(id) as OccupationEntry, score }));
}

/** Best n-gram similarity between the query and any title or alias of the occupation. */
function nameSimilarity(o: OccupationEntry, q: Grams): number {
  let sim = 0;
  for (const name of namesOf(o)) sim = Math.max(sim, dice(q, nameGrams(o, name, q.n)));
  return sim;
}

/** N-grams of each occupation's names, worked out on first use (keyed by size and name). */
const gramsOfNames = new WeakMap<OccupationEntry, Map<string, Grams>>();

function nameGrams(o: OccupationEntry, name: string, n: number): Grams {
  let cache = gramsOfNames.get(o);
  if (!cache) {
    cache = new Map();
    gramsOfNames.set(o, cache);
  }
  const key = `${n}\0${name}`;
  let found = cache.get(key);
  if (!found) {
    found = countGrams(name, n);
    cache.set(key, found);
  }
  return found;
}

/** Normalised titles and aliases of each occupation: all of them, and the Chinese ones. */
const normalisedNames = new WeakMap<OccupationEntry, { readonly all: readonly string[]; readonly zh: readonly string[] }>();

function names(o: OccupationEntry): { readonly all: readonly string[]; readonly zh: readonly string[] } {
  let found = normalisedNames.get(o);
  if (!found) {
    const zh = [o.title.zh, ...o.aliases.zh].map(normaliseQuery);
    found = { zh, all: [...[o.title.en, ...o.aliases.en].map(normaliseQuery), ...zh] };
    normalisedNames.set(o, found);
  }
  return found;
}

const namesOf = (o: OccupationEntry) => names(o).all;
const zhNamesOf = (o: OccupationEntry) => names(o).zh;

/** Closest names by n-grams, for "did you mean" when fuzzy search finds nothing. */
function nearestByNgrams(rb: RuleBase, q: string, n: number): OccupationEntry[] {
  const chars = CJK.test(q) ? new Set([...q].filter((c) => CJK.test(c) && !GENERIC_ZH.has(c))) : undefined;
  const qGrams = queryGrams(q);
  const scored = rb.occupations.map((o) => {
    if (!chars) return { o, sim: nameSimilarity(o, qGrams) };
    // Chinese words are short: fall back to the characters they share (航 in 宇航员 and 航天工程师).
    let shared = 0;
    for (const name of zhNamesOf(o)) shared = Math.max(shared, [...new Set(name)].filter((c) => chars.has(c)).length);
    return { o, sim: chars.size === 0 ? 0 : shared / chars.size };
  });
  return scored
    .filter((x) => x.sim > 0.15)
    .sort((a, b) => b.sim - a.sim)
    .slice(0, n)
    .map((x) => x.o);
}

/** Entries with the code a query names (`15-1252`, `soc:15-1252`, `isco:2512`), and its code system. */
function lookupCode(rb: RuleBase, q: string): { readonly system: 'soc2018' | 'isco08' | 'csco2022'; readonly entries: readonly OccupationEntry[] } | undefined {
  const { soc, isco, csco } = indexOf(rb);
  // 大典 2022 codes look like 2-02-10-03 (with or without `csco:`): the entries that give the code first answer for it.
  const cscoMatch = /^(?:csco(?:-?2022)?[: ]?)?([1-8]-\d\d-\d\d-\d\d)$/.exec(q);
  if (cscoMatch?.[1]) {
    const found = csco.get(cscoMatch[1]);
    return { system: 'csco2022', entries: found ? (found.first.length > 0 ? found.first : found.also) : [] };
  }
  const socMatch = /^(?:soc(?:2018)?[: ]?)?(\d\d-\d{4})$/.exec(q);
  if (socMatch?.[1]) return { system: 'soc2018', entries: soc.get(socMatch[1]) ?? [] };
  const iscoMatch = /^isco(?:-?08)?[: ]?(\d{4})$/.exec(q);
  if (iscoMatch?.[1]) return { system: 'isco08', entries: isco.get(iscoMatch[1]) ?? [] };
  return undefined;
}

/**
 * Resolves what a person typed to one occupation, or says why not. A job-board title that does
 * not resolve as typed is tried again without its noise (bracketed notes, pay, benefits, level
 * words …; see job-title.ts): a match of the cleaned title is a match, and its suggestions
 * replace those of the raw text when that found nothing.
 */
export function resolveRole(rb: RuleBase, query: string): RoleResolution {
  const raw = resolveTyped(rb, query);
  if (raw.kind === 'match') return raw;
  const title = parseJobTitle(cut(query));
  if (!title.changed) return raw;
  const cleaned = resolveTyped(rb, title.core);
  if (cleaned.kind === 'match') return cleaned;
  if (raw.kind === 'none' && (cleaned.kind === 'ambiguous' || cleaned.suggestions.length > 0)) return cleaned;
  return raw;
}

function resolveTyped(rb: RuleBase, query: string): RoleResolution {
  const q = boundedQuery(query);
  const byId = rb.occupationById.get(q);
  if (byId) return { kind: 'match', occupation: byId, how: 'id' };

  const code = lookupCode(rb, q);
  if (code !== undefined) {
    const byCode = code.entries;
    if (byCode.length === 1 && byCode[0]) return { kind: 'match', occupation: byCode[0], how: 'code' };
    // Several entries share the code: the one marked primary for this code system answers for it.
    const primary = code.system === 'csco2022' ? [] : byCode.filter((o) => o.codes.primary?.includes(code.system as 'soc2018' | 'isco08'));
    if (primary.length === 1 && primary[0]) return { kind: 'match', occupation: primary[0], how: 'code' };
    if (byCode.length > 1) return { kind: 'ambiguous', candidates: byCode };
    return { kind: 'none', suggestions: [] };
  }

  const byName = indexOf(rb).exact.get(q) ?? [];
  if (byName.length === 1 && byName[0]) return { kind: 'match', occupation: byName[0], how: 'title' };
  if (byName.length > 1) return { kind: 'ambiguous', candidates: byName };

  const hits = searchRoles(rb, q, SUGGESTIONS);
  const [first, second] = hits;
  const clear = first && first.score <= CONFIDENT_SCORE && (!second || second.score - first.score >= CLEAR_LEAD);
  // A typo of a name, not a word that merely occurs in one ("astronaut" in "astronautical engineer").
  if (first && clear && nameSimilarity(first.occupation, queryGrams(cleanQuery(q))) >= RESEMBLANCE) {
    return { kind: 'match', occupation: first.occupation, how: 'search' };
  }
  const suggestions = hits.length > 0 ? hits.map((h) => h.occupation) : nearestByNgrams(rb, cleanQuery(q), SUGGESTIONS);
  return { kind: 'none', suggestions };
}
