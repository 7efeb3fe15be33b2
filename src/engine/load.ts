/**
 * Loads the shipped rule base and any rule packs: finds the YAML files, validates
 * each against the schema, merges entries by id (later packs override earlier),
 * then checks every cross-reference on the merged result.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Problem } from './problems.js';
import { compareProblems } from './problems.js';
import type { CollectionName, Condition, RuleFile, RulesetEntry, Simulation } from './schema.js';
import { COLLECTIONS, ruleFileSchema } from './schema.js';
import { issueProblems } from './issues.js';
import { displayPath, findRuleFiles, hashUpdate, readRuleText, SHIPPED_RULES_DIR } from './files.js';
import type { YamlFile } from './yaml-file.js';
import { readYamlFile } from './yaml-file.js';
import { readSnapshotFor } from './cache.js';
import { checkEvidence } from './evidence.js';
import { upgradeRuleFile } from './legacy.js';
import { asList, hasOccupationTest, occupationMeets } from './occupation-match.js';
import { escapeControls } from '../util/terminal-text.js';
import type { Seniority, Situation } from '../model/profile.js';
import { SENIORITY_LEVELS, SITUATIONS, situationOf } from '../model/profile.js';

const SITUATION_PEOPLE: Record<Situation, string> = {
  learner: 'students and interns',
  employee: 'entry, mid and senior staff',
  lead: 'leads and executives',
};


/** Where an entry was defined, for error messages and `--explain`. */
export interface Origin {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly path: readonly PropertyKey[];
  readonly yaml: YamlFile;
}

export interface Layer {
  /** `shipped` or the pack path as given (control characters escaped). */
  readonly name: string;
  readonly files: readonly string[];
  readonly hash: string;
}

export type Entries = { [K in CollectionName]: NonNullable<RuleFile[K]> };
type Entry = Entries[CollectionName][number];

export interface LoadedRuleBase {
  readonly ruleset: RulesetEntry;
  readonly entries: Entries;
  readonly origins: ReadonlyMap<string, Origin>;
  readonly layers: readonly Layer[];
  /** sha256 over every layer's files, in load order. */
  readonly hash: string;
  /** Things read in the rule-format-1 way (not errors); `rules validate` prints them. */
  readonly notes: readonly Problem[];
}

export type LoadResult = { ok: true; ruleBase: LoadedRuleBase } | { ok: false; problems: Problem[] };

export interface LoadOptions {
  /** Extra rule packs (files or folders), applied in order over the shipped base. */
  readonly packs?: readonly string[];
  /** Replace the shipped base entirely (tests, `rules validate <path>`). */
  readonly base?: string;
  /**
   * Take the shipped layer's entries from the build's snapshot (dist/rulebase.cache.json) when it was
   * built from exactly the rule files read now (same sha256), instead of parsing and validating them
   * again: a pack then costs only its own files. Shipped entries have no positions then, so any
   * problem makes the loader start again without the snapshot to report it precisely. For commands
   * that print no positions of shipped entries (assess, batch, …); `rules` commands load in full.
   * A string is the snapshot's path (tests); `true` is the build's.
   */
  readonly shippedSnapshot?: boolean | string;
}

export { SHIPPED_RULES_DIR };

export function originKey(collection: CollectionName | 'ruleset', id: string): string {
  return `${collection}:${id}`;
}

