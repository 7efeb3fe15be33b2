/**
 * JSONL input split into lines with a cap: a line longer than the cap is
 * reported on its own (its text is not kept) and reading carries on at the
 * next line, so one huge line costs no more memory than the cap. An object-mode
 * stream, so `pause()` stops lines at once (readline keeps emitting them).
 */
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import type { DecoderFactory } from './encoding.js';
import { InputText } from './encoding.js';

/** One input line: its text, or `undefined` when it was longer than the cap. */
export interface JsonlLine {
  readonly line: number;
  readonly text: string | undefined;
}

export class JsonlLineStream extends Transform {
  /** Bytes → text: UTF-8 (checked: a NotUtf8Error at the first bad byte) unless a decoder is given. */
  private readonly text: InputText;
  private pending = '';
  private line = 0;
  /** The current line has outgrown the cap: skip to its end. */
  private skipping = false;

  constructor(
    readonly cap: number,
    decoder?: DecoderFactory,
  ) {
    super({ readableObjectMode: true, decodeStrings: true, readableHighWaterMark: 64 });
    this.text = new InputText(decoder);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.split(this.text.write(chunk));
    } catch (error) {
      callback(error as Error);
      return;
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    let rest: string;
    try {
      rest = this.text.end();
    } catch (error) {
      callback(error as Error);
      return;
    }
    this.split(rest);
    if (this.skipping) this.emitLine(undefined);
    else if (this.pending.length > 0) this.emitLine(this.pending);
    this.pending = '';
    callback();
  }

  /** A CR ended the last chunk: if the next one starts with LF, that LF belongs to it (CRLF). */
  private afterCr = false;

  private split(text: string): void {
    let start = 0;
    if (this.afterCr && text.startsWith('\n')) start = 1;
    this.afterCr = false;
    for (;;) {
      // A line ends at LF, CRLF or a lone CR (old Mac files); JSON text never holds a raw CR or LF.
      const lf = text.indexOf('\n', start);
      const cr = text.indexOf('\r', start);
      const end = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
      if (end < 0) break;
      if (this.skipping) {
        this.skipping = false;
        this.emitLine(undefined);
      } else {
        const part = text.slice(start, end);
        const whole = this.pending.length > 0 ? this.pending + part : part;
        this.pending = '';
        this.emitLine(whole.length > this.cap ? undefined : whole);
      }
      start = end + 1;
      if (end === cr) {
        if (text.charCodeAt(start) === 0x0a) start++;
        else if (start >= text.length) this.afterCr = true;
      }
    }
    if (this.skipping) return;
    const rest = text.slice(start);
    if (this.pending.length + rest.length > this.cap) {
      this.pending = '';
      this.skipping = true;
    } else this.pending += rest;
  }

  private emitLine(text: string | undefined): void {
    this.line++;
    this.push({ line: this.line, text } satisfies JsonlLine);
  }
}

/** Depth of nested arrays and objects in a parsed JSON value, without recursion. */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
