/**
 * The headline of an assessment, for batch rows: the same score, augmentation
 * score, band, range, reading, advice order and first pivot as `evaluate()`,
 * without the task table, factor list, what-ifs and sources a batch row does not
 * show, and with the scores it needs memoised:
 *
 * - the score of every catalogue profile (occupation × seniority × repetitiveness
 *   × AI use, the occupation's own task mix), one `Int16Array` slot each: advice
 *   that changes only those answers, and the pivots, land on such slots;
 * - the task mix an advice's `shiftTasks` leaves, per occupation and advice (it
 *   depends on the mix alone), taken from `simulate()` itself, and the score of
 *   each answer combination with that mix (per occupation × advice, 150 slots);
 * - the automation and augmentation shares of each task-mix object at each end
 *   of the uncertainty;
 * - which factors and advice can apply to an occupation and mix at all (the
 *   occupation-level part of their conditions), so only those are tested.
 *
 * The arithmetic is `evaluate.ts`'s own (its `shares`, `oddsOf` and `scaleOdds`), so every figure is identical;
 * test/headline.test.ts checks every catalogue profile against `evaluate()`.
 */
import type { Profile, Repetitiveness } from '../model/profile.js';
import { AI_USAGE_LEVELS, REPETITIVENESS_LEVELS, SENIORITY_LEVELS } from '../model/profile.js';
import type { CompiledAdvice, CompiledFactor, EvalContext, RuleBase } from './compile.js';
import type { Band, Range, Reading } from './evaluate.js';
import { bandOf, firstStepFor, oddsOf, orderAdvice, readingOf, scaleOdds, shares, simulate, simulateAnswers } from './evaluate.js';
import type { Pivot } from './pivots.js';
import { findPivots } from './pivots.js';
import { answersSlot, SLOTS_PER_OCCUPATION } from './headline-file.js';
import { occupationMeets } from './occupation-match.js';
import type { OccupationEntry, Simulation } from './schema.js';

type End = -1 | 0 | 1;
type TaskMix = EvalContext['tasks'];

/** What a batch row shows of an assessment (the build's headline table keeps this much). */
export interface RowHeadline {
  readonly score: number;
  readonly band: Band;
  readonly range: Range;
  /** The augmentation score (`evaluate().augmentation.score`). */
  readonly augmentation: number;
  readonly reading?: Reading | undefined;
  /** The advice `evaluate()` lists, in its order (the table keeps the first three). */
  readonly advice: readonly CompiledAdvice[];
  /** `evaluate().pivots[0]`: its id and score. */
  readonly pivot: { readonly id: string; readonly score: number } | undefined;
}

export interface Headline extends RowHeadline {
  readonly pivot: Pivot | undefined;
}

interface Shares {
  readonly automation: number;
  readonly augmentation: number;
}

/** A shiftTasks simulation that moved nothing leaves the occupation's own mix. */
const UNSHIFTED = null;


export class HeadlineScorer {
  private readonly occupationIndex: ReadonlyMap<string, number>;
  /** Score + 1 of each catalogue profile (0: not computed yet). */
  private readonly slotScores: Int16Array;
  /** The mix each shiftTasks simulation leaves, per occupation index × advice index. */
  private readonly shifted: (TaskMix | typeof UNSHIFTED | undefined)[];
  /** Score + 1 of each answer combination with a shifted mix, per occupation index × advice index (0: not computed yet). */
  private readonly shiftedScores = new Map<number, Int16Array>();
  private readonly shares = new WeakMap<TaskMix, (Shares | undefined)[]>();
  /**
   * A compiled rule test is its condition's occupation-level test (occupation-match.ts)
   * and its profile-level tests, all of which must hold: rules whose occupation-level test
   * this occupation and mix fail can never fire, and are left out before testing.
   */
  private readonly factorsFor = new WeakMap<TaskMix, { readonly occupation: OccupationEntry; readonly factors: readonly CompiledFactor[] }>();
  /** Indexes of the advice whose occupation-level test each occupation (with its own mix) meets. */
  private readonly adviceFor: (readonly number[] | undefined)[];
  /** For findPivots: the same scores as `scoreOf`, memoised per catalogue profile. */
  readonly scoreOf = (_rb: RuleBase, profile: Profile): number => this.profileScore(profile);

  constructor(readonly rb: RuleBase) {
    this.occupationIndex = new Map(rb.occupations.map((o, i) => [o.id, i]));
    this.slotScores = new Int16Array(rb.occupations.length * SENIORITY_LEVELS.length * REPETITIVENESS_LEVELS.length * AI_USAGE_LEVELS.length);
    this.shifted = new Array<TaskMix | typeof UNSHIFTED | undefined>(rb.occupations.length * rb.advice.length);
    this.adviceFor = new Array<readonly number[] | undefined>(rb.occupations.length);
  }

