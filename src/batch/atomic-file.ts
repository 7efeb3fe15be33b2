/**
 * Where batch outputs go, and how they get there without harm:
 *
 * - a regular file (new or existing) is written whole or not at all: a
 *   temporary file in the same folder (random name, exclusive create, the
 *   existing file's mode and owner), flushed to disk, then renamed over it;
 * - a symbolic link is followed to the file it points at (that file is
 *   replaced, the link stays); a link to nothing is refused;
 * - a device, FIFO or `/dev/stdout`-style path is written to directly, never
 *   renamed over (so `--output /dev/null` works and `/dev/full` reports a full
 *   disk); `-` is standard output;
 * - a folder, a missing parent folder or a path that cannot be created is
 *   refused before any work starts.
 *
 * Every temporary file this process created is tracked, so an error or a
 * signal removes exactly those, and nothing else.
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { closeSync, createWriteStream, fchmodSync, fchownSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import type { Writable } from 'node:stream';
import path from 'node:path';
import { errnoCode } from '../util/fs-errors.js';

/** The identity of an open file or a path: device and inode, or `stdout`. */
export type FileIdentity = string;

export function identityOf(stat: Stats): FileIdentity {
  return `${stat.dev}:${stat.ino}`;
}

/** A file-system fault while preparing or writing one output, with the path as the user gave it. */
export class OutputFault extends Error {
  constructor(
    readonly display: string,
    readonly fault: unknown,
  ) {
    super(fault instanceof Error ? fault.message : String(fault));
    this.name = 'OutputFault';
  }
}

/** Why a target is refused (the words are in the i18n catalogues, `files.refused`). */
export type RefusalReason = 'symlink-to-nothing' | 'socket' | 'system-folder' | 'not-regular' | 'planted-link';

/** A target the user named that cannot be written, and why. */
export class TargetRefused extends Error {
  constructor(
    readonly display: string,
    readonly reason: RefusalReason,
  ) {
    super(`${display}: ${reason}`);
    this.name = 'TargetRefused';
  }
}

