import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleFileJsonSchema } from '../src/engine/json-schema.js';

describe('rules/schema/rule-file.schema.json', () => {
  it('is exactly what the loader schema generates (regenerate with `npm run schema`)', () => {
    expect(readFileSync('rules/schema/rule-file.schema.json', 'utf8')).toBe(ruleFileJsonSchema());
  });

  it('is referenced from every shipped rule file', () => {
    for (const file of ['ruleset', 'sources', 'task-categories', 'factors', 'advice']) {
      expect(readFileSync(`rules/${file}.yaml`, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/rule-file.schema.json');
    }
  });
});
