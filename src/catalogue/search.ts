/**
 * Finding an occupation from what a person types: catalogue id, SOC 2018 or
 * ISCO-08 code, an exact English or Chinese title or alias, or free text
 * (typo-tolerant: words a typo apart, character n-grams, and each occupation's whole vocabulary).
 */
import type { RuleBase } from '../engine/compile.js';
import { aliasKeys, aliasNames } from './aliases.js';
import { normaliseQuery } from './normalise.js';
import { correctSlips } from './homophones.js';
import { parseJobTitle } from './job-title.js';
import type { Seniority } from '../model/profile.js';
import type { OccupationEntry } from '../engine/schema.js';
import { CJK, MAX_QUERY_WORDS, NON_CJK_RUNS, PREFIX_QUALITY, WordIndex, stem, wordMatch, words as latinWords } from './tokens.js';
import { ProfileIndex, WEIGHTS } from './profiles.js';
import type { SerialisedProfiles, WeightedText } from './profiles.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export type RoleResolution =
  | { readonly kind: 'match'; readonly occupation: OccupationEntry; readonly how: MatchHow }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly OccupationEntry[] }
  | { readonly kind: 'none'; readonly suggestions: readonly OccupationEntry[] };

/** How a match was found: the catalogue's own id, code or title; a name from the alias index; or free-text search. */
export type MatchHow = 'id' | 'code' | 'title' | 'alias' | 'search';

/** What batch output and notices call a match: `exact` (id, code, catalogue title or alias), `alias` (the derived alias index), `fuzzy` (search). */
export type MatchKind = 'exact' | 'alias' | 'fuzzy';

export function matchKindOf(how: MatchHow): MatchKind {
  return how === 'search' ? 'fuzzy' : how === 'alias' ? 'alias' : 'exact';
}

export interface SearchHit {
  readonly occupation: OccupationEntry;
  /** 0 = perfect, 1 = no match. */
  readonly score: number;
}

const SUGGESTIONS = 5;
/** Search score of an exact alias-index name: just behind a catalogue title or alias. */
const ALIAS_SCORE = 0.02;
/** A query word the profiles have never seen weighs this much in the query's length (a typical word weighs 3–6). */
const UNKNOWN_TERM_WEIGHT = 1.5;
/** Occupations whose profile cosine is at least this share of the best one are candidates. */
const PROFILE_SHARE = 0.5;
/** A profile cosine from which the profile evidence counts fully (below it, proportionally less). */
const PROFILE_FULL = 0.05;
/** Weight of an unknown query word in knownShare (a rare known word weighs about 6). */
const UNKNOWN_WORD_WEIGHT = 6;
/** How much a wholly unknown query lowers fuzzy similarities (half unknown: half of this). */
const UNKNOWN_PENALTY = 0.5;
/** Share of the best single name in a fuzzy score; the rest is the profile evidence. */
const NAME_WEIGHT = 0.5;
/** How many vocabulary words one typed word may stand for (its prefixes or typos). */
const MAX_STAND_INS = 8;
/** Extra weight of the word that names the job: the last English word, the last Chinese pair. */
const HEAD_WEIGHT = 1.5;

export { normaliseQuery };

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
  /** Catalogue position of each id, for stable tie-breaking. */
  readonly order: ReadonlyMap<string, number>;
  readonly exact: ReadonlyMap<string, readonly OccupationEntry[]>;
  /** Names of the derived alias index (aliases.ts) → entries; built on first use. */
  readonly aliases: AliasLookup;
  readonly words: WordIndex;
  /** Each character of the Chinese names and descriptions → the occupations (catalogue positions) using it. */
  readonly zhChars: ReadonlyMap<string, readonly number[]>;
  /**
   * The character pairs of the Chinese names (catalogue and alias index; not descriptions, whose
   * pairs cross word boundaries: 和土 in …和土壤…), and how many pairs each character is in.
   */
  readonly zhNamePairs: { readonly pairs: ReadonlySet<string>; readonly weights: ReadonlyMap<string, number> };
  /** Each occupation's names and description as one bag: English words, Chinese character pairs. */
  readonly profiles: { readonly en: ProfileIndex; readonly zh: ProfileIndex };
  readonly soc: ReadonlyMap<string, readonly OccupationEntry[]>;
  readonly isco: ReadonlyMap<string, readonly OccupationEntry[]>;
  /** 大典 2022 code → the entries that give it first, then the entries that list it later. */
  readonly csco: ReadonlyMap<string, { readonly first: readonly OccupationEntry[]; readonly also: readonly OccupationEntry[] }>;
}