/** Paths that stand for this process's own standard streams. */
const STDOUT_PATHS = new Set(['-', '/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

export type Plan =
  | { readonly kind: 'stdout'; readonly display: string; readonly identity: FileIdentity }
  | { readonly kind: 'direct'; readonly display: string; readonly path: string; readonly identity: FileIdentity; readonly shareable: boolean }
  | { readonly kind: 'atomic'; readonly display: string; readonly path: string; readonly identity: FileIdentity | undefined; readonly existing: Stats | undefined };

/** Decides how to write `target` (no file is created or changed yet). */
export function planTarget(target: string): Plan {
  if (STDOUT_PATHS.has(target)) return { kind: 'stdout', display: target === '-' ? 'standard output' : target, identity: 'stdout' };
  const abs = path.resolve(target);
  let link: Stats;
  try {
    link = lstatSync(abs);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw new OutputFault(target, error);
    return newFile(target, abs);
  }
  let real = abs;
  let stat = link;
  if (link.isSymbolicLink()) {
    // Followed: the file it points at is what gets written (the link stays).
    try {
      stat = statSync(abs);
      if (stat.isFile()) real = realpathSync(abs);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') throw new TargetRefused(target, 'symlink-to-nothing');
      throw new OutputFault(target, error);
    }
  }
  if (stat.isDirectory()) throw new OutputFault(target, Object.assign(new Error('is a folder'), { code: 'EISDIR' }));
  if (stat.isFile()) return { kind: 'atomic', display: target, path: real, identity: identityOf(stat), existing: stat };
  if (stat.isSocket()) throw new TargetRefused(target, 'socket');
  // A device or FIFO: written in place. Two outputs may share a character device (/dev/null), not a FIFO.
  return { kind: 'direct', display: target, path: real, identity: identityOf(stat), shareable: stat.isCharacterDevice() };
}

function newFile(display: string, abs: string): Plan {
  const dir = path.dirname(abs);
  let stat: Stats;
  try {
    stat = statSync(dir);
  } catch (error) {
    throw new OutputFault(display, errnoCode(error) === 'ENOENT' ? Object.assign(new Error(`no folder ${dir}`), { code: 'ENOENT' }) : error);
  }
  if (!stat.isDirectory()) throw new OutputFault(display, Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));
  return { kind: 'atomic', display, path: abs, identity: undefined, existing: undefined };
}

const open = new Set<OutputFile>();

/** One opened output: a stream to write, then `finish` and `commit` (or `abort`). */
export class OutputFile {
  readonly stream: Writable;
  /** The temporary file (atomic targets only). */
  private readonly temp: string | undefined;
  private done = false;
  private finished = false;

  private constructor(
    readonly plan: Plan & { kind: 'atomic' | 'direct' },
    stream: Writable,
    temp: string | undefined,
  ) {
    this.stream = stream;
    this.temp = temp;
    open.add(this);
  }

  /** Opens the temporary file (atomic) or the target itself (direct). Throws OutputFault. */
  static open(plan: Plan & { kind: 'atomic' | 'direct' }): OutputFile {
    if (plan.kind === 'direct') {
      let fd: number;
      try {
        fd = openSync(plan.path, 'w');
      } catch (error) {
        throw new OutputFault(plan.display, error);
      }
      return new OutputFile(plan, createWriteStream(plan.path, { fd, highWaterMark: 1 << 17 }), undefined);
    }
    const dir = path.dirname(plan.path);
    const base = path.basename(plan.path);
    for (let attempt = 0; ; attempt++) {
      const temp = path.join(dir, tempName(base));
      let fd: number;
      try {
        // Exclusive create: never opens (or later removes) a file someone else made.
        fd = openSync(temp, 'wx', plan.existing ? 0o600 : 0o666);
      } catch (error) {
        if (errnoCode(error) === 'EEXIST' && attempt < 8) continue;
        // /proc and /sys: the folder exists but takes no new files (the kernel answers ENOENT).
        if (errnoCode(error) === 'ENOENT' && isFolder(dir)) throw new TargetRefused(plan.display, 'system-folder');
        throw new OutputFault(plan.display, error);
      }
      const file = new OutputFile(plan, createWriteStream(temp, { fd, highWaterMark: 1 << 17 }), temp);
      if (plan.existing) keepOwnership(fd, plan.existing);
      return file;
    }
  }

  /** Ends the stream and, for a temporary file, flushes it to disk. Throws OutputFault. */
  async finish(): Promise<void> {
    if (this.finished) return;
    try {
      if (!this.stream.writableEnded) this.stream.end();
      if (!this.stream.closed) {
        await new Promise<void>((resolve, reject) => {
          this.stream.once('close', resolve);
          this.stream.once('error', reject);
        });
      }
      const error = this.stream.errored;
      if (error) throw error;
      if (this.temp !== undefined) {
        const fd = openSync(this.temp, 'r');
        try {
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      }
      this.finished = true;
    } catch (error) {
      throw new OutputFault(this.plan.display, error);
    }
  }

  /** Puts a finished temporary file in place of the target. Throws OutputFault. */
  commit(): void {
    if (this.done) return;
    if (this.temp !== undefined) {
      try {
        renameSync(this.temp, this.plan.path);
      } catch (error) {
        throw new OutputFault(this.plan.display, error);
      }
    }
    this.done = true;
    open.delete(this);
  }

  /** Drops the temporary file; the target is left as it was. Safe to call twice. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    this.stream.on('error', () => undefined); // late writes into a dropped file are expected
    this.stream.destroy();
    if (this.temp !== undefined) rmSync(this.temp, { force: true });
    open.delete(this);
  }
}

/** Name of the temporary file beside `base`: hidden, random, and never longer than a file name may be (255 bytes). */
function tempName(base: string): string {
  const suffix = `.${randomBytes(6).toString('hex')}.tmp`;
  let stem = `.${base}`;
  while (Buffer.byteLength(stem + suffix) > 255) stem = stem.slice(0, -1);
  return stem + suffix;
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** An existing file's permissions (and, where the process may, its owner) carry over to its replacement. */
function keepOwnership(fd: number, existing: Stats): void {
  fchmodSync(fd, existing.mode & 0o7777);
  try {
    fchownSync(fd, existing.uid, existing.gid);
  } catch {
    // Only root (or the owner, for its own groups) may; the mode is what protects the data.
  }
}

/**
 * Finishes every output, then renames them into place together, so a failure
 * while writing any one of them leaves every target as it was.
 */
export async function commitAll(files: readonly (OutputFile | undefined)[]): Promise<void> {
  const present = files.filter((f): f is OutputFile => f !== undefined);
  for (const f of present) await f.finish();
  for (const f of present) f.commit();
}

/** Removes every temporary file still open (on error or interrupt). */
export function abortAll(): void {
  for (const file of [...open]) file.abort();
}
