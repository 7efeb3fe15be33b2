/**
 * Finding rule files, reading them safely and hashing them. Kept free of the
 * YAML and schema libraries so that a cache hit (see cache.ts) never has to
 * load them.
 *
 * Rule packs are data received from others, so nothing here trusts the file
 * system: only regular files and folders are used (a FIFO would block the
 * read, a device would never end), the type is checked with stat before any
 * open, links are followed only while they stay inside the pack, and no read
 * goes past the size cap, whatever stat says.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import type { Hash } from 'node:crypto';
import type { Dirent, Stats } from 'node:fs';
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeErrno, errnoCode } from '../util/fs-errors.js';
import { escapeControls } from '../util/terminal-text.js';

/** The package's own `rules/` folder (works from `src/` under vitest and from `dist/`). */
export const SHIPPED_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
const PACKAGE_ROOT = path.dirname(path.resolve(SHIPPED_RULES_DIR));

/** Largest rule or test file read, in bytes. */
export const MAX_RULE_FILE_BYTES = 2 * 1024 * 1024;

/** What a file holds, for messages: rule files or rule test files. */
export type FileNoun = 'rule' | 'test';

/** Rule test files (`*.test.yaml`) sit beside rule files but are not rules. */
export function isTestFile(name: string): boolean {
  return /\.test\.ya?ml$/.test(name);
}

/** Feeds one file into a layer hash: its path inside the layer (with `/`) and its exact text. */
export function hashUpdate(hash: Hash, root: string, abs: string, text: string): void {
  const rel = path.relative(root, abs) || path.basename(abs);
  hash.update(`${rel.split(path.sep).join('/')}\0${text}\0`);
}

/** A path for messages: from the working folder or the package when under them; control characters escaped. */
export function displayPath(abs: string): string {
  // A deleted working folder makes process.cwd() throw (ENOENT, uv_cwd): paths are then shown
  // from the package or in full, and a relative path as given (resolving it would need the cwd).
  let cwd: string | undefined;
  try {
    cwd = process.cwd();
  } catch {
    cwd = undefined;
  }
  const usable = cwd !== undefined || path.isAbsolute(abs);
  const fromCwd = cwd !== undefined ? path.relative(cwd, abs) : '..';
  const fromPackage = usable ? path.relative(PACKAGE_ROOT, abs) : '..';
  const chosen = !fromCwd.startsWith('..') && !path.isAbsolute(fromCwd) ? fromCwd : fromPackage.startsWith('..') ? abs : fromPackage;
  return escapeControls(chosen.split(path.sep).join('/'));
}

/** "a FIFO", "a character device" … for a file that is not a regular file or folder. */
export function kindOf(file: Stats | Dirent): string {
  if (file.isFile()) return 'a regular file';
  if (file.isDirectory()) return 'a folder';
  if (file.isFIFO()) return 'a FIFO';
  if (file.isCharacterDevice()) return 'a character device';
  if (file.isBlockDevice()) return 'a block device';
  if (file.isSocket()) return 'a socket';
  if (file.isSymbolicLink()) return 'a symbolic link';
  return 'not a file or folder';
}

function notRegular(file: Stats | Dirent, noun: FileNoun): string {
  return `not a regular file (${kindOf(file)}); ${noun} files must be regular files`;
}

/** A path that cannot be used, found while looking for files. */
export interface PathFault {
  readonly abs: string;
  readonly message: string;
}

export type FoundFiles = { ok: true; files: string[]; faults: PathFault[] } | { ok: false; message: string };

export interface FindSpec {
  readonly noun: FileNoun;
  /** A file, by its name in its folder, that belongs to the set. */
  accept(name: string): boolean;
  /** A sub-folder, by its name, worth walking. */
  descend(name: string): boolean;
}