  headline(profile: Profile): Headline {
    const rb = this.rb;
    const occupation = this.occupationOf(profile);
    const tasks = profile.tasks ?? occupation.tasks;
    const fired = this.fired({ profile, occupation, tasks });
    const c = this.scoreAt(tasks, fired, 0, 0);
    const score = c.score;
    const low = this.scoreAt(tasks, fired, -1, -1);
    const high = this.scoreAt(tasks, fired, 1, 1);
    const lowScore = Math.min(low.score, this.scoreAt(tasks, fired, -1, 1).score);
    const highScore = Math.max(high.score, this.scoreAt(tasks, fired, 1, -1).score);
    const augmentation = Math.round(c.augmentation);
    // The score is the profile's own: kept for the advice and pivots of other profiles that land here.
    const slot = profile.tasks === undefined ? this.slotOf(profile) : -1;
    if (slot >= 0) this.slotScores[slot] = score + 1;
    // A row shows the first pivot only: the same one findPivots ranks first for any limit.
    const pivots = findPivots(rb, { profile, occupation, tasks, score, excludeNewLicences: true, limit: 1 }, this.scoreOf);
    return {
      score,
      band: bandOf(rb, score),
      range: { low: Math.min(score, lowScore), high: Math.max(score, highScore) },
      augmentation,
      reading: readingOf(rb, score, augmentation),
      advice: this.rankAdvice({ profile, occupation, tasks }, score),
      pivot: pivots[0],
    };
  }

  private occupationOf(profile: Profile): OccupationEntry {
    const occupation = this.rb.occupationById.get(profile.occupation);
    if (!occupation) throw new Error(`unknown occupation id "${profile.occupation}"`);
    return occupation;
  }

  private fired(ctx: EvalContext): CompiledFactor[] {
    let memo = this.factorsFor.get(ctx.tasks);
    if (memo?.occupation !== ctx.occupation) {
      memo = { occupation: ctx.occupation, factors: this.rb.factors.filter((f) => occupationMeets(f.when, ctx.occupation, ctx.tasks)) };
      this.factorsFor.set(ctx.tasks, memo);
    }
    return memo.factors.filter((f) => f.test(ctx));
  }

  /** Indexes of the advice that can apply to this occupation and mix, in rule order. */
  private adviceCandidates(ctx: EvalContext): readonly number[] {
    const all = (): number[] => this.rb.advice.flatMap((a, i) => (occupationMeets(a.when, ctx.occupation, ctx.tasks) ? [i] : []));
    const o = this.occupationIndex.get(ctx.occupation.id);
    if (o === undefined || ctx.tasks !== ctx.occupation.tasks) return all();
    let found = this.adviceFor[o];
    if (!found) {
      found = all();
      this.adviceFor[o] = found;
    }
    return found;
  }

  /** `scoreOf(rb, profile)`, memoised for the catalogue profiles. */
  profileScore(profile: Profile): number {
    const slot = profile.tasks === undefined ? this.slotOf(profile) : -1;
    if (slot >= 0) {
      const memo = this.slotScores[slot] ?? 0;
      if (memo > 0) return memo - 1;
    }
    const occupation = this.occupationOf(profile);
    const tasks = profile.tasks ?? occupation.tasks;
    const score = this.scoreAt(tasks, this.fired({ profile, occupation, tasks }), 0, 0).score;
    if (slot >= 0) this.slotScores[slot] = score + 1;
    return score;
  }

  private slotOf(profile: Profile): number {
    const o = this.occupationIndex.get(profile.occupation);
    const answers = answersSlot(profile);
    return o === undefined || answers < 0 ? -1 : o * SLOTS_PER_OCCUPATION + answers;
  }

