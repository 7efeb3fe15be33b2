/**
 * Output files that appear whole or not at all: written to a temporary file in
 * the target's folder, flushed to disk, then renamed over the target. Every open
 * file is tracked so an error or a signal can remove the temporary files.
 */
import { closeSync, createWriteStream, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';

const open = new Set<AtomicFile>();

export class AtomicFile {
  readonly temp: string;
  readonly stream: WriteStream;
  private done = false;

  constructor(readonly target: string) {
    const dir = path.dirname(path.resolve(target));
    this.temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${open.size}.tmp`);
    this.stream = createWriteStream(this.temp, { flags: 'wx', highWaterMark: 1 << 17 });
    open.add(this);
  }

  /** Finishes writing, flushes to disk and renames the temporary file over the target. */
  async commit(): Promise<void> {
    if (this.done) return;
    if (!this.stream.writableEnded) this.stream.end();
    if (!this.stream.closed) await once(this.stream, 'close');
    const fd = openSync(this.temp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(this.temp, this.target);
    this.done = true;
    open.delete(this);
  }

  /** Drops the temporary file; the target is left as it was. Safe to call twice. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    this.stream.on('error', () => undefined); // late writes into a dropped file are expected
    this.stream.destroy();
    rmSync(this.temp, { force: true });
    open.delete(this);
  }
}

/** Removes every temporary file still open (on error or interrupt). */
export function abortAll(): void {
  for (const file of [...open]) file.abort();
}
