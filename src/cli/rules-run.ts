/** The implementations behind `career-risk rules …`, loaded only when such a command runs. */
import { lstatSync, mkdirSync } from 'node:fs';
import { abortAll, commitAll, OutputFile, planTarget, TargetRefused } from '../batch/atomic-file.js';
import { fileFault } from '../util/fs-errors.js';
import { outputError } from './batch-run.js';
import path from 'node:path';
import Table from 'cli-table3';
import type { Evidence, RuleBase } from '../engine/compile.js';
import { compileRuleBase, ruleBaseInfo, sourceOfFact } from '../engine/compile.js';
import { loadRuleBase, originKey, SHIPPED_RULES_DIR } from '../engine/load.js';
import { hasOccupationTest, occupationMeets } from '../engine/occupation-match.js';
import { SITUATIONS } from '../model/profile.js';
import type { Problem } from '../engine/problems.js';
import { formatProblem } from '../engine/problems.js';
import type { CaseResult, LoadedCase } from '../engine/rule-tests.js';
import { findTestFiles, loadTestCases, runCase, traceLines } from '../engine/rule-tests.js';
import type { SchemaKind } from '../engine/json-schema.js';
import { jsonSchemaFor, SCHEMA_KIND_NAMES, schemaFileName } from '../engine/json-schema.js';
import type { CollectionName } from '../engine/schema.js';
import type { Context } from './context.js';
import { EXIT, ExitSignal, UserError } from '../util/errors.js';
import type { Io } from '../util/io.js';
import { outputWidth } from '../util/io.js';
import type { RulesOptions } from './rules.js';
import { isTestFile } from '../engine/files.js';
import { inLang, packLines, shortHash, titleOf } from '../report/common.js';
import { citations } from '../report/citations.js';
import { escapeControls } from '../util/terminal-text.js';
import { closestWords } from '../catalogue/tokens.js';
import type { Lang } from '../i18n/index.js';
import { messages } from '../i18n/index.js';

const SHIPPED_TESTS = path.join(SHIPPED_RULES_DIR, 'tests');

