/**
 * Reads one YAML rule file safely (regular files only, size cap, strict UTF-8,
 * no custom tags, limited aliases and nesting, no prototype keys) and keeps
 * enough of the document to locate any key path.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import { escapeControls } from '../util/terminal-text.js';
import type { FileNoun } from './files.js';
import { MAX_RULE_FILE_BYTES, readRuleText } from './files.js';
import type { Problem } from './problems.js';
import { formatPath } from './problems.js';

export { MAX_RULE_FILE_BYTES };
export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting of maps and lists accepted; rule files need fewer than ten levels. */
export const MAX_YAML_DEPTH = 64;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const TOO_DEEP = `YAML nested too deeply (more than ${MAX_YAML_DEPTH} levels of maps and lists)`;

export interface YamlFile {
  readonly display: string;
  readonly text: string;
  readonly data: unknown;
  /** Position (1-based line and column) of the node at a key path; falls back to the nearest parent. */
  locate(path: readonly PropertyKey[], keyOf?: string): { line: number; col: number };
  /** A located problem; the key path and message are escaped for the terminal (they may echo the file's text). */
  problem(path: readonly PropertyKey[], message: string, keyOf?: string): Problem;
}

export type ReadResult = { ok: true; file: YamlFile } | { ok: false; problems: Problem[] };

export function readYamlFile(absPath: string, display: string, noun: FileNoun = 'rule'): ReadResult {
  const read = readRuleText(absPath, noun);
  if (!read.ok) return { ok: false, problems: [{ file: escapeControls(display), line: read.line, col: read.col, path: '', message: read.message }] };
  return parseYamlText(read.text, display);
}

export function parseYamlText(text: string, rawDisplay: string): ReadResult {
  const display = escapeControls(rawDisplay);
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    const col = nul - text.lastIndexOf('\n', nul - 1);
    return { ok: false, problems: [{ file: display, line, col, path: '', message: 'contains a NUL character; rule files are text' }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    merge: false,
    customTags: [],
    schema: 'core',
    strict: true,
    prettyErrors: false,
  });
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const at = (offset: number, message: string): Problem => ({ file: display, ...pos(offset), path: '', message });

  const problems: Problem[] = [];
  // The composer recurses; a stack overflow there is reported once, as nesting.
  const exhausted = doc.errors.find((err) => err.code === 'RESOURCE_EXHAUSTION');
  if (exhausted) return { ok: false, problems: [at(exhausted.pos[0], TOO_DEEP)] };
  for (const err of doc.errors) {
    // The library's wording names its own API; say what to do in the file instead.
    const message = err.code === 'MULTIPLE_DOCS' ? 'a rule file holds one YAML document: remove the second `---` (or split the file)' : `YAML syntax: ${escapeControls(firstLine(err.message))}`;
    problems.push(at(err.pos[0], message));
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') problems.push(at(warning.pos[0], 'custom YAML tags are not allowed'));
  }
  if (problems.length > 0) return { ok: false, problems };

  const deep = firstTooDeep(doc);
  if (deep !== undefined) return { ok: false, problems: [at(deep, TOO_DEEP)] };

  const forbidden = findForbiddenKeys(doc, pos);
  if (forbidden.length > 0) {
    return { ok: false, problems: forbidden.map((f) => ({ file: display, ...f })) };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const aliasBomb = /alias/i.test(message);
    const overflow = error instanceof RangeError && /call stack/i.test(message);
    return {
      ok: false,
      problems: [
        at(
          0,
          aliasBomb
            ? `too many YAML alias expansions (limit ${MAX_ALIAS_COUNT}); rule files may not use alias bombs`
            : overflow
              ? TOO_DEEP
              : `cannot read YAML: ${escapeControls(firstLine(message))}`,
        ),
      ],
    };
  }

  const locate = (path: readonly PropertyKey[], keyOf?: string) => {
    const node = nearestNode(doc, path, keyOf);
    return node?.range ? pos(node.range[0]) : { line: 1, col: 1 };
  };
  const file: YamlFile = {
    display,
    text,
    data: data ?? {},
    locate,
    problem: (path, message, keyOf) => {
      const { line, col } = locate(path, keyOf);
      const fullPath = keyOf === undefined ? path : [...path, keyOf];
      return { file: display, line, col, path: escapeControls(formatPath(fullPath)), message: escapeControls(message) };
    },
  };
  return { ok: true, file };
}

/** Offset of the first map or list nested deeper than MAX_YAML_DEPTH (walked without recursion). */
function firstTooDeep(doc: Document): number | undefined {
  const stack: [unknown, number][] = [[doc.contents, 1]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [node, depth] = next;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_YAML_DEPTH) return node.range?.[0] ?? 0;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** The node at `path`, or at `path` + key `keyOf` (pointing at the key itself), or the nearest existing parent. */
function nearestNode(doc: Document, path: readonly PropertyKey[], keyOf?: string): Node | undefined {
  let current: unknown = doc.contents;
  let last: Node | undefined = isNode(current) ? current : undefined;
  const steps = keyOf === undefined ? path : [...path, { key: keyOf }];
  for (const step of steps) {
    if (isMap(current)) {
      const wanted = typeof step === 'object' && step !== null && 'key' in step ? (step as { key: string }).key : String(step);
      const pair = current.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === wanted);
      if (!pair) break;
      if (typeof step === 'object') {
        return isNode(pair.key) ? pair.key : last;
      }
      current = pair.value;
    } else if (isSeq(current) && typeof step === 'number') {
      current = current.items[step];
    } else {
      break;
    }
    if (isNode(current)) last = current;
  }
  return last;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

function findForbiddenKeys(
  doc: Document,
  pos: (offset: number) => { line: number; col: number },
): Omit<Problem, 'file'>[] {
  const found: Omit<Problem, 'file'>[] = [];
  const walk = (node: unknown, path: PropertyKey[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (FORBIDDEN_KEYS.has(key)) {
          const at = isNode(pair.key) && pair.key.range ? pos(pair.key.range[0]) : { line: 1, col: 1 };
          found.push({ ...at, path: escapeControls(formatPath([...path, key])), message: `key "${key}" is not allowed in rule files` });
        }
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    }
    // Core tags the loader expects are plain; !!binary, !!set, !!omap … would give values no rule can hold.
    const tag = isNode(node) ? (node as { tag?: string }).tag : undefined;
    if (tag !== undefined && !PLAIN_TAGS.has(tag)) {
      const at = isNode(node) && node.range ? pos(node.range[0]) : { line: 1, col: 1 };
      found.push({ ...at, path: escapeControls(formatPath(path)), message: `YAML tag ${escapeControls(tag.replace('tag:yaml.org,2002:', '!!'))} is not allowed in rule files` });
    }
  };
  walk(doc.contents, []);
  return found;
}