const indexes = new WeakMap<RuleBase, Index>();

/** The alias index's normalised names → this rule base's entries, worked out per name looked up. */
class AliasLookup {
  private readonly memo = new Map<string, readonly OccupationEntry[]>();
  constructor(
    private readonly rb: RuleBase,
    private readonly order: ReadonlyMap<string, number>,
  ) {}

  get(key: string): readonly OccupationEntry[] | undefined {
    let found = this.memo.get(key);
    if (found === undefined) {
      // Only names of the index are kept (at most its size); a miss is not remembered.
      const ids = aliasKeys().get(key);
      if (ids === undefined) return undefined;
      found = ids.flatMap((id) => this.rb.occupationById.get(id) ?? []).sort((a, b) => (this.order.get(a.id) ?? 0) - (this.order.get(b.id) ?? 0));
      this.memo.set(key, found);
    }
    return found.length > 0 ? found : undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}

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
  let words: WordIndex | undefined;
  let aliases: AliasLookup | undefined;
  let profiles: { readonly en: ProfileIndex; readonly zh: ProfileIndex } | undefined;
  let zhNamePairs: { pairs: Set<string>; weights: Map<string, number> } | undefined;
  let zhChars: Map<string, number[]> | undefined;
  const index: Index = {
    exact,
    soc,
    isco,
    csco,
    order,
    // Built on first use: exact look-ups (the common case at start-up) never pay for them.
    get words() {
      words ??= new WordIndex(rb.occupations);
      return words;
    },
    get profiles() {
      profiles ??= profilesOf(rb);
      return profiles;
    },
    get zhChars() {
      if (!zhChars) {
        zhChars = new Map();
        rb.occupations.forEach((o, i) => {
          for (const ch of new Set([...zhNamesOf(o), o.description.zh].join(''))) push(zhChars as Map<string, number[]>, ch, i);
        });
      }
      return zhChars;
    },
    get zhNamePairs() {
      if (!zhNamePairs) {
        const pairs = new Set<string>();
        for (const o of rb.occupations) {
          for (const name of zhNamesOf(o)) for (const run of name.match(CJK_ALL_RUNS) ?? []) for (let i = 0; i + 2 <= run.length; i++) pairs.add(run.slice(i, i + 2));
        }
        const weights = new Map<string, number>();
        for (const pair of pairs) for (const ch of pair) weights.set(ch, (weights.get(ch) ?? 0) + 1);
        zhNamePairs = { pairs, weights };
      }
      return zhNamePairs;
    },
    get aliases() {
      // Names normalised at build time (aliases.ts); a name's entries are worked out when it is
      // looked up, in catalogue order, only those of this rule base.
      aliases ??= new AliasLookup(rb, order);
      return aliases;
    },
  };
  indexes.set(rb, index);
  return index;
}

/**
 * Words that say nothing about the job, in names and queries alike: function words and posting
 * words. Unlike the word index's noise list, job words such as "worker" and "lead" stay: in
 * "construction worker" the last word is the job.
 */
const PROFILE_STOP = new Set([
  'a', 'an', 'the', 'of', 'for', 'in', 'at', 'on', 'to', 'and', 'or', 'with', 'my', 'i', 'am', 'is', 'job', 'jobs', 'position', 'role',
  'wanted', 'hiring', 'needed', 'urgent', 'now', 'immediate', 'start', 'remote', 'hybrid', 'onsite', 'contract', 'temporary', 'temp',
  'seasonal', 'per', 'hour', 'hourly', 'week', 'weekly', 'shift', 'nights', 'weekend', 'weekends', 'parttime', 'fulltime', 'bonus', 'sign',
]);

function profileWords(text: string): string[] {
  return latinWords(text).filter((w) => !PROFILE_STOP.has(w)).map(stem);
}

/** The texts of an occupation that make its bag, in one language. */
function profileTexts(lang: 'en' | 'zh') {
  const derived = aliasNames();
  return (o: OccupationEntry): WeightedText[] => [
    { text: o.title[lang], weight: WEIGHTS.title },
    ...o.aliases[lang].map((text) => ({ text, weight: WEIGHTS.alias })),
    ...(derived[lang].get(o.id) ?? []).map((text) => ({ text, weight: WEIGHTS.derived })),
    { text: o.description[lang], weight: WEIGHTS.description },
  ];
}

