/** Exit codes (documented in the README) and the error type for user mistakes. */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  rejectedRows: 3,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A problem the user can fix: printed as one line (plus optional hint lines),
 * never with a stack trace.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
    readonly hints: readonly string[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Ends a command with a given exit code and nothing more to say (it already reported). */
export class ExitSignal extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
    this.name = 'ExitSignal';
  }
}

export function isEpipe(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EPIPE';
}
