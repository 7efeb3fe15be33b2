/**
 * The model. Pure and synchronous: the same rule base and profile always give the
 * same assessment (no I/O, no clock, no randomness).
 *
 *   automation share  A = Σ over the task mix of share × category automation potential / 100
 *   augmentation share G = Σ over the task mix of share × category augmentation potential / 100
 *   replacement-risk score = round(100 × mA / (mA + 100 − A)), m = product of the fired factors' odds
 *   augmentation score = round(G)
 *
 * Factors multiply the odds of the automation share, so they move the score in
 * proportion to what is exposed: a job with little exposed work moves little, and
 * no profile reaches 0 or 100 unless the task mix does. A factor with
 * `scaleWith: augmentation` acts in proportion to G: its effective odds are
 * 1 + (odds − 1) × G / 100. The range evaluates the same formula with every
 * potential and every odds at the low and at the high end of its uncertainty
 * (the augmentation potentials at both ends, since they act through the AI-use factors);
 * a term resting on a stated assumption counts its uncertainty wider
 * (ruleset `range.assumptionWidening`).
 */
import type { Profile, Seniority, Situation } from '../model/profile.js';
import { isRepetitiveness, situationOf } from '../model/profile.js';
import type { FirstStep, LocalText } from './schema.js';
import type { CompiledAdvice, CompiledFactor, CompiledPotential, EvalContext, RuleBase } from './compile.js';
import type { OccupationEntry, Simulation } from './schema.js';
import type { Pivot } from './pivots.js';
import { findPivots } from './pivots.js';
import { tableScores } from './headline-file.js';

export interface TaskContribution {
  readonly category: string;
  readonly share: number;
  /** The category's automation potential (0–100). */
  readonly automation: number;
  /** The category's augmentation potential (0–100). */
  readonly augmentation: number;
  /** Points this category adds to the automation share (share × potential / 100), one decimal. */
  readonly automationPoints: number;
  /** Points this category adds to the augmentation share, one decimal. */
  readonly augmentationPoints: number;
}

export interface FiredFactor {
  readonly id: string;
  readonly group: CompiledFactor['group'];
  readonly label: LocalText;
  /** The odds multiplier as applied to this job (after `scaleWith`), two decimals. */
  readonly odds: number;
  /** What this factor moved the score by, applied in rule order after the ones before it; one decimal. */
  readonly points: number;
  readonly condition: string;
  readonly facts: readonly string[];
  readonly sources: readonly string[];
  readonly assumption?: LocalText | undefined;
}

