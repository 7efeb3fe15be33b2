/**
 * A one-line progress bar on stderr for big files: bytes read of the file size,
 * rows per second and time left. Shown only on a terminal, never in CI or pipes.
 */
import type { Io } from '../util/io.js';

const REDRAW_MS = 200;

export function wantsProgress(io: Io, fileSize: number | undefined): boolean {
  const ci = io.env.CI;
  if (io.env.TERM === 'dumb') return false; // no cursor control to redraw the line with
  return io.stderr.isTTY === true && fileSize !== undefined && fileSize > 0 && (ci === undefined || ci === '' || ci === 'false');
}

export class Progress {
  private bytes = 0;
  private rows = 0;
  private last = 0;
  private readonly started = Date.now();

  constructor(
    private readonly io: Io,
    private readonly total: number,
  ) {}

  addBytes(n: number): void {
    this.bytes += n;
  }

  addRow(): void {
    this.rows++;
    const now = Date.now();
    if (now - this.last >= REDRAW_MS) {
      this.last = now;
      this.draw(now);
    }
  }

  private draw(now: number): void {
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const fraction = Math.min(1, this.bytes / this.total);
    const rate = this.rows / seconds;
    const eta = fraction > 0 ? (seconds * (1 - fraction)) / fraction : 0;
    const width = 30;
    const filled = Math.round(fraction * width);
    const line = `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${(fraction * 100).toFixed(0).padStart(3)}%  ${this.rows} rows  ${Math.round(rate)} rows/s  ETA ${formatDuration(eta)}`;
    this.io.stderr.write(`\r${line}\u001b[K`);
  }

  /** Clears the bar so the next stderr line starts clean. */
  clear(): void {
    this.io.stderr.write('\r\u001b[K');
  }
}

function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
