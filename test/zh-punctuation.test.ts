/**
 * Mainland punctuation in every Chinese string the tool prints: the zh texts of the
 * shipped rule base (occupations included), the zh UI catalogue (error texts and
 * commander's messages included) and the zh help (src/cli/help-zh.ts).
 *
 * The rule: an ASCII `,` `:` `;` `(` `)` `?` or `!` is an offence when the nearest
 * non-space character before it or after it is Chinese (a Han character, CJK
 * punctuation U+3000–U+303F, a full-width form U+FF00–U+FFEF, or a Chinese quote
 * “ ”). Chinese text takes ，：；（）？！ there instead. Brackets go in pairs: the
 * partner of a flagged ASCII bracket is flagged too, and so is an ASCII bracket
 * closing a full-width one or closed by one.
 *
 * So ASCII punctuation stays allowed inside Latin and digit runs (`id,role`,
 * `Med-PaLM (92.6%)`, `1:50`, `2–5`), inside code and JSON examples whose
 * neighbours are quotes or Latin (`{"role":"翻译","seniority":"初级"}`), and inside
 * URLs (masked first). In the UI catalogue only, a leading diagnostic location
 * (`FILE: `, `FILE:LINE: `, `FILE:LINE:COL: ` — a run of non-space, non-Han
 * characters ending in `: ` at the start of the message) is allowed too: scripts
 * read that prefix, so it keeps its ASCII colons. Catalogue functions are called
 * with sample arguments in every combination that does not throw: a placeholder
 * string ARG (U+E000), `1`, `2`, `'eof'` and `null`, so every branch of a message
 * is seen. ARG is transparent to the check: what a `${…}` turns into is not judged,
 * and the neighbour of a mark is looked for past it, so `找：${list}?` is caught
 * by the Chinese before the placeholder.
 */
import { describe, expect, it } from 'vitest';
import { loadRuleBase } from '../src/engine/load.js';
import { formatProblem } from '../src/engine/problems.js';
import { zh } from '../src/i18n/zh.js';
import { HELP_WORDS_ZH, HELP_ZH } from '../src/cli/help-zh.js';
import { SEARCH_DATA_ATTRIBUTION } from '../src/catalogue/aliases.js';

const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u201c\u201d]/u;
const ASCII_PUNCTUATION = new Set([',', ':', ';', '(', ')', '?', '!']);
const URL = /https?:\/\/[^\s\u3000-\u303f\uff00-\uffef\u201c\u201d]+/gu;
const LOCATION_PREFIX = /^[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef\u201c\u201d]+: /u;
/** What a string argument of a catalogue function is replaced by. */
const ARG = '\uE000';

interface CheckOptions {
  /** Allow a leading `FILE:LINE: ` (UI messages only). */
  readonly locationPrefix?: boolean;
}

/** Each offending punctuation mark in `text`, shown with a little context. */
function punctuationOffences(text: string, options: CheckOptions = {}): string[] {
  const mask = (m: string): string => Array.from(m, (c) => (/\s/u.test(c) ? c : 'x')).join('');
  let masked = text.replace(URL, mask);
  if (options.locationPrefix === true) masked = masked.replace(LOCATION_PREFIX, mask);
  const chars = Array.from(masked);
  const original = Array.from(text);
  const found: string[] = [];
  const neighbour = (from: number, step: 1 | -1): string | undefined => {
    for (let j = from + step; j >= 0 && j < chars.length; j += step) {
      const c = chars[j] ?? '';
      if (!/\s/u.test(c) && c !== ARG) return c;
    }
    return undefined;
  };
  const flagged = new Set<number>();
  chars.forEach((c, i) => {
    if (!ASCII_PUNCTUATION.has(c)) return;
    const before = neighbour(i, -1);
    const after = neighbour(i, 1);
    if ((before !== undefined && CHINESE.test(before)) || (after !== undefined && CHINESE.test(after))) flagged.add(i);
  });
  // Brackets go in pairs: an ASCII bracket matched with a full-width one, or the
  // partner of a flagged ASCII bracket, is flagged too (so `医生（92.9%)` fails).
  const open: number[] = [];
  chars.forEach((c, i) => {
    if (c === '(' || c === '（') open.push(i);
    else if (c === ')' || c === '）') {
      const j = open.pop();
      if (j === undefined) return;
      const ascii = [j, i].filter((k) => chars[k] === '(' || chars[k] === ')');
      if (ascii.length === 1 || ascii.some((k) => flagged.has(k))) for (const k of ascii) flagged.add(k);
    }
  });
  for (const i of [...flagged].sort((x, y) => x - y)) {
    found.push(`'${chars[i] ?? ''}' in …${original.slice(Math.max(0, i - 8), i + 9).join('').replaceAll(ARG, '‹arg›')}…`);
  }
  return found;
}

interface ZhString {
  readonly where: string;
  readonly text: string;
}

