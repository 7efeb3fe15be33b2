/**
 * Pinyin input-method slips in Chinese job titles: people type the syllables without tones and pick
 * the wrong character among those the IME offers (会记 for 会计, 司几 for 司机, 程序圆 for 程序员),
 * or a character that looks alike (护土 for 护士, 厨帅 for 厨师). A part of a query whose character
 * pairs the catalogue does not know is corrected one character at a time, to a character read the
 * same way (data/derived/zh-pinyin.tsv, from pinyin-pro) or from a short list of look-alikes, when
 * that makes pairs the catalogue knows. Loaded on first use, only for Chinese queries that need it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { derivedRows } from './derived-tsv.js';

// Spelt from dist/ (../catalogue/), so it holds from dist/catalogue/ and from the bundle in dist/bundle/.
const JSON_PATH = new URL('../catalogue/zh-pinyin.json', import.meta.url);
const TSV_PATH = new URL('../../data/derived/zh-pinyin.tsv', import.meta.url);

/** Characters that look alike and are typed for each other (handwriting and stroke input, tired eyes). */
const LOOK_ALIKES: readonly string[] = ['土士', '帅师', '己已巳', '未末', '人入', '大太', '日曰', '戍戌', '拔拨', '侯候', '券卷', '崇祟', '治冶'];

type Table = Record<string, string>;

function parseTsv(text: string): Table {
  const out: Table = {};
  for (const [syllable, chars] of derivedRows(text)) {
    if (syllable && chars) out[syllable] = chars;
  }
  return out;
}

/** Build step: the TSV as JSON next to the compiled module. */
export function writePinyinTable(): void {
  writeFileSync(JSON_PATH, JSON.stringify(parseTsv(readFileSync(TSV_PATH, 'utf8'))));
}

interface Confusables {
  /** Each character → its toneless readings. */
  readonly readings: ReadonlyMap<string, readonly string[]>;
  /** Each reading → the characters read that way. */
  readonly chars: ReadonlyMap<string, string>;
  /** Each character → the characters that look like it. */
  readonly lookAlikes: ReadonlyMap<string, readonly string[]>;
}

let loaded: Confusables | undefined;

function tables(): Confusables {
  if (loaded) return loaded;
  const table: Table = existsSync(JSON_PATH)
    ? (JSON.parse(readFileSync(JSON_PATH, 'utf8')) as Table)
    : existsSync(TSV_PATH)
      ? parseTsv(readFileSync(TSV_PATH, 'utf8'))
      : {};
  const readings = new Map<string, string[]>();
  const chars = new Map(Object.entries(table));
  for (const [syllable, list] of chars) for (const c of list) (readings.get(c) ?? readings.set(c, []).get(c))?.push(syllable);
  const lookAlikes = new Map<string, string[]>();
  for (const group of LOOK_ALIKES) for (const c of group) lookAlikes.set(c, [...group].filter((d) => d !== c));
  loaded = { readings, chars, lookAlikes };
  return loaded;
}

/** The characters that sound (toneless) or look like `c`, itself excluded. */
function confusablesOf(c: string): Set<string> {
  const t = tables();
  const out = new Set<string>(t.lookAlikes.get(c) ?? []);
  for (const r of t.readings.get(c) ?? []) for (const d of t.chars.get(r) ?? '') if (d !== c) out.add(d);
  return out;
}

/**
 * The part with slips corrected (at most two characters), or undefined when every pair is known
 * or no correction makes an unknown pair known. `known` says whether the catalogue knows a pair;
 * `weight` ranks characters that could replace one (how often the catalogue's names use it).
 */
export function correctSlips(part: string, known: (pair: string) => boolean, weight: (ch: string) => number): string | undefined {
  let chars = [...part];
  if (chars.length < 2) return undefined;
  const knownPairs = (cs: readonly string[]) => {
    let n = 0;
    for (let i = 0; i + 1 < cs.length; i++) if (known((cs[i] as string) + (cs[i + 1] as string))) n++;
    return n;
  };
  let changed = false;
  for (let round = 0; round < 2; round++) {
    const base = knownPairs(chars);
    if (base === chars.length - 1) break;
    let best: { i: number; ch: string; pairs: number; weight: number } | undefined;
    chars.forEach((c, i) => {
      const left = i > 0 ? (chars[i - 1] as string) + c : undefined;
      const right = i + 1 < chars.length ? c + (chars[i + 1] as string) : undefined;
      // Only a character in an unknown pair is a suspect.
      if ((left === undefined || known(left)) && (right === undefined || known(right))) return;
      for (const ch of confusablesOf(c)) {
        const w = weight(ch);
        if (w === 0) continue;
        const next = chars.slice();
        next[i] = ch;
        const pairs = knownPairs(next);
        if (pairs <= base) continue;
        if (!best || pairs > best.pairs || (pairs === best.pairs && (w > best.weight || (w === best.weight && ch < best.ch)))) best = { i, ch, pairs, weight: w };
      }
    });
    if (!best) break;
    chars = chars.slice();
    chars[best.i] = best.ch;
    changed = true;
  }
  return changed ? chars.join('') : undefined;
}
