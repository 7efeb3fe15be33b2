/**
 * Career pivots: catalogue occupations close to the person's current work that score
 * meaningfully lower for the same seniority, repetitiveness and AI use.
 *
 *   task overlap   = Σ over task categories of min(current share, other share)   (0–100)
 *   task likeness  = cosine of the two task mixes (0–1): weighs the main tasks most, so two jobs
 *                    that share only side tasks (coordination, say) are not alike
 *   code closeness = 1 same SOC broad group or ISCO minor group, 0.7 same SOC minor or ISCO
 *                    sub-major group, 0.4 same SOC major group, 0.2 same ISCO major group only,
 *                    else 0 (the closer of the two)
 *   similarity     = 0.6 × task likeness + 0.4 × code closeness
 *
 * A pivot is a plausible move: it keeps some of the current work's main task (its largest
 * category), shares at least `minOverlap` points of its task mix, and is either in the same
 * code family (closeness at least 0.4) or alike in tasks (likeness at least `crossFamilyLikeness`);
 * and it scores at least `minDrop` points lower. Pivots are ranked by similarity, then by the
 * larger drop, then by id.
 * A pivot that needs a licence the current occupation does not carry is marked; `assess`
 * leaves such pivots out. Deterministic; the scores of the whole catalogue are memoised per
 * (seniority, repetitiveness, AI use), so batch runs score each occupation once per profile kind.
 */
import type { Profile } from '../model/profile.js';
import type { TaskMix } from '../model/rulebase.js';
import type { RuleBase } from './compile.js';
import type { LocalText, OccupationEntry } from './schema.js';

export interface PivotTask {
  readonly category: string;
  /** The share both occupations give it (shared tasks), or the pivot's share (tasks to grow into). */
  readonly share: number;
  /** Tasks to grow into: how much larger the pivot's share is than the current one. */
  readonly more?: number;
}

export interface Pivot {
  readonly id: string;
  readonly title: LocalText;
  readonly soc2018: string;
  readonly isco08: string;
  /** The pivot's replacement-risk estimate for the same seniority, repetitiveness and AI use. */
  readonly score: number;
  /** How many points lower than the current estimate (> 0). */
  readonly drop: number;
  /** 0–1, two decimals. */
  readonly similarity: number;
  /** Cosine of the two task mixes, 0–1, two decimals. */
  readonly likeness: number;
  /** Points of task mix the two share (0–100). */
  readonly overlap: number;
  /** 0, 0.2, 0.4, 0.7 or 1. */
  readonly codeCloseness: number;
  /** The task categories both have, largest shared share first (at most three). */
  readonly shared: readonly PivotTask[];
  /** The one or two task areas the person would need to grow into (the pivot's share is at least 5 points larger). */
  readonly grow: readonly PivotTask[];
  /** The licence the pivot needs, when it needs one. */
  readonly licence?: LocalText | undefined;
  /** Whether the pivot needs a licence the current occupation does not carry. */
  readonly needsNewLicence: boolean;
}

export interface PivotSettings {
  readonly show: number;
  readonly minDrop: number;
  readonly minOverlap: number;
  readonly crossFamilyLikeness: number;
}

export const DEFAULT_PIVOT_SETTINGS: PivotSettings = { show: 3, minDrop: 10, minOverlap: 34, crossFamilyLikeness: 0.85 };

export function pivotSettings(rb: RuleBase): PivotSettings {
  return { ...DEFAULT_PIVOT_SETTINGS, ...(rb.ruleset.pivots ?? {}) };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

export function taskOverlap(a: TaskMix, b: TaskMix): number {
  let sum = 0;
  for (const [category, share] of Object.entries(a)) sum += Math.min(share, b[category] ?? 0);
  return sum;
}

/** Cosine similarity of two task mixes (0 when either is empty). */
export function taskLikeness(a: TaskMix, b: TaskMix): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [category, share] of Object.entries(a)) {
    na += share * share;
    dot += share * (b[category] ?? 0);
  }
  for (const share of Object.values(b)) nb += share * share;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** How close two occupations are by code: the closer of their SOC and ISCO relations. */
export function codeCloseness(a: OccupationEntry, b: OccupationEntry): number {
  const soc = (n: number) => a.codes.soc2018.slice(0, n) === b.codes.soc2018.slice(0, n);
  const isco = (n: number) => a.codes.isco08.slice(0, n) === b.codes.isco08.slice(0, n);
  if (soc(5) || isco(3)) return 1;
  if (soc(4) || isco(2)) return 0.7;
  if (soc(2)) return 0.4;
  if (isco(1)) return 0.2;
  return 0;
}

interface Neighbour {
  readonly index: number;
  readonly overlap: number;
  readonly likeness: number;
  readonly closeness: number;
  readonly similarity: number;
}

interface Memo {
  /** Per occupation id: every other occupation sharing at least minOverlap, most similar first. */
  readonly neighbours: Map<string, readonly Neighbour[]>;
  /** Per `seniority/repetitiveness/aiUsage`: the catalogue's scores, in catalogue order. */
  readonly scores: Map<string, Int16Array>;
}

const memos = new WeakMap<RuleBase, Memo>();

function memoOf(rb: RuleBase): Memo {
  let memo = memos.get(rb);
  if (!memo) {
    memo = { neighbours: new Map(), scores: new Map() };
    memos.set(rb, memo);
  }
  return memo;
}

