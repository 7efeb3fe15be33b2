/**
 * Word-level matching for job-board phrasings ("night shift RN - ICU", "Senior Software
 * Engineer, Backend"): each name and the query are split into words, words are matched
 * exactly, by a small edit distance (typos) or as a prefix, and weighted by rarity (IDF),
 * so "backend" decides more than "engineer". Chinese text is matched elsewhere (n-grams).
 */
import type { OccupationEntry } from '../engine/schema.js';

/** Words that describe the posting, not the job (seniority words are dropped earlier, by cleanQuery). */
const NOISE = new Set([
  'a', 'an', 'the', 'of', 'for', 'in', 'at', 'on', 'to', 'and', 'with', 'my', 'i', 'am', 'is', 'job', 'jobs', 'position', 'role',
  'wanted', 'hiring', 'needed', 'urgent', 'now', 'part', 'full', 'time', 'parttime', 'fulltime', 'shift', 'night', 'day', 'nights',
  'weekend', 'weekends', 'remote', 'hybrid', 'contract', 'temporary', 'temp', 'seasonal', 'per', 'hour', 'hourly',
  'journeyman', 'apprentice', 'lead', '1st', '2nd', '3rd', 'otr', 'cdl', 'guy', 'person', 'who', 'does', 'work', 'worker', 'workers',
]);

const LATIN_WORD = /[a-z0-9+#]+/g;
/** Chinese (CJK ideograph) characters, which the search matches by n-grams rather than words. */
export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_RUNS = /[\u3400-\u9fff\uf900-\ufaff]+/g;
/** Everything that is not a CJK ideograph. */
export const NON_CJK_RUNS = /[^\u3400-\u9fff\uf900-\ufaff]+/g;
const DESCRIPTION_WEIGHT = 0.6;
/**
 * Query words considered by the word index (the first ones, after noise words are dropped).
 * Each distinct word costs a pass over the vocabulary, so this bounds the cost of a long query;
 * real job titles and postings name the job in far fewer words.
 */
export const MAX_QUERY_WORDS = 12;
const UNION_WEIGHT = 0.85;

/** Lower-case Latin words of a text, hyphens joined ("back-end" → "backend"). */
export function words(text: string): string[] {
  return (text.toLowerCase().replace(/(\w)-(\w)/g, '$1$2').match(LATIN_WORD) ?? []).filter((w) => w.length > 0);
}

/** A word as the occupation profiles count it: plural -s dropped ("nurses" → "nurse"), so forms meet. */
export function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
}

export function queryWords(text: string): string[] {
  const all = words(text);
  const kept = all.filter((w) => !NOISE.has(w));
  return kept.length > 0 ? kept : all;
}

/** Optimal string alignment distance, stopping early past `max` (typed-array rows, no allocation per cell). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > rowA.length) {
    rowA = new Int32Array(b.length * 2);
    rowB = new Int32Array(b.length * 2);
    rowC = new Int32Array(b.length * 2);
  }
  let older = rowA; // row i-2
  let prev = rowB; // row i-1
  let cur = rowC; // row i
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, (older[j - 2] as number) + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    const t = older;
    older = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length] as number;
}

/** A lower bound on the edit distance from the letters the two words do not share. */
const bag = new Int32Array(128);
function letterGap(a: string, b: string): number {
  bag.fill(0);
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i) & 127;
    bag[c] = (bag[c] as number) + 1;
  }
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i) & 127;
    bag[c] = (bag[c] as number) - 1;
  }
  let gap = 0;
  for (let i = 0; i < 128; i++) gap += Math.abs(bag[i] as number);
  return Math.ceil(gap / 2);
}

/** What a query word that starts a vocabulary word is worth ("translat" for translator). */
export const PREFIX_QUALITY = 0.75;

/** How well a query word stands for a vocabulary word (0 = not at all). */
export function wordMatch(query: string, word: string): number {
  if (query === word) return 1;
  if (query.length >= 3 && word.startsWith(query)) return PREFIX_QUALITY;
  const allowed = query.length >= 8 ? 2 : query.length >= 4 ? 1 : 0;
  // Lengths further apart than the allowed edits can never match: skip the letter count and the distance.
  if (allowed > 0 && Math.abs(query.length - word.length) <= allowed && letterGap(query, word) <= allowed && editDistance(query, word, allowed) <= allowed) {
    return 0.8;
  }
  return 0;
}

interface Name {
  readonly occupation: number;
  readonly words: readonly string[];
  /** Descriptions count, but less than names. */
  readonly weight: number;
}

export class WordIndex {
  private readonly names: Name[] = [];
  private readonly byWord = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();

  private readonly byLength = new Map<number, string[]>();
  private readonly rarest: number;

