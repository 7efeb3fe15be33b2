#!/usr/bin/env node
/**
 * Derives data/derived/zh-pinyin.tsv: for each toneless pinyin syllable, every CJK Unified Ideograph
 * (U+4E00–U+9FFF) read that way, with all its readings (多音字 under each). The role search uses it to
 * undo pinyin input-method slips in Chinese job titles (会记 → 会计, 司几 → 司机): people type the
 * syllables without tones and pick the wrong character among those the IME offers.
 *
 *   node scripts/derive/zh-pinyin.js     (needs the dev dependency pinyin-pro; no ../shared input)
 *
 * Readings come from pinyin-pro (MIT licence, zh-lx). Output: a comment line, a header, then one line per
 * syllable (code point order), characters in code point order. Characters pinyin-pro has no reading for
 * are left out.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = resolve(ROOT, 'data', 'derived', 'zh-pinyin.tsv');

const bySyllable = new Map();
for (let cp = 0x4e00; cp <= 0x9fff; cp++) {
  const ch = String.fromCodePoint(cp);
  const readings = pinyin(ch, { toneType: 'none', multiple: true, type: 'array' });
  for (const r of new Set(readings)) {
    if (!/^[a-zü]+$/.test(r)) continue; // no reading: pinyin-pro returns the character itself
    (bySyllable.get(r) ?? bySyllable.set(r, []).get(r)).push(ch);
  }
}
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const lines = [...bySyllable].sort((a, b) => cmp(a[0], b[0])).map(([s, chars]) => `${s}\t${chars.join('')}`);
writeFileSync(
  OUT,
  [
    '# Toneless pinyin readings of the CJK Unified Ideographs, from pinyin-pro (MIT licence, zh-lx); derived by scripts/derive/zh-pinyin.js',
    'syllable\tcharacters',
    ...lines,
    '',
  ].join('\n'),
);
console.log(`zh-pinyin.tsv: ${lines.length} syllables, ${[...bySyllable.values()].reduce((s, c) => s + c.length, 0)} character readings`);
