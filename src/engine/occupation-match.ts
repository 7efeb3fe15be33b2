/**
 * The occupation-level part of a rule condition: ids, SOC major groups, SOC and
 * ISCO code families (prefixes) and task shares. Shared by the compiled
 * predicates, the loader's "can never fire" check and the evidence checks, so
 * the three agree on which occupations a rule can reach.
 */
import type { Condition, OccupationEntry } from './schema.js';

export const asList = <T>(value: T | readonly T[] | undefined): readonly T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? (value as readonly T[]) : [value as T];

/** Whether `code` is `prefix` or lies in its family: `15-12` covers `15-1252`; `26` covers `2643`. */
export function inCodeFamily(code: string, prefix: string): boolean {
  return code.startsWith(prefix);
}

/** Whether an occupation (with this task mix) meets a condition's occupation-level tests. */
export function occupationMeets(when: Condition, o: OccupationEntry, tasks: Readonly<Record<string, number>> = o.tasks): boolean {
  const ids = asList(when.occupation);
  if (ids && !ids.includes(o.id)) return false;
  const groups = asList(when.socGroup);
  if (groups && !groups.includes(o.codes.soc2018.slice(0, 2))) return false;
  const soc = asList(when.soc);
  if (soc && !soc.some((p) => inCodeFamily(o.codes.soc2018, p))) return false;
  const isco = asList(when.isco);
  if (isco && !isco.some((p) => inCodeFamily(o.codes.isco08, p))) return false;
  for (const [category, range] of Object.entries(when.tasks ?? {})) {
    const share = tasks[category] ?? 0;
    if ((range.min !== undefined && share < range.min) || (range.max !== undefined && share > range.max)) return false;
  }
  return true;
}

/** Whether the condition has any occupation-level test at all. */
export function hasOccupationTest(when: Condition): boolean {
  return when.occupation !== undefined || when.socGroup !== undefined || when.soc !== undefined || when.isco !== undefined || when.tasks !== undefined;
}
