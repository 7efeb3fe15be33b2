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
    const factor = { id: 'x', group: 'role', label: { en: 'a', zh: '甲' }, when: {}, odds: 1.2, assumption: { en: 'b', zh: '乙' } };
    expect(validate({ factors: [factor] }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ factors: [{ ...factor, label: { en: 'only English' } }] })).toBe(false);
    expect(validate({ factors: [{ ...factor, when: { salary: 1 } }] })).toBe(false);
    expect(validate({ factors: [{ ...factor, when: { soc: '15-12', isco: '26' }, scaleWith: 'augmentation', uncertainty: 0.1 }] })).toBe(true);
    // Format 1: `points` is not a key of format 2 (the loader refuses it with a message naming `odds`).
    const withoutOdds: Record<string, unknown> = { ...factor };
    delete withoutOdds.odds;
    expect(validate({ factors: [{ ...withoutOdds, points: 3 }] })).toBe(false);
    expect(validate({ factors: [{ ...factor, odds: 11 }] })).toBe(false);
  });

  it('describe format-2 task categories: two potentials and the kinds of AI', () => {
    const validate = validatorFor('task-categories');
    const potential = { potential: 60, uncertainty: 5, rationale: { en: 'r', zh: '理' }, assumption: { en: 'a', zh: '设' } };
    const category = { id: 'typing', label: { en: 'Typing', zh: '打字' }, ai: ['language'], automation: potential, augmentation: potential };
    expect(validate({ taskCategories: [category] }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ taskCategories: [{ ...category, ai: ['telepathy'] }] })).toBe(false);
    expect(validate({ taskCategories: [{ ...category, automation: { ...potential, potential: 101 } }] })).toBe(false);
  });
});
