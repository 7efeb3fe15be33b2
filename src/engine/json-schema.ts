/**
 * JSON Schemas for rule files, generated from the zod schemas the loader
 * validates with (one source of truth). One schema per file kind, plus
 * `rule-file` for packs that mix kinds in one file, and `tests` for test cases.
 */
import { z } from 'zod';
import {
  adviceSchema,
  factorSchema,
  factSchema,
  occupationSchema,
  ruleFileSchema,
  rulesetSchema,
  sourceSchema,
  taskCategorySchema,
  testFileSchema,
  whatIfSchema,
} from './schema.js';

export const SCHEMA_KINDS = {
  'rule-file': { schema: ruleFileSchema, title: 'career-risk rule file (any mix of collections, for rule packs)' },
  ruleset: { schema: z.strictObject({ ruleset: rulesetSchema }), title: 'career-risk ruleset settings' },
  sources: { schema: z.strictObject({ sources: z.array(sourceSchema) }), title: 'career-risk sources' },
  facts: { schema: z.strictObject({ facts: z.array(factSchema) }), title: 'career-risk facts (what each source says, with its locator)' },
  'task-categories': { schema: z.strictObject({ taskCategories: z.array(taskCategorySchema) }), title: 'career-risk task categories' },
  occupations: { schema: z.strictObject({ occupations: z.array(occupationSchema) }), title: 'career-risk occupations' },
  factors: { schema: z.strictObject({ factors: z.array(factorSchema) }), title: 'career-risk factor rules' },
  advice: { schema: z.strictObject({ advice: z.array(adviceSchema) }), title: 'career-risk advice rules' },
  'what-ifs': { schema: z.strictObject({ whatIfs: z.array(whatIfSchema) }), title: 'career-risk what-if lines' },
  tests: { schema: testFileSchema, title: 'career-risk rule test cases' },
} as const;

export type SchemaKind = keyof typeof SCHEMA_KINDS;
export const SCHEMA_KIND_NAMES = Object.keys(SCHEMA_KINDS) as SchemaKind[];

export function schemaFileName(kind: SchemaKind): string {
  return `${kind}.schema.json`;
}

export function jsonSchemaFor(kind: SchemaKind): string {
  const { schema, title } = SCHEMA_KINDS[kind];
  const generated = z.toJSONSchema(schema, { target: 'draft-07', io: 'input' });
  return `${JSON.stringify({ ...generated, title }, null, 2)}\n`;
}
