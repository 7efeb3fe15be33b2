/**
 * The headline of every catalogue profile of the shipped rule base, computed by `npm run build`
 * (dist/headlines.bin) so that batch reads it instead of scoring each distinct profile again:
 * 13 bytes a profile (score, augmentation, range low and high; three advice indexes and the first
 * pivot's occupation index, 0xffff for none; the pivot's score). The file starts with the sha256
 * of the rule files it was built from and is used only for that very rule base (a pack, or an
 * edited rule file, gives another hash); band and reading are worked out from the scores.
 */
import { writeFileSync } from 'node:fs';
import type { CompiledAdvice, RuleBase } from './compile.js';
import { bandOf, readingOf } from './evaluate.js';
import type { RowHeadline } from './headline.js';
import { HeadlineScorer } from './headline.js';
import { HASH_BYTES, HEADLINE_TABLE_PATH, NONE, profileOfSlot, readHeadlineFile, RECORD, slotCount } from './headline-file.js';

// The file's layout lives in headline-file.ts; these stay importable from here.
export { HEADLINE_TABLE_PATH, profileOfSlot, slotCount };

/** Writes a headline as a table record at `at` (score, augmentation, range, three advice, pivot and its score). */
function encodeHeadline(h: RowHeadline, buf: Buffer, at: number, indexes: Indexes): void {
  buf.writeUInt8(h.score, at);
  buf.writeUInt8(h.augmentation, at + 1);
  buf.writeUInt8(h.range.low, at + 2);
  buf.writeUInt8(h.range.high, at + 3);
  for (let k = 0; k < 3; k++) {
    const a = h.advice[k];
    buf.writeUInt16LE(a === undefined ? NONE : (indexes.advice.get(a.id) ?? NONE), at + 4 + 2 * k);
  }
  buf.writeUInt16LE(h.pivot === undefined ? NONE : (indexes.occupations.get(h.pivot.id) ?? NONE), at + 10);
  buf.writeUInt8(h.pivot?.score ?? 0, at + 12);
}

interface Indexes {
  readonly advice: ReadonlyMap<string, number>;
  readonly occupations: ReadonlyMap<string, number>;
}

const indexesOf = (rb: RuleBase): Indexes => ({
  advice: new Map(rb.advice.map((a, i) => [a.id, i])),
  occupations: new Map(rb.occupations.map((o, i) => [o.id, i])),
});

/** Every slot's headline, as the table's bytes (the build step writes them). */
export function buildHeadlineTable(rb: RuleBase): Buffer {
  const scorer = new HeadlineScorer(rb);
  const indexes = indexesOf(rb);
  const slots = slotCount(rb);
  const buf = Buffer.alloc(HASH_BYTES + slots * RECORD);
  buf.write(rb.hash, 0, HASH_BYTES, 'latin1');
  for (let slot = 0; slot < slots; slot++) encodeHeadline(scorer.headline(profileOfSlot(rb, slot)), buf, HASH_BYTES + slot * RECORD, indexes);
  return buf;
}

export function writeHeadlineTable(rb: RuleBase, path: URL | string = HEADLINE_TABLE_PATH): void {
  writeFileSync(path, buildHeadlineTable(rb));
}

/** Headlines read from a table built for this very rule base. */
export class HeadlineTable {
  private constructor(
    private readonly rb: RuleBase,
    private readonly buf: Buffer,
  ) {}

  /** The table for this rule base, or undefined when there is none, or it was built for other rules. */
  static read(rb: RuleBase, path: URL | string = HEADLINE_TABLE_PATH): HeadlineTable | undefined {
    const buf = readHeadlineFile(rb, path);
    return buf === undefined ? undefined : new HeadlineTable(rb, buf);
  }

  /** The table's records as a grid (no copy). */
  grid(): HeadlineGrid {
    return HeadlineGrid.over(this.buf, HASH_BYTES);
  }

