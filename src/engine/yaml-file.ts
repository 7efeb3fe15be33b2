/**
 * Reads one YAML rule file safely (no custom tags, limited aliases, size cap,
 * no prototype keys) and keeps enough of the document to locate any key path.
 */
import { readFileSync, statSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type { Problem } from './problems.js';
import { formatPath } from './problems.js';

export const MAX_RULE_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_ALIAS_COUNT = 100;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface YamlFile {
  readonly display: string;
  readonly text: string;
  readonly data: unknown;
  /** Position (1-based line and column) of the node at a key path; falls back to the nearest parent. */
  locate(path: readonly PropertyKey[], keyOf?: string): { line: number; col: number };
  problem(path: readonly PropertyKey[], message: string, keyOf?: string): Problem;
}

export type ReadResult = { ok: true; file: YamlFile } | { ok: false; problems: Problem[] };

export function readYamlFile(absPath: string, display: string): ReadResult {
  const at = (line: number, col: number, message: string, path = ''): Problem => ({ file: display, line, col, path, message });
  let text: string;
  try {
    const size = statSync(absPath).size;
    if (size > MAX_RULE_FILE_BYTES) {
      return { ok: false, problems: [at(1, 1, `file is ${size} bytes; rule files are limited to ${MAX_RULE_FILE_BYTES} bytes`)] };
    }
    text = readFileSync(absPath, 'utf8');
  } catch (error) {
    return { ok: false, problems: [at(1, 1, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)] };
  }
  return parseYamlText(text, display);
}

export function parseYamlText(text: string, display: string): ReadResult {
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
  const problems: Problem[] = [];
  for (const err of [...doc.errors]) {
    const { line, col } = pos(err.pos[0]);
    problems.push({ file: display, line, col, path: '', message: `YAML syntax: ${firstLine(err.message)}` });
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      const { line, col } = pos(warning.pos[0]);
      problems.push({ file: display, line, col, path: '', message: 'custom YAML tags are not allowed' });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

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
    return {
      ok: false,
      problems: [
        {
          file: display,
          line: 1,
          col: 1,
          path: '',
          message: aliasBomb
            ? `too many YAML alias expansions (limit ${MAX_ALIAS_COUNT}); rule files may not use alias bombs`
            : `cannot read YAML: ${firstLine(message)}`,
        },
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
      return { file: display, line, col, path: formatPath(fullPath), message };
    },
  };
  return { ok: true, file };
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
          found.push({ ...at, path: formatPath([...path, key]), message: `key "${key}" is not allowed in rule files` });
        }
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(doc.contents, []);
  return found;
}