export function loadRuleBase(options: LoadOptions = {}): LoadResult {
  const problems: Problem[] = [];
  const notes: Problem[] = [];
  const entries: { [K in CollectionName]: Map<string, Entry> } = {
    sources: new Map(),
    facts: new Map(),
    taskCategories: new Map(),
    occupations: new Map(),
    factors: new Map(),
    advice: new Map(),
    whatIfs: new Map(),
  };
  const origins = new Map<string, Origin>();
  const layers: Layer[] = [];
  let ruleset: { value: RulesetEntry; origin?: Origin } | undefined;
  let fromSnapshot = false;
  const overallHash = createHash('sha256');
  /** Index of the layer that defined each fact: only the top layer's unused facts are its author's to fix. */
  const factLayer = new Map<string, number>();

  const layerSpecs = [
    { name: escapeControls(options.base ?? 'shipped'), root: path.resolve(options.base ?? SHIPPED_RULES_DIR) },
    ...(options.packs ?? []).map((p) => ({ name: escapeControls(p), root: path.resolve(p) })),
  ];

  for (const spec of layerSpecs) {
    if (spec.name === '') {
      // path.resolve('') is the working folder: an unset variable must not load every YAML file below it.
      problems.push({ file: '(empty path)', line: 1, col: 1, path: '', message: 'a rule pack needs a path (got an empty value)' });
      continue;
    }
    const found = findRuleFiles(spec.root);
    if (!found.ok) {
      problems.push({ file: spec.name, line: 1, col: 1, path: '', message: found.message });
      continue;
    }
    for (const fault of found.faults) problems.push({ file: displayPath(fault.abs), line: 1, col: 1, path: '', message: fault.message });
    if (options.shippedSnapshot !== undefined && options.shippedSnapshot !== false && options.base === undefined && layers.length === 0 && found.faults.length === 0) {
      const snapshot = shippedLayerFromSnapshot(spec.root, found.files, options.shippedSnapshot === true ? undefined : options.shippedSnapshot);
      if (snapshot) {
        for (const text of snapshot.texts) hashUpdate(overallHash, spec.root, text.abs, text.text);
        ruleset = { value: snapshot.body.ruleset };
        for (const collection of COLLECTIONS) {
          for (const entry of snapshot.body.entries[collection] as Entry[]) {
            entries[collection].set(entry.id, entry);
            if (collection === 'facts') factLayer.set(entry.id, 0);
          }
        }
        layers.push({ name: spec.name, files: found.files.map(displayPath), hash: snapshot.hash });
        fromSnapshot = true;
        continue;
      }
    }
    const layerHash = createHash('sha256');
    const seenInLayer = new Map<string, string>();
    const displayed: string[] = [];
    for (const abs of found.files) {
      const display = displayPath(abs);
      displayed.push(display);
      const read = readYamlFile(abs, display);
      if (!read.ok) {
        problems.push(...read.problems);
        continue;
      }
      const file = read.file;
      for (const h of [layerHash, overallHash]) hashUpdate(h, spec.root, abs, file.text);

      const upgraded = upgradeRuleFile(file);
      notes.push(...upgraded.notes);
      if (upgraded.problems.length > 0) {
        problems.push(...upgraded.problems);
        continue;
      }
      const parsed = ruleFileSchema.safeParse(upgraded.data);
      if (!parsed.success) {
        problems.push(...parsed.error.issues.flatMap((issue) => issueProblems(file, issue)));
        continue;
      }
      const data = parsed.data;
      if (data.ruleset) {
        ruleset = { value: data.ruleset, origin: { file: display, ...file.locate(['ruleset']), path: ['ruleset'], yaml: file } };
      }
      for (const collection of COLLECTIONS) {
        const list = (data[collection] ?? []) as Entry[];
        list.forEach((entry, index) => {
          const key = originKey(collection, entry.id);
          const where: Origin = { file: display, ...file.locate([collection, index]), path: [collection, index], yaml: file };
          const earlier = seenInLayer.get(key);
          if (earlier !== undefined) {
            problems.push(file.problem([collection, index, 'id'], `duplicate id "${entry.id}" (first defined at ${earlier})`));
            return;
          }
          seenInLayer.set(key, `${display}:${where.line}`);
          if (entry.disabled === true) {
            entries[collection].delete(entry.id);
            origins.delete(key);
            return;
          }
          entries[collection].set(entry.id, entry);
          if (collection === 'facts') factLayer.set(entry.id, layers.length);
          origins.set(key, where);
        });
      }
    }
    layers.push({ name: spec.name, files: displayed, hash: layerHash.digest('hex') });
  }

  if (!ruleset && problems.length === 0) {
    problems.push({ file: layerSpecs[0]?.name ?? 'rules', line: 1, col: 1, path: 'ruleset', message: 'no file defines `ruleset` (name, version, reference, bands)' });
  }
  if (problems.length > 0 || !ruleset) return { ok: false, problems: problems.sort(compareProblems) };

  const merged = {
    sources: [...entries.sources.values()],
    facts: [...entries.facts.values()],
    taskCategories: [...entries.taskCategories.values()],
    occupations: [...entries.occupations.values()],
    factors: [...entries.factors.values()],
    advice: [...entries.advice.values()],
    whatIfs: [...entries.whatIfs.values()],
  } as Entries;
  const top = layers.length - 1;
  const checked = checkReferences(merged, ruleset, origins, (id) => factLayer.get(id) === top);
  // Shipped entries from the snapshot have no positions: load again in full to say where.
  if (checked.length > 0 && fromSnapshot) return loadRuleBase({ ...options, shippedSnapshot: false });
  if (checked.length > 0) return { ok: false, problems: checked.sort(compareProblems) };

  return { ok: true, ruleBase: { ruleset: ruleset.value, entries: merged, origins, layers, hash: overallHash.digest('hex'), notes: notes.sort(compareProblems) } };
}

