/**
 * The risk model. Pure and synchronous: the same rule base and profile always
 * give the same assessment (no I/O, no clock, no randomness).
 *
 *   score = clamp(round(baseline + sum of fired factor points), 0, 100)
 *   baseline = sum over the task mix of share × category susceptibility / 100
 *   range = score ± (share-weighted category uncertainty + fired factors' uncertainty)
 */
import type { Profile } from '../model/profile.js';
import { isRepetitiveness } from '../model/profile.js';
import type { LocalText } from './schema.js';
import type { CompiledAdvice, CompiledFactor, EvalContext, RuleBase } from './compile.js';
import type { OccupationEntry, Simulation } from './schema.js';

export interface TaskContribution {
  readonly category: string;
  readonly share: number;
  readonly susceptibility: number;
  /** Points this category adds to the baseline (share × susceptibility / 100), one decimal. */
  readonly points: number;
}

export interface FiredFactor {
  readonly id: string;
  readonly group: CompiledFactor['group'];
  readonly label: LocalText;
  readonly points: number;
  readonly condition: string;
  readonly facts: readonly string[];
  readonly sources: readonly string[];
  readonly assumption?: LocalText | undefined;
}

export interface AdviceItem {
  readonly id: string;
  readonly label: LocalText;
  readonly why: LocalText;
  readonly firstStep: LocalText;
  readonly facts: readonly string[];
  readonly sources: readonly string[];
  readonly assumption?: LocalText | undefined;
  readonly scoreAfter: number;
  /** How many points following this advice would take off the score (>= 0). */
  readonly reduction: number;
}

export interface WhatIf {
  readonly id: string;
  readonly label: LocalText;
  readonly scoreAfter: number;
  readonly change: number;
}

export interface Band {
  readonly id: string;
  readonly label: LocalText;
}

export interface Assessment {
  readonly profile: Profile;
  readonly occupation: OccupationEntry;
  readonly baseline: number;
  readonly tasks: readonly TaskContribution[];
  readonly factors: readonly FiredFactor[];
  readonly score: number;
  readonly band: Band;
  readonly range: { readonly low: number; readonly high: number };
  readonly advice: readonly AdviceItem[];
  readonly whatIfs: readonly WhatIf[];
  /** Ids of every source behind this assessment, sorted. */
  readonly sources: readonly string[];
}

const clamp = (n: number): number => Math.min(100, Math.max(0, n));
const round1 = (n: number): number => Math.round(n * 10) / 10;

interface Core {
  readonly ctx: EvalContext;
  readonly baseline: number;
  readonly spread: number;
  readonly fired: readonly CompiledFactor[];
  readonly score: number;
}

function occupationOf(rb: RuleBase, profile: Profile): OccupationEntry {
  const occupation = rb.occupationById.get(profile.occupation);
  if (!occupation) throw new Error(`unknown occupation id "${profile.occupation}"`);
  return occupation;
}

function core(rb: RuleBase, profile: Profile): Core {
  const occupation = occupationOf(rb, profile);
  const tasks = profile.tasks ?? occupation.tasks;
  // Kept in hundredths (shares and points are whole numbers): the rounding of the score never
  // depends on the order of floating-point additions.
  let hundredths = 0;
  let spread = 0;
  for (const [id, share] of Object.entries(tasks)) {
    const category = rb.taskCategories.get(id);
    if (!category) continue;
    hundredths += share * category.susceptibility;
    spread += (share * category.uncertainty) / 100;
  }
  const baseline = hundredths / 100;
  const ctx: EvalContext = { profile, occupation, tasks };
  const fired = rb.factors.filter((f) => f.test(ctx));
  const raw = fired.reduce((sum, f) => sum + f.points * 100, hundredths) / 100;
  for (const f of fired) spread += f.uncertainty ?? 0;
  return { ctx, baseline, spread, fired, score: clamp(Math.round(raw)) };
}

/** Only the headline score: what-if and advice simulations use this. */
export function scoreOf(rb: RuleBase, profile: Profile): number {
  return core(rb, profile).score;
}

export function bandOf(rb: RuleBase, score: number): Band {
  let band = rb.ruleset.bands[0];
  for (const b of rb.ruleset.bands) if (score >= b.from) band = b;
  if (!band) throw new Error('rule base has no bands');
  return { id: band.id, label: band.label };
}

