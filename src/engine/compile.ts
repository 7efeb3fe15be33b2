/**
 * Turns a loaded rule base into the form evaluation needs: lookup maps,
 * conditions compiled to predicates, and a human-readable form of each condition.
 */
import type { AiUsage, Profile, Seniority } from '../model/profile.js';
import type { TaskMix } from '../model/rulebase.js';
import type { Layer, LoadedRuleBase, Origin } from './load.js';
import { asList, hasOccupationTest, occupationMeets } from './occupation-match.js';
import type {
  AdviceEntry,
  Condition,
  FactEntry,
  FactorEntry,
  LocalText,
  OccupationEntry,
  PotentialEntry,
  RulesetEntry,
  SourceEntry,
  TaskCategoryEntry,
  WhatIfEntry,
} from './schema.js';

export interface EvalContext {
  readonly profile: Profile;
  readonly occupation: OccupationEntry;
  readonly tasks: TaskMix;
}

export type Predicate = (ctx: EvalContext) => boolean;

/** What a compiled rule rests on: its facts, the documents they come from, and any stated assumption. */
export interface Evidence {
  readonly facts: readonly string[];
  /** Ids of the documents behind the facts, sorted. */
  readonly sources: readonly string[];
  readonly assumption?: LocalText | undefined;
}

export interface CompiledPotential extends Omit<PotentialEntry, 'facts' | 'assumption'>, Evidence {}
/** A task category; its own evidence is the union of its two potentials' (facts, sources; the first assumption). */
export interface CompiledTaskCategory extends Omit<TaskCategoryEntry, 'automation' | 'augmentation'>, Evidence {
  readonly automation: CompiledPotential;
  readonly augmentation: CompiledPotential;
}
export interface CompiledFactor extends Omit<FactorEntry, 'sources' | 'facts' | 'assumption'>, Evidence {
  readonly test: Predicate;
  readonly condition: string;
}
export interface CompiledAdvice extends Omit<AdviceEntry, 'sources' | 'facts' | 'assumption'>, Evidence {
  readonly test: Predicate;
  readonly condition: string;
  /** `work` when the condition tests the occupation (a kind of work), else `person`. */
  readonly scope: 'work' | 'person';
}
export interface CompiledWhatIf extends Omit<WhatIfEntry, 'sources' | 'facts' | 'assumption'>, Evidence {
  readonly test: Predicate;
  readonly condition: string;
}

/** The source id of a fact id (`ittimes-2025/first-wave-roles` → `ittimes-2025`). */
export function sourceOfFact(factId: string): string {
  const slash = factId.indexOf('/');
  return slash < 0 ? factId : factId.slice(0, slash);
}

export function evidenceOf(rule: { readonly facts?: readonly string[] | undefined; readonly assumption?: LocalText | undefined }): Evidence {
  const facts = rule.facts ?? [];
  const sources = [...new Set(facts.map(sourceOfFact))].sort();
  return rule.assumption === undefined ? { facts, sources } : { facts, sources, assumption: rule.assumption };
}

export interface RuleBase {
  readonly ruleset: RulesetEntry;
  readonly version: string;
  readonly hash: string;
  readonly layers: readonly Layer[];
  readonly sources: ReadonlyMap<string, SourceEntry>;
  readonly facts: ReadonlyMap<string, FactEntry>;
  readonly taskCategories: ReadonlyMap<string, CompiledTaskCategory>;
  readonly occupations: readonly OccupationEntry[];
  readonly occupationById: ReadonlyMap<string, OccupationEntry>;
  readonly factors: readonly CompiledFactor[];
  readonly advice: readonly CompiledAdvice[];
  readonly whatIfs: readonly CompiledWhatIf[];
  readonly origins: ReadonlyMap<string, Origin>;
  /** Task categories ordered by automation potential, most exposed first (ties by id). */
  readonly categoriesByExposure: readonly string[];
}