/** One language's bags, built (English pivoted: its bags hold 3 to 200 names; Chinese ones differ little). */
function buildProfile(rb: RuleBase, lang: 'en' | 'zh'): ProfileIndex {
  return lang === 'en' ? ProfileIndex.build(rb.occupations, profileTexts('en'), enTerms, 0.5) : ProfileIndex.build(rb.occupations, profileTexts('zh'), zhTerms);
}

// Spelt from dist/ (../catalogue/), so it holds from dist/catalogue/ and from the bundle in dist/bundle/.
const SHIPPED_PROFILES = new URL('../catalogue/profiles.json', import.meta.url);

/**
 * Build step: the shipped catalogue's bags as JSON, with the rule-base hash and the occupation ids
 * they were built for. Rebuilding them costs a process about 0.3 s; reading them, a few ms.
 */
export function writeShippedProfiles(rb: RuleBase): void {
  writeFileSync(SHIPPED_PROFILES, JSON.stringify({ hash: rb.hash, ids: rb.occupations.map((o) => o.id), en: buildProfile(rb, 'en'), zh: buildProfile(rb, 'zh') }));
}

/**
 * The bags for this rule base: the ones the build wrote when they were built for this very rule
 * base (same hash, same occupations in the same order), else built now (a rule pack, or the tests,
 * which run from the sources). Either way each language is read or built on its first query.
 */
function profilesOf(rb: RuleBase): { readonly en: ProfileIndex; readonly zh: ProfileIndex } {
  let shipped: { hash: string; ids: string[]; en: SerialisedProfiles; zh: SerialisedProfiles } | undefined | null;
  const read = () => {
    if (shipped === undefined) {
      shipped = null;
      if (existsSync(SHIPPED_PROFILES)) {
        const data = JSON.parse(readFileSync(SHIPPED_PROFILES, 'utf8')) as { hash: string; ids: string[]; en: SerialisedProfiles; zh: SerialisedProfiles };
        const same = data.hash === rb.hash && data.ids.length === rb.occupations.length && data.ids.every((id, i) => rb.occupations[i]?.id === id);
        if (same) shipped = data;
      }
    }
    return shipped;
  };
  let en: ProfileIndex | undefined;
  let zh: ProfileIndex | undefined;
  return {
    get en() {
      const data = read();
      en ??= data ? ProfileIndex.fromJSON(data.en) : buildProfile(rb, 'en');
      return en;
    },
    get zh() {
      const data = read();
      zh ??= data ? ProfileIndex.fromJSON(data.zh) : buildProfile(rb, 'zh');
      return zh;
    },
  };
}

/** English profile terms: words (plural -s dropped, filler words left out) and each pair of adjacent words. */
function enTerms(text: string): string[] {
  const ws = profileWords(text);
  const out = [...ws];
  for (let i = 0; i + 1 < ws.length; i++) out.push(`${ws[i]} ${ws[i + 1]}`);
  return out;
}