export async function schema(io: Io, kind: string | undefined, outDir: string | undefined, lang: Lang = 'en'): Promise<void> {
  const e = messages(lang).errors;
  if (outDir !== undefined) {
    if (outDir === '') throw new UserError(e.needsFolder('--out-dir'));
    try {
      mkdirSync(outDir, { recursive: true });
    } catch (error) {
      throw new UserError(fileFault('write', outDir, error, lang));
    }
    // Written like batch outputs: all or nothing, never through a link out of the folder or over a device.
    const files: OutputFile[] = [];
    try {
      for (const k of SCHEMA_KIND_NAMES) {
        const target = path.join(outDir, schemaFileName(k));
        // Generated files: a link planted in the folder must not redirect the write elsewhere.
        if (isSymlink(target)) throw new TargetRefused(target, 'planted-link');
        const plan = planTarget(target);
        if (plan.kind !== 'atomic') throw new TargetRefused(plan.display, 'not-regular');
        const file = OutputFile.open(plan);
        files.push(file);
        file.stream.end(jsonSchemaFor(k));
      }
      await commitAll(files);
    } catch (error) {
      abortAll();
      throw outputError(error, lang);
    }
    io.stderr.write(`${e.wroteSchemas(SCHEMA_KIND_NAMES.length, escapeControls(outDir))}\n`);
    return;
  }
  if (kind === undefined) {
    io.stdout.write(`${SCHEMA_KIND_NAMES.map((k) => `${k.padEnd(16)} rules/schema/${schemaFileName(k)}`).join('\n')}\n`);
    return;
  }
  if (!(SCHEMA_KIND_NAMES as string[]).includes(kind)) {
    throw new UserError(e.unknownSchemaKind(kind, SCHEMA_KIND_NAMES.join(e.allowedSeparator)));
  }
  io.stdout.write(jsonSchemaFor(kind as SchemaKind));
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The shipped rules plus packs, fully loaded (with positions, for messages); problems end the command. */
function loadOrExit(io: Io, packs: readonly string[], format: 'text' | 'json', lang: Lang): RuleBase {
  return loadWithNotes(io, packs, format, lang).rb;
}

/** As loadOrExit, with the notes on what was read in the rule-format-1 way (not errors). */
function loadWithNotes(io: Io, packs: readonly string[], format: 'text' | 'json', lang: Lang): { rb: RuleBase; notes: readonly Problem[] } {
  const loaded = loadRuleBase({ packs });
  if (loaded.ok) return { rb: compileRuleBase(loaded.ruleBase), notes: loaded.ruleBase.notes };
  problemReport(io, loaded.problems, format);
  if (format === 'text') io.stderr.write(problemCount(loaded.problems.length, lang));
  throw new ExitSignal(EXIT.usage);
}

const problemCount = (n: number, lang: Lang) => `${messages(lang).errors.problemsFound(n)}\n`;

function problemReport(io: Io, problems: readonly Problem[], format: 'text' | 'json', extra: Record<string, unknown> = {}): void {
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ valid: problems.length === 0, ...extra, problems }, null, 2)}\n`);
    return;
  }
  for (const p of problems) io.stdout.write(`${formatProblem(p)}\n`);
}

/** `rules validate ""` (an unset variable): path.resolve('') would be the working folder, walked whole. */
function refuseEmptyPaths(command: string, paths: readonly string[], lang: Lang): void {
  if (paths.includes('')) throw new UserError(messages(lang).files.needsPath(`rules ${command}`));
}

export async function validate(ctx: Context, paths: readonly string[], options: RulesOptions): Promise<void> {
  const { io, lang } = ctx;
  refuseEmptyPaths('validate', paths, lang);
  // Test files given directly are checked as tests, not layered as packs.
  const { rb, notes } = loadWithNotes(io, [...(options.rules ?? []), ...paths.filter((p) => !isTestFile(p))], options.format, lang);
  // Notes (rule format 1 read the old way) are not problems: on stderr, or in the JSON, and the exit code stays 0.
  if (options.format === 'text') for (const n of notes) io.stderr.write(`note: ${formatProblem(n)}\n`);
  // Test files inside the validated packs are checked too (against the merged rule base).
  const found = findTestFiles(paths.length === 0 ? [SHIPPED_TESTS] : paths);
  const tests = loadTestCases(rb, found.files.filter((f) => isTestFile(f)));
  const problems = [...found.problems, ...(tests.ok ? [] : tests.problems)];
  const summary = {
    ruleBase: ruleBaseInfo(rb),
    ...(notes.length > 0 ? { notes } : {}),
    counts: {
      sources: rb.sources.size,
      taskCategories: rb.taskCategories.size,
      occupations: rb.occupations.length,
      factors: rb.factors.length,
      advice: rb.advice.length,
      whatIfs: rb.whatIfs.length,
      testCases: tests.ok ? tests.cases.length : 0,
    },
  };
  problemReport(io, problems, options.format, summary);
  if (problems.length > 0) {
    if (options.format === 'text') io.stderr.write(problemCount(problems.length, lang));
    throw new ExitSignal(EXIT.usage);
  }
  if (options.format === 'text') {
    const c = summary.counts;
    const layers = rb.layers.map((l) => `${l.name} (${shortHash(l.hash)})`).join(' + ');
    io.stdout.write(
      `valid: ${layers}: ${c.sources} sources, ${c.taskCategories} task categories, ${c.occupations} occupations, ${c.factors} factor rules, ${c.advice} advice rules, ${c.whatIfs} what-ifs, ${c.testCases} test cases\n`,
    );
  }
}

export async function test(ctx: Context, paths: readonly string[], options: RulesOptions): Promise<void> {
  const { io, lang } = ctx;
  refuseEmptyPaths('test', paths, lang);
  const rb = loadOrExit(io, options.rules ?? [], options.format, lang);
  const found = findTestFiles(paths.length === 0 ? [SHIPPED_TESTS] : paths);
  const tests = loadTestCases(rb, found.files);
  const problems = [...found.problems, ...(tests.ok ? [] : tests.problems)];
  if (problems.length > 0 || !tests.ok) {
    problemReport(io, problems, options.format);
    throw new ExitSignal(EXIT.usage);
  }
  if (tests.cases.length === 0) throw new UserError(messages(lang).errors.noTestCases(paths.map((p) => escapeControls(p)).join(', ') || 'rules/tests'));
  const results = tests.cases.map((c) => runCase(rb, c));
  const passed = results.filter((r) => r.status === 'pass').length;
  const failed = results.filter((r) => r.status === 'fail').length;
  const skipped = results.filter((r) => r.status === 'todo').length;
  const closing = `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;

  if (options.format === 'json') {
    const json = {
      passed,
      failed,
      skipped,
      ruleBase: ruleBaseInfo(rb),
      cases: results.map((r) => ({ name: r.name, file: r.file, line: r.line, status: r.status, failures: r.failures, actual: r.actual })),
    };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    io.stdout.write(resultTable(ctx, results));
    const failures = results.filter((r) => r.status === 'fail' || (r.status === 'todo' && r.failures.length > 0));
    for (const r of failures) {
      io.stdout.write(`\n${r.status === 'fail' ? ctx.chalk.red('✗') : ctx.chalk.yellow('todo')} ${r.name}  ${ctx.chalk.dim(`(${r.file}:${r.line})`)}\n`);
      for (const f of r.failures) io.stdout.write(`    ${f}\n`);
      io.stdout.write(`  trace:\n${traceLines(r.assessment).map((l) => `    ${l}`).join('\n')}\n`);
    }
    const packs = packLines(rb);
    if (packs.length > 0) io.stdout.write(`\nrule packs: ${packs.join(', ')}\n`);
    io.stdout.write(`\n${closing}\n`);
  }
  if (failed > 0) throw new ExitSignal(EXIT.internal);
}