/** Every zh value (a string, or each string of a list) under `value`, with its path. */
function zhStrings(value: unknown, where: string, out: ZhString[]): ZhString[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => zhStrings(item, `${where}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const path = `${where}.${key}`;
      if (key === 'zh' && typeof child === 'string') out.push({ where: path, text: child });
      else if (key === 'zh' && Array.isArray(child)) child.forEach((s, i) => typeof s === 'string' && out.push({ where: `${path}[${i}]`, text: s }));
      else zhStrings(child, path, out);
    }
  }
  return out;
}

function ruleBaseZhStrings(): { occupations: ZhString[]; rest: ZhString[] } {
  const result = loadRuleBase();
  if (!result.ok) throw new Error(`the shipped rule base does not load:\n${result.problems.map(formatProblem).join('\n')}`);
  const { entries, ruleset } = result.ruleBase;
  const occupations: ZhString[] = [];
  const rest: ZhString[] = [];
  for (const [collection, list] of Object.entries(entries)) {
    for (const entry of list as readonly { readonly id?: string }[]) {
      zhStrings(entry, `${collection}:${entry.id ?? '?'}`, collection === 'occupations' ? occupations : rest);
    }
  }
  zhStrings(ruleset, 'ruleset', rest);
  return { occupations, rest };
}

const SAMPLES: readonly unknown[] = [ARG, 1, 2, 'eof', null];

function combinations(n: number): unknown[][] {
  if (n === 0) return [[]];
  return combinations(n - 1).flatMap((head) => SAMPLES.map((s) => [...head, s]));
}

/** Every string of the zh catalogue; a function contributes each distinct result over the sample arguments. */
function catalogueStrings(value: unknown, where: string, out: ZhString[]): ZhString[] {
  if (typeof value === 'string') {
    out.push({ where, text: value });
  } else if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    const results = new Set<string>();
    for (const args of combinations(fn.length)) {
      try {
        const r = fn(...args);
        if (typeof r === 'string') results.add(r);
      } catch {
        // e.g. echo(null): not an argument the function takes
      }
    }
    if (results.size === 0) out.push({ where, text: '' });
    for (const text of results) out.push({ where: `${where}(…)`, text });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) catalogueStrings(child, `${where}.${key}`, out);
  }
  return out;
}

/**
 * One line per offence. A function's results over the sample arguments share
 * their template, so an offence is reported once per function (by mark and by
 * how many marks of the same kind came before it), with the first result's context.
 */
function report(strings: readonly ZhString[], options: CheckOptions = {}): string[] {
  const seen = new Map<string, string>();
  for (const { where, text } of strings) {
    const ordinal = new Map<string, number>();
    for (const o of punctuationOffences(text, options)) {
      const mark = o.slice(0, 3);
      const n = ordinal.get(mark) ?? 0;
      ordinal.set(mark, n + 1);
      const key = where.endsWith('(…)') ? `${where} ${mark} ${n}` : `${where} ${seen.size}`;
      if (!seen.has(key)) seen.set(key, `${where}: ${o}`);
    }
  }
  return [...seen.values()];
}

describe('the punctuation check itself', () => {
  it.each([
    ['中文,中文', 1],
    ['规则库有 3 个问题:', 1],
    ['你是不是要找:x?', 1],
    [`你是不是要找：${ARG}?`, 1],
    [`${ARG} rows: ${ARG} assessed, ${ARG} rejected`, 0],
    ['AI(人工智能)', 2],
    ['医生(92.9%)', 2],
    ['医生（92.9%)', 1],
    ['Med-PaLM (92.6%)', 0],
    ['“翻译”,“accountant”', 1],
    ['中位数 , 重复度', 1],
    ['id,role,seniority', 0],
    ['Med-PaLM (92.6%) vs 92.9%', 0],
    ['比例是1:50,不是', 1],
    ['每行一位客户，例如 {"id":"c1","role":"翻译","seniority":"初级"}', 0],
    ['2–5年经验', 0],
    ['见 http://www.xishuta.com/newsview131579.html?a=1,b 的原文', 0],
    ['译后编辑（MTPE）', 0],
  ])('%s → %i', (text, n) => {
    expect(punctuationOffences(text)).toHaveLength(n);
  });

  it('allows a leading FILE:LINE: location only where asked', () => {
    expect(punctuationOffences('x:1: 缺少列 x（现有列：x）', { locationPrefix: true })).toEqual([]);
    expect(punctuationOffences(`${ARG}:${ARG}: 警告：文件`, { locationPrefix: true })).toEqual([]);
    expect(punctuationOffences('clients.csv: 文件是空的', { locationPrefix: true })).toEqual([]);
    expect(punctuationOffences('clients.csv: 文件是空的')).toHaveLength(1);
    expect(punctuationOffences('SignalFire:人工智能', { locationPrefix: true })).toHaveLength(1);
  });
});

describe('Chinese strings use full-width punctuation next to Chinese text', () => {
  const { occupations, rest } = ruleBaseZhStrings();

  it('finds the strings it checks', () => {
    expect(occupations.length).toBeGreaterThan(1000);
    expect(rest.some((s) => s.where.startsWith('taskCategories:'))).toBe(true);
    expect(rest.some((s) => s.where.startsWith('sources:'))).toBe(true);
    expect(rest.some((s) => s.where.startsWith('ruleset'))).toBe(true);
  });

  it('rule texts: task categories, factors, advice, what-ifs, sources, ruleset', () => {
    expect(report(rest)).toEqual([]);
  });

  it('occupation titles, aliases and descriptions', () => {
    expect(report(occupations)).toEqual([]);
  });

  it('the zh UI catalogue (src/i18n/zh.ts)', () => {
    const strings = catalogueStrings(zh, 'zh', []);
    expect(strings.filter((s) => s.text === '').map((s) => s.where)).toEqual([]);
    expect(strings.length).toBeGreaterThan(80);
    expect(report(strings, { locationPrefix: true })).toEqual([]);
  });

  it('the zh help (src/cli/help-zh.ts), line by line', () => {
    // The data attribution is quoted in its original English, as its licences ask.
    const quoted = new Set(SEARCH_DATA_ATTRIBUTION.map((line) => `  ${line}`));
    const lines = catalogueStrings({ HELP_ZH, HELP_WORDS_ZH }, 'help', []).flatMap(({ where, text }) =>
      text.split('\n').filter((line) => !quoted.has(line)).map((line) => ({ where, text: line })),
    );
    expect(lines.length).toBeGreaterThan(150);
    expect(report(lines)).toEqual([]);
  });
});