/** Chinese profile terms: the character pairs of each Chinese run, and the Latin words (HR, Java, iOS). */
function zhTerms(text: string): string[] {
  const out: string[] = latinWords(text.replace(CJK_ALL, ' ')).map(stem);
  for (const run of text.match(CJK_ALL_RUNS) ?? []) for (let i = 0; i + 2 <= run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}
const CJK_ALL = /[\u3400-\u9fff\uf900-\ufaff]/g;
const CJK_ALL_RUNS = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/**
 * The query as profile terms, each with how well it is known: a word the profiles have never
 * seen stands for the closest word they have (a typo or a prefix, as the word index judges it).
 */
function profileQuery(profiles: ProfileIndex, text: string, zh: boolean): (readonly [string, number])[] {
  if (zh) {
    // The end of a Chinese job name says what the job is (…司机, …销售, …护士): its last pair counts more.
    const runs = text.match(CJK_ALL_RUNS) ?? [];
    const last = runs.at(-1);
    const head = last !== undefined && last.length >= 2 ? last.slice(-2) : undefined;
    return zhTerms(text).map((t) => [t, t === head ? HEAD_WEIGHT : 1] as const);
  }
  const ws = profileWords(text).slice(0, MAX_QUERY_WORDS);
  // A word the profiles have never seen stands for the words it can be a typo or a prefix of (the
  // best kind of match only; a prefix before a typo: "translat" is "translator", not "transit"),
  // sharing its weight among them.
  const known = ws.map((w): (readonly [string, number])[] => {
    if (profiles.has(w) || w.length < 3) return [[w, 1]];
    const prefixed = profiles.words().filter((v) => v.startsWith(w));
    if (prefixed.length > 0) return spread(prefixed.slice(0, MAX_STAND_INS), PREFIX_QUALITY);
    if (w.length < 4) return [[w, 1]];
    let quality = 0;
    let found: string[] = [];
    for (const v of profiles.words()) {
      const m = wordMatch(w, v);
      if (m > quality) {
        quality = m;
        found = [v];
      } else if (m === quality && m > 0) found.push(v);
    }
    return found.length > 0 ? spread(found.slice(0, MAX_STAND_INS), quality) : [[w, 1]];
  });
  // The last word of an English title names the job (Charge *Nurse*, Supply Chain *Analyst*): it counts more.
  const out: (readonly [string, number])[] = known.flatMap((terms, i) =>
    i === known.length - 1 && known.length > 1 ? terms.map(([t, q]) => [t, q * HEAD_WEIGHT] as const) : terms,
  );
  for (let i = 0; i + 1 < known.length; i++) {
    for (const [a, qa] of known[i] ?? []) for (const [b, qb] of known[i + 1] ?? []) out.push([`${a} ${b}`, Math.min(qa, qb)]);
    // Two typed words that are one word of the names: "bus boy" → busboy, "fork lift" → forklift.
    const joined = `${ws[i] ?? ''}${ws[i + 1] ?? ''}`;
    if (profiles.has(joined)) out.push([joined, i + 1 === known.length - 1 ? HEAD_WEIGHT : 1]);
  }
  return out;
}

/** Share of the query's single words (weighted by rarity) that the profiles know; an unknown word weighs UNKNOWN_WORD_WEIGHT. */
function knownShare(profiles: ProfileIndex, terms: readonly (readonly [string, number])[]): number {
  let knownWeight = 0;
  let total = 0;
  for (const [t] of terms) {
    if (t.includes(' ')) continue;
    const idf = profiles.idfOf(t);
    if (idf === undefined) total += UNKNOWN_WORD_WEIGHT;
    else {
      knownWeight += idf;
      total += idf;
    }
  }
  return total === 0 ? 1 : knownWeight / total;
}

/** Words standing in for one typed word share its weight (their squares sum to the quality's). */
function spread(words: readonly string[], quality: number): (readonly [string, number])[] {
  const each = quality / Math.sqrt(words.length);
  return words.map((w) => [w, each] as const);
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
    swe: 'software engineer',
    sde: 'software engineer',
    cpa: 'certified public accountant',
    ux: 'ux designer',
    ui: 'ui designer',
    vp: 'vice president',
    ae: 'account executive',
    hvac: 'hvac technician',
    emt: 'emergency medical technician',
    ma: 'medical assistant',
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

/**
 * The Chinese parts of a query (chineseParts), each followed by its input-method slips corrected
 * when it has any (homophones.ts: 会记 → 会计), as the catalogue's character pairs judge them.
 */
function zhParts(index: Index, q: string): readonly Part[] {
  // The search and the confidence check of one resolution both ask for the same query's parts.
  if (lastZhParts?.index === index && lastZhParts.q === q) return lastZhParts.parts;
  const parts = zhPartsOf(index, q);
  lastZhParts = { index, q, parts };
  return parts;
}

let lastZhParts: { readonly index: Index; readonly q: string; readonly parts: readonly Part[] } | undefined;

function zhPartsOf(index: Index, q: string): Part[] {
  const raw = chineseParts(q);
  if (raw.length === 0) return [];
  const { pairs, weights } = index.zhNamePairs;
  const out: Part[] = [];
  for (const part of raw) {
    out.push(partOf(part));
    const fixed = correctSlips(part, (pair) => pairs.has(pair), (ch) => weights.get(ch) ?? 0);
    if (fixed !== undefined && !raw.includes(fixed)) out.push(partOf(fixed, SLIP_WEIGHT));
  }
  return out;
}

/** Descriptions support a match but count less than names. */
const DESCRIPTION_SIMILARITY = 0.6;

/** A Chinese query part with its bigrams, worked out once per search. */
interface Part {
  readonly text: string;
  readonly bigrams: readonly string[];
  readonly grams: Grams;
  /** 1, or SLIP_WEIGHT for a part whose input-method slips were corrected: a guess counts less. */
  readonly weight: number;
}

/** What a match of a corrected part (会记 → 会计) is worth against the same match as typed. */
const SLIP_WEIGHT = 0.8;

function partOf(text: string, weight = 1): Part {
  return { text, bigrams: grams(text, 2), grams: queryGrams(text), weight };
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
  // The end of a Chinese name is the job (…司机); the query found elsewhere in it is a modifier (学生 in 学生校车司机).
  if (name.endsWith(q)) return Math.max(0.7, 0.95 - 0.03 * (name.length - q.length));
  if (name.includes(q)) return Math.max(0.4, 0.7 - 0.05 * (name.length - q.length));
  if (q.includes(name) && name.length >= 2) return Math.max(0.6, 0.9 - 0.04 * (q.length - name.length));
  return dice(part.grams, nameGrams(o, name, part.grams.n)) * 0.85;
}

/** Ranked matches for a query; ties keep catalogue order, so results are deterministic. */
export function searchRoles(rb: RuleBase, query: string, limit = 10, maxScore = 1): SearchHit[] {
  const q = boundedQuery(query);
  if (q === '') return rb.occupations.slice(0, limit).map((occupation) => ({ occupation, score: 1 }));
  const index = indexOf(rb);
  const cleaned = cleanQuery(q);
  /** Exact names: score 0 (catalogue) or ALIAS_SCORE (alias index). */
  const exact = new Map<string, number>();
  /** Best similarity (0–1) of one name of each occupation to the query. */
  const named = new Map<string, number>();
  const offerName = (o: OccupationEntry, sim: number) => {
    if (sim > (named.get(o.id) ?? 0)) named.set(o.id, sim);
  };
  const offerExact = (o: OccupationEntry, score: number) => {
    if (score < (exact.get(o.id) ?? 1)) exact.set(o.id, score);
  };
  for (const key of new Set([q, cleaned])) {
    for (const o of lookupCode(rb, key)?.entries ?? []) offerExact(o, 0);
    for (const o of index.exact.get(key) ?? []) offerExact(o, 0);
    for (const o of index.aliases.get(key) ?? []) offerExact(o, ALIAS_SCORE);
    const byId = rb.occupationById.get(key);
    if (byId) offerExact(byId, 0);
  }
  // Word-level candidates (typos a word at a time), re-scored by character n-grams of the whole
  // name: "sofware developer" is closer to Software Developer than to Back-end Developer.
  const cleanedGrams = queryGrams(cleaned);
  for (const [i, sim] of index.words.search(cleaned)) {
    const o = rb.occupations[i];
    if (o && sim >= 0.3) offerName(o, Math.max(sim, nameSimilarity(o, cleanedGrams)));
  }
  const parts = zhParts(index, cleaned);
  if (parts.length > 0) {
    // Only occupations that share a character with the query can be similar to it (every measure
    // below needs one): the others are not looked at.
    const byChar = index.zhChars;
    const candidates = new Set<number>();
    for (const part of parts) for (const ch of part.text) for (const i of byChar.get(ch) ?? []) candidates.add(i);
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const o = rb.occupations[i] as OccupationEntry;
      let sim = 0;
      for (const name of zhNamesOf(o)) for (const part of parts) sim = Math.max(sim, part.weight * chineseSimilarity(part, o, name));
      // What the job does: "洗牙的" (the one who cleans teeth) is in the hygienist's description.
      for (const part of parts) sim = Math.max(sim, part.weight * DESCRIPTION_SIMILARITY * describedBy(part, o.description.zh));
      if (sim >= 0.3) offerName(o, sim);
    }
  }
  // The evidence of all of an occupation's names together, relative to the best-supported one.
  const zh = CJK.test(cleaned);
  const profileIndex = zh ? index.profiles.zh : index.profiles.en;
  const profileText = zh ? parts.map((p) => p.text).join(' ') : cleaned;
  const terms = profileQuery(profileIndex, profileText, zh);
  const profile = profileIndex.search(terms, UNKNOWN_TERM_WEIGHT);
  // English words no occupation's names know, not even as a typo, make every fuzzy hit less sure:
  // "professional esports player" is not simply a professional player. (Chinese queries carry
  // company and place names; their parts are judged by chineseParts instead.)
  const known = zh ? 1 : knownShare(profileIndex, terms);
  let top = 0;
  for (const cos of profile.values()) top = Math.max(top, cos);
  const best = new Map<string, number>(exact);
  const candidates = new Set<string>([...named.keys()]);
  for (const [i, cos] of profile) if (top > 0 && cos >= PROFILE_SHARE * top) candidates.add((rb.occupations[i] as OccupationEntry).id);
  const position = (id: string) => index.order.get(id) ?? 0;
  for (const id of candidates) {
    if (best.has(id)) continue;
    const cos = profile.get(position(id)) ?? 0;
    const evidence = NAME_WEIGHT * (named.get(id) ?? 0) + (1 - NAME_WEIGHT) * (top > 0 ? (cos / top) * Math.min(1, cos / PROFILE_FULL) : 0);
    const sim = evidence * (1 - UNKNOWN_PENALTY * (1 - known));
    if (sim >= 0.25) best.set(id, 1 - sim);
  }
  return [...best]
    .filter(([, score]) => score <= maxScore)
    .sort((a, b) => a[1] - b[1] || position(a[0]) - position(b[0]))
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
    const derived = aliasNames();
    const zh = [o.title.zh, ...o.aliases.zh, ...(derived.zh.get(o.id) ?? [])].map(normaliseQuery);
    // English names of the alias index (tens per occupation) are weighed by the profiles, not name by name.
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
 * The seniority a typed role names ("Senior …", 「高级…」), for the seniority answer's default; none
 * when the text is itself a name: a catalogue id, code, title or alias, or an alias-index name, whose
 * level words belong to the job (Chief Executive Officer, Head Nurse).
 */
export function seniorityHint(rb: RuleBase, text: string): Seniority | undefined {
  const q = boundedQuery(text);
  if (q === '' || rb.occupationById.has(q) || lookupCode(rb, q) !== undefined) return undefined;
  const index = indexOf(rb);
  if (index.exact.has(q) || index.aliases.has(q)) return undefined;
  return parseJobTitle(cut(text)).seniority;
}

/**
 * How sure a free-text match must be to be accepted (with a notice): its similarity (1 − score)
 * at least `minimum`, and ahead of the best hit with another SOC code by at least `lead` (hits
 * that share the first's SOC code are variants of one occupation and need only rank below it).
 * Chosen on the `check` half of the benchmarks by bench/role-thresholds.js, never on the half
 * the search was tuned on; see bench/README.md.
 */
export interface Confidence {
  readonly minimum: number;
  readonly lead: number;
  /**
   * Least character n-gram similarity between the query and one name of the match (its catalogue
   * names or alias-index names): a typo or variant of a name, not a word that merely occurs in
   * one ("fortune teller" is not a kind of Bank Teller, "astronaut" not an Astronautical Engineer).
   */
  readonly resemblance: number;
}

/** Thresholds per script of the query: English and Chinese similarities are measured differently. */
export interface Confidences {
  readonly en: Confidence;
  readonly zh: Confidence;
}

export const CONFIDENCE: Confidences = {
  en: { minimum: 0.85, lead: 0.05, resemblance: 0.35 },
  zh: { minimum: 0.65, lead: 0.275, resemblance: 0.35 },
};

/**
 * Resolves what a person typed to one occupation, or says why not. A job-board title that does
 * not resolve as typed is tried again without its noise (bracketed notes, pay, benefits, level
 * words …; see job-title.ts): a match of the cleaned title is a match, and its suggestions
 * replace those of the raw text when that found nothing.
 */
export function resolveRole(rb: RuleBase, query: string, confidence: Confidences = CONFIDENCE): RoleResolution {
  return prepareResolution(rb, query)(confidence);
}

/**
 * Everything resolveRole works out that does not depend on the confidence thresholds, and a
 * function that finishes the resolution for given thresholds (bench/role-thresholds.js tries
 * many on one search).
 */
export function prepareResolution(rb: RuleBase, query: string): (confidence: Confidences) => RoleResolution {
  const raw = prepareTyped(rb, query);
  const title = parseJobTitle(cut(query));
  // The cleaned title is searched only when the raw text is not answered exactly (the common case pays nothing).
  let cleaned: ((confidence: Confidences) => RoleResolution) | undefined;
  return (confidence) => {
    const r = raw(confidence);
    if (!title.changed || (r.kind === 'match' && r.how !== 'search')) return r;
    cleaned ??= prepareTyped(rb, title.core);
    const c = cleaned(confidence);
    // The title without its noise named exactly ("Senior Accountant" → Accountant) beats a search match of the raw text.
    if (r.kind === 'match') return c.kind === 'match' && c.how !== 'search' ? c : r;
    if (c.kind === 'match') return c;
    if (r.kind === 'none' && (c.kind === 'ambiguous' || c.suggestions.length > 0)) return c;
    return r;
  };
}

/** Whether the first hit is sure enough to accept (see Confidence); `resemblance` is its best name likeness. */
function confident(hits: readonly SearchHit[], resemblance: number, confidence: Confidence): boolean {
  const [first] = hits;
  if (!first || 1 - first.score < confidence.minimum || resemblance < confidence.resemblance) return false;
  const rival = hits.find((h) => h.occupation.codes.soc2018 !== first.occupation.codes.soc2018);
  return !rival || rival.score - first.score >= confidence.lead;
}

/**
 * How much the query looks like one name of the occupation, alias-index names included: English by
 * character trigrams of the whole query; Chinese by the best part of the query (its job words, see
 * chineseParts) against each name, as the search compares them (火锅店服务员 ends with 服务员).
 */
function resemblanceOf(rb: RuleBase, o: OccupationEntry, q: string, zh: boolean): number {
  const derived = aliasNames();
  if (zh) {
    const parts = zhParts(indexOf(rb), q);
    let sim = 0;
    for (const name of zhNamesOf(o)) for (const part of parts) sim = Math.max(sim, part.weight * chineseSimilarity(part, o, name));
    return sim;
  }
  const grams = queryGrams(q);
  let sim = nameSimilarity(o, grams);
  for (const name of derived.en.get(o.id) ?? []) sim = Math.max(sim, dice(grams, countGrams(normaliseQuery(name), grams.n)));
  return sim;
}

function prepareTyped(rb: RuleBase, query: string): (confidence: Confidences) => RoleResolution {
  const q = boundedQuery(query);
  const byId = rb.occupationById.get(q);
  if (byId) return () => ({ kind: 'match', occupation: byId, how: 'id' });

  const code = lookupCode(rb, q);
  if (code !== undefined) {
    const byCode = code.entries;
    const only = byCode.length === 1 ? byCode[0] : undefined;
    // Several entries share the code: the one marked primary for this code system answers for it.
    const primary = code.system === 'csco2022' ? [] : byCode.filter((o) => o.codes.primary?.includes(code.system as 'soc2018' | 'isco08'));
    const answer = only ?? (primary.length === 1 ? primary[0] : undefined);
    if (answer) return () => ({ kind: 'match', occupation: answer, how: 'code' });
    return () => (byCode.length > 1 ? { kind: 'ambiguous', candidates: byCode } : { kind: 'none', suggestions: [] });
  }

  const index = indexOf(rb);
  for (const [names, how] of [[index.exact, 'title'], [index.aliases, 'alias']] as const) {
    const found = names.get(q) ?? [];
    const one = found.length === 1 ? found[0] : undefined;
    if (one) return () => ({ kind: 'match', occupation: one, how });
    if (found.length > 1) return () => ({ kind: 'ambiguous', candidates: found });
  }

  const hits = searchRoles(rb, q, SUGGESTIONS);
  const suggestions = hits.length > 0 ? hits.map((h) => h.occupation) : nearestByNgrams(rb, cleanQuery(q), SUGGESTIONS);
  const first = hits[0];
  const zh = CJK.test(q);
  const resemblance = first ? resemblanceOf(rb, first.occupation, cleanQuery(q), zh) : 0;
  return (confidence) => {
    if (first && confident(hits, resemblance, zh ? confidence.zh : confidence.en)) return { kind: 'match', occupation: first.occupation, how: 'search' };
    return { kind: 'none', suggestions };
  };
}
