/**
 * Line layout for the terminal: text wrapped to a width in display columns.
 *
 * English (and any text with spaces) breaks only at spaces; CJK text, which has none,
 * breaks between characters, but never before a closing mark (，。；：）…) or after an
 * opening one (（《“…), which stay with their neighbour. A run without a break (an id, a
 * path) longer than a whole line is broken after a hyphen, slash or full stop, and only
 * failing those at the width. Nothing is ever cut short. Styles (colour, bold) are given
 * per span and applied line by line, so a style never bleeds into the next line's indent.
 */
import { charWidth } from './width.js';

export type Style = (text: string) => string;

/** A piece of text with one style. */
export interface Span {
  readonly text: string;
  readonly style?: Style | undefined;
}

interface Glyph {
  readonly ch: string;
  readonly span: number;
  readonly width: number;
}

type Kind = 'space' | 'word' | 'wide' | 'open';

interface Token {
  kind: Kind;
  glyphs: Glyph[];
  width: number;
}

/** Marks that must not start a line: they stay with what comes before. */
const CLOSING = new Set([...'，。、；：？！）》」』】〕〉”’…·,.;:?!)]}%']);
/** Marks that must not end a line: they stay with what follows. */
const OPENING = new Set([...'（《「『【〔〈“‘']);
/** Where a run too long for a line may be broken (after the mark). */
const SOFT_BREAK = new Set([...'-/._:']);

function tokenize(spans: readonly Span[]): Token[] {
  const tokens: Token[] = [];
  let current: Token | undefined;
  const start = (kind: Kind, g: Glyph) => {
    current = { kind, glyphs: [g], width: g.width };
    tokens.push(current);
  };
  const add = (g: Glyph) => {
    if (!current) return;
    current.glyphs.push(g);
    current.width += g.width;
  };
  spans.forEach((span, i) => {
    for (const ch of span.text) {
      const g: Glyph = { ch, span: i, width: charWidth(ch) };
      const kind = current?.kind;
      if (/\s/u.test(ch)) {
        if (kind === 'space') add(g);
        else start('space', g);
      } else if (OPENING.has(ch)) {
        if (kind === 'open') add(g);
        else start('open', g);
      } else if (CLOSING.has(ch) && kind !== undefined && kind !== 'space' && current) {
        add(g);
        // After a full-width mark, a line may break (before the Latin word that may follow).
        if (g.width === 2) current.kind = 'wide';
      } else if (g.width === 2) {
        if (kind === 'open' && current) {
          add(g);
          current.kind = 'wide';
        } else start('wide', g);
      } else if ((kind === 'word' || kind === 'open') && current) {
        add(g);
        current.kind = 'word';
      } else start('word', g);
    }
  });
  return glueArrows(tokens);
}

/** "80 → 72" stays on one line: an arrow between spaces joins the words either side of it. */
function glueArrows(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const gapBefore = out[out.length - 1];
    const wordBefore = out[out.length - 2];
    const gapAfter = tokens[i + 1];
    const wordAfter = tokens[i + 2];
    const arrow = token.glyphs.length === 1 && token.glyphs[0]?.ch === '→';
    if (arrow && gapBefore?.kind === 'space' && wordBefore && wordBefore.kind !== 'space' && gapAfter?.kind === 'space' && wordAfter && wordAfter.kind !== 'space') {
      out.pop();
      const glyphs = [...wordBefore.glyphs, ...gapBefore.glyphs, ...token.glyphs, ...gapAfter.glyphs, ...wordAfter.glyphs];
      out[out.length - 1] = { kind: 'word', glyphs, width: widthOf(glyphs) };
      i += 2;
    } else out.push(token);
  }
  return out;
}

function widthOf(glyphs: readonly Glyph[]): number {
  return glyphs.reduce((s, g) => s + g.width, 0);
}

/** How many of the glyphs fit in `room` columns. */
function fitCount(glyphs: readonly Glyph[], room: number): number {
  let width = 0;
  let n = 0;
  while (n < glyphs.length && width + (glyphs[n]?.width ?? 0) <= room) width += glyphs[n++]?.width ?? 0;
  return n;
}

/** The longest head of at least `min` glyphs that fits in `room` and ends with - / . _ or :, or 0. */
function softCut(glyphs: readonly Glyph[], room: number, min: number): number {
  for (let k = fitCount(glyphs, room); k >= Math.max(1, min); k--) {
    if (SOFT_BREAK.has(glyphs[k - 1]?.ch ?? '') && k < glyphs.length) return k;
  }
  return 0;
}

