/** Shared test helpers: the shipped rule base, profiles, and running the built CLI. */
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledFactor, RuleBase } from '../src/engine/compile.js';
import { compileRuleBase } from '../src/engine/compile.js';
import type { LoadOptions } from '../src/engine/load.js';
import { loadRuleBase } from '../src/engine/load.js';
import { formatProblem } from '../src/engine/problems.js';
import type { RowAssessor } from '../src/batch/rows.js';
import { runBatch } from '../src/batch/run.js';
import type { Io } from '../src/util/io.js';
import type { Profile } from '../src/model/profile.js';
import { isRepetitiveness } from '../src/model/profile.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = fileURLToPath(new URL('../bin/career-risk.js', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

let shipped: RuleBase | undefined;

export function shippedRuleBase(): RuleBase {
  shipped ??= loadOrThrow();
  return shipped;
}

export function loadOrThrow(options: LoadOptions = {}): RuleBase {
  const result = loadRuleBase(options);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return compileRuleBase(result.ruleBase);
}

/** What the model-2 formula gives for a profile, computed here from the rule base without evaluate(). */
export interface ModelFigures {
  /** A = Σ share × automation potential / 100 (unrounded). */
  readonly automation: number;
  /** G = Σ share × augmentation potential / 100 (unrounded). */
  readonly augmentation: number;
  readonly fired: readonly CompiledFactor[];
  /** Each fired factor's effective odds: `odds`, or 1 + (odds − 1) × G / 100 with `scaleWith: augmentation`. */
  readonly odds: readonly number[];
  /** The product of the effective odds. */
  readonly m: number;
  /** 100·mA / (mA + 100 − A), unrounded; 0 and 100 where A is. */
  readonly raw: number;
  readonly score: number;
}

/** The odds transform, written out: the share A (0–100) with its odds multiplied by m. */
export function oddsTransform(automation: number, m: number): number {
  if (automation <= 0) return 0;
  if (automation >= 100) return 100;
  return (100 * m * automation) / (m * automation + 100 - automation);
}

export function modelScore(rb: RuleBase, profile: Profile): ModelFigures {
  const occupation = rb.occupationById.get(profile.occupation);
  if (!occupation) throw new Error(`no occupation ${profile.occupation}`);
  const tasks = profile.tasks ?? occupation.tasks;
  let automation = 0;
  let augmentation = 0;
  for (const [id, share] of Object.entries(tasks)) {
    const category = rb.taskCategories.get(id);
    if (!category) throw new Error(`no task category ${id}`);
    automation += share * category.automation.potential;
    augmentation += share * category.augmentation.potential;
  }
  automation /= 100;
  augmentation /= 100;
  const fired = rb.factors.filter((f) => f.test({ profile, occupation, tasks }));
  const odds = fired.map((f) => (f.scaleWith === 'augmentation' ? 1 + (f.odds - 1) * (augmentation / 100) : f.odds));
  const m = odds.reduce((product, x) => product * x, 1);
  const raw = oddsTransform(automation, m);
  return { automation, augmentation, fired, odds, m, raw, score: Math.round(raw) };
}

export const NEUTRAL = { seniority: 'mid', repetitiveness: 3, aiUsage: 'occasional' } as const;

export function neutral(occupation: string): Profile {
  return { occupation, ...NEUTRAL };
}

/** The rule base's own reference profile (the answers whose person factors have odds 1) for an occupation. */
export function reference(rb: RuleBase, occupation: string): Profile {
  const { seniority, repetitiveness, aiUsage } = rb.ruleset.reference;
  if (!isRepetitiveness(repetitiveness)) throw new Error(`reference repetitiveness ${repetitiveness} is not 1–5`);
  return { occupation, seniority, repetitiveness, aiUsage };
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI as a user's shell would: no TTY, pipes on every stream. */
export function runCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', ...options.env };
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Roles the source documents name; each must be in the catalogue. */
export const NAMED_BY_SOURCES = [
  'concept-artist',
  'illustrator',
  'graphic-designer',
  'translator',
  'interpreter',
  'editor',
  'customer-service-representative',
  'call-centre-agent',
  'operations-specialist',
  'sales-representative',
  'business-development-specialist',
  'accountant',
  'machine-learning-engineer',
  'ai-data-annotator',
  'elderly-care-worker',
  'research-assistant',
  'investment-banking-analyst',
  'software-developer',
  'data-scientist',
  'prompt-engineer',
  'product-manager',
  'physician',
];

/**
 * The rows of a committed derived data file (data/derived/*.tsv): tab-separated, after a comment
 * line naming the source and its attribution and a header line of column names.
 */
export function readDerived(file: string): Record<string, string>[] {
  const lines = readFileSync(path.join(ROOT, 'data', 'derived', file), 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  const [header, ...rows] = lines;
  const columns = (header ?? '').split('\t');
  return rows.map((line) => {
    const cells = line.split('\t');
    if (cells.length !== columns.length) throw new Error(`data/derived/${file}: ${cells.length} fields, not ${columns.length}: ${line}`);
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** Runs batch in the process on CSV text (label clients.csv): the summary, the CSV written, the rejected rows and the warnings. */
export async function runBatchCsv(assessor: RowAssessor, text: string) {
  const input = new PassThrough();
  const out = new PassThrough();
  const errors = new PassThrough();
  let output = '';
  let rejected = '';
  out.on('data', (d: Buffer) => (output += d.toString()));
  errors.on('data', (d: Buffer) => (rejected += d.toString()));
  const warnings: string[] = [];
  input.end(text);
  const summary = await runBatch(assessor, 'en', {
    label: 'clients.csv',
    input,
    inputFormat: 'csv',
    outputFormat: 'csv',
    out,
    ownsOut: false,
    errors,
    strict: false,
    warn: (line) => warnings.push(line),
  });
  return { summary, output, rejected, warnings };
}

/** A terminal for in-process runs of main(): stdin and stderr are TTYs (prompts go to stderr), stdout is captured. */
export function terminalIo(env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' }) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = Object.assign(new PassThrough(), { isTTY: false });
  const stderr = Object.assign(new PassThrough(), { isTTY: true });
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const io: Io = { stdin, stdout, stderr, env: { NO_COLOR: '1', ...env } };
  return { io, stdout: () => out, stderr: () => err };
}