  headline(slot: number): RowHeadline {
    const { rb, buf } = this;
    const at = HASH_BYTES + slot * RECORD;
    const score = buf.readUInt8(at);
    const augmentation = buf.readUInt8(at + 1);
    const advice: CompiledAdvice[] = [];
    for (let k = 0; k < 3; k++) {
      const a = rb.advice[buf.readUInt16LE(at + 4 + 2 * k)];
      if (a) advice.push(a);
    }
    const pivotAt = buf.readUInt16LE(at + 10);
    const pivot = pivotAt === NONE ? undefined : rb.occupations[pivotAt];
    return {
      score,
      band: bandOf(rb, score),
      range: { low: buf.readUInt8(at + 2), high: buf.readUInt8(at + 3) },
      augmentation,
      reading: readingOf(rb, score, augmentation),
      advice,
      pivot: pivot === undefined ? undefined : { id: pivot.id, score: buf.readUInt8(at + 12) },
    };
  }
}

/** A record field that holds no advice or pivot. */
export const NO_INDEX = -1;

/**
 * Every slot's headline as its 13-byte record, for batch: read from the build's table, or
 * (a rule pack) scored by a HeadlineScorer the first time a slot is asked for and kept in
 * one flat buffer, so a whole grid costs 13 bytes a profile whatever the caseload. `record`
 * gives a slot's offset in `bytes`; the readers below take that offset.
 */
export class HeadlineGrid {
  private constructor(
    readonly bytes: Buffer,
    private readonly base: number,
    /** Lazily scored grids: whether each slot is filled yet, and how to fill it. */
    private readonly filled: Uint8Array | undefined,
    private readonly fill: ((slot: number, at: number) => void) | undefined,
  ) {}

  /** The records of a table already in memory, `base` bytes in. */
  static over(bytes: Buffer, base: number): HeadlineGrid {
    return new HeadlineGrid(bytes, base, undefined, undefined);
  }

  /** An empty grid for a rule base without a build-time table: each slot scored on first use. */
  static scored(rb: RuleBase): HeadlineGrid {
    const slots = slotCount(rb);
    const bytes = Buffer.alloc(slots * RECORD);
    let scorer: HeadlineScorer | undefined;
    let indexes: Indexes | undefined;
    return new HeadlineGrid(bytes, 0, new Uint8Array(slots), (slot, at) => {
      scorer ??= new HeadlineScorer(rb);
      indexes ??= indexesOf(rb);
      encodeHeadline(scorer.headline(profileOfSlot(rb, slot)), bytes, at, indexes);
    });
  }

  /** The offset of a slot's record in `bytes` (scored first where the grid is lazy). */
  record(slot: number): number {
    const at = this.base + slot * RECORD;
    if (this.filled !== undefined && this.filled[slot] === 0) {
      this.fill?.(slot, at);
      this.filled[slot] = 1;
    }
    return at;
  }

  score(at: number): number {
    return this.bytes[at] ?? 0;
  }

  augmentation(at: number): number {
    return this.bytes[at + 1] ?? 0;
  }

  rangeLow(at: number): number {
    return this.bytes[at + 2] ?? 0;
  }

  rangeHigh(at: number): number {
    return this.bytes[at + 3] ?? 0;
  }

  /** The index in `rb.advice` of the k-th advice shown (0–2), or NO_INDEX. */
  advice(at: number, k: number): number {
    return this.index(at + 4 + 2 * k);
  }

  /** The index in `rb.occupations` of the first pivot, or NO_INDEX. */
  pivot(at: number): number {
    return this.index(at + 10);
  }

  pivotScore(at: number): number {
    return this.bytes[at + 12] ?? 0;
  }

  private index(at: number): number {
    const value = (this.bytes[at] ?? 0) | ((this.bytes[at + 1] ?? 0) << 8);
    return value === NONE ? NO_INDEX : value;
  }
}
