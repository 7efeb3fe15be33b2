/**
 * Rule files written for rule format 1 (career-risk 1.x). Task categories gave one
 * `susceptibility`; format 2 gives each category two potentials, `automation` and
 * `augmentation`. A format-1 category still loads: its one value is read as both
 * potentials (with a note). Format-1 factors gave additive `points`; format 2
 * multiplies odds, and no number converts one into the other for every job, so a
 * factor with `points` is refused with a message naming the new key.
 */
import type { Problem } from './problems.js';
import type { YamlFile } from './yaml-file.js';

export interface Upgraded {
  readonly data: unknown;
  readonly problems: readonly Problem[];
  /** Notes on what was read in the format-1 way (not errors). */
  readonly notes: readonly Problem[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const LEGACY_CATEGORY_KEYS = ['susceptibility', 'uncertainty', 'rationale', 'facts', 'assumption'] as const;

export function upgradeRuleFile(file: YamlFile): Upgraded {
  const data = file.data;
  const problems: Problem[] = [];
  const notes: Problem[] = [];
  if (!isRecord(data)) return { data, problems, notes };
  let out: Record<string, unknown> = data;

  const categories = data['taskCategories'];
  if (Array.isArray(categories) && categories.some((c) => isRecord(c) && 'susceptibility' in c && !('automation' in c) && !('augmentation' in c))) {
    out = {
      ...out,
      taskCategories: categories.map((c: unknown, index) => {
        if (!isRecord(c) || !('susceptibility' in c) || 'automation' in c || 'augmentation' in c) return c;
        const potential: Record<string, unknown> = { potential: c['susceptibility'] };
        for (const key of LEGACY_CATEGORY_KEYS.slice(1)) if (key in c) potential[key] = c[key];
        const rest = Object.fromEntries(Object.entries(c).filter(([k]) => !(LEGACY_CATEGORY_KEYS as readonly string[]).includes(k)));
        notes.push(
          file.problem(
            ['taskCategories', index, 'susceptibility'],
            'rule format 1: `susceptibility` is read as both `automation` and `augmentation` potential; give the two separately (rules/README.md, "The model")',
          ),
        );
        return { ai: ['language'], ...rest, automation: potential, augmentation: potential };
      }),
    };
  }

  const factors = data['factors'];
  if (Array.isArray(factors)) {
    factors.forEach((f: unknown, index) => {
      if (isRecord(f) && 'points' in f && !('odds' in f)) {
        problems.push(
          file.problem(
            ['factors', index, 'points'],
            'rule format 1: factors no longer add `points`; give `odds` instead (a multiplier on the odds of the automation share: 1 = no effect, 1.2 raises, 0.8 lowers; rules/README.md, "The model")',
          ),
        );
      }
    });
  }
  return { data: out, problems, notes };
}
