// Types of bench/role-sets.js, for the tests that pin the benchmark levels (test/role-benchmarks.test.ts).
import type { RuleBase } from '../src/engine/compile.js';
import type { OccupationEntry } from '../src/engine/schema.js';
import type { RoleResolution } from '../src/catalogue/search.js';

export interface RoleCase {
  readonly q: string;
  readonly expect: string;
  readonly kind?: string;
  /** Whether an occupation is a right answer; undefined when the query must be refused. */
  readonly hit: ((o: OccupationEntry) => boolean) | undefined;
  readonly half?: 'tune' | 'check';
}

export interface RoleSet {
  readonly name: string;
  readonly key: string;
  readonly lang: 'en' | 'zh';
  readonly total?: number;
  readonly cases: readonly RoleCase[];
}

export function half(q: string): 'tune' | 'check';
export function roleSets(rb: RuleBase): RoleSet[];
export function score(
  c: RoleCase,
  resolution: RoleResolution,
  top3: readonly OccupationEntry[],
): { top1: boolean; wrong: boolean; refused: boolean; top3: boolean };
