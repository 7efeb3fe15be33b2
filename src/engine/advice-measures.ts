/**
 * How well the advice fits the catalogue, measured over every occupation: which advice
 * comes first and how often, whether each occupation is shown advice written for its kind of
 * work, and whether each SOC major group has advice that names it. Quoted in rules/README.md
 * ("Advice over the catalogue"), kept by test/advice-measures.test.ts, printed by
 * `node scripts/advice-measures.js`.
 */
import type { AiUsage, Profile, Repetitiveness, Seniority } from '../model/profile.js';
import { AI_USAGE_LEVELS, REPETITIVENESS_LEVELS, SENIORITY_LEVELS } from '../model/profile.js';
import type { RuleBase } from './compile.js';
import { evaluate, referenceProfile } from './evaluate.js';
import { asList } from './occupation-match.js';

export interface FirstAdviceShare {
  readonly id: string;
  readonly count: number;
  /** Share of occupations, percent, one decimal. */
  readonly percent: number;
}

export interface ProfileMeasure {
  readonly seniority: Seniority;
  readonly repetitiveness: Repetitiveness;
  readonly aiUsage: AiUsage;
  /** The advice that comes first most often for this profile across the catalogue. */
  readonly top: FirstAdviceShare;
}

export interface AdviceMeasures {
  readonly occupations: number;
  /** Neutral profile (the ruleset's reference): advice shown first, most frequent first. */
  readonly neutralFirst: readonly FirstAdviceShare[];
  /** Neutral profile: occupations shown no advice written for their kind of work. */
  readonly withoutWorkAdvice: readonly string[];
  /** Neutral profile: occupations where nothing moves the estimate much (the report says so). */
  readonly lowLever: number;
  /** Neutral profile: how many different advice items come first. */
  readonly distinctFirst: number;
  /** SOC major groups of the catalogue with no advice whose condition names them by code. */
  readonly groupsWithoutAdvice: readonly string[];
  /** Every profile of the grid (seniority × repetitiveness × AI use), with its most frequent first advice; only with `grid`. */
  readonly grid?: readonly ProfileMeasure[];
  /** The grid profile whose most frequent first advice has the largest share; only with `grid`. */
  readonly worstProfile?: ProfileMeasure;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

function firstShares(rb: RuleBase, profileOf: (occupation: string) => Profile): { shares: FirstAdviceShare[]; without: string[]; lowLever: number } {
  const counts = new Map<string, number>();
  const without: string[] = [];
  let lowLever = 0;
  for (const o of rb.occupations) {
    const a = evaluate(rb, profileOf(o.id));
    const first = a.advice[0]?.id ?? '(none)';
    counts.set(first, (counts.get(first) ?? 0) + 1);
    if (!a.advice.some((item) => item.scope === 'work')) without.push(o.id);
    if (a.lowLever) lowLever++;
  }
  const n = rb.occupations.length;
  const shares = [...counts]
    .map(([id, count]) => ({ id, count, percent: round1((100 * count) / n) }))
    .sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1));
  return { shares, without, lowLever };
}

/** SOC major groups (two digits) that some advice names by `socGroup` or a `soc` code family. */
function groupsNamed(rb: RuleBase): Set<string> {
  const named = new Set<string>();
  for (const a of rb.advice) {
    for (const g of asList(a.when.socGroup) ?? []) named.add(g);
    for (const code of asList(a.when.soc) ?? []) named.add(code.slice(0, 2));
  }
  return named;
}

export function measureAdvice(rb: RuleBase, options: { readonly grid?: boolean } = {}): AdviceMeasures {
  const neutral = firstShares(rb, (occupation) => referenceProfile(rb, occupation));
  const named = groupsNamed(rb);
  const groups = [...new Set(rb.occupations.map((o) => o.codes.soc2018.slice(0, 2)))].sort();
  const result: AdviceMeasures = {
    occupations: rb.occupations.length,
    neutralFirst: neutral.shares,
    withoutWorkAdvice: neutral.without,
    lowLever: neutral.lowLever,
    distinctFirst: neutral.shares.length,
    groupsWithoutAdvice: groups.filter((g) => !named.has(g)),
  };
  if (!options.grid) return result;
  const grid: ProfileMeasure[] = [];
  for (const seniority of SENIORITY_LEVELS) {
    for (const repetitiveness of REPETITIVENESS_LEVELS) {
      for (const aiUsage of AI_USAGE_LEVELS) {
        const { shares } = firstShares(rb, (occupation) => ({ occupation, seniority, repetitiveness, aiUsage }));
        const top = shares[0];
        if (top) grid.push({ seniority, repetitiveness, aiUsage, top });
      }
    }
  }
  const worstProfile = grid.reduce<ProfileMeasure | undefined>((w, p) => (w === undefined || p.top.count > w.top.count ? p : w), undefined);
  return { ...result, grid, ...(worstProfile ? { worstProfile } : {}) };
}
