/**
 * Word-level matching for job-board phrasings ("night shift RN - ICU", "Senior Software
 * Engineer, Backend"): each name and the query are split into words, words are matched
 * exactly, by a small edit distance (typos) or as a prefix, and weighted by rarity (IDF),
 * so "backend" decides more than "engineer". Chinese text is matched elsewhere (n-grams).
 */
import type { OccupationEntry } from '../engine/schema.js';

/** Words that describe the posting, not the job. */
const NOISE = new Set([
  'a', 'an', 'the', 'of', 'for', 'in', 'at', 'on', 'to', 'and', 'with', 'my', 'i', 'am', 'is', 'job', 'jobs', 'position', 'role',
  'wanted', 'hiring', 'needed', 'urgent', 'now', 'part', 'full', 'time', 'parttime', 'fulltime', 'shift', 'night', 'day', 'nights',
  'weekend', 'weekends', 'remote', 'hybrid', 'contract', 'temporary', 'temp', 'seasonal', 'per', 'hour', 'hourly', 'experienced',
  'journeyman', 'apprentice', 'trainee', 'senior', 'sr', 'junior', 'jr', 'intern', 'entry', 'level', 'mid', 'lead', 'principal',
  'staff', '1st', '2nd', '3rd', 'otr', 'cdl', 'guy', 'person', 'who', 'does', 'work', 'worker', 'workers',
]);

const LATIN_WORD = /[a-z0-9+#]+/g;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_RUNS = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const DESCRIPTION_WEIGHT = 0.6;

/** Lower-case Latin words of a text, hyphens joined ("back-end" → "backend"). */
export function words(text: string): string[] {
  return (text.toLowerCase().replace(/(\w)-(\w)/g, '$1$2').match(LATIN_WORD) ?? []).filter((w) => w.length > 0);
}

export function queryWords(text: string): string[] {
  const all = words(text);
  const kept = all.filter((w) => !NOISE.has(w));
  return kept.length > 0 ? kept : all;
}

/** Optimal string alignment distance, stopping early past `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** How well a query word stands for a vocabulary word (0 = not at all). */
function wordMatch(query: string, word: string): number {
  if (query === word) return 1;
  if (query.length >= 3 && word.startsWith(query)) return 0.75;
  const allowed = query.length >= 8 ? 2 : query.length >= 4 ? 1 : 0;
  if (allowed > 0 && editDistance(query, word, allowed) <= allowed) return 0.8;
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
    const qs = queryWords(text);
    const chineseRuns = (text.match(CJK_RUNS) ?? []).length;
    const result = new Map<number, number>();
    if (qs.length === 0) return result;
    // For each query word, the vocabulary words it can stand for.
    const matches = qs.map((q) => this.vocabularyFor(q));
    const candidates = new Set<number>();
    for (const found of matches) for (const word of found.keys()) for (const n of this.byWord.get(word) ?? []) candidates.add(n);
    const rarest = this.rarest;
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
      });
      const sim = (0.6 * (nameMatched / nameWeight) + 0.4 * (queryMatched / queryWeight)) * name.weight;
      const prev = result.get(name.occupation) ?? 0;
      if (sim > prev) result.set(name.occupation, sim);
    }
    return result;
  }
}