function inside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`);
}

/** The folder named by the user cannot be listed: the whole layer fails, with this message. */
class FolderFault extends Error {}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The files under `root` that `spec` accepts, sorted so that load order (and so
 * the hash) never depends on the file system. `root` itself may be a file (taken
 * as is when regular) or a folder, and may be a link. Inside the folder, links
 * are followed only when their real target is inside the folder's real path.
 */
export function findFiles(root: string, spec: FindSpec): FoundFiles {
  let top: Stats;
  try {
    top = statSync(root);
  } catch (error) {
    return { ok: false, message: describeErrno(error) };
  }
  if (top.isFile()) return { ok: true, files: [root], faults: [] };
  if (!top.isDirectory()) return { ok: false, message: notRegular(top, spec.noun) };
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch (error) {
    return { ok: false, message: describeErrno(error) };
  }

  const files: string[] = [];
  const faults: PathFault[] = [];
  const fault = (abs: string, message: string) => faults.push({ abs, message });
  /** Real paths of the folders being walked, outermost first (to catch links back up the tree). */
  const open: string[] = [];

  const walk = (dir: string, realDir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (dir === root) throw new FolderFault(`cannot read folder: ${describeErrno(error)}`);
      fault(dir, `cannot read folder: ${describeErrno(error)}`);
      return;
    }
    open.push(realDir);
    for (const entry of entries.sort(byName)) {
      const abs = path.join(dir, entry.name);
      const wanted = spec.accept(entry.name);
      if (!entry.isSymbolicLink()) {
        if (entry.isDirectory()) {
          if (spec.descend(entry.name)) walk(abs, path.join(realDir, entry.name));
        } else if (wanted) {
          if (entry.isFile()) files.push(abs);
          else fault(abs, notRegular(entry, spec.noun));
        }
        continue;
      }
      // A symbolic link: resolve it fully before deciding anything.
      if (!wanted && !spec.descend(entry.name)) continue;
      let real: string;
      try {
        real = realpathSync(abs);
      } catch (error) {
        const code = errnoCode(error);
        if (code === 'ELOOP') fault(abs, 'symbolic link loop (too many levels of symbolic links)');
        else if (code === 'ENOENT') {
          if (wanted) fault(abs, 'broken symbolic link (its target does not exist)');
        } else if (wanted) fault(abs, `cannot follow symbolic link: ${describeErrno(error)}`);
        continue;
      }
      let target: Stats;
      try {
        target = statSync(real);
      } catch (error) {
        if (wanted) fault(abs, `cannot follow symbolic link: ${describeErrno(error)}`);
        continue;
      }
      const isDir = target.isDirectory();
      if (!inside(realRoot, real)) {
        // Never read: the link's target is not part of the pack.
        if (wanted || (isDir && spec.descend(entry.name))) {
          fault(abs, 'symbolic link leads outside the pack folder; links are followed only inside it');
        }
        continue;
      }
      if (isDir) {
        if (!spec.descend(entry.name)) continue;
        if (open.includes(real)) fault(abs, 'symbolic link loop (leads back to a folder that holds it)');
        else walk(abs, real);
      } else if (wanted) {
        if (target.isFile()) files.push(abs);
        else fault(abs, notRegular(target, spec.noun));
      }
    }
    open.pop();
  };

  try {
    walk(root, realRoot);
  } catch (error) {
    if (error instanceof FolderFault) return { ok: false, message: error.message };
    throw error;
  }
  return { ok: true, files, faults };
}


const RULE_FILES: FindSpec = {
  noun: 'rule',
  accept: (name) => /\.ya?ml$/.test(name) && !isTestFile(name),
  descend: (name) => name !== 'tests' && name !== 'schema' && !name.startsWith('.'),
};

/** Rule files of a layer (`*.yaml` outside `tests/`, `schema/` and dot folders), sorted. */
export function findRuleFiles(root: string): FoundFiles {
  const found = findFiles(root, RULE_FILES);
  if (found.ok && found.files.length === 0 && found.faults.length === 0) return { ok: false, message: 'folder holds no .yaml rule files' };
  return found;
}

export type TextRead = { ok: true; text: string } | { ok: false; line: number; col: number; message: string };

let scratch: Buffer | undefined;

/**
 * The text of one rule or test file, read without trusting the file system:
 * stat before open (never opening a FIFO or device), open without blocking,
 * fstat the open file, read at most MAX_RULE_FILE_BYTES + 1 bytes, then decode
 * strictly as UTF-8.
 */
export function readRuleText(abs: string, noun: FileNoun = 'rule', limit = MAX_RULE_FILE_BYTES): TextRead {
  const refuse = (message: string, line = 1, col = 1): TextRead => ({ ok: false, line, col, message });
  const tooBig = (size: number | undefined) =>
    refuse(`file is ${size === undefined ? 'more than ' : ''}${size ?? limit} bytes; ${noun} files are limited to ${limit} bytes`);
  let fd: number | undefined;
  try {
    const before = statSync(abs);
    if (!before.isFile()) return refuse(notRegular(before, noun));
    if (before.size > limit) return tooBig(before.size);
    // O_NONBLOCK: should the file have been swapped for a FIFO since the stat, open returns at once.
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
    const opened = fstatSync(fd);
    if (!opened.isFile()) return refuse(notRegular(opened, noun));
    if (opened.size > limit) return tooBig(opened.size);
    // stat's size is only a hint (0 for many special files, and a file can grow): the read itself stops at limit + 1.
    const buffer = limit === MAX_RULE_FILE_BYTES ? (scratch ??= Buffer.allocUnsafe(MAX_RULE_FILE_BYTES + 1)) : Buffer.allocUnsafe(limit + 1);
    let total = 0;
    while (total < buffer.length) {
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
    }
    if (total > limit) return tooBig(undefined);
    return decodeRuleText(buffer.subarray(0, total));
  } catch (error) {
    return refuse(`cannot read file: ${describeErrno(error)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Strict UTF-8: a UTF-16/32 byte-order mark, an invalid byte or a NUL is a problem, never replaced. */
export function decodeRuleText(bytes: Uint8Array): TextRead {
  const at = (offset: number, message: string): TextRead => ({ ok: false, ...positionOf(bytes, offset), message });
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return at(0, 'file is UTF-32; save it as UTF-8');
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return at(0, 'file is UTF-32; save it as UTF-8');
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return at(0, 'file is UTF-16; save it as UTF-8');
  if (!isUtf8(bytes)) {
    const bad = firstInvalidUtf8(bytes);
    const value = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return at(bad, `not valid UTF-8 (byte ${bad + 1}, 0x${value}); save the file as UTF-8`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // ASCII text saved as UTF-16 without a byte-order mark has a NUL in every other byte.
    const utf16 = bytes.length >= 2 && (bytes[0] === 0) !== (bytes[1] === 0);
    if (utf16) return at(0, 'file looks like UTF-16; save it as UTF-8');
    return at(nul, `contains a NUL character (byte ${nul + 1}); rule files are text`);
  }
  return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') };
}

/** Offset of the first byte that starts an ill-formed UTF-8 sequence (bytes.length when there is none). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const cont = (i: number, lo = 0x80, hi = 0xbf) => {
    const b = bytes[i];
    return b !== undefined && b >= lo && b <= hi;
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let len = 0;
    if (b < 0x80) len = 1;
    else if (b >= 0xc2 && b <= 0xdf) len = cont(i + 1) ? 2 : 0;
    else if (b === 0xe0) len = cont(i + 1, 0xa0) && cont(i + 2) ? 3 : 0;
    else if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) len = cont(i + 1) && cont(i + 2) ? 3 : 0;
    else if (b === 0xed) len = cont(i + 1, 0x80, 0x9f) && cont(i + 2) ? 3 : 0;
    else if (b === 0xf0) len = cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else if (b >= 0xf1 && b <= 0xf3) len = cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else if (b === 0xf4) len = cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (len === 0) return i;
    i += len;
  }
  return bytes.length;
}

/** 1-based line and column (in characters) of a byte offset; the bytes before it are valid UTF-8. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0x0a) {
      line++;
      col = 1;
    } else if ((b & 0xc0) !== 0x80) {
      col++;
    }
  }
  return { line, col };
}
