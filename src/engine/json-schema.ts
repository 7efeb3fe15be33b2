/** JSON Schema for rule files, generated from the zod schema the loader validates with. */
import { z } from 'zod';
import { ruleFileSchema } from './schema.js';

export function ruleFileJsonSchema(): string {
  const schema = z.toJSONSchema(ruleFileSchema, { target: 'draft-07', io: 'input' });
  const described = {
    ...schema,
    title: 'career-risk rule file',
    description: 'A career-risk rule file: any of ruleset, sources, taskCategories, occupations, factors, advice, whatIfs.',
  };
  return `${JSON.stringify(described, null, 2)}\n`;
}