function resultTable(ctx: Context, results: readonly CaseResult[]): string {
  const width = outputWidth(ctx.io);
  const whereWidth = Math.min(56, Math.max(...results.map((r) => `${r.file}:${r.line}`.length)) + 2);
  const table = new Table({
    head: ['Result', 'Case', 'Where'],
    colWidths: [8, Math.max(30, width - 8 - whereWidth - 4), whereWidth],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  const mark = { pass: ctx.chalk.green('pass'), fail: ctx.chalk.red('FAIL'), todo: ctx.chalk.yellow('todo') };
  for (const r of results) table.push([mark[r.status], r.name, `${r.file}:${r.line}`]);
  return `${table.toString()}\n`;
}

type Found = { kind: CollectionName; id: string };

/** A field's label in the text form: its key in the report language (axis and situation parts too). */
function fieldLabel(key: string, lang: Lang): string {
  const f = messages(lang).rulesShow.fields;
  const sep = lang === 'zh' ? '' : ' ';
  const axis = /^(automation|augmentation) (.+)$/.exec(key);
  if (axis) return `${f[axis[1] ?? ''] ?? axis[1]}${sep}${f[axis[2] ?? ''] ?? axis[2]}`;
  const step = /^first step \((.+)\)$/.exec(key);
  if (step) return lang === 'zh' ? `${f['first step']}（${step[1]}）` : `${f['first step']} (${step[1]})`;
  return f[key] ?? key;
}

/** The kinds `rules list` takes, as typed, and the collection each lists. */
export const LIST_KINDS = {
  factors: 'factors',
  advice: 'advice',
  'what-ifs': 'whatIfs',
  'task-categories': 'taskCategories',
  occupations: 'occupations',
  sources: 'sources',
} as const satisfies Record<string, CollectionName>;
type ListedKind = (typeof LIST_KINDS)[keyof typeof LIST_KINDS];

/** Every entry of one kind: id and label in the report language, in rule-file order. */
function entriesOf(rb: RuleBase, kind: ListedKind, lang: Lang): { id: string; label: string }[] {
  switch (kind) {
    case 'factors':
      return rb.factors.map((f) => ({ id: f.id, label: f.label[lang] }));
    case 'advice':
      return rb.advice.map((a) => ({ id: a.id, label: a.label[lang] }));
    case 'whatIfs':
      return rb.whatIfs.map((w) => ({ id: w.id, label: w.label[lang] }));
    case 'taskCategories':
      return [...rb.taskCategories.values()].map((t) => ({ id: `task:${t.id}`, label: t.label[lang] }));
    case 'occupations':
      return rb.occupations.map((o) => ({ id: o.id, label: o.title[lang] }));
    case 'sources':
      return [...rb.sources.values()].map((src) => ({ id: src.id, label: titleOf(src, lang) }));
  }
}

/** `rules list [kind]`: the ids `rules show` takes, by kind, with their labels and where each is defined. */
export function list(ctx: Context, kind: string | undefined, options: RulesOptions): void {
  const { io, lang } = ctx;
  const m = messages(lang).rulesList;
  const names = Object.keys(LIST_KINDS);
  if (kind !== undefined && !(kind in LIST_KINDS)) {
    throw new UserError(m.unknownKind(kind, names.join(', ')), EXIT.usage, [messages(lang).errors.seeHelp('rules list')]);
  }
  const rb = loadOrExit(io, options.rules ?? [], 'text', lang);
  const kinds = kind === undefined ? Object.values(LIST_KINDS) : [LIST_KINDS[kind as keyof typeof LIST_KINDS]];
  const rows = kinds.flatMap((k) =>
    entriesOf(rb, k, lang).map((e) => {
      const origin = rb.origins.get(originKey(k, e.id.replace(/^task:/, '')));
      return { kind: k, id: e.id, label: e.label, defined: origin ? `${origin.file}:${origin.line}` : '' };
    }),
  );
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const out: string[] = [];
  for (const k of kinds) {
    const mine = rows.filter((r) => r.kind === k);
    if (out.length > 0) out.push('');
    out.push(ctx.chalk.bold(lang === 'zh' ? `${m.kindNames[k]}（${mine.length}）` : `${m.kindNames[k]} (${mine.length})`));
    const width = Math.max(...mine.map((r) => r.id.length));
    for (const r of mine) out.push(`  ${r.id.padEnd(width)}  ${escapeControls(r.label)}`);
  }
  io.stdout.write(`${out.map(escapeControls).join('\n')}\n`);
  ctx.notice(m.count(rows.length));
}

/** Every id `rules show` knows: what `rules list` lists, task categories by their bare id. */
function allIds(rb: RuleBase): string[] {
  return Object.values(LIST_KINDS).flatMap((kind) => entriesOf(rb, kind, 'en').map((e) => e.id.replace(/^task:/, '')));
}

function findEntry(rb: RuleBase, raw: string): Found | undefined {
  const id = raw.replace(/^task:/, '').replace(/^advice:/, '');
  if (raw.startsWith('task:') && rb.taskCategories.has(id)) return { kind: 'taskCategories', id };
  if (rb.factors.some((f) => f.id === id)) return { kind: 'factors', id };
  if (rb.advice.some((a) => a.id === id)) return { kind: 'advice', id };
  if (rb.whatIfs.some((w) => w.id === id)) return { kind: 'whatIfs', id };
  if (rb.taskCategories.has(id)) return { kind: 'taskCategories', id };
  if (rb.occupationById.has(id)) return { kind: 'occupations', id };
  if (rb.sources.has(id)) return { kind: 'sources', id };
  return undefined;
}

/** Test cases whose run touches the entry: a rule fired, advice shown, occupation or task used, source cited. */
function coveringCases(rb: RuleBase, found: Found, cases: readonly LoadedCase[]): LoadedCase[] {
  return cases.filter((c) => {
    const r = runCase(rb, c);
    const a = r.assessment;
    switch (found.kind) {
      case 'factors':
        return r.actual.fires.includes(found.id);
      case 'advice':
        return r.actual.advice.includes(found.id);
      case 'occupations':
        return c.case.profile.occupation === found.id;
      case 'taskCategories':
        return a.tasks.some((t) => t.category === found.id);
      case 'sources':
        return a.sources.includes(found.id);
      case 'whatIfs':
        return a.whatIfs.some((w) => w.id === found.id);
    }
  });
}

export function show(ctx: Context, raw: string, options: RulesOptions): void {
  const { io, lang } = ctx;
  const rb = loadOrExit(io, options.rules ?? [], 'text', lang);
  const found = findEntry(rb, raw);
  const e = messages(lang).errors;
  const ms = messages(lang).rulesShow;
  if (!found) {
    const close = closestWords(raw.replace(/^(task|advice):/, ''), allIds(rb));
    throw new UserError(e.unknownRuleId(raw), EXIT.usage, close.length > 0 ? [ms.didYouMean(close.slice(0, 5).join(', ')), ms.listIds] : [ms.listIds]);
  }
  const origin = rb.origins.get(originKey(found.kind, found.id));
  const tests = loadTestCases(rb, findTestFiles([SHIPPED_TESTS]).files);
  const covering = tests.ok ? coveringCases(rb, found, tests.cases) : [];
  const fields: [string, string][] = [];
  const entrySources = (ids: readonly string[] | undefined) =>
    (ids ?? []).map((s) => {
      const src = rb.sources.get(s);
      return src ? `${s}${messages(lang).report.colon}${titleOf(src, lang)} — ${inLang(src.outlet, lang)}${lang === 'zh' ? '，' : ', '}${src.date}` : s;
    });
  /** The facts a rule cites (with the paraphrase) and the assumption it states. */
  const evidence = (e: Evidence, prefix = '') => {
    if (e.facts.length > 0) fields.push([`${prefix}facts`, e.facts.map((id) => `${id}${messages(lang).report.colon}${rb.facts.get(id)?.text[lang] ?? ''}`).join(' | ')]);
    if (e.assumption) fields.push([`${prefix}assumption`, e.assumption[lang]]);
  };
  let sources: string[] = [];
  let kindLabel = '';
  switch (found.kind) {
    case 'factors': {
      const f = rb.factors.find((x) => x.id === found.id);
      if (!f) break;
      kindLabel = ms.kinds.factors(f.group);
      fields.push(['label', f.label[lang]], ['when', f.condition], ['odds', `×${f.odds}${f.scaleWith ? `${lang === 'zh' ? '' : ' '}${ms.scaledBy(f.scaleWith)}` : ''}`]);
      if (f.uncertainty !== undefined) fields.push(['uncertainty', `±${f.uncertainty}`]);
      evidence(f);
      sources = entrySources(f.sources);
      break;
    }
    case 'advice': {
      const a = rb.advice.find((x) => x.id === found.id);
      if (!a) break;
      kindLabel = ms.kinds.advice;
      fields.push(['label', a.label[lang]]);
      if (a.learn) fields.push(['learn', a.learn[lang]]);
      fields.push(['why', a.why[lang]]);
      if ('en' in a.firstStep) fields.push(['first step', a.firstStep[lang]]);
      else for (const s of SITUATIONS) { const step = a.firstStep[s]; if (step) fields.push([`first step (${s})`, step[lang]]); }
      fields.push(['scope', a.scope === 'work' ? ms.scopeWork : ms.scopeAnyone], ['when', a.condition], ['simulate', a.simulate ? JSON.stringify(a.simulate) : ms.simulateNone]);
      evidence(a);
      sources = entrySources(a.sources);
      break;
    }
    case 'whatIfs': {
      const w = rb.whatIfs.find((x) => x.id === found.id);
      if (!w) break;
      kindLabel = ms.kinds.whatIfs;
      fields.push(['label', w.label[lang]], ['when', w.condition], ['simulate', JSON.stringify(w.simulate)]);
      evidence(w);
      sources = entrySources(w.sources);
      break;
    }
    case 'taskCategories': {
      const t = rb.taskCategories.get(found.id);
      if (!t) break;
      kindLabel = ms.kinds.taskCategories;
      fields.push(['label', t.label[lang]], ['ai', t.ai.join(', ')]);
      for (const axis of ['automation', 'augmentation'] as const) {
        const p = t[axis];
        fields.push([axis, `${p.potential} ±${p.uncertainty}`], [`${axis} rationale`, p.rationale[lang]]);
        evidence(p, `${axis} `);
      }
      sources = entrySources(t.sources);
      break;
    }
    case 'occupations': {
      const o = rb.occupationById.get(found.id);
      if (!o) break;
      kindLabel = ms.kinds.occupations;
      fields.push(
        ['title', `${o.title[lang]} · ${o.title[lang === 'en' ? 'zh' : 'en']}`],
        ['aliases', [...o.aliases[lang], ...o.aliases[lang === 'en' ? 'zh' : 'en']].join(', ')],
        ['description', o.description[lang]],
        ['codes', `ISCO-08 ${o.codes.isco08} · SOC ${o.codes.soc2018}`],
        ['tasks', Object.entries(o.tasks).map(([k, v]) => `${k} ${v}%`).join(', ')],
        ['role rules reaching it', rb.factors.filter((f) => hasOccupationTest(f.when) && occupationMeets(f.when, o)).map((f) => f.id).join(', ') || ms.none],
      );
      sources = entrySources((o.facts ?? []).map(sourceOfFact));
      break;
    }
    case 'sources': {
      const s = rb.sources.get(found.id);
      if (!s) break;
      kindLabel = ms.kinds.sources;
      fields.push(['title', titleOf(s, lang)], ['outlet', inLang(s.outlet, lang)], ['author', inLang(s.author, lang)], ['date', s.date], ['language', s.language], ['cited by', (citations(rb).get(s.id) ?? []).join(', ')]);
      if (s.note) fields.push(['note', s.note[lang]]);
      break;
    }
  }
  const where = origin ? `${origin.file}:${origin.line}` : '';
  if (options.format === 'json') {
    const json = {
      kind: found.kind,
      id: found.id,
      defined: where,
      fields: Object.fromEntries(fields),
      sources,
      coveredBy: covering.map((c) => ({ name: c.case.name, file: c.file, line: c.line })),
    };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  const colon = messages(lang).report.colon;
  const out = [`${ctx.chalk.bold(found.id)}  ${ctx.chalk.dim(`${kindLabel}${lang === 'zh' ? '，' : ', '}${where}`)}`];
  for (const [k, v] of fields) out.push(`  ${fieldLabel(k, lang)}${colon}${v}`);
  if (sources.length > 0) out.push(`  ${ms.sources}${colon.trimEnd()}`, ...sources.map((s) => `    ${s}`));
  out.push(`  ${ms.coveredBy(covering.length)}`);
  for (const c of covering) out.push(`    ${c.case.name}  ${ctx.chalk.dim(`(${c.file}:${c.line})`)}`);
  io.stdout.write(`${out.join('\n')}\n`);
}
