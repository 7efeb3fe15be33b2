/**
 * Record framing for client CSV files, in front of csv-parse.
 *
 * csv-parse parses well-formed records well, but after a malformed quote it
 * resumes inside a quoted field and swallows the rest of the file (and reports
 * the wrong line). This pass finds record boundaries itself, with csv-parse's
 * quoting rules (RFC 4180, fields trimmed), and guarantees that csv-parse only
 * ever sees well-formed records:
 *
 * - a good record is passed through unchanged;
 * - a malformed record is replaced by a one-field placeholder line, and its
 *   line number, reason and text are queued, so the batch loop rejects it in
 *   input order and parsing carries on at the next line;
 * - when a quote opened on one line makes the record run on and then fail (an
 *   unclosed quote), only the line where the quote opened is set aside and the
 *   lines after it are framed again as records of their own;
 * - a record longer than the cap is rejected alone and not buffered;
 * - only an unclosed quote that cannot be recovered (it runs past the cap) is
 *   fatal: `FramingError`, naming the line where the quote opened.
 *
 * Every record csv-parse emits has exactly one queued frame (its first line, or
 * a `BadFrame`), so row numbers never drift. Blank lines are left out. Lone CRs
 * outside quotes end a line like LF and CRLF do.
 */
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import type { DecoderFactory } from './encoding.js';
import { InputText } from './encoding.js';

/** A record that cannot be parsed: what the batch loop reports and writes to the errors file. */
export interface BadFrame {
  readonly line: number;
  /** Last physical line of the record (same as line for one-line records). */
  readonly endLine: number;
  readonly problem: FrameProblem;
  /** The record's text (absent when it was too long to keep). */
  readonly text: string | undefined;
}

export type FrameProblem =
  | { readonly kind: 'text-after-quote' }
  | { readonly kind: 'quote-in-field' }
  | { readonly kind: 'unclosed-quote'; readonly endsAt: number | 'eof' }
  /** A quoted field ran over lines that look like rows of the file: most likely a quote never closed. */
  | { readonly kind: 'quote-swallows-rows'; readonly endsAt: number }
  | { readonly kind: 'too-long'; readonly cap: number };

/** One entry per record, in order: the record's first line, or why it was set aside. */
export type Frame = number | BadFrame;