/**
 * The shipped layer from the build's snapshot, when the snapshot was built from exactly these files
 * (every file read as the loader reads it, and hashed the same way); undefined otherwise.
 */
function shippedLayerFromSnapshot(root: string, files: readonly string[], snapshotPath: string | undefined) {
  const texts: { abs: string; text: string }[] = [];
  const hash = createHash('sha256');
  for (const abs of files) {
    const read = readRuleText(abs);
    if (!read.ok) return undefined;
    texts.push({ abs, text: read.text });
    hashUpdate(hash, root, abs, read.text);
  }
  const digest = hash.digest('hex');
  const body = readSnapshotFor(digest, snapshotPath);
  return body ? { texts, body, hash: digest } : undefined;
}

function checkReferences(
  entries: Entries,
  ruleset: { value: RulesetEntry; origin?: Origin },
  origins: ReadonlyMap<string, Origin>,
  ownFact: (id: string) => boolean,
): Problem[] {
  const problems: Problem[] = [];
  const ids = {
    sources: new Set(entries.sources.map((e) => e.id)),
    taskCategories: new Set(entries.taskCategories.map((e) => e.id)),
    occupations: new Set(entries.occupations.map((e) => e.id)),
  };
  const at = (collection: CollectionName, id: string, sub: PropertyKey[], message: string, keyOf?: string): Problem => {
    const origin = origins.get(originKey(collection, id));
    if (!origin) return { file: 'rules', line: 1, col: 1, path: `${collection}.${id}`, message };
    return origin.yaml.problem([...origin.path, ...sub], message, keyOf);
  };
  const checkCondition = (collection: CollectionName, id: string, when: Condition): void => {
    const occupations = when.occupation === undefined ? [] : ([] as string[]).concat(when.occupation);
    occupations.forEach((occ, i) => {
      const sub = Array.isArray(when.occupation) ? ['when', 'occupation', i] : ['when', 'occupation'];
      if (!ids.occupations.has(occ)) problems.push(at(collection, id, sub, `unknown occupation "${occ}"`));
    });
    for (const cat of Object.keys(when.tasks ?? {})) {
      if (!ids.taskCategories.has(cat)) problems.push(at(collection, id, ['when', 'tasks'], `unknown task category "${cat}"`, cat));
    }
    const r = when.repetitiveness;
    if (typeof r === 'object' && r.min !== undefined && r.max !== undefined && r.min > r.max) {
      problems.push(at(collection, id, ['when', 'repetitiveness'], `can never fire: min ${r.min} is above max ${r.max}`));
    }
    for (const [cat, range] of Object.entries(when.tasks ?? {})) {
      if (range.min !== undefined && range.max !== undefined && range.min > range.max) {
        problems.push(at(collection, id, ['when', 'tasks', cat], `can never fire: min ${range.min} is above max ${range.max}`));
      }
    }
    // Some occupation in the catalogue must meet the condition's id and code tests (task
    // shares are left out: a person's own task mix may meet them).
    const codes: Condition = { ...when };
    delete codes.tasks;
    // Unknown occupation ids are reported above: test the known ones only, so one cause gives one message.
    if (occupations.length > 0) {
      const known = occupations.filter((occ) => ids.occupations.has(occ));
      if (known.length > 0) codes.occupation = known;
      else delete codes.occupation;
    }
    if (hasOccupationTest(codes) && !entries.occupations.some((o) => occupationMeets(codes, o))) {
      problems.push(at(collection, id, ['when'], `can never fire: no occupation in the catalogue meets ${describeCodes(codes)}`));
    }
  };
  const checkSimulation = (collection: CollectionName, id: string, simulate: Simulation | undefined): void => {
    const shift = simulate?.shiftTasks;
    if (!shift) return;
    for (const [key, cat] of [['to', shift.to], ['from', shift.from]] as const) {
      if (cat !== undefined && !ids.taskCategories.has(cat)) {
        problems.push(at(collection, id, ['simulate', 'shiftTasks', key], `unknown task category "${cat}"`));
      }
    }
  };

  const primaries = new Map<string, string>();
  for (const o of entries.occupations) {
    for (const system of o.codes.primary ?? []) {
      const key = `${system}:${o.codes[system]}`;
      const other = primaries.get(key);
      if (other !== undefined) problems.push(at('occupations', o.id, ['codes', 'primary'], `${other} is already primary for ${system} ${o.codes[system]}`));
      primaries.set(key, o.id);
    }
  }
  for (const o of entries.occupations) {
    let sum = 0;
    for (const [cat, share] of Object.entries(o.tasks)) {
      sum += share;
      if (!ids.taskCategories.has(cat)) problems.push(at('occupations', o.id, ['tasks'], `unknown task category "${cat}"`, cat));
    }
    if (sum !== 100) problems.push(at('occupations', o.id, ['tasks'], `task mix sums to ${sum}, not 100`));
  }
  for (const f of entries.factors) {
    checkCondition('factors', f.id, f.when);
  }
  for (const a of entries.advice) {
    checkCondition('advice', a.id, a.when);
    checkSimulation('advice', a.id, a.simulate);
    if (!('en' in a.firstStep)) {
      const steps = a.firstStep;
      const reachable = new Set((asList<Seniority>(a.when.seniority) ?? SENIORITY_LEVELS).map(situationOf));
      const missing = SITUATIONS.filter((s) => reachable.has(s) && steps[s] === undefined);
      if (missing.length > 0) {
        problems.push(at('advice', a.id, ['firstStep'], `needs a first step for ${missing.join(', ')}: the advice can be shown to ${missing.map((s) => SITUATION_PEOPLE[s]).join(' and ')}`));
      }
    }
  }
  for (const w of entries.whatIfs) {
    checkCondition('whatIfs', w.id, w.when);
    checkSimulation('whatIfs', w.id, w.simulate);
  }

  problems.push(...checkEvidence(entries, at, ownFact));

  const rs = ruleset.value;
  const bandFrom = rs.bands.map((b) => b.from);
  if (bandFrom[0] !== 0 || bandFrom.some((v, i) => i > 0 && v <= (bandFrom[i - 1] ?? 0))) {
    const message = 'bands must start at 0 and rise strictly';
    const origin = ruleset.origin;
    problems.push(origin ? origin.yaml.problem([...origin.path, 'bands'], message) : { file: 'rules', line: 1, col: 1, path: 'ruleset.bands', message });
  }
  return problems;
}

function describeCodes(when: Condition): string {
  const parts: string[] = [];
  for (const key of ['occupation', 'socGroup', 'soc', 'isco'] as const) {
    const list = asList<string>(when[key]);
    if (list) parts.push(`${key} ${list.join('|')}`);
  }
  return parts.join(' and ');
}
