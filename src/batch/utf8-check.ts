/**
 * Notices, once, that an input is not valid UTF-8, and on which line. Decoding
 * replaces bad bytes with U+FFFD without a word; a file saved in GBK or Latin-1
 * would then fail row by row with garbled roles and no hint why. Each chunk is
 * checked with the native validator; a character split between chunks is
 * carried over; lines are counted until the first bad byte.
 */
import { Buffer, isUtf8 } from 'node:buffer';

const LF = 0x0a;

/** Bytes at the end of `data` that start a UTF-8 sequence not yet complete (0–3). */
function incompleteTail(data: Buffer): number {
  for (let back = 1; back <= Math.min(3, data.length); back++) {
    const byte = data[data.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Index of the first byte that breaks UTF-8's structure (lead and continuation bytes). */
function firstInvalid(data: Buffer): number {
  let i = 0;
  while (i < data.length) {
    const byte = data[i] ?? 0;
    const need = byte < 0x80 ? 0 : byte >= 0xc2 && byte < 0xe0 ? 1 : byte >= 0xe0 && byte < 0xf0 ? 2 : byte >= 0xf0 && byte < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((data[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    if (need > 0 && !isUtf8(data.subarray(i, i + need + 1))) return i; // overlong or surrogate
    i += need + 1;
  }
  return data.length;
}

function countLines(data: Buffer, end: number): number {
  let n = 0;
  for (let i = data.indexOf(LF); i >= 0 && i < end; i = data.indexOf(LF, i + 1)) n++;
  return n;
}

export class Utf8Check {
  private carry: Buffer = Buffer.alloc(0);
  private lines = 0;
  /** Line (1-based) of the first invalid byte, once found. */
  invalidLine: number | undefined;

  /** Checks one chunk; returns true the first time invalid bytes are seen. */
  check(chunk: Buffer): boolean {
    if (this.invalidLine !== undefined) return false;
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const tail = incompleteTail(data);
    const whole = tail > 0 ? data.subarray(0, data.length - tail) : data;
    this.carry = tail > 0 ? Buffer.from(data.subarray(data.length - tail)) : Buffer.alloc(0);
    if (isUtf8(whole)) {
      this.lines += countLines(whole, whole.length);
      return false;
    }
    this.invalidLine = this.lines + countLines(whole, firstInvalid(whole)) + 1;
    return true;
  }

  /** End of input: a sequence cut off by the end of the file is invalid too. */
  end(): boolean {
    if (this.invalidLine !== undefined || this.carry.length === 0) return false;
    this.invalidLine = this.lines + 1;
    return true;
  }
}