/** The file cannot be read past this point; no result should be written. */
export class FramingError extends Error {
  constructor(
    readonly line: number,
    readonly reason: 'unclosed-quote-eof' | 'unclosed-quote-malformed',
    readonly endLine: number,
  ) {
    super(`line ${line}: a quote opened here is never closed`);
    this.name = 'FramingError';
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** csv-parse's trimmable characters (its `timchars`): exactly JavaScript's `\s`. */
function isSpace(c: number): boolean {
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  AfterClose,
}

const QUOTE_IN_FIELD: FrameProblem = { kind: 'quote-in-field' };
const TEXT_AFTER_QUOTE: FrameProblem = { kind: 'text-after-quote' };

/** What the placeholder for a bad record looks like to csv-parse: one record, one field. */
export const PLACEHOLDER = '-\n';

/**
 * The framing state machine. `write` takes decoded text and returns what to
 * hand to csv-parse; frames go to `onFrame` in record order.
 */
export class CsvFramer {
  private buf = '';
  /** Scan position in buf. */
  private pos = 0;
  /** Start of the current record in buf; everything before it is already handled. */
  private recStart = 0;
  /** Start of the text not yet copied to the output (≤ recStart). */
  private copyFrom = 0;
  private out = '';
  private state = State.FieldStart;
  /** Physical line at pos (1-based). */
  private line = 1;
  private recLine = 1;
  private quoteLine = 0;
  /** The current record outgrew the cap: its text is no longer kept. */
  private oversize = false;
  /** The current record is malformed: skip to the end of its line, then reject it. */
  private broken: FrameProblem | undefined;
  /** The current record has a character other than whitespace (blank lines are dropped here). */
  private content = false;
  /** Fields in the header (the first record); undefined until it is read. */
  private width: number | undefined;
  /** Commas inside quotes on the current physical line. */
  private lineCommas = 0;
  /** Line of the quote whose field first ran past a line end in this record (0: none yet). */
  private spanQuoteLine = 0;
  /** A line inside a quoted field of this record had as many commas as a row of the file. */
  private rowLike = false;
  private first = true;

  constructor(
    private readonly onFrame: (frame: Frame) => void,
    readonly cap: number,
  ) {}

  write(text: string, final: boolean): string {
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.buf = this.buf.length === 0 ? text : this.buf + text;
    this.scan(final);
    if (final) this.finish();
    // Hand over every complete record; keep the one in progress.
    const upTo = this.oversize ? this.pos : this.recStart;
    if (!this.oversize) this.flushCopy(upTo);
    const result = this.out;
    this.out = '';
    if (this.oversize) {
      // Drop what was scanned of a record too long to keep: only its state matters.
      this.buf = this.buf.slice(this.pos);
      this.pos = 0;
      this.recStart = 0;
      this.copyFrom = 0;
    } else {
      this.buf = this.buf.slice(this.recStart);
      this.pos -= this.recStart;
      this.copyFrom -= this.recStart;
      this.recStart = 0;
    }
    return result;
  }

  private flushCopy(end: number): void {
    if (end > this.copyFrom) this.out += this.buf.slice(this.copyFrom, end);
    this.copyFrom = Math.max(this.copyFrom, end);
  }

  private scan(final: boolean): void {
    const buf = this.buf;
    const n = buf.length;
    let pos = this.pos;
    let state = this.state;
    /** A malformed character was just passed: what is wrong, handled once after the switch. */
    let bad: FrameProblem | undefined;
    while (pos < n) {
      const c = buf.charCodeAt(pos);
      if (c === CR || c === LF) {
        let len = 1;
        if (c === CR) {
          if (pos + 1 >= n && !final) break; // is it CRLF? wait for the next chunk
          if (buf.charCodeAt(pos + 1) === LF) len = 2;
        }
        if (state === State.Quoted && this.broken === undefined) {
          this.checkRowLike();
          if (this.spanQuoteLine === 0) this.spanQuoteLine = this.quoteLine;
          this.lineCommas = 0;
          this.line++;
          pos += len;
          if (!this.oversize && pos - this.recStart > this.cap) this.startOversize(pos);
          continue;
        }
        this.state = state;
        this.pos = pos;
        this.endRecord(pos, len, c === CR && len === 1);
        pos = this.pos;
        state = this.state;
        continue;
      }
      if (this.broken !== undefined) {
        pos++;
        continue;
      }
      switch (state) {
        case State.FieldStart:
          if (c === QUOTE) {
            state = State.Quoted;
            this.quoteLine = this.line;
            this.content = true;
          } else if (c === COMMA) this.content = true;
          else if (!isSpace(c)) {
            state = State.Unquoted;
            this.content = true;
          }
          pos++;
          break;
        case State.Unquoted:
          if (c === COMMA) state = State.FieldStart;
          else if (c === QUOTE) bad = QUOTE_IN_FIELD;
          pos++;
          break;
        case State.Quoted:
          if (c === COMMA) this.lineCommas++;
          else if (c === QUOTE) {
            if (pos + 1 >= n && !final) {
              this.state = state;
              this.pos = pos;
              return; // escaped quote or closing quote? wait for the next chunk
            }
            if (buf.charCodeAt(pos + 1) === QUOTE) {
              pos += 2;
              break;
            }
            this.checkRowLike();
            this.lineCommas = 0;
            state = State.AfterClose;
          }
          pos++;
          break;
        case State.AfterClose:
          if (c === COMMA) state = State.FieldStart;
          else if (!isSpace(c)) bad = TEXT_AFTER_QUOTE;
          pos++;
          break;
      }
      if (bad !== undefined) {
        const problem = bad;
        bad = undefined;
        this.state = state;
        this.pos = pos;
        if (this.fail(problem)) {
          // Set aside and framed again from the line after the record's first.
          pos = this.pos;
          state = this.state;
          continue;
        }
      }
      if (!this.oversize && pos - this.recStart > this.cap) {
        this.state = state;
        this.startOversize(pos);
      }
    }
    this.state = state;
    this.pos = pos;
  }

  /**
   * The current record is malformed at `this.pos`. When a quote opened on an
   * earlier line of the record, the quote (not this line) is the likely fault:
   * set aside only the record's first line and frame the rest again (returns
   * true: scanning restarts at this.pos). Otherwise the record is rejected at
   * the end of this line.
   */
  private fail(problem: FrameProblem): boolean {
    if (this.line > this.recLine) {
      if (this.oversize) throw new FramingError(this.spanQuoteLine || this.quoteLine, 'unclosed-quote-malformed', this.line);
      this.backtrack({ kind: 'unclosed-quote', endsAt: this.line });
      return true;
    }
    this.broken = problem;
    return false;
  }

  /** Rejects the record's first physical line and restarts framing on the line after it. */
  private backtrack(problem: FrameProblem): void {
    const buf = this.buf;
    let end = this.recStart;
    while (end < buf.length && buf.charCodeAt(end) !== CR && buf.charCodeAt(end) !== LF) end++;
    let next = end;
    if (next < buf.length) next += buf.charCodeAt(next) === CR && buf.charCodeAt(next + 1) === LF ? 2 : 1;
    this.reject(buf.slice(this.recStart, end), this.recLine, this.recLine, problem, next);
    this.line = this.recLine + 1;
    this.recLine = this.line;
  }

  /**
   * Called at a line end or closing quote inside a quoted field: a line that
   * began inside the quote and holds as many commas as a row of the file is
   * most likely a row swallowed by a quote that was never closed.
   */
  private checkRowLike(): void {
    if (this.width !== undefined && this.width > 1 && this.line > this.quoteLine && this.lineCommas >= this.width - 1) this.rowLike = true;
  }

  private startOversize(pos: number): void {
    // Complete records before this one are handed over; this one's text is dropped.
    this.flushCopy(this.recStart);
    this.oversize = true;
    this.copyFrom = pos;
  }

  /** A line break outside quotes at `pos` (length `len`) ends the record. */
  private endRecord(pos: number, len: number, loneCr: boolean): void {
    const next = pos + len;
    if (this.oversize && this.line > this.recLine) {
      // A quoted field ran over line ends and past the cap: its text is gone, so the
      // rows it may have swallowed cannot be read back. Nothing can be trusted after it.
      throw new FramingError(this.spanQuoteLine || this.quoteLine, 'unclosed-quote-malformed', this.line);
    }
    if (!this.oversize && this.broken === undefined && this.rowLike) {
      // Framed again from the line after the one where the quote opened.
      this.backtrack({ kind: 'quote-swallows-rows', endsAt: this.line });
      return;
    }
    if (this.oversize) {
      this.out += PLACEHOLDER;
      this.onFrame({ line: this.recLine, endLine: this.line, problem: { kind: 'too-long', cap: this.cap }, text: undefined });
      this.oversize = false;
      this.broken = undefined;
      this.copyFrom = next;
    } else if (this.broken !== undefined) {
      const problem = this.broken;
      this.broken = undefined;
      this.reject(this.buf.slice(this.recStart, pos), this.recLine, this.line, problem, next);
    } else if (!this.content) {
      // A blank line is no record: left out, so csv-parse never sees it (it is slow on them).
      this.flushCopy(this.recStart);
      this.copyFrom = next;
    } else {
      if (this.width === undefined) this.width = countFields(this.buf.slice(this.recStart, pos));
      this.onFrame(this.recLine);
      if (loneCr) {
        // csv-parse splits records on LF only: a lone CR becomes one.
        this.flushCopy(pos);
        this.out += '\n';
        this.copyFrom = next;
      }
    }
    this.line++;
    this.recLine = this.line;
    this.recStart = next;
    this.pos = next;
    this.state = State.FieldStart;
    this.resetRecord();
  }

  private resetRecord(): void {
    this.content = false;
    this.lineCommas = 0;
    this.spanQuoteLine = 0;
    this.rowLike = false;
  }

  /** Replaces buf[recStart, next) by the placeholder and queues the bad frame. */
  private reject(text: string, line: number, endLine: number, problem: FrameProblem, next: number): void {
    this.flushCopy(this.recStart);
    this.out += PLACEHOLDER;
    this.onFrame({ line, endLine, problem, text });
    this.copyFrom = next;
    this.recStart = next;
    this.pos = next;
    this.state = State.FieldStart;
    this.broken = undefined;
    this.resetRecord();
  }

  /** End of input: the last record has no line break after it. */
  private finish(): void {
    for (;;) {
      while (this.state === State.Quoted && this.broken === undefined) {
        // A quote opened and never closed. Within the cap the line where it opened
        // is set aside and the rest framed again; past the cap nothing can be.
        if (this.oversize) throw new FramingError(this.spanQuoteLine || this.quoteLine, 'unclosed-quote-eof', this.line);
        if (this.line === this.recLine) {
          this.reject(this.buf.slice(this.recStart), this.recLine, this.line, { kind: 'unclosed-quote', endsAt: 'eof' }, this.buf.length);
          return;
        }
        this.backtrack({ kind: 'unclosed-quote', endsAt: 'eof' });
        this.scan(true);
      }
      // The last record, without a line break after it.
      if (this.pos <= this.recStart && !this.oversize) return;
      this.endRecord(this.pos, 0, false);
      if (this.pos >= this.buf.length) return;
      this.scan(true); // the record was set aside and its later lines are framed again
    }
  }
}

/** Fields of one well-formed record: commas outside quotes, plus one. */
function countFields(text: string): number {
  let fields = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (c === COMMA && !quoted) fields++;
  }
  return fields;
}

/** The framer as a stream: bytes in, framed text out (for csv-parse). */
export class CsvFrameStream extends Transform {
  private readonly text: InputText;
  private readonly framer: CsvFramer;

  /** `decoder`: for an `--encoding` other than UTF-8; without it the input must be UTF-8 (else a NotUtf8Error). */
  constructor(onFrame: (frame: Frame) => void, cap: number, decoder?: DecoderFactory) {
    super({ decodeStrings: true, readableHighWaterMark: 1 << 16 });
    this.framer = new CsvFramer(onFrame, cap);
    this.text = new InputText(decoder);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      const text = this.framer.write(this.text.write(chunk), false);
      callback(null, text.length > 0 ? text : undefined);
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      const text = this.framer.write(this.text.end(), true);
      callback(null, text.length > 0 ? text : undefined);
    } catch (error) {
      callback(error as Error);
    }
  }
}
