/**
 * The headline of every catalogue profile of the shipped rule base, computed by `npm run build`
 * (dist/headlines.bin) so that batch reads it instead of scoring each distinct profile again:
 * 13 bytes a profile (score, augmentation, range low and high; three advice indexes and the first
 * pivot's occupation index, 0xffff for none; the pivot's score). The file starts with the sha256
 * of the rule files it was built from and is used only for that very rule base (a pack, or an
 * edited rule file, gives another hash); band and reading are worked out from the scores.
 */
import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import type { CompiledAdvice, RuleBase } from './compile.js';
import { bandOf, readingOf } from './evaluate.js';
import type { RowHeadline } from './headline.js';
import { HeadlineScorer } from './headline.js';
import { AI_USAGE_LEVELS, REPETITIVENESS_LEVELS, SENIORITY_LEVELS } from '../model/profile.js';
import type { Profile } from '../model/profile.js';

export const HEADLINE_TABLE_PATH = new URL('../headlines.bin', import.meta.url);

const RECORD = 13;
const HASH_BYTES = 64;
const NONE = 0xffff;

/** The number of catalogue profiles (table slots) of a rule base. */
export function slotCount(rb: RuleBase): number {
  return rb.occupations.length * SENIORITY_LEVELS.length * REPETITIVENESS_LEVELS.length * AI_USAGE_LEVELS.length;
}

/** The profile of a slot: occupation-major, then seniority, repetitiveness and AI use (batch's table order). */
export function profileOfSlot(rb: RuleBase, slot: number): Profile {
  let rest = slot;
  const ai = rest % AI_USAGE_LEVELS.length;
  rest = (rest - ai) / AI_USAGE_LEVELS.length;
  const rep = rest % REPETITIVENESS_LEVELS.length;
  rest = (rest - rep) / REPETITIVENESS_LEVELS.length;
  const sen = rest % SENIORITY_LEVELS.length;
  const occ = (rest - sen) / SENIORITY_LEVELS.length;
  return {
    occupation: rb.occupations[occ]?.id ?? '',
    seniority: SENIORITY_LEVELS[sen] ?? 'mid',
    repetitiveness: REPETITIVENESS_LEVELS[rep] ?? 3,
    aiUsage: AI_USAGE_LEVELS[ai] ?? 'occasional',
  };
}

/** Every slot's headline, as the table's bytes (the build step writes them). */
export function buildHeadlineTable(rb: RuleBase): Buffer {
  const scorer = new HeadlineScorer(rb);
  const adviceIndex = new Map(rb.advice.map((a, i) => [a.id, i]));
  const occupationIndex = new Map(rb.occupations.map((o, i) => [o.id, i]));
  const slots = slotCount(rb);
  const buf = Buffer.alloc(HASH_BYTES + slots * RECORD);
  buf.write(rb.hash, 0, HASH_BYTES, 'latin1');
  for (let slot = 0; slot < slots; slot++) {
    const h = scorer.headline(profileOfSlot(rb, slot));
    const at = HASH_BYTES + slot * RECORD;
    buf.writeUInt8(h.score, at);
    buf.writeUInt8(h.augmentation, at + 1);
    buf.writeUInt8(h.range.low, at + 2);
    buf.writeUInt8(h.range.high, at + 3);
    for (let k = 0; k < 3; k++) {
      const a = h.advice[k];
      buf.writeUInt16LE(a === undefined ? NONE : (adviceIndex.get(a.id) ?? NONE), at + 4 + 2 * k);
    }
    buf.writeUInt16LE(h.pivot === undefined ? NONE : (occupationIndex.get(h.pivot.id) ?? NONE), at + 10);
    buf.writeUInt8(h.pivot?.score ?? 0, at + 12);
  }
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
    // The hash first: a table built for other rules (a pack) is not read whole.
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      const size = HASH_BYTES + slotCount(rb) * RECORD;
      if (fstatSync(fd).size !== size) return undefined;
      const buf = Buffer.alloc(size);
      if (readSync(fd, buf, 0, HASH_BYTES, 0) !== HASH_BYTES || buf.toString('latin1', 0, HASH_BYTES) !== rb.hash) return undefined;
      if (readSync(fd, buf, HASH_BYTES, size - HASH_BYTES, HASH_BYTES) !== size - HASH_BYTES) return undefined;
      return new HeadlineTable(rb, buf);
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
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
