/** The process streams and environment, injectable so tests can drive the CLI in-process. */
export interface Io {
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly env: NodeJS.ProcessEnv;
}

export function processIo(): Io {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** Questions may be asked only when a person is at a terminal on both ends. */
export function canPrompt(io: Io): boolean {
  return io.stdin.isTTY === true && io.stderr.isTTY === true;
}

/** Table and wrap width: the terminal's, or a fixed 100 so piped output is stable. */
export function outputWidth(io: Io): number {
  const cols = io.stdout.isTTY ? io.stdout.columns : undefined;
  return Math.min(120, Math.max(60, cols ?? 100));
}