export function compileRuleBase(loaded: LoadedRuleBase): RuleBase {
  const { entries } = loaded;
  const categories = new Map<string, CompiledTaskCategory>(entries.taskCategories.map((c) => [c.id, compileCategory(c)]));
  return {
    ruleset: loaded.ruleset,
    version: loaded.ruleset.version,
    hash: loaded.hash,
    layers: loaded.layers,
    sources: new Map(entries.sources.map((s) => [s.id, s])),
    facts: new Map((entries.facts ?? []).map((f) => [f.id, f])),
    taskCategories: categories,
    occupations: entries.occupations,
    occupationById: new Map(entries.occupations.map((o) => [o.id, o])),
    factors: entries.factors.map((f) => ({ ...f, ...evidenceOf(f), test: compileCondition(f.when), condition: describeCondition(f.when) })),
    advice: entries.advice.map((a) => ({
      ...a,
      ...evidenceOf(a),
      test: compileCondition(a.when),
      condition: describeCondition(a.when),
      scope: hasOccupationTest(a.when) ? ('work' as const) : ('person' as const),
    })),
    whatIfs: entries.whatIfs.map((w) => ({ ...w, ...evidenceOf(w), test: compileCondition(w.when), condition: describeCondition(w.when) })),
    origins: loaded.origins,
    categoriesByExposure: [...categories.values()]
      .sort((a, b) => b.automation.potential - a.automation.potential || (a.id < b.id ? -1 : 1))
      .map((c) => c.id),
  };
}

function compileCategory(c: TaskCategoryEntry): CompiledTaskCategory {
  const automation = { ...c.automation, ...evidenceOf(c.automation) };
  const augmentation = { ...c.augmentation, ...evidenceOf(c.augmentation) };
  const facts = [...new Set([...automation.facts, ...augmentation.facts])];
  const own = evidenceOf({ facts, assumption: automation.assumption ?? augmentation.assumption });
  return { ...c, ...own, automation, augmentation };
}

/** The rule base's identity as written in JSON reports, test results and summaries. */
export function ruleBaseInfo(rb: RuleBase) {
  return {
    // One string in JSON whatever the rule file gives: the English name where it gives two.
    name: typeof rb.ruleset.name === 'string' ? rb.ruleset.name : rb.ruleset.name.en,
    version: rb.version,
    hash: rb.hash,
    packs: rb.layers.slice(1).map((layer) => ({ path: layer.name, hash: layer.hash })),
  };
}

export function compileCondition(when: Condition): Predicate {
  const tests: Predicate[] = [];
  if (hasOccupationTest(when)) tests.push((ctx) => occupationMeets(when, ctx.occupation, ctx.tasks));
  const seniority = asList<Seniority>(when.seniority);
  if (seniority) {
    const set = new Set(seniority);
    tests.push((ctx) => set.has(ctx.profile.seniority));
  }
  const aiUsage = asList<AiUsage>(when.aiUsage);
  if (aiUsage) {
    const set = new Set(aiUsage);
    tests.push((ctx) => set.has(ctx.profile.aiUsage));
  }
  const r = when.repetitiveness;
  if (typeof r === 'number') tests.push((ctx) => ctx.profile.repetitiveness === r);
  else if (r) tests.push((ctx) => inRange(ctx.profile.repetitiveness, r.min, r.max));
  return (ctx) => tests.every((t) => t(ctx));
}

function inRange(value: number, min: number | undefined, max: number | undefined): boolean {
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

/** A stable, human-readable form of a condition, for `--explain` and `rules show`. */
export function describeCondition(when: Condition): string {
  const parts: string[] = [];
  const list = (name: string, value: string | readonly string[] | undefined) => {
    const items = asList(value);
    if (!items) return;
    parts.push(items.length === 1 ? `${name} = ${items[0]}` : `${name} in [${items.join(', ')}]`);
  };
  list('occupation', when.occupation);
  list('seniority', when.seniority);
  const r = when.repetitiveness;
  if (typeof r === 'number') parts.push(`repetitiveness = ${r}`);
  else if (r) parts.push(rangeText('repetitiveness', r.min, r.max));
  list('aiUsage', when.aiUsage);
  list('socGroup', when.socGroup);
  list('soc', when.soc);
  list('isco', when.isco);
  for (const [category, range] of Object.entries(when.tasks ?? {})) {
    parts.push(rangeText(`tasks.${category}`, range.min, range.max));
  }
  return parts.length === 0 ? 'always' : parts.join(' and ');
}

function rangeText(name: string, min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${min} <= ${name} <= ${max}`;
  if (min !== undefined) return `${name} >= ${min}`;
  if (max !== undefined) return `${name} <= ${max}`;
  return `${name} (any)`;
}
