/**
 * Checks of the evidence layer (sources → facts → rules), run by the loader on
 * the merged rule base:
 *
 * - every fact belongs to a known source (its id starts with the source's id);
 * - every fact a rule cites exists and is not marked `context`;
 * - every fact is cited by some rule, or is marked `context` (checked for the
 *   top layer's facts: a pack that overrides a rule may leave a shipped fact unused);
 * - one fact, one place: two factor rules that can fire for the same profile
 *   never cite the same fact, and a factor never cites a fact of a task
 *   category it adds to (a category in the task mix of an occupation it can
 *   fire for). Otherwise one sentence of a source would move the score twice.
 */
import type { Problem } from './problems.js';
import type { CollectionName, Condition, FactorEntry, OccupationEntry } from './schema.js';
import type { Entries } from './load.js';
import { asList, occupationMeets } from './occupation-match.js';

type At = (collection: CollectionName, id: string, sub: PropertyKey[], message: string) => Problem;

function sourceOf(factId: string): string {
  return factId.slice(0, factId.indexOf('/'));
}

function overlaps<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  return a === undefined || b === undefined || a.some((x) => b.includes(x));
}

function interval(r: Condition['repetitiveness']): [number, number] {
  if (r === undefined) return [1, 5];
  if (typeof r === 'number') return [r, r];
  return [r.min ?? 1, r.max ?? 5];
}

/** Whether some profile (an occupation in the catalogue and any person answers) meets both conditions. */
export function canFireTogether(a: Condition, b: Condition, occupations: readonly OccupationEntry[]): boolean {
  if (!overlaps(asList(a.seniority), asList(b.seniority))) return false;
  if (!overlaps(asList(a.aiUsage), asList(b.aiUsage))) return false;
  const [aLow, aHigh] = interval(a.repetitiveness);
  const [bLow, bHigh] = interval(b.repetitiveness);
  if (Math.max(aLow, bLow) > Math.min(aHigh, bHigh)) return false;
  return occupations.some((o) => occupationMeets(a, o) && occupationMeets(b, o));
}

export function checkEvidence(entries: Entries, at: At, ownFact: (id: string) => boolean = () => true): Problem[] {
  const problems: Problem[] = [];
  const sources = new Set(entries.sources.map((s) => s.id));
  const facts = new Map(entries.facts.map((f) => [f.id, f]));
  const used = new Set<string>();

  for (const f of entries.facts) {
    if (!sources.has(sourceOf(f.id))) problems.push(at('facts', f.id, ['id'], `unknown source "${sourceOf(f.id)}" (a fact's id starts with its source's id)`));
  }

  const cite = (collection: CollectionName, id: string, refs: readonly string[] | undefined, under: PropertyKey[] = []): void => {
    (refs ?? []).forEach((ref, i) => {
      const fact = facts.get(ref);
      if (!fact) problems.push(at(collection, id, [...under, 'facts', i], `unknown fact "${ref}"`));
      else if (fact.context === true) problems.push(at(collection, id, [...under, 'facts', i], `fact "${ref}" is marked context (used by no rule); cite another fact or drop \`context\``));
      used.add(ref);
    });
  };
  for (const c of entries.taskCategories) {
    cite('taskCategories', c.id, c.automation.facts, ['automation']);
    cite('taskCategories', c.id, c.augmentation.facts, ['augmentation']);
  }
  for (const o of entries.occupations) cite('occupations', o.id, o.facts);
  for (const f of entries.factors) cite('factors', f.id, f.facts);
  for (const a of entries.advice) cite('advice', a.id, a.facts);
  for (const w of entries.whatIfs) cite('whatIfs', w.id, w.facts);

  for (const f of entries.facts) {
    if (f.context !== true && !used.has(f.id) && ownFact(f.id)) problems.push(at('facts', f.id, ['id'], 'no rule cites this fact; cite it, or mark it `context: true`'));
  }

  // One fact, one place.
  const factors = entries.factors.filter((f) => (f.facts ?? []).length > 0);
  const shared = (a: FactorEntry, b: readonly string[] | undefined): string[] => (a.facts ?? []).filter((x) => (b ?? []).includes(x));
  for (let i = 0; i < factors.length; i++) {
    const a = factors[i] as FactorEntry;
    for (let j = 0; j < i; j++) {
      const b = factors[j] as FactorEntry;
      const both = shared(a, b.facts);
      if (both.length > 0 && canFireTogether(a.when, b.when, entries.occupations)) {
        const index = (a.facts ?? []).indexOf(both[0] as string);
        problems.push(at('factors', a.id, ['facts', index], `fact "${both[0]}" is also cited by factor "${b.id}", which can fire for the same profile: one fact may move the score once`));
      }
    }
    for (const c of entries.taskCategories) {
      const both = shared(a, [...(c.automation.facts ?? []), ...(c.augmentation.facts ?? [])]);
      if (both.length === 0) continue;
      if (entries.occupations.some((o) => (o.tasks[c.id] ?? 0) > 0 && occupationMeets(a.when, o))) {
        const index = (a.facts ?? []).indexOf(both[0] as string);
        problems.push(at('factors', a.id, ['facts', index], `fact "${both[0]}" already sets task category "${c.id}", which this factor adds to: one fact may move the score once`));
      }
    }
  }
  return problems;
}
