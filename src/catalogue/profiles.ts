/**
 * Each occupation as one bag of words (English) or character pairs (Chinese) made of all its
 * names, the derived alias index included, and its description; a query is compared with every
 * bag by TF-IDF cosine. Where the per-name matching (tokens.ts) looks for one name that says
 * what the query says, this weighs the evidence an occupation's many names give together:
 * "Supply Chain Analyst" is no name of Logisticians, but their names say "supply chain" and
 * "analyst" often, and other occupations' names rarely say both. Postings are per occupation, so
 * a query costs its terms' postings, not a pass over tens of thousands of names.
 */
import type { OccupationEntry } from '../engine/schema.js';

/** How much each kind of text counts towards an occupation's bag. */
export const WEIGHTS = { title: 3, alias: 2, derived: 1, description: 0.4 } as const;

export interface WeightedText {
  readonly text: string;
  readonly weight: number;
}

export type Terms = (text: string) => readonly string[];

/**
 * A built index as JSON: the terms in order, and the flat arrays as base64 (the build writes the
 * shipped catalogue's, so a process reads it instead of building it).
 */
export interface SerialisedProfiles {
  readonly terms: readonly string[];
  readonly idf: string;
  readonly start: string;
  readonly occupation: string;
  readonly weight: string;
}

const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
/** The decoded bytes in a buffer of their own: typed arrays need their element alignment. */
function buffer(text: string): ArrayBuffer {
  const b = Buffer.from(text, 'base64');
  const copy = new ArrayBuffer(b.byteLength);
  new Uint8Array(copy).set(b);
  return copy;
}

export class ProfileIndex {
  /** term → its position in the arrays below */
  private readonly termIndex = new Map<string, number>();

  /**
   * Postings of term k: occupation[start[k] .. start[k + 1]), each with its weight in that
   * occupation's normalised vector. Weights are 32-bit floats whether built or read, so a read
   * index answers exactly as a built one.
   */
  private constructor(
    private readonly terms: readonly string[],
    private readonly idf: Float64Array,
    private readonly start: Uint32Array,
    private readonly occupation: Uint16Array,
    private readonly weight: Float32Array,
  ) {
    terms.forEach((t, k) => this.termIndex.set(t, k));
  }

  static fromJSON(data: SerialisedProfiles): ProfileIndex {
    return new ProfileIndex(
      data.terms,
      new Float64Array(buffer(data.idf)),
      new Uint32Array(buffer(data.start)),
      new Uint16Array(buffer(data.occupation)),
      new Float32Array(buffer(data.weight)),
    );
  }

  toJSON(): SerialisedProfiles {
    return { terms: this.terms, idf: bytes(this.idf), start: bytes(this.start), occupation: bytes(this.occupation), weight: bytes(this.weight) };
  }

  /**
   * Builds the bags. `normPower`: 1 is the cosine; below 1, pivoted length normalisation, so that
   * a bag of many names (113 for Software Developers) is not diluted below a bag of three.
   */
  static build(occupations: readonly OccupationEntry[], texts: (o: OccupationEntry) => readonly WeightedText[], terms: Terms, normPower = 1): ProfileIndex {
    const bags: Map<string, number>[] = occupations.map((o) => {
      const bag = new Map<string, number>();
      for (const { text, weight } of texts(o)) for (const t of new Set(terms(text))) bag.set(t, (bag.get(t) ?? 0) + weight);
      return bag;
    });
    const df = new Map<string, number>();
    for (const bag of bags) for (const t of bag.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const n = occupations.length;
    const idfOf = new Map<string, number>();
    for (const [t, d] of df) idfOf.set(t, Math.log(1 + n / d));
    const postings = new Map<string, [number, number][]>();
    bags.forEach((bag, i) => {
      const vector: [string, number][] = [...bag].map(([t, tf]) => [t, (1 + Math.log(1 + tf)) * (idfOf.get(t) ?? 0)]);
      const norm = Math.pow(vector.reduce((s, [, v]) => s + v * v, 0), normPower / 2) || 1;
      for (const [t, v] of vector) {
        const list = postings.get(t) ?? [];
        list.push([i, v / norm]);
        postings.set(t, list);
      }
    });
    const list = [...postings.keys()];
    const idf = new Float64Array(list.length);
    const start = new Uint32Array(list.length + 1);
    let total = 0;
    for (const p of postings.values()) total += p.length;
    const occupation = new Uint16Array(total);
    const weight = new Float32Array(total);
    let at = 0;
    list.forEach((t, k) => {
      idf[k] = idfOf.get(t) ?? 0;
      start[k] = at;
      for (const [i, v] of postings.get(t) ?? []) {
        occupation[at] = i;
        weight[at] = v;
        at++;
      }
    });
    start[list.length] = at;
    return new ProfileIndex(list, idf, start, occupation, weight);
  }

  private single: string[] | undefined;

  /** The one-word terms, for finding what a typed word stands for. */
  words(): readonly string[] {
    this.single ??= this.terms.filter((t) => !t.includes(' '));
    return this.single;
  }

  has(term: string): boolean {
    return this.termIndex.has(term);
  }

  /**
   * Cosine of the query's terms (each with how well it was matched, 0–1: a typo counts less)
   * with each occupation that shares a term. Terms the index has never seen count in the
   * query's length, so a query that is mostly unknown words scores low.
   */
  search(query: readonly (readonly [string, number])[], unknownWeight: number): Map<number, number> {
    const scores = new Map<number, number>();
    let norm = 0;
    const seen = new Set<string>();
    for (const [t, quality] of query) {
      if (seen.has(t)) continue;
      seen.add(t);
      const k = this.termIndex.get(t);
      if (k === undefined) {
        norm += unknownWeight * unknownWeight;
        continue;
      }
      const q = (this.idf[k] as number) * quality;
      norm += q * q;
      const end = this.start[k + 1] as number;
      for (let p = this.start[k] as number; p < end; p++) {
        const i = this.occupation[p] as number;
        scores.set(i, (scores.get(i) ?? 0) + q * (this.weight[p] as number));
      }
    }
    const length = Math.sqrt(norm) || 1;
    for (const [i, s] of scores) scores.set(i, s / length);
    return scores;
  }

  idfOf(term: string): number | undefined {
    const k = this.termIndex.get(term);
    return k === undefined ? undefined : this.idf[k];
  }
}
