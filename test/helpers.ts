/** Shared test helpers: the shipped rule base, profiles, and running the built CLI. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RuleBase } from '../src/engine/compile.js';
import { compileRuleBase } from '../src/engine/compile.js';
import type { LoadOptions } from '../src/engine/load.js';
import { loadRuleBase } from '../src/engine/load.js';
import { formatProblem } from '../src/engine/problems.js';
import type { Profile } from '../src/model/profile.js';

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

export const NEUTRAL = { seniority: 'mid', repetitiveness: 3, aiUsage: 'occasional' } as const;

export function neutral(occupation: string): Profile {
  return { occupation, ...NEUTRAL };
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
