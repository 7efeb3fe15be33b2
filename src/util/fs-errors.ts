/**
 * File-system faults in the user's words. A fault on a path the user named
 * (unreadable input, full disk, read-only folder …) is the user's to fix, not
 * a bug: it becomes one line naming that path and exit code 2.
 */
import type { Lang } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import { escapeControls } from './terminal-text.js';


export function errnoCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** True for an operating-system error (ENOENT, ENOSPC …) rather than a bug. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return errnoCode(error) !== undefined && error instanceof Error;
}

/** "no space left on device" for ENOSPC; the code itself when it has no words here. */
export function describeErrno(error: unknown, lang: Lang = 'en'): string {
  const code = errnoCode(error);
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  const words = messages(lang).files.errno;
  return Object.hasOwn(words, code) ? (words[code] ?? code) : code;
}

/** `cannot write results.csv: no space left on device` (the path escaped for the terminal). */
export function fileFault(action: 'read' | 'write', path: string, error: unknown, lang: Lang = 'en'): string {
  const f = messages(lang).files;
  return (action === 'read' ? f.cannotRead : f.cannotWrite)(escapeControls(path), describeErrno(error, lang));
}