/** The profile after following a simulated change (advice or what-if). */
export function simulate(rb: RuleBase, profile: Profile, change: Simulation): Profile {
  let next: Profile = { ...profile };
  if (change.aiUsage) next = { ...next, aiUsage: change.aiUsage };
  if (change.seniority) next = { ...next, seniority: change.seniority };
  if (change.repetitiveness) {
    const level = Math.min(5, Math.max(1, profile.repetitiveness + change.repetitiveness.by));
    if (isRepetitiveness(level)) next = { ...next, repetitiveness: level };
  }
  if (change.shiftTasks) {
    const mix = profile.tasks ?? occupationOf(rb, profile).tasks;
    const { to, share } = change.shiftTasks;
    const from = change.shiftTasks.from ?? rb.categoriesByExposure.find((c) => c !== to && (mix[c] ?? 0) > 0);
    const moved = from === undefined || from === to ? 0 : Math.min(share, mix[from] ?? 0);
    if (from !== undefined && moved > 0) {
      const shifted = new Map(Object.entries(mix));
      shifted.set(from, (shifted.get(from) ?? 0) - moved);
      shifted.set(to, (shifted.get(to) ?? 0) + moved);
      next = { ...next, tasks: Object.fromEntries([...shifted].filter(([, n]) => n > 0)) };
    }
  }
  return next;
}

export function evaluate(rb: RuleBase, profile: Profile): Assessment {
  const c = core(rb, profile);
  const { score } = c;
  const half = Math.round(c.spread);

  const tasks: TaskContribution[] = Object.entries(c.ctx.tasks)
    .map(([category, share]) => {
      const susceptibility = rb.taskCategories.get(category)?.susceptibility ?? 0;
      return { category, share, susceptibility, points: round1((share * susceptibility) / 100) };
    })
    .sort((a, b) => b.points - a.points || (a.category < b.category ? -1 : 1));

  const factors: FiredFactor[] = c.fired.map((f) => ({
    id: f.id,
    group: f.group,
    label: f.label,
    points: f.points,
    condition: f.condition,
    facts: f.facts,
    sources: f.sources,
    ...(f.assumption ? { assumption: f.assumption } : {}),
  }));

  const advice = rankAdvice(rb, c, profile);

  const whatIfs: WhatIf[] = [];
  for (const w of rb.whatIfs) {
    if (whatIfs.length >= rb.ruleset.whatIfs.max) break;
    if (!w.test(c.ctx)) continue;
    const after = scoreOf(rb, simulate(rb, profile, w.simulate));
    if (after !== score) whatIfs.push({ id: w.id, label: w.label, scoreAfter: after, change: after - score });
  }

  const sourceIds = new Set<string>();
  for (const t of tasks) for (const s of rb.taskCategories.get(t.category)?.sources ?? []) sourceIds.add(s);
  for (const f of factors) for (const s of f.sources) sourceIds.add(s);
  for (const a of advice) for (const s of a.sources) sourceIds.add(s);

  return {
    profile,
    occupation: c.ctx.occupation,
    baseline: round1(c.baseline),
    tasks,
    factors,
    score,
    band: bandOf(rb, score),
    range: { low: clamp(score - half), high: clamp(score + half) },
    advice,
    whatIfs,
    sources: [...sourceIds].sort(),
  };
}

/** Applicable advice, ordered by how much it lowers this person's score, then by id. */
function rankAdvice(rb: RuleBase, c: Core, profile: Profile): AdviceItem[] {
  const { min, max } = rb.ruleset.advice;
  const scored = rb.advice
    .filter((a: CompiledAdvice) => a.test(c.ctx))
    .map((a): AdviceItem => {
      const after = scoreOf(rb, simulate(rb, profile, a.simulate));
      return {
        id: a.id,
        label: a.label,
        why: a.why,
        firstStep: a.firstStep,
        facts: a.facts,
        sources: a.sources,
        ...(a.assumption ? { assumption: a.assumption } : {}),
        scoreAfter: after,
        reduction: c.score - after,
      };
    })
    .filter((a) => a.reduction >= 0)
    .sort((a, b) => b.reduction - a.reduction || (a.id < b.id ? -1 : 1));
  const helpful = scored.filter((a) => a.reduction > 0);
  const chosen = helpful.length >= min ? helpful : scored.slice(0, Math.max(min, helpful.length));
  return chosen.slice(0, max);
}
