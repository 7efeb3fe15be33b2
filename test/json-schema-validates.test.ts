/**
 * The published JSON Schemas accept every shipped rule file, test file and the example pack,
 * and reject what the loader rejects: editors and the loader agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { SchemaKind } from '../src/engine/json-schema.js';
import { jsonSchemaFor } from '../src/engine/json-schema.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map<string, ReturnType<typeof ajv.compile>>();
const validatorFor = (kind: SchemaKind) => {
  let v = validators.get(kind);
  if (!v) {
    v = ajv.compile(JSON.parse(jsonSchemaFor(kind)) as object);
    validators.set(kind, v);
  }
  return v;
};

/** The kind named by a file's `# yaml-language-server: $schema=…/<kind>.schema.json` line. */
function kindOf(file: string): SchemaKind {
  const first = readFileSync(file, 'utf8').split('\n')[0] ?? '';
  const match = /\/([a-z-]+)\.schema\.json$/.exec(first);
  if (!match?.[1]) throw new Error(`${file} has no $schema line`);
  return match[1] as SchemaKind;
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'schema' ? [] : yamlFiles(p);
    return /\.ya?ml$/.test(e.name) ? [p] : [];
  });

describe('JSON Schemas against real files', () => {
  for (const file of [...yamlFiles('rules'), ...yamlFiles('examples/rule-pack')]) {
    it(`${file} is valid against its $schema`, () => {
      const validate = validatorFor(kindOf(file));
      const ok = validate(parse(readFileSync(file, 'utf8')));
      expect(ok ? [] : validate.errors).toEqual([]);
    });
  }

  it('reject an unknown key and a missing translation, as the loader does', () => {
    const validate = validatorFor('factors');
    expect(validate({ factors: [{ id: 'x', group: 'role', label: { en: 'only English' }, when: {}, points: 1, sources: ['s'] }] })).toBe(false);
    expect(validate({ factors: [{ id: 'x', group: 'role', label: { en: 'a', zh: '甲' }, when: { salary: 1 }, points: 1, sources: ['s'] }] })).toBe(false);
  });
});