  constructor(occupations: readonly OccupationEntry[]) {
    const df = new Map<string, Set<number>>();
    occupations.forEach((o, i) => {
      const names = [o.title.en, ...o.aliases.en, o.title.zh, ...o.aliases.zh].map((n) => ({ text: n, weight: 1 }));
      names.push({ text: o.description.en, weight: DESCRIPTION_WEIGHT });
      for (const { text, weight } of names) {
        // Latin fragments of Chinese names ("HR" in "HR招聘") would stand for the whole name.
        if (CJK.test(text)) continue;
        const ws = words(text).filter((w) => weight === 1 || !NOISE.has(w));
        if (ws.length === 0) continue;
        const at = this.names.length;
        this.names.push({ occupation: i, words: ws, weight });
        for (const w of new Set(ws)) {
          const list = this.byWord.get(w) ?? [];
          list.push(at);
          this.byWord.set(w, list);
          const set = df.get(w) ?? new Set<number>();
          set.add(i);
          df.set(w, set);
        }
      }
    });
    for (const [w, set] of df) this.idf.set(w, Math.log(1 + occupations.length / set.size));
    for (const w of this.byWord.keys()) {
      const list = this.byLength.get(w.length) ?? [];
      list.push(w);
      this.byLength.set(w.length, list);
    }
    this.rarest = Math.max(...this.idf.values());
  }

  /** Vocabulary words a query word can stand for: same, a typo away, or extended by it. */
  private vocabularyFor(q: string): Map<string, number> {
    const found = new Map<string, number>();
    const exact = this.byWord.has(q);
    if (exact) found.set(q, 1);
    for (const [length, list] of this.byLength) {
      if (length < q.length - 2) continue;
      if (length > q.length + 2 && q.length < 3) continue;
      for (const word of list) {
        if (word === q) continue;
        const m = wordMatch(q, word);
        if (m > 0) found.set(word, m);
      }
    }
    return found;
  }

  /** Best word-level similarity (0–1) of each occupation that shares a word with the query. */
  search(text: string): Map<number, number> {
    const qs = queryWords(text).slice(0, MAX_QUERY_WORDS);
    const chineseRuns = (text.match(CJK_RUNS) ?? []).length;
    const result = new Map<number, number>();
    if (qs.length === 0) return result;
    // For each query word, the vocabulary words it can stand for (looked up once per distinct word).
    const looked = new Map<string, Map<string, number>>();
    const matches = qs.map((q) => {
      let found = looked.get(q);
      if (!found) {
        found = this.vocabularyFor(q);
        looked.set(q, found);
      }
      return found;
    });
    const candidates = new Set<number>();
    for (const found of matches) for (const word of found.keys()) for (const n of this.byWord.get(word) ?? []) candidates.add(n);
    const rarest = this.rarest;
    // Per occupation, how well each query word is explained by any of its names or its description.
    const explained = new Map<number, number[]>();
    for (const n of candidates) {
      const name = this.names[n];
      if (!name) continue;
      let nameWeight = 0;
      let nameMatched = 0;
      for (const w of name.words) {
        const weight = this.idf.get(w) ?? rarest;
        nameWeight += weight;
        let best = 0;
        for (const found of matches) best = Math.max(best, found.get(w) ?? 0);
        nameMatched += weight * best;
      }
      // Chinese parts of a mixed query ("AI数据标注员") are matched elsewhere; here they count as unmatched.
      let queryWeight = chineseRuns * rarest;
      let queryMatched = 0;
      const perWord = explained.get(name.occupation) ?? new Array<number>(qs.length).fill(0);
      explained.set(name.occupation, perWord);
      matches.forEach((found, qi) => {
        let best = 0;
        let weight = this.idf.get(qs[qi] ?? '') ?? rarest;
        for (const w of name.words) {
          const m = found.get(w) ?? 0;
          if (m > best) {
            best = m;
            weight = this.idf.get(w) ?? weight;
          }
        }
        queryWeight += weight;
        queryMatched += weight * best;
        perWord[qi] = Math.max(perWord[qi] ?? 0, best * name.weight);
      });
      // A description explains the query (how much of it it covers); a name must also be covered itself.
      const queryCoverage = queryMatched / queryWeight;
      const sim = name.weight < 1 ? queryCoverage * name.weight : 0.6 * (nameMatched / nameWeight) + 0.4 * queryCoverage;
      const prev = result.get(name.occupation) ?? 0;
      if (sim > prev) result.set(name.occupation, sim);
    }
    // Evidence spread over a role's names and description ("denture" in the description of
    // Dental Lab Technician, "technician" in its title) counts too, a little less than one name.
    const weights = qs.map((q) => this.idf.get(q) ?? rarest);
    const total = weights.reduce((a, b) => a + b, 0) + chineseRuns * rarest;
    for (const [occupation, perWord] of explained) {
      // Only when several query words are explained: one word is already judged name by name.
      if (qs.length < 2 || perWord.filter((m) => m > 0).length < 2) continue;
      const union = (UNION_WEIGHT * perWord.reduce((sum, m, i) => sum + m * (weights[i] ?? 0), 0)) / total;
      if (union > (result.get(occupation) ?? 0)) result.set(occupation, union);
    }
    return result;
  }
}

/** The candidates nearest to a mistyped word (edit distance, flags compared without their dashes). */
export function closestWords(word: string, candidates: readonly string[]): string[] {
  const typed = word.toLowerCase();
  const scored = candidates.map((candidate) => {
    const bare = candidate.replace(/^--/, '');
    const limit = Math.max(1, Math.floor(bare.length * 0.4));
    const distance = editDistance(typed, bare, limit);
    return { candidate, distance: distance <= limit ? distance : Infinity };
  });
  const best = Math.min(...scored.map((s) => s.distance));
  return best === Infinity ? [] : scored.filter((s) => s.distance === best).map((s) => s.candidate);
}
