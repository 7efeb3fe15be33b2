/** Which rules cite each source and fact, and where a fact is in its source: shared by `sources`, `rules show` and the generated docs. */
import type { RuleBase } from '../engine/compile.js';
import type { FactEntry } from '../engine/schema.js';
import type { Messages } from '../i18n/index.js';

/**
 * Rule ids citing each source and each fact: task categories as `task:<id>`,
 * advice as `advice:<id>`, occupations as `occupation:<id>`, factors and
 * what-ifs by id. A rule citing a fact counts as citing its source too.
 */
export function citations(rb: RuleBase): Map<string, string[]> {
  const cited = new Map<string, string[]>();
  const add = (ids: readonly string[] | undefined, rule: string) => {
    for (const id of ids ?? []) {
      const list = cited.get(id) ?? [];
      if (!list.includes(rule)) list.push(rule);
      cited.set(id, list);
    }
  };
  const both = (rule: { readonly facts?: readonly string[] | undefined; readonly sources?: readonly string[] | undefined }, name: string) => {
    // Compiled rules carry the documents of their facts as `sources`.
    add(rule.sources, name);
    add(rule.facts, name);
  };
  for (const c of rb.taskCategories.values()) both(c, `task:${c.id}`);
  for (const f of rb.factors) both(f, f.id);
  for (const a of rb.advice) both(a, `advice:${a.id}`);
  for (const w of rb.whatIfs) both(w, w.id);
  for (const o of rb.occupations) both({ sources: (o.facts ?? []).map((f) => f.slice(0, f.indexOf('/'))), facts: o.facts }, `occupation:${o.id}`);
  return cited;
}


export function locatorText(f: FactEntry, m: Messages): string {
  const s = m.sources;
  const parts: string[] = [];
  if (f.locator.paragraph !== undefined) parts.push(s.paragraph(f.locator.paragraph));
  if (f.locator.section !== undefined) parts.push(s.section(f.locator.section));
  if (f.locator.table !== undefined) parts.push(s.table(f.locator.table));
  if (f.locator.page !== undefined) parts.push(s.page(f.locator.page));
  return parts.join(', ');
}

/** Facts of one source, in document order (by locator, then id). */
export function factsOf(rb: RuleBase, sourceId: string): FactEntry[] {
  const order = (f: FactEntry) => f.locator.paragraph ?? Number.parseInt(f.locator.page ?? f.locator.section ?? f.locator.table ?? '0', 10);
  return [...rb.facts.values()].filter((f) => f.id.startsWith(`${sourceId}/`)).sort((a, b) => order(a) - order(b) || (a.id < b.id ? -1 : 1));
}
