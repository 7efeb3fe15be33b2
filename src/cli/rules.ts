/** `career-risk rules validate|test|schema|list|show`: the rule author's toolchain. */
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import type { GlobalOptions } from './context.js';
import { makeContext } from './context.js';
import type { Io } from '../util/io.js';

export interface RulesOptions extends GlobalOptions {
  readonly format: 'text' | 'json';
}

/** Kept in step with SCHEMA_KINDS (a test checks); listed here so help does not load zod. */
export const SCHEMA_KINDS_HELP = 'rule-file, ruleset, sources, facts, task-categories, occupations, factors, advice, what-ifs, tests';

const run = () => import('./rules-run.js');

/** Kept in step with LIST_KINDS (a test checks); listed here so help does not load the rules tools. */
export const LIST_KINDS_HELP = 'factors, advice, what-ifs, task-categories, occupations, sources';

/** Where the example pack of the help texts is: shipped in the package, so in a checkout and in every install. */
const EXAMPLE_PACK_NOTE = `\nexamples/rule-pack is relative to a checkout of career-risk; every install ships the pack, here at\n  ${fileURLToPath(new URL('../../examples/rule-pack', import.meta.url))}`;

export function rulesCommand(io: Io, collectPacks: (value: string, previous: string[]) => string[]): Command {
  const rules = new Command('rules').description('validate, test and inspect rule files (the rule author’s toolchain)');
  const format = () => new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text');
  const packs = (c: Command) => c.option('--rules <path>', 'rule pack (file or folder) to layer over the shipped rules first; repeatable', collectPacks, []);

  packs(
    rules
      .command('validate')
      .description('check the shipped rule base, or rule packs layered over it, and print every problem')
      .argument('[paths...]', 'rule packs (files or folders) to validate over the shipped rules; test files in them are checked too')
      .addOption(format()),
  )
    .addHelpText(
      'after',
      `
Every problem is printed as  file:line:col  key.path  message.
Exit codes: 0 valid, 2 problems found.

Examples:
  $ career-risk rules validate
  $ career-risk rules validate examples/rule-pack
  $ career-risk rules validate my-pack.yaml --format json
${EXAMPLE_PACK_NOTE}`,
    )
    .action(async (paths: string[], _o: unknown, command: Command) => {
      const options = command.optsWithGlobals<RulesOptions>();
      const ctx = makeContext(options, io);
      await (await run()).validate(ctx, paths, options);
    });

  packs(
    rules
      .command('test')
      .description('run rule test cases (*.test.yaml) against the rule base')
      .argument('[paths...]', 'test files or folders (default: the shipped rules/tests/)')
      .addOption(format()),
  )
    .addHelpText(
      'after',
      `
A case gives a profile and expectations: band, score {min, max}, fires / notFires (factor rule
ids), advice (ids that must appear; adviceInOrder: true to require their order). todo: true marks
a known gap: reported, never failing. The last line is "N passed, N failed" (", N skipped").
Exit codes: 0 all passed, 1 a case failed, 2 invalid rules or test files.

Examples:
  $ career-risk rules test
  $ career-risk rules test rules/tests/roles.test.yaml
  $ career-risk rules test --rules examples/rule-pack examples/rule-pack/tests
  $ career-risk rules test --format json > results.json
${EXAMPLE_PACK_NOTE}`,
    )
    .action(async (paths: string[], _o: unknown, command: Command) => {
      const options = command.optsWithGlobals<RulesOptions>();
      const ctx = makeContext(options, io);
      await (await run()).test(ctx, paths, options);
    });

  rules
    .command('schema')
    .description('print the JSON Schema of a rule file kind, generated from the loader’s own schema')
    .argument('[kind]', `one of: ${SCHEMA_KINDS_HELP}`)
    .option('--out-dir <dir>', 'write every kind to DIR/<kind>.schema.json instead')
    .addHelpText(
      'after',
      `
Examples:
  $ career-risk rules schema                      # list the kinds
  $ career-risk rules schema occupations > occupations.schema.json
  $ career-risk rules schema --out-dir rules/schema

In a rule file, the first line  # yaml-language-server: $schema=<path to schema>  lets editors
complete and check it.`,
    )
    .action(async (kind: string | undefined, opts: { outDir?: string }, command: Command) => {
      // No rule base is loaded here, only the language: a bad --lang is reported as elsewhere.
      const { lang } = makeContext(command.optsWithGlobals<RulesOptions>(), io);
      await (await run()).schema(io, kind, opts.outDir, lang);
    });

  packs(
    rules
      .command('list')
      .description('list the ids rules show takes, by kind, with their labels and where each is defined')
      .argument('[kind]', `one kind only: ${LIST_KINDS_HELP}`)
      .addOption(format()),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ career-risk rules list
  $ career-risk rules list factors
  $ career-risk rules list advice --lang zh
  $ career-risk rules list occupations --rules examples/rule-pack --format json`,
    )
    .action(async (kind: string | undefined, _o: unknown, command: Command) => {
      const options = command.optsWithGlobals<RulesOptions>();
      const ctx = makeContext(options, io);
      (await run()).list(ctx, kind, options);
    });

  packs(
    rules
      .command('show')
      .description('show one rule, task category, occupation or source: texts, sources and covering test cases')
      .argument('<id>', 'the id (task categories also as task:<id>)')
      .addOption(format()),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ career-risk rules show seniority-entry
  $ career-risk rules show translator --lang zh
  $ career-risk rules show task:writing
  $ career-risk rules show ittimes-2025 --format json`,
    )
    .action(async (id: string, _o: unknown, command: Command) => {
      const options = command.optsWithGlobals<RulesOptions>();
      const ctx = makeContext(options, io);
      (await run()).show(ctx, id, options);
    });

  return rules;
}

