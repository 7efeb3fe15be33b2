/**
 * File-system faults in the user's words. A fault on a path the user named
 * (unreadable input, full disk, read-only folder …) is the user's to fix, not
 * a bug: it becomes one line naming that path and exit code 2.
 */
import { escapeControls } from './terminal-text.js';

const WHY: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many levels of symbolic links (a link loop?)',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'input/output error',
  ENXIO: 'no such device',
  ENODEV: 'no such device',
  EBUSY: 'device or resource busy',
  ETXTBSY: 'file busy',
  EPIPE: 'the reading end was closed',
  EEXIST: 'file already exists',
  EXDEV: 'cannot move a file across file systems',
  EINVAL: 'invalid argument',
  ECONNRESET: 'connection reset',
};

export function errnoCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** True for an operating-system error (ENOENT, ENOSPC …) rather than a bug. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return errnoCode(error) !== undefined && error instanceof Error;
}

/** "no space left on device" for ENOSPC; the code itself when it has no words here. */
export function describeErrno(error: unknown): string {
  const code = errnoCode(error);
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  return WHY[code] ?? code;
}

/** `cannot write results.csv: no space left on device` (the path escaped for the terminal). */
export function fileFault(action: 'read' | 'write', path: string, error: unknown): string {
  return `cannot ${action} ${escapeControls(path)}: ${describeErrno(error)}`;
}