/**
 * Splits a token wider than a line into pieces: the first fits in `first` columns, the others in
 * `max`. Each piece ends after a - / . _ or : where one keeps a third of the line, else at the width.
 */
function splitLong(token: Token, first: number, max: number, minFirst: number): Token[] {
  const pieces: Token[] = [];
  let glyphs = token.glyphs;
  let room = first;
  let min = minFirst;
  while (widthOf(glyphs) > room) {
    const fit = fitCount(glyphs, room);
    let cut = softCut(glyphs, room, min === 0 ? Math.ceil(fit / 3) : min);
    if (cut === 0) {
      // At the width; but no line starts with a mark that belongs to what comes before.
      cut = Math.max(1, fit);
      const next = glyphs[cut]?.ch ?? '';
      if (cut > 1 && (CLOSING.has(next) || SOFT_BREAK.has(next))) cut--;
    }
    const head = glyphs.slice(0, cut);
    pieces.push({ kind: token.kind, glyphs: head, width: widthOf(head) });
    glyphs = glyphs.slice(cut);
    room = max;
    min = 0;
  }
  if (glyphs.length > 0) pieces.push({ kind: token.kind, glyphs, width: widthOf(glyphs) });
  return pieces;
}

function render(glyphs: readonly Glyph[], spans: readonly Span[]): string {
  let out = '';
  let run = '';
  let runSpan = -1;
  const flush = () => {
    if (run === '') return;
    const style = spans[runSpan]?.style;
    out += style ? style(run) : run;
    run = '';
  };
  for (const g of glyphs) {
    if (g.span !== runSpan) {
      flush();
      runSpan = g.span;
    }
    run += g.ch;
  }
  flush();
  return out;
}

export interface Indents {
  /** Before the first line. */
  readonly first?: string;
  /** Before every other line. */
  readonly rest?: string;
}

/**
 * Wraps styled spans to `width` display columns, indents included. Whitespace at a break is
 * dropped; a newline in the text is a space like any other (wrap paragraphs one by one).
 */
export function wrapSpans(spans: readonly Span[], width: number, indents: Indents = {}): string[] {
  const first = indents.first ?? '';
  const rest = indents.rest ?? first;
  const lines: string[] = [];
  let glyphs: Glyph[] = [];
  let used = 0;
  let pending: Token | undefined;
  const room = () => Math.max(1, width - (lines.length === 0 ? first : rest).length);
  const lineMax = Math.max(1, width - rest.length);
  const push = () => {
    lines.push((lines.length === 0 ? first : rest) + render(glyphs, spans));
    glyphs = [];
    used = 0;
  };
  for (const token of tokenize(spans)) {
    if (token.kind === 'space') {
      if (glyphs.length > 0) pending = token;
      continue;
    }
    const gap = pending && glyphs.length > 0 ? pending.width : 0;
    if (used + gap + token.width <= room()) {
      if (gap > 0 && pending) glyphs.push(...pending.glyphs);
      glyphs.push(...token.glyphs);
      used += gap + token.width;
    } else if (token.width <= (glyphs.length > 0 ? lineMax : room())) {
      if (glyphs.length > 0) push();
      glyphs.push(...token.glyphs);
      used = token.width;
    } else {
      // Longer than a whole line (an id, a path): fill this line, if it has room, and go on.
      // (Only where it can end after a - / . or _ with a few characters on this line.)
      let left = room() - used - gap;
      let minFirst = 0;
      if (glyphs.length > 0 && softCut(token.glyphs, left, 4) === 0) {
        push();
        left = room();
      } else if (glyphs.length > 0) {
        if (pending) glyphs.push(...pending.glyphs);
        used += gap;
        minFirst = 4;
      }
      splitLong(token, left, lineMax, minFirst).forEach((piece, k) => {
        if (k > 0) push();
        glyphs.push(...piece.glyphs);
        used += piece.width;
      });
    }
    pending = undefined;
  }
  if (glyphs.length > 0) push();
  return lines;
}

/** Wraps prose to the width; every line gets `indent`, or the first `firstIndent` when given. */
export function wrap(text: string, width: number, indent: string, firstIndent = indent): string[] {
  return wrapSpans([{ text }], width, { first: firstIndent, rest: indent });
}

/** Wraps each line of a text (paragraphs separated by newlines) to the width. */
export function wrapLines(text: string, width: number): string[] {
  return text.split('\n').flatMap((p) => {
    const lines = wrap(p, width, '');
    return lines.length > 0 ? lines : [''];
  });
}
