/**
 * The layout of dist/headlines.bin, the build's table of every catalogue profile's headline
 * (see headline-table.ts, which writes and reads whole records): a 64-byte sha256 of the rule
 * files it was built from, then one 13-byte record per slot, occupation-major, then seniority,
 * repetitiveness and AI use. This module knows only the layout, so the evaluation can read the
 * catalogue's scores from the table without loading the headline scorer.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { RuleBase } from './compile.js';
import { AI_USAGE_LEVELS, REPETITIVENESS_LEVELS, SENIORITY_LEVELS } from '../model/profile.js';
import type { Profile } from '../model/profile.js';

export const HEADLINE_TABLE_PATH = new URL('../headlines.bin', import.meta.url);

export const RECORD = 13;
export const HASH_BYTES = 64;
export const NONE = 0xffff;

/** Slots per occupation: every seniority × repetitiveness × AI use. */
export const SLOTS_PER_OCCUPATION = SENIORITY_LEVELS.length * REPETITIVENESS_LEVELS.length * AI_USAGE_LEVELS.length;

/** The number of catalogue profiles (table slots) of a rule base. */
export function slotCount(rb: RuleBase): number {
  return rb.occupations.length * SLOTS_PER_OCCUPATION;
}

/** The slot of an answer combination within an occupation's slots (0 … SLOTS_PER_OCCUPATION − 1), or −1. */
export function answersSlot(profile: Pick<Profile, 'seniority' | 'repetitiveness' | 'aiUsage'>): number {
  const sen = SENIORITY_LEVELS.indexOf(profile.seniority);
  const rep = REPETITIVENESS_LEVELS.indexOf(profile.repetitiveness);
  const ai = AI_USAGE_LEVELS.indexOf(profile.aiUsage);
  if (sen < 0 || rep < 0 || ai < 0) return -1;
  return (sen * REPETITIVENESS_LEVELS.length + rep) * AI_USAGE_LEVELS.length + ai;
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

/**
 * The table's bytes (hash included) when the file holds a table built for this very rule base
 * (same rule-file hash, one record per slot), else undefined. The hash is read first: a table
 * built for other rules (a pack, an edited rule file) is not read whole.
 */
export function readHeadlineFile(rb: RuleBase, path: URL | string = HEADLINE_TABLE_PATH): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = HASH_BYTES + slotCount(rb) * RECORD;
    if (fstatSync(fd).size !== size) return undefined;
    const buf = Buffer.alloc(size);
    if (readSync(fd, buf, 0, HASH_BYTES, 0) !== HASH_BYTES || buf.toString('latin1', 0, HASH_BYTES) !== rb.hash) return undefined;
    if (readSync(fd, buf, HASH_BYTES, size - HASH_BYTES, HASH_BYTES) !== size - HASH_BYTES) return undefined;
    return buf;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const tables = new WeakMap<RuleBase, Buffer | null>();

/**
 * Every catalogue occupation's replacement-risk estimate for one seniority, repetitiveness and AI
 * use, in catalogue order, read from the build's table (each record's first byte is `scoreOf` of
 * its profile), or undefined when there is no table for this rule base. The file is read once per
 * rule base and process.
 */
export function tableScores(rb: RuleBase, profile: Pick<Profile, 'seniority' | 'repetitiveness' | 'aiUsage'>): Int16Array | undefined {
  let table = tables.get(rb);
  if (table === undefined) {
    table = readHeadlineFile(rb) ?? null;
    tables.set(rb, table);
  }
  return table === null ? undefined : scoresOfTable(rb, table, profile);
}

/** The catalogue's scores for one answer combination, from a table's bytes (hash included). */
export function scoresOfTable(rb: RuleBase, table: Buffer, profile: Pick<Profile, 'seniority' | 'repetitiveness' | 'aiUsage'>): Int16Array | undefined {
  const answers = answersSlot(profile);
  if (answers < 0) return undefined;
  const scores = new Int16Array(rb.occupations.length);
  for (let i = 0; i < scores.length; i++) scores[i] = table[HASH_BYTES + (i * SLOTS_PER_OCCUPATION + answers) * RECORD] ?? 0;
  return scores;
}
