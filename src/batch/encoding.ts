/**
 * Input encodings of client files. UTF-8 (the default) is decoded natively and
 * checked with the native validator (utf8-check.ts): a file that is not UTF-8
 * stops the run at its first bad line, before any row of that chunk is read,
 * with a guess at what it is. Other encodings (`--encoding`) are decoded as a
 * stream by iconv-lite, loaded only then.
 */
import type { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type Iconv from 'iconv-lite';
import { Utf8Check } from './utf8-check.js';

/** iconv-lite, loaded on first use only: the UTF-8 path never needs it. */
let iconvLite: typeof Iconv | undefined;
function iconv(): typeof Iconv {
  iconvLite ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv;
  return iconvLite;
}

/** What `--encoding` accepts (case-insensitive) → the iconv-lite codec that decodes it. */
export const ENCODINGS: Readonly<Record<string, string>> = {
  utf8: 'utf8',
  'utf-8': 'utf8',
  gbk: 'gbk',
  cp936: 'gbk',
  gb18030: 'gb18030',
  // GB2312 is a subset of GB18030; files labelled GB2312 often hold GBK characters too.
  gb2312: 'gb18030',
  big5: 'big5',
  utf16le: 'utf16le',
  'utf-16le': 'utf16le',
  // The byte-order mark decides; without one, little-endian (what Windows writes).
  utf16: 'utf16',
  'utf-16': 'utf16',
  'windows-1252': 'windows1252',
  cp1252: 'windows1252',
};

/** The names listed in messages (one per encoding). */
export const ENCODING_NAMES = ['utf8', 'gbk', 'gb18030', 'gb2312', 'big5', 'utf16le', 'utf16', 'windows-1252'] as const;

/** The iconv-lite codec for an `--encoding` value, 'utf8' for the native path, or undefined when not allowed. */
export function resolveEncoding(name: string): string | undefined {
  return ENCODINGS[name.trim().toLowerCase()];
}

/** An incremental decoder: bytes in, text out; `end` flushes a character cut off by the end of the input. */
export interface TextDecoderLike {
  write(chunk: Buffer): string;
  end(): string | undefined;
}

/** Makes a decoder for each input stream; undefined for UTF-8 (the native, checked path). */
export type DecoderFactory = () => TextDecoderLike;

/** The decoders for a codec resolved by resolveEncoding; undefined for UTF-8 (the native, checked path). */
export function decoderFactory(codec: string): DecoderFactory | undefined {
  if (codec === 'utf8') return undefined;
  const lib = iconv();
  // iconv-lite strips a byte-order mark by default.
  return () => lib.getDecoder(codec);
}

/** What a file that is not UTF-8 seems to be. */
export type EncodingGuess = 'gb18030' | 'utf16le' | 'utf16be' | undefined;

/** The input is not UTF-8: the run stops here (before any row of the chunk is read). */
export class NotUtf8Error extends Error {
  constructor(
    readonly line: number,
    readonly guess: EncodingGuess,
  ) {
    super(`line ${line}: not UTF-8`);
    this.name = 'NotUtf8Error';
  }
}

const LF = 0x0a;

/**
 * Guesses the encoding of bytes that are not UTF-8. A UTF-16 byte-order mark at
 * the start of the file says UTF-16 (Excel's "Unicode text"). Otherwise the
 * sample (cut to whole lines, since a chunk can start or end inside a
 * character) must decode as GB18030 without a single invalid sequence, at
 * least half its double-byte characters must lie in GB2312 (both bytes
 * 0xA1–0xFE, where common Chinese text lives), and it must hold at least two
 * Han characters, which make most of its non-ASCII text: then it is
 * GBK/GB18030 (Chinese Excel's "CSV"). Latin-1 or Windows-1252 text rarely
 * passes: an accented letter is followed by ASCII, which GB18030 refuses as a
 * second byte or which puts the pair outside GB2312.
 */
export function guessEncoding(sample: Buffer, atFileStart: boolean): EncodingGuess {
  if (atFileStart && sample[0] === 0xff && sample[1] === 0xfe) return 'utf16le';
  if (atFileStart && sample[0] === 0xfe && sample[1] === 0xff) return 'utf16be';
  let start = 0;
  if (!atFileStart) {
    const lf = sample.indexOf(LF);
    if (lf >= 0) start = lf + 1;
  }
  const lastLf = sample.lastIndexOf(LF);
  const end = lastLf >= start ? lastLf + 1 : sample.length;
  const bytes = sample.subarray(start, end);
  const text = iconv().decode(bytes, 'gb18030');
  if (text.includes('\uFFFD')) return undefined;
  // Chinese text is mostly GB2312 characters, both bytes 0xA1–0xFE; accented Latin letters
  // decode as double-byte characters too, but with an ASCII letter as second byte.
  let pairs = 0;
  let gb2312 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x81 || lead === 0xff) continue;
    const trail = bytes[i + 1] ?? 0;
    pairs++;
    if (lead >= 0xa1 && trail >= 0xa1 && trail <= 0xfe) gb2312++;
    i += trail >= 0x30 && trail <= 0x39 ? 3 : 1; // a four-byte GB18030 sequence, or a pair
  }
  if (gb2312 < 0.5 * pairs) return undefined;
  let han = 0;
  let nonAscii = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
  }
  return han >= 2 && han >= 0.6 * nonAscii ? 'gb18030' : undefined;
}

/**
 * Input bytes → text for the CSV framer and the JSONL splitter. UTF-8 is
 * decoded natively and checked chunk by chunk: the first invalid byte throws
 * a NotUtf8Error (with its line and a guess) before that chunk's text is used.
 */
export class InputText {
  private readonly decoder: TextDecoderLike;
  private readonly utf8: Utf8Check | undefined;
  private first = true;

  constructor(decoder?: DecoderFactory) {
    this.decoder = decoder ? decoder() : new StringDecoder('utf8');
    this.utf8 = decoder ? undefined : new Utf8Check();
  }

  write(chunk: Buffer): string {
    const atStart = this.first;
    this.first = false;
    if (this.utf8?.check(chunk)) throw new NotUtf8Error(this.utf8.invalidLine ?? 1, guessEncoding(chunk, atStart));
    return this.decoder.write(chunk);
  }

  end(): string {
    // A character cut off by the end of the input is not UTF-8 either (no guess: one byte says nothing).
    if (this.utf8?.end()) throw new NotUtf8Error(this.utf8.invalidLine ?? 1, undefined);
    return this.decoder.end() ?? '';
  }
}
