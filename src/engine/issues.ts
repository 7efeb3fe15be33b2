/** Schema (zod) issues as located problems, worded for rule authors. Shared by rule and test files. */
import type { z } from 'zod';
import type { Problem } from './problems.js';
import { conditionSchema } from './schema.js';
import type { YamlFile } from './yaml-file.js';

const CONDITION_FIELDS = Object.keys(conditionSchema.shape);

export function issueProblems(file: YamlFile, issue: z.core.$ZodIssue): Problem[] {
  const p = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    if (p[p.length - 1] === 'when') {
      return issue.keys.map((key) => file.problem(p, `condition on unknown profile field "${key}" (fields: ${CONDITION_FIELDS.join(', ')})`, key));
    }
    return issue.keys.map((key) => file.problem(p, `unknown key "${key}"`, key));
  }
  if (issue.code === 'invalid_union') {
    return [file.problem(p, 'has the wrong shape (see the rule-file format in rules/README.md)')];
  }
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
    const last = p[p.length - 1];
    const missing = last === 'en' || last === 'zh' ? `is missing its ${String(last)} text (en and zh are both required)` : 'is required but missing';
    return [file.problem(p, missing)];
  }
  return [file.problem(p, issue.message)];
}
