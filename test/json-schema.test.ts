import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFor, SCHEMA_KIND_NAMES, schemaFileName } from '../src/engine/json-schema.js';

describe('rules/schema/', () => {
  it.each(SCHEMA_KIND_NAMES)('%s.schema.json is exactly what the loader schema generates (regenerate with `npm run schema`)', (kind) => {
    expect(readFileSync(`rules/schema/${schemaFileName(kind)}`, 'utf8')).toBe(jsonSchemaFor(kind));
  });

  it('holds no schema that is not generated', () => {
    expect(readdirSync('rules/schema').sort()).toEqual(SCHEMA_KIND_NAMES.map(schemaFileName).sort());
  });

  it('is referenced from the first line of every shipped rule and test file, by kind', () => {
    const expected: Record<string, string> = {
      'ruleset.yaml': 'ruleset',
      'sources.yaml': 'sources',
      'task-categories.yaml': 'task-categories',
      'factors.yaml': 'factors',
      'what-ifs.yaml': 'what-ifs',
    };
    const files: [string, string][] = [
      ...Object.entries(expected).map(([f, kind]): [string, string] => [`rules/${f}`, `./schema/${kind}.schema.json`]),
      ...readdirSync('rules/advice').map((f): [string, string] => [`rules/advice/${f}`, '../schema/advice.schema.json']),
      ...readdirSync('rules/occupations').map((f): [string, string] => [`rules/occupations/${f}`, '../schema/occupations.schema.json']),
      ...readdirSync('rules/tests').map((f): [string, string] => [`rules/tests/${f}`, '../schema/tests.schema.json']),
    ];
    for (const [file, schema] of files) {
      expect(readFileSync(file, 'utf8').split('\n')[0], file).toBe(`# yaml-language-server: $schema=${schema}`);
      expect(readdirSync(path.dirname(path.resolve(path.dirname(file), schema)))).toContain(path.basename(schema));
    }
  });
});

describe('rules schema help', () => {
  it('lists exactly the generated kinds', () => {
    const source = readFileSync('src/cli/rules.ts', 'utf8');
    const listed = /SCHEMA_KINDS_HELP = '([^']+)'/.exec(source)?.[1]?.split(', ');
    expect(listed).toEqual(SCHEMA_KIND_NAMES);
  });
});