  /**
   * The score after an advice's simulated change: `scoreOf(rb, simulate(rb, profile, change))`.
   * For a catalogue profile, the answers simulateAnswers() would leave give a slot, read from the
   * memo; the task shift depends on the occupation's mix alone, and its scores are memoised per
   * occupation × advice and answer combination.
   */
  private simulatedScore(profile: Profile, adviceIndex: number, change: Simulation): number {
    const slot = profile.tasks === undefined ? this.slotOf(profile) : -1;
    if (slot < 0) return this.profileScore(simulate(this.rb, profile, change));
    const o = Math.floor(slot / SLOTS_PER_OCCUPATION);
    // simulateAnswers(), on the slot's indexes.
    let rest = slot - o * SLOTS_PER_OCCUPATION;
    let a = rest % AI_USAGE_LEVELS.length;
    rest = (rest - a) / AI_USAGE_LEVELS.length;
    let r = rest % REPETITIVENESS_LEVELS.length;
    let s = (rest - r) / REPETITIVENESS_LEVELS.length;
    if (change.aiUsage) a = AI_USAGE_LEVELS.indexOf(change.aiUsage);
    if (change.seniority) s = SENIORITY_LEVELS.indexOf(change.seniority);
    if (change.repetitiveness) {
      const level = REPETITIVENESS_LEVELS.indexOf(Math.min(5, Math.max(1, profile.repetitiveness + change.repetitiveness.by)) as Repetitiveness);
      if (level >= 0) r = level;
    }
    const answers = (s * REPETITIVENESS_LEVELS.length + r) * AI_USAGE_LEVELS.length + a;
    if (change.shiftTasks) {
      const key = o * this.rb.advice.length + adviceIndex;
      let mix = this.shifted[key];
      if (mix === undefined) {
        mix = simulate(this.rb, { occupation: profile.occupation, seniority: profile.seniority, repetitiveness: profile.repetitiveness, aiUsage: profile.aiUsage }, { shiftTasks: change.shiftTasks }).tasks ?? UNSHIFTED;
        this.shifted[key] = mix;
      }
      if (mix !== UNSHIFTED) {
        let scores = this.shiftedScores.get(key);
        if (!scores) {
          scores = new Int16Array(SLOTS_PER_OCCUPATION);
          this.shiftedScores.set(key, scores);
        }
        const memo = scores[answers] ?? 0;
        if (memo > 0) return memo - 1;
        const score = this.profileScore({ ...simulateAnswers(profile, change), tasks: mix });
        scores[answers] = score + 1;
        return score;
      }
    }
    return this.slotScore(o * SLOTS_PER_OCCUPATION + answers);
  }

  /** The score of a catalogue profile by its slot (the memo, else the profile of the slot scored). */
  private slotScore(slot: number): number {
    const memo = this.slotScores[slot] ?? 0;
    if (memo > 0) return memo - 1;
    let rest = slot;
    const a = rest % AI_USAGE_LEVELS.length;
    rest = (rest - a) / AI_USAGE_LEVELS.length;
    const r = rest % REPETITIVENESS_LEVELS.length;
    rest = (rest - r) / REPETITIVENESS_LEVELS.length;
    const s = rest % SENIORITY_LEVELS.length;
    const o = (rest - s) / SENIORITY_LEVELS.length;
    return this.profileScore({
      occupation: this.rb.occupations[o]?.id ?? '',
      seniority: SENIORITY_LEVELS[s] ?? 'mid',
      repetitiveness: REPETITIVENESS_LEVELS[r] ?? 3,
      aiUsage: AI_USAGE_LEVELS[a] ?? 'occasional',
    });
  }

  /** evaluate.ts `rankAdvice` (its `orderAdvice`), keeping only the advice itself. */
  private rankAdvice(ctx: EvalContext, score: number): CompiledAdvice[] {
    const rb = this.rb;
    const items: { readonly a: CompiledAdvice; readonly scope: CompiledAdvice['scope']; readonly moves: boolean; readonly reduction: number }[] = [];
    for (const i of this.adviceCandidates(ctx)) {
      const a = rb.advice[i];
      if (!a || !a.test(ctx)) continue;
      if (!firstStepFor(a.firstStep, ctx.profile.seniority)) continue;
      const after = a.simulate ? this.simulatedScore(ctx.profile, i, a.simulate) : score;
      items.push({ a, scope: a.scope, moves: a.simulate !== undefined, reduction: score - after });
    }
    return orderAdvice(rb, items, score).advice.map((item) => item.a);
  }

  // --- evaluate.ts's arithmetic, memoised per task-mix object ---

  private sharesOf(tasks: TaskMix, end: End): Shares {
    let memo = this.shares.get(tasks);
    if (!memo) {
      memo = [undefined, undefined, undefined];
      this.shares.set(tasks, memo);
    }
    const hit = memo[end + 1];
    if (hit) return hit;
    const result = shares(this.rb, tasks, end);
    memo[end + 1] = result;
    return result;
  }

  private scoreAt(tasks: TaskMix, fired: readonly CompiledFactor[], end: End, augmentationEnd: End): { automation: number; augmentation: number; score: number } {
    const at = this.sharesOf(tasks, end);
    const automation = at.automation;
    const augmentation = augmentationEnd === end ? at.augmentation : this.sharesOf(tasks, augmentationEnd).augmentation;
    const m = fired.reduce((product, f) => product * oddsOf(this.rb, f, augmentation, end), 1);
    return { automation, augmentation, score: Math.round(scaleOdds(automation, m)) };
  }
}