export interface AdviceItem {
  readonly id: string;
  readonly label: LocalText;
  /** What to learn, named for this work (optional in rule packs). */
  readonly learn?: LocalText | undefined;
  readonly why: LocalText;
  /** The first step for this person's situation (learner, employee, lead). */
  readonly firstStep: LocalText;
  /** Which first step that is: the one written for this situation, or `all` (the advice has one first step). */
  readonly step: Situation | 'all';
  /** `work`: written for a kind of work (its condition tests the occupation); `person`: about how anyone works. */
  readonly scope: 'work' | 'person';
  /** Whether the advice claims to move the estimate (it has a simulation); `false`: it helps without moving it. */
  readonly moves: boolean;
  readonly facts: readonly string[];
  readonly sources: readonly string[];
  readonly assumption?: LocalText | undefined;
  /** The replacement-risk estimate this advice would move the score to. */
  readonly scoreAfter: number;
  /** How many points it would move the estimate down by (>= 0). */
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

export interface Reading {
  readonly id: string;
  readonly text: LocalText;
}

export interface Range {
  readonly low: number;
  readonly high: number;
}

export interface Assessment {
  readonly profile: Profile;
  readonly occupation: OccupationEntry;
  /** Task-mix shares before person factors (0–100, one decimal). */
  readonly exposure: { readonly automation: number; readonly augmentation: number };
  readonly tasks: readonly TaskContribution[];
  readonly factors: readonly FiredFactor[];
  /** Replacement-risk estimate: follows the automation share. */
  readonly score: number;
  readonly band: Band;
  readonly range: Range;
  /** How much AI reshapes the job: follows the augmentation share. */
  readonly augmentation: { readonly score: number; readonly range: Range };
  readonly reading?: Reading | undefined;
  readonly advice: readonly AdviceItem[];
  /**
   * No advice would move the estimate by `advice.lowLever` points or more: the report says so
   * plainly. Advice that helps without moving the estimate is shown for work in the lowest band
   * and whenever no advice for this kind of work moves it that much.
   */
  readonly lowLever: boolean;
  readonly whatIfs: readonly WhatIf[];
  /** Lower-risk occupations close to this one (task mix and codes) that need no licence the person lacks. */
  readonly pivots: readonly Pivot[];
  /** Ids of every source behind this assessment, sorted. */
  readonly sources: readonly string[];
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const round2 = (n: number): number => Math.round(n * 100) / 100;
const clampPotential = (n: number): number => Math.min(100, Math.max(0, n));

/** Which end of every uncertainty to take: the central value, or the low or high end of the range. */
type End = -1 | 0 | 1;

/** The score transform: the automation share (0–100) with its odds multiplied by m. */
export function scaleOdds(share: number, m: number): number {
  if (share <= 0) return 0;
  if (share >= 100) return 100;
  return (100 * m * share) / (m * share + 100 - share);
}

function occupationOf(rb: RuleBase, profile: Profile): OccupationEntry {
  const occupation = rb.occupationById.get(profile.occupation);
  if (!occupation) throw new Error(`unknown occupation id "${profile.occupation}"`);
  return occupation;
}

function widening(rb: RuleBase, term: { readonly assumption?: unknown }): number {
  return term.assumption === undefined ? 1 : (rb.ruleset.range?.assumptionWidening ?? 1);
}

function potentialAt(rb: RuleBase, p: CompiledPotential, end: End): number {
  return end === 0 ? p.potential : clampPotential(p.potential + end * p.uncertainty * widening(rb, p));
}

/** Effective odds of a fired factor for this job, at one end of its uncertainty. */
export function oddsOf(rb: RuleBase, f: CompiledFactor, augmentationShare: number, end: End): number {
  const base = Math.max(0.01, f.odds + end * (f.uncertainty ?? 0) * widening(rb, f));
  return f.scaleWith === 'augmentation' ? 1 + (base - 1) * (augmentationShare / 100) : base;
}

interface Core {
  readonly ctx: EvalContext;
  readonly automation: number;
  readonly augmentation: number;
  readonly fired: readonly CompiledFactor[];
  readonly score: number;
}

/** The automation and augmentation shares of a task mix, every potential at one end of its uncertainty. */
export function shares(rb: RuleBase, tasks: Readonly<Record<string, number>>, end: End): { automation: number; augmentation: number } {
  let automation = 0;
  let augmentation = 0;
  for (const [id, share] of Object.entries(tasks)) {
    const category = rb.taskCategories.get(id);
    if (!category) continue;
    automation += share * potentialAt(rb, category.automation, end);
    augmentation += share * potentialAt(rb, category.augmentation, end);
  }
  return { automation: automation / 100, augmentation: augmentation / 100 };
}

function core(rb: RuleBase, profile: Profile): Core {
  const occupation = occupationOf(rb, profile);
  const tasks = profile.tasks ?? occupation.tasks;
  const ctx: EvalContext = { profile, occupation, tasks };
  const fired = rb.factors.filter((f) => f.test(ctx));
  const { automation, augmentation, score } = scoreAt(rb, tasks, fired, 0, 0);
  return { ctx, automation, augmentation, fired, score };
}

/**
 * The score for a task mix and its fired factors, with every automation potential and odds at
 * one end of its uncertainty (`end`) and the augmentation potentials at `augmentationEnd`. The
 * two differ in the range: a lower augmentation share weakens the AI-use factors, which may
 * raise or lower the score, so both are tried.
 */
function scoreAt(rb: RuleBase, tasks: Readonly<Record<string, number>>, fired: readonly CompiledFactor[], end: End, augmentationEnd: End) {
  const at = shares(rb, tasks, end);
  const automation = at.automation;
  const augmentation = augmentationEnd === end ? at.augmentation : shares(rb, tasks, augmentationEnd).augmentation;
  const m = fired.reduce((product, f) => product * oddsOf(rb, f, augmentation, end), 1);
  return { automation, augmentation, score: Math.round(scaleOdds(automation, m)) };
}

/** Only the headline score: what-if and advice simulations use this. */
export function scoreOf(rb: RuleBase, profile: Profile): number {
  return core(rb, profile).score;
}

/** The ruleset's reference ("neutral") profile for an occupation. */
export function referenceProfile(rb: RuleBase, occupation: string): Profile {
  const { seniority, repetitiveness, aiUsage } = rb.ruleset.reference;
  if (!isRepetitiveness(repetitiveness)) throw new Error('reference repetitiveness out of range');
  return { occupation, seniority, repetitiveness, aiUsage };
}

export function bandOf(rb: RuleBase, score: number): Band {
  let band = rb.ruleset.bands[0];
  for (const b of rb.ruleset.bands) if (score >= b.from) band = b;
  if (!band) throw new Error('rule base has no bands');
  return { id: band.id, label: band.label };
}

const inRange = (value: number, r: { readonly min?: number | undefined; readonly max?: number | undefined } | undefined): boolean =>
  r === undefined || ((r.min === undefined || value >= r.min) && (r.max === undefined || value <= r.max));

/** The one-line reading of the pair (replacement score, augmentation score): the first that matches. */
export function readingOf(rb: RuleBase, score: number, augmentation: number): Reading | undefined {
  const found = (rb.ruleset.readings ?? []).find(
    (r) => inRange(score, r.when.score) && inRange(augmentation, r.when.augmentation) && inRange(augmentation - score, r.when.gap),
  );
  return found ? { id: found.id, text: found.text } : undefined;
}

/** The profile after the answer changes of a simulation (AI use, seniority, repetitiveness), without its task shift. */
export function simulateAnswers(profile: Profile, change: Simulation): Profile {
  let next: Profile = { ...profile };
  if (change.aiUsage) next = { ...next, aiUsage: change.aiUsage };
  if (change.seniority) next = { ...next, seniority: change.seniority };
  if (change.repetitiveness) {
    const level = Math.min(5, Math.max(1, profile.repetitiveness + change.repetitiveness.by));
    if (isRepetitiveness(level)) next = { ...next, repetitiveness: level };
  }
  return next;
}

/** The profile after following a simulated change (advice or what-if). */
export function simulate(rb: RuleBase, profile: Profile, change: Simulation): Profile {
  let next = simulateAnswers(profile, change);
  if (change.shiftTasks) {
    const mix = profile.tasks ?? occupationOf(rb, profile).tasks;
    const { to, share } = change.shiftTasks;
    // Without `from`: the most exposed category in the mix, and only if it is more exposed than `to`
    // (moving time to a category AI can do more of is not what such advice means).
    const potential = (id: string): number => rb.taskCategories.get(id)?.automation.potential ?? 0;
    const from = change.shiftTasks.from ?? rb.categoriesByExposure.find((c) => c !== to && (mix[c] ?? 0) > 0 && potential(c) > potential(to));
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
  // The range: the same mix and fired factors, every term at the low and at the high end.
  const low = scoreAt(rb, c.ctx.tasks, c.fired, -1, -1);
  const high = scoreAt(rb, c.ctx.tasks, c.fired, 1, 1);
  const lowScore = Math.min(low.score, scoreAt(rb, c.ctx.tasks, c.fired, -1, 1).score);
  const highScore = Math.max(high.score, scoreAt(rb, c.ctx.tasks, c.fired, 1, -1).score);

  const tasks: TaskContribution[] = Object.entries(c.ctx.tasks)
    .map(([category, share]) => {
      const entry = rb.taskCategories.get(category);
      const automation = entry?.automation.potential ?? 0;
      const augmentation = entry?.augmentation.potential ?? 0;
      return {
        category,
        share,
        automation,
        augmentation,
        automationPoints: round1((share * automation) / 100),
        augmentationPoints: round1((share * augmentation) / 100),
      };
    })
    .sort((a, b) => b.automationPoints - a.automationPoints || b.augmentationPoints - a.augmentationPoints || (a.category < b.category ? -1 : 1));

  // Each factor's points: what it moves the score by, applied in rule order after those before it.
  let product = 1;
  let before = c.automation;
  const factors: FiredFactor[] = c.fired.map((f) => {
    const odds = oddsOf(rb, f, c.augmentation, 0);
    product *= odds;
    const after = scaleOdds(c.automation, product);
    const points = round1(after - before);
    before = after;
    return {
      id: f.id,
      group: f.group,
      label: f.label,
      odds: round2(odds),
      points: points === 0 ? 0 : points,
      condition: f.condition,
      facts: f.facts,
      sources: f.sources,
      ...(f.assumption ? { assumption: f.assumption } : {}),
    };
  });

  const { advice, lowLever } = rankAdvice(rb, c, profile);

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

  const augmentationScore = Math.round(c.augmentation);
  return {
    profile,
    occupation: c.ctx.occupation,
    exposure: { automation: round1(c.automation), augmentation: round1(c.augmentation) },
    tasks,
    factors,
    score,
    band: bandOf(rb, score),
    range: { low: Math.min(score, lowScore), high: Math.max(score, highScore) },
    augmentation: {
      score: augmentationScore,
      range: { low: Math.min(augmentationScore, Math.round(low.augmentation)), high: Math.max(augmentationScore, Math.round(high.augmentation)) },
    },
    reading: readingOf(rb, score, augmentationScore),
    advice,
    lowLever,
    whatIfs,
    // The other occupations' scores come from the build's table when it was built for this rule base.
    pivots: findPivots(rb, { profile, occupation: c.ctx.occupation, tasks: c.ctx.tasks, score, excludeNewLicences: true }, scoreOf, tableScores),
    sources: [...sourceIds].sort(),
  };
}

/** The first step written for this person's situation. */
export function firstStepFor(step: FirstStep, seniority: Seniority): { text: LocalText; step: Situation | 'all' } | undefined {
  if ('en' in step) return { text: step, step: 'all' };
  const situation = situationOf(seniority);
  const text = step[situation];
  return text ? { text, step: situation } : undefined;
}

/**
 * Applicable advice, in two tiers: advice written for this kind of work first, then advice about
 * how anyone works; within a tier, by how far it would move this person's estimate down, then in
 * rule order. Advice that would move nothing is left out. For work in the lowest band, and where
 * no advice for this kind of work moves the estimate by `advice.lowLever` points or more, advice
 * that helps without moving it (no simulation) is shown too, after the work advice that moves it; `lowLever` is set when no advice
 * at all moves it that much (the report then says so).
 */
function rankAdvice(rb: RuleBase, c: Core, profile: Profile): { advice: AdviceItem[]; lowLever: boolean } {
  const items: AdviceItem[] = [];
  rb.advice.forEach((a: CompiledAdvice) => {
    if (!a.test(c.ctx)) return;
    const first = firstStepFor(a.firstStep, profile.seniority);
    if (!first) return;
    const after = a.simulate ? scoreOf(rb, simulate(rb, profile, a.simulate)) : c.score;
    items.push({
      id: a.id,
      label: a.label,
      ...(a.learn ? { learn: a.learn } : {}),
      why: a.why,
      firstStep: first.text,
      step: first.step,
      scope: a.scope,
      moves: a.simulate !== undefined,
      facts: a.facts,
      sources: a.sources,
      ...(a.assumption ? { assumption: a.assumption } : {}),
      scoreAfter: after,
      reduction: c.score - after,
    });
  });
  return orderAdvice(rb, items, c.score);
}

/**
 * Which advice a report shows, in which order, from the items that apply (in rule order): the
 * ranking `evaluate()` and the batch headline share.
 */
export function orderAdvice<T extends { readonly scope: CompiledAdvice['scope']; readonly moves: boolean; readonly reduction: number }>(
  rb: RuleBase,
  items: readonly T[],
  score: number,
): { advice: T[]; lowLever: boolean } {
  const { max, lowLever: threshold = 0 } = rb.ruleset.advice;
  // Items are in rule order and the sort is stable, so equal moves keep rule order.
  const byMove = (x: T, y: T): number => y.reduction - x.reduction;
  // Advice about how anyone works must move the estimate by `lowLever` points to be worth showing;
  // advice for this kind of work is shown whenever it moves the estimate at all.
  const moving = items.filter((a) => a.moves && a.reduction > 0 && (a.scope === 'work' || a.reduction >= threshold));
  const best = (list: readonly T[]): number => list.reduce((n, a) => Math.max(n, a.reduction), 0);
  const lowLever = best(moving) < threshold;
  // What helps without moving the estimate is shown for work in the lowest band, and wherever no
  // advice for this kind of work moves the estimate much.
  const lowestBand = score < (rb.ruleset.bands[1]?.from ?? 0);
  const helping = lowestBand || best(moving.filter((a) => a.scope === 'work')) < threshold ? items.filter((a) => !a.moves) : [];
  const tier = (scope: T['scope']): T[] => [...moving.filter((a) => a.scope === scope).sort(byMove), ...helping.filter((a) => a.scope === scope)];
  return { advice: [...tier('work'), ...tier('person')].slice(0, max), lowLever };
}