function neighboursOf(rb: RuleBase, current: OccupationEntry, tasks: TaskMix, settings: PivotSettings): readonly Neighbour[] {
  const list: Neighbour[] = [];
  const largest = Math.max(0, ...Object.values(tasks));
  const main = Object.keys(tasks).filter((c) => tasks[c] === largest);
  rb.occupations.forEach((o, index) => {
    if (o.id === current.id || o.disabled === true) return;
    if (!main.some((c) => (o.tasks[c] ?? 0) > 0)) return;
    const overlap = taskOverlap(tasks, o.tasks);
    if (overlap < settings.minOverlap) return;
    const likeness = taskLikeness(tasks, o.tasks);
    const closeness = codeCloseness(current, o);
    if (closeness < 0.4 && likeness < settings.crossFamilyLikeness) return;
    list.push({ index, overlap, likeness, closeness, similarity: 0.6 * likeness + 0.4 * closeness });
  });
  const ids = rb.occupations;
  return list.sort((x, y) => y.similarity - x.similarity || ((ids[x.index]?.id ?? '') < (ids[y.index]?.id ?? '') ? -1 : 1));
}

/**
 * The catalogue's replacement-risk estimates for one seniority, repetitiveness and AI use, in
 * catalogue order: taken from `known` when it has them, else computed; once per rule base and
 * profile kind.
 */
function catalogueScores(rb: RuleBase, profile: Profile, scoreOf: (rb: RuleBase, p: Profile) => number, known?: CatalogueScores): Int16Array {
  const memo = memoOf(rb);
  const key = `${profile.seniority}/${profile.repetitiveness}/${profile.aiUsage}`;
  let scores = memo.scores.get(key) ?? known?.(rb, profile);
  if (!scores) {
    const computed = new Int16Array(rb.occupations.length);
    rb.occupations.forEach((o, i) => {
      computed[i] = scoreOf(rb, { occupation: o.id, seniority: profile.seniority, repetitiveness: profile.repetitiveness, aiUsage: profile.aiUsage });
    });
    scores = computed;
  }
  memo.scores.set(key, scores);
  return scores;
}

export interface PivotQuery {
  readonly profile: Profile;
  readonly occupation: OccupationEntry;
  /** The task mix the current estimate used (the person's own, or the occupation's). */
  readonly tasks: TaskMix;
  readonly score: number;
  /** At most this many; default: the ruleset's `pivots.show`. */
  readonly limit?: number;
  /** Leave out pivots that need a licence the current occupation does not carry. */
  readonly excludeNewLicences?: boolean;
  /** How many points lower a pivot must score; default: the ruleset's `pivots.minDrop`. */
  readonly minDrop?: number;
}

/**
 * Where the catalogue's scores for a profile's answers may already be known (the build's table,
 * headline-file.ts `tableScores`): the same numbers `scoreOf` gives, or undefined to compute them.
 */
export type CatalogueScores = (rb: RuleBase, profile: Profile) => Int16Array | undefined;

export function findPivots(rb: RuleBase, q: PivotQuery, scoreOf: (rb: RuleBase, p: Profile) => number, known?: CatalogueScores): Pivot[] {
  const settings = pivotSettings(rb);
  const limit = q.limit ?? settings.show;
  const minDrop = q.minDrop ?? settings.minDrop;
  if (limit <= 0) return [];
  const memo = memoOf(rb);
  const ownMix = q.profile.tasks !== undefined;
  let neighbours = ownMix ? undefined : memo.neighbours.get(q.occupation.id);
  if (!neighbours) {
    neighbours = neighboursOf(rb, q.occupation, q.tasks, settings);
    if (!ownMix) memo.neighbours.set(q.occupation.id, neighbours);
  }
  const scores = catalogueScores(rb, q.profile, scoreOf, known);
  const held = q.occupation.licence?.en;
  const chosen: { n: Neighbour; o: OccupationEntry; score: number; needsNewLicence: boolean }[] = [];
  for (const n of neighbours) {
    const o = rb.occupations[n.index];
    const score = scores[n.index];
    if (!o || score === undefined || q.score - score < minDrop) continue;
    const needsNewLicence = o.licence !== undefined && o.licence.en !== held;
    if (needsNewLicence && q.excludeNewLicences) continue;
    chosen.push({ n, o, score, needsNewLicence });
  }
  // Similarity first; among equally similar pivots, the larger drop; then the id.
  chosen.sort((x, y) => y.n.similarity - x.n.similarity || x.score - y.score || (x.o.id < y.o.id ? -1 : 1));
  return chosen.slice(0, limit).map(({ n, o, score, needsNewLicence }) => describe(q, n, o, score, needsNewLicence));
}

function describe(q: PivotQuery, n: Neighbour, o: OccupationEntry, score: number, needsNewLicence: boolean): Pivot {
  const byShare = (x: PivotTask, y: PivotTask) => (y.more ?? y.share) - (x.more ?? x.share) || (x.category < y.category ? -1 : 1);
  const shared: PivotTask[] = Object.entries(q.tasks)
    .map(([category, share]) => ({ category, share: Math.min(share, o.tasks[category] ?? 0) }))
    .filter((t) => t.share > 0)
    .sort(byShare)
    .slice(0, 3);
  const grow: PivotTask[] = Object.entries(o.tasks)
    .map(([category, share]) => ({ category, share, more: share - (q.tasks[category] ?? 0) }))
    .filter((t) => t.more >= 5)
    .sort(byShare)
    .slice(0, 2);
  return {
    id: o.id,
    title: o.title,
    soc2018: o.codes.soc2018,
    isco08: o.codes.isco08,
    score,
    drop: q.score - score,
    similarity: round2(n.similarity),
    likeness: round2(n.likeness),
    overlap: n.overlap,
    codeCloseness: n.closeness,
    shared,
    grow,
    ...(o.licence ? { licence: o.licence } : {}),
    needsNewLicence,
  };
}
