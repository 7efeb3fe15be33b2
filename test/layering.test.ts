/**
 * The source tree has floors, and imports only run downwards:
 *   cli/  (commands, prompts, help)          top floor: nothing below may import it
 *   batch/ (file in, rows, file out)
 *   report/ (text, JSON, Markdown renderers)
 *   engine/, catalogue/, model/, i18n/, util/  the core every floor may use
 * A parse helper or error type that batch needs therefore lives in model/ or util/, not cli/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');
const FLOOR: Record<string, number> = { util: 0, i18n: 0, model: 0, engine: 0, catalogue: 0, report: 1, batch: 2, cli: 3 };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function importedDirs(text: string): string[] {
  const dirs: string[] = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'\.\.\/([a-z0-9-]+)\//g)) if (m[1] !== undefined) dirs.push(m[1]);
  return dirs;
}

/** The first path segment under src/ (a file directly in src/ names itself). */
function topDir(file: string): string {
  return relative(SRC, file).split('/')[0] ?? '';
}

describe('layering of src/', () => {
  const files = sourceFiles(SRC);

  it('knows the floor of every source directory', () => {
    const dirs = new Set(files.map(topDir));
    expect([...dirs].filter((d) => !(d in FLOOR))).toEqual([]);
  });

  it('never imports upwards (cli/ is the top floor; batch/ and report/ do not reach into cli/)', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = topDir(file);
      for (const to of importedDirs(readFileSync(file, 'utf8'))) {
        if ((FLOOR[to] ?? 0) > (FLOOR[from] ?? 0)) upward.push(`${relative(SRC, file)} imports ../${to}/`);
      }
    }
    expect(upward).toEqual([]);
  });
});
