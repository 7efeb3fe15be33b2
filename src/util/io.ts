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

/** Width of output not on a terminal (pipes, files, CI): fixed, so the output is stable. */
export const PIPED_WIDTH = 100;
/** The narrowest and widest layouts: a narrower terminal gets the 40-column one, a wider one lines of 120. */
export const MIN_WIDTH = 40;
export const MAX_WIDTH = 120;

/** Table and wrap width: the terminal's (40–120 columns), or a fixed 100 so piped output is stable. */
export function outputWidth(io: Io): number {
  const cols = io.stdout.isTTY ? io.stdout.columns : undefined;
  if (cols === undefined || !Number.isFinite(cols) || cols <= 0) return PIPED_WIDTH;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.floor(cols)));
}
