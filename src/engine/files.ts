/**
 * Finding rule files and hashing them. Kept free of the YAML and schema
 * libraries so that a cache hit (see cache.ts) never has to load them.
 */
import type { Hash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's own `rules/` folder (works from `src/` under vitest and from `dist/`). */
export const SHIPPED_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
const PACKAGE_ROOT = path.dirname(path.resolve(SHIPPED_RULES_DIR));

/** Rule test files (`*.test.yaml`) sit beside rule files but are not rules. */
export function isTestFile(name: string): boolean {
  return /\.test\.ya?ml$/.test(name);
}

/** Feeds one file into a layer hash: its path inside the layer (with `/`) and its exact text. */
export function hashUpdate(hash: Hash, root: string, abs: string, text: string): void {
  const rel = path.relative(root, abs) || path.basename(abs);
  hash.update(`${rel.split(path.sep).join('/')}\0${text}\0`);
}

export function displayPath(abs: string): string {
  const fromCwd = path.relative(process.cwd(), abs);
  const fromPackage = path.relative(PACKAGE_ROOT, abs);
  const chosen = !fromCwd.startsWith('..') && !path.isAbsolute(fromCwd) ? fromCwd : fromPackage.startsWith('..') ? abs : fromPackage;
  return chosen.split(path.sep).join('/');
}

type FoundFiles = { ok: true; files: string[] } | { ok: false; message: string };

/** Rule files of a layer, sorted so that load order (and so the hash) never depends on the file system. */
export function findRuleFiles(root: string): FoundFiles {
  let stat;
  try {
    stat = statSync(root);
  } catch {
    return { ok: false, message: 'no such file or folder' };
  }
  if (stat.isFile()) return { ok: true, files: [root] };
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'tests' && entry.name !== 'schema' && !entry.name.startsWith('.')) walk(abs);
      } else if (/\.ya?ml$/.test(entry.name) && !isTestFile(entry.name)) {
        files.push(abs);
      }
    }
  };
  walk(root);
  if (files.length === 0) return { ok: false, message: 'folder holds no .yaml rule files' };
  return { ok: true, files };
}

