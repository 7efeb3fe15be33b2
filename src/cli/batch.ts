/**
 * `career-risk batch`: a counselor's caseload in, one assessed row per client out,
 * streaming both ways. A bad row is reported and set aside, never fatal.
 */
import { Command, Option } from 'commander';
import { messages } from '../i18n/index.js';
import type { InputFormat } from '../batch/input.js';
import { FUZZY_NOTICES, INPUT_FORMATS, OUTPUT_FORMATS } from '../batch/input.js';
import type { OutputFormat } from '../batch/input.js';
import type { GlobalOptions } from './context.js';
import { makeContext } from './context.js';
import { EXIT, ExitSignal, UserError } from '../util/errors.js';
import type { Io } from '../util/io.js';
import { escapeControls } from '../util/terminal-text.js';

export interface BatchOptions extends GlobalOptions {
  readonly inputFormat?: InputFormat;
  readonly format?: OutputFormat;
  readonly output?: string;
  readonly errors?: string;
  readonly summary?: boolean;
  readonly summaryFormat: 'text' | 'md' | 'json';
  readonly summaryFile?: string;
  readonly strict?: boolean;
  readonly strictRoles?: boolean;
  readonly template?: boolean;
  readonly bom?: boolean;
  readonly compact?: boolean;
  readonly encoding?: string;
}

export const TEMPLATE = [
  'id,role,seniority,repetitiveness,ai_usage,notes',
  'client-001,translator,entry,4,occasional,"new graduate, wants to stay in languages"',
  'client-002,accountant,senior,5,none,',
  'client-003,客服专员,初级,5,偶尔,电商平台售后',
  '',
].join('\n');

export function batchCommand(io: Io, collectPacks: (value: string, previous: string[]) => string[]): Command {
  return new Command('batch')
    .description('assess every client in a CSV or JSONL file; rejected rows are reported, never fatal')
    .argument('[file]', 'client file (.csv or .jsonl), or - for standard input')
    .addOption(new Option('--input-format <format>', 'input format (default: from the file extension; csv for -)').choices(INPUT_FORMATS))
    .addOption(new Option('-f, --format <format>', 'output format (default: csv for csv input, jsonl for jsonl input)').choices(OUTPUT_FORMATS))
    .option('-o, --output <file>', 'write results to FILE (atomically) instead of standard output')
    .option('-e, --errors <file>', 'write rejected rows, unchanged, plus a reason column, to FILE (atomically)')
    .option('--summary', 'print a caseload summary to stderr after the run')
    .addOption(new Option('--summary-format <format>', 'summary format; md and json need --summary-file').choices(['text', 'md', 'json']).default('text'))
    .option('--summary-file <file>', 'write the summary to FILE (atomically)')
    .option('--strict', 'stop at the first rejected row with exit code 2 and write no output file')
    .option('--strict-roles', 'reject a row whose role matches only by alias or fuzzy search, as an unknown role (use ids or catalogue titles)')
    .option('--template', 'print a ready-to-fill CSV (header and three example rows) and exit')
    .option('--bom', 'start CSV output with a UTF-8 byte-order mark, so Excel on Windows reads Chinese correctly')
    .option('--compact', 'JSONL/JSON output: each row with the CSV result columns by name instead of the whole assessment (under 1 KB a row instead of about 15 KB)')
    .option('--encoding <name>', "encoding of the input file: utf8 (default), gbk or gb18030 (Chinese Excel's CSV)")
    .option('--rules <path>', 'add a rule pack (file or folder) over the shipped rules; repeatable', collectPacks, [])
    .addHelpText(
      'after',
      `
Input columns: id (optional, passed through), role, seniority, repetitiveness, ai_usage;
they take every value form that assess takes, Chinese included, and Chinese header names
too (编号, 职业, 资历, 重复度, AI使用 …). Other columns pass through.
The result columns start with occupation_id and match: exact, alias or fuzzy, how the role
was found (a match key in jsonl/json). Rows matched by fuzzy search are named on stderr (the
first ${FUZZY_NOTICES}, then a count); --strict-roles rejects them, and alias matches, instead.

Examples:
  $ career-risk batch --template > clients.csv
  $ career-risk batch clients.csv --output results.csv --errors rejected.csv --summary
  $ career-risk batch clients.jsonl --format json > results.json
  $ cat clients.csv | career-risk batch - --format jsonl
  $ career-risk batch clients-gbk.csv --encoding gbk --bom --output results.csv
  $ career-risk batch clients.csv --summary --summary-format md --summary-file summary.md > results.csv

Exit codes: 0 all rows assessed, 3 some rows rejected (with --strict-roles, also a role that
is not an exact match), 2 usage error, unreadable or unwritable file (or the first rejected
row with --strict), 130 interrupted (Ctrl+C), 129/131/143 ended by SIGHUP/SIGQUIT/SIGTERM.
Outputs are written whole or not at all.`,
    )
    .action(async (file: string | undefined, _opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<BatchOptions>();
      const ctx = makeContext(options, io);
      if (options.template) {
        const m = messages(ctx.lang).batch;
        // --bom goes with --template: the template opened in Excel on Windows needs it too.
        const others = (['output', 'errors', 'summaryFile', 'summary', 'strict', 'strictRoles', 'inputFormat', 'format', 'encoding'] as const)
          .filter((k) => options[k] !== undefined && options[k] !== false)
          .map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
        if (others.length > 0) throw new UserError(m.templateNoOptions(escapeControls(others.join(' '))));
        // `batch --template clients.csv` would write nothing to clients.csv: say so, with the redirect to use.
        if (file !== undefined) throw new UserError(m.templateNoFile(escapeControls(file)));
        io.stdout.write(options.bom ? `\uFEFF${TEMPLATE}` : TEMPLATE);
        return;
      }
      const code = await (await import('./batch-run.js')).batch(ctx, file, options);
      if (code !== EXIT.ok) throw new ExitSignal(code);
    });
}
