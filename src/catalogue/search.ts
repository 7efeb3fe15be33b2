/**
 * Finding an occupation from what a person types: catalogue id, SOC 2018 or
 * ISCO-08 code, an exact English or Chinese title or alias, or free text
 * (typo-tolerant, via fuse.js).
 */
import Fuse from 'fuse.js';
import type { RuleBase } from '../engine/compile.js';
import type { OccupationEntry } from '../engine/schema.js';

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
const CLEAR_LEAD = 0.25;
const SUGGESTIONS = 5;

export function normaliseQuery(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, ' ');
}

interface Index {
  readonly fuse: Fuse<OccupationEntry>;
  readonly exact: ReadonlyMap<string, readonly OccupationEntry[]>;
  readonly soc: ReadonlyMap<string, readonly OccupationEntry[]>;
  readonly isco: ReadonlyMap<string, readonly OccupationEntry[]>;
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
  for (const o of rb.occupations) {
    for (const name of [o.title.en, o.title.zh, ...o.aliases.en, ...o.aliases.zh]) push(exact, normaliseQuery(name), o);
    push(soc, o.codes.soc2018, o);
    push(isco, o.codes.isco08, o);
  }
  const fuse = new Fuse(rb.occupations, {
    includeScore: true,
    ignoreLocation: true,
    ignoreDiacritics: true,
    threshold: 0.4,
    keys: [
      { name: 'title.en', weight: 3 },
      { name: 'title.zh', weight: 3 },
      { name: 'aliases.en', weight: 2 },
      { name: 'aliases.zh', weight: 2 },
      { name: 'id', weight: 1 },
      { name: 'codes.soc2018', weight: 1 },
      { name: 'codes.isco08', weight: 1 },
      { name: 'description.en', weight: 0.3 },
      { name: 'description.zh', weight: 0.3 },
    ],
  });
  const index = { fuse, exact, soc, isco };
  indexes.set(rb, index);
  return index;
}

/** Hits scoring above this are too weak to list when a person browses results. */
export const LISTING_MAX_SCORE = 0.65;

/** Ranked matches for a query; ties keep catalogue order, so results are deterministic. */
export function searchRoles(rb: RuleBase, query: string, limit = 10, maxScore = 1): SearchHit[] {
  const q = normaliseQuery(query);
  if (q === '') return rb.occupations.slice(0, limit).map((occupation) => ({ occupation, score: 1 }));
  const { exact } = indexOf(rb);
  const direct = [...(lookupCode(rb, q) ?? []), ...(exact.get(q) ?? []), ...(rb.occupationById.has(q) ? [rb.occupationById.get(q) as OccupationEntry] : [])];
  const hits: SearchHit[] = [];
  const seen = new Set<string>();
  for (const occupation of direct) {
    if (seen.has(occupation.id)) continue;
    seen.add(occupation.id);
    hits.push({ occupation, score: 0 });
  }
  for (const result of indexOf(rb).fuse.search(q)) {
    if (seen.has(result.item.id) || (result.score ?? 1) > maxScore) continue;
    seen.add(result.item.id);
    hits.push({ occupation: result.item, score: result.score ?? 1 });
  }
  return hits.slice(0, limit);
}

function lookupCode(rb: RuleBase, q: string): readonly OccupationEntry[] | undefined {
  const { soc, isco } = indexOf(rb);
  const socMatch = /^(?:soc(?:2018)?[: ]?)?(\d\d-\d{4})$/.exec(q);
  if (socMatch?.[1]) return soc.get(socMatch[1]) ?? [];
  const iscoMatch = /^isco(?:-?08)?[: ]?(\d{4})$/.exec(q);
  if (iscoMatch?.[1]) return isco.get(iscoMatch[1]) ?? [];
  return undefined;
}

export function resolveRole(rb: RuleBase, query: string): RoleResolution {
  const q = normaliseQuery(query);
  const byId = rb.occupationById.get(q);
  if (byId) return { kind: 'match', occupation: byId, how: 'id' };

  const byCode = lookupCode(rb, q);
  if (byCode !== undefined) {
    if (byCode.length === 1 && byCode[0]) return { kind: 'match', occupation: byCode[0], how: 'code' };
    if (byCode.length > 1) return { kind: 'ambiguous', candidates: byCode };
    return { kind: 'none', suggestions: [] };
  }

  const byName = indexOf(rb).exact.get(q) ?? [];
  if (byName.length === 1 && byName[0]) return { kind: 'match', occupation: byName[0], how: 'title' };
  if (byName.length > 1) return { kind: 'ambiguous', candidates: byName };

  const hits = searchRoles(rb, q, SUGGESTIONS);
  const [first, second] = hits;
  if (first && first.score <= CONFIDENT_SCORE && (!second || second.score - first.score >= CLEAR_LEAD)) {
    return { kind: 'match', occupation: first.occupation, how: 'search' };
  }
  return { kind: 'none', suggestions: hits.map((h) => h.occupation) };
}
