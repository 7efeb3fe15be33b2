/**
 * The Chinese help: every command, sub-command, option and argument of the built program has
 * a zh entry (so a new option without one fails here), and `--help` in zh shows no line of
 * English prose. Also commander's own errors in zh, and the English ones unchanged.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SEARCH_DATA_ATTRIBUTION } from '../src/catalogue/aliases.js';
import { HELP_ZH } from '../src/cli/help-zh.js';
import type { Io } from '../src/util/io.js';
import { allCommands, commanderErrorLines, commandPath, missingZhHelp, optionKey, wrapWide } from '../src/cli/localise-help.js';
import { buildProgram, main } from '../src/cli/main.js';
import { displayWidth } from '../src/report/width.js';

function captureIo(env: NodeJS.ProcessEnv = { LANG: 'C' }) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const io: Io = { stdin: new PassThrough(), stdout, stderr, env: { NO_COLOR: '1', ...env } };
  return { io, out: () => out, err: () => err };
}

async function run(args: readonly string[], env?: NodeJS.ProcessEnv) {
  const t = captureIo(env);
  const status = await main(['node', 'career-risk', ...args], t.io);
  return { status, stdout: t.out(), stderr: t.err() };
}

const program = buildProgram(captureIo().io, 'zh');
const paths = allCommands(program).map(commandPath);

const HAN = /\p{Script=Han}/u;
/** Two English words in a row, once flags, <args>, [args], `code` and ids with digits or dots are taken out. */
function englishProse(line: string): boolean {
  if (HAN.test(line)) return false;
  const text = line
    .replace(/`[^`]*`/g, ' ')
    .replace(/<[^>]*>|\[[^\]]*\]/g, ' ')
    .replace(/(^|\s)--?[\w-]+/g, ' ')
    .replace(/\S*[\d./:_]\S*/g, ' ');
  return /\b[A-Za-z]{2,}[ ,;]+[A-Za-z]{2,}\b/.test(text);
}

describe('the zh help table', () => {
  it('covers the whole program', () => {
    expect(paths).toEqual(expect.arrayContaining(['', 'assess', 'batch', 'pivots', 'roles', 'sources', 'rules', 'rules validate', 'rules test', 'rules schema', 'rules show']));
    expect(missingZhHelp(program)).toEqual([]);
  });

  it('has no entry for a command or option that does not exist (other than the pending ones)', () => {
    const stale: string[] = [];
    for (const [path, entry] of Object.entries(HELP_ZH)) {
      const cmd = allCommands(program).find((c) => commandPath(c) === path);
      if (!cmd) {
        stale.push(path);
        continue;
      }
      const options = new Set(cmd.options.map(optionKey));
      for (const key of Object.keys(entry.options)) if (!options.has(key)) stale.push(`${path} ${key}`);
      const args = new Set(cmd.registeredArguments.map((a) => a.name()));
      for (const key of Object.keys(entry.arguments ?? {})) if (!args.has(key)) stale.push(`${path} <${key}>`);
    }
    expect(stale).toEqual([]);
  });

  it('flags a forgotten option', () => {
    const extra = buildProgram(captureIo().io, 'zh');
    extra.commands.find((c) => c.name() === 'roles')?.option('--new-thing', 'something new');
    expect(missingZhHelp(extra)).toEqual(['roles --new-thing']);
  });
});

describe('--help in zh', () => {
  const attribution = new Set(SEARCH_DATA_ATTRIBUTION.map((l) => `  ${l}`));

  it.each(paths.map((p) => [p === '' ? '(program)' : p, p]))('%s --help', async (_name, path) => {
    const args = [...(path === '' ? [] : path.split(' ')), '--help', '--lang', 'zh'];
    const r = await run(args);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^用法： career-risk/);
    expect(r.stdout).toContain('选项：');
    expect(r.stdout).toContain('-h, --help');
    expect(r.stdout).toContain('显示帮助');
    expect(r.stdout).not.toMatch(/Usage:|Options:|Commands:|Arguments:|Examples:|Exit codes:|display help|choices:|default:/);
    const english = r.stdout.split('\n').filter((line) => !line.trimStart().startsWith('$ ') && !attribution.has(line) && englishProse(line));
    expect(english).toEqual([]);
  });

  it('takes the language from the environment, before parsing, and `help <command>` too', async () => {
    const env = await run(['--help'], { LANG: 'zh_CN.UTF-8' });
    expect(env.stdout).toContain('命令：');
    expect(env.stdout).toContain('help [命令]');
    const helpCmd = await run(['help', 'batch'], { LANGUAGE: 'zh:en', LANG: 'en_US.UTF-8' });
    expect(helpCmd.stdout).toMatch(/^用法： career-risk batch \[选项\] \[file\]/);
    expect(helpCmd.stdout).toContain('退出码：');
    const rules = await run(['rules', 'help', 'show', '-lzh']);
    expect(rules.stdout).toMatch(/^用法： career-risk rules show \[选项\] <id>/);
  });

  it('shows choices and defaults in Chinese, and no empty default of a repeatable option', async () => {
    const r = await run(['assess', '--help', '--lang', 'zh']);
    expect(r.stdout).toContain('输出格式（可选值：text、json、md；默认：text）');
    expect(r.stdout).not.toContain('默认：[]');
  });

  it('stays English without zh', async () => {
    const r = await run(['assess', '--help'], { LANGUAGE: 'zh', LANG: 'C' });
    expect(r.stdout).toMatch(/^Usage: career-risk assess \[options\]/);
    expect(r.stdout).toContain('output format (choices: "text", "json", "md",');
    expect(r.stdout).toContain('-h, --help                  show help');
  });

  it('wraps Chinese between characters, within the width', () => {
    const text = '评估 CSV 或 JSONL 文件中的每位客户；被拒绝的行会报告出来，但不会中止运行，这一句要足够长才能换行。';
    const lines = wrapWide(text, 30).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(30);
    expect(lines.join('')).toBe(text.replace(/ (?=\S)/g, (s, i: number) => (lines.some((l) => l.startsWith(text.slice(i + 1, i + 3))) ? '' : s)));
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[，。、；：）]/);
  });
});

describe("commander's errors", () => {
  it.each([
    [['assess', '--bogus', '--lang', 'zh'], 'career-risk: 未知选项 --bogus\n'],
    [['assess', '--formt', 'json', '--lang', 'zh'], 'career-risk: 未知选项 --formt\n  你是不是要用：--format？\n'],
    [['assess', '-f', 'xml', '--lang', 'zh'], 'career-risk: 选项 -f, --format <format> 的值“xml”无效；可用值：text、json、md\n'],
    [['assess', '--lang', 'zh', '-r'], 'career-risk: 选项 -r, --role <text> 缺少值\n'],
    [['rules', 'show', '--lang', 'zh'], 'career-risk: 缺少必需的参数 id\n'],
    [['sources', 'a', 'b', '--lang', 'zh'], 'career-risk: 参数太多：sources 最多接受 1 个参数，收到 2 个\n'],
    [['pivots', '-r', 'editor', '-n', 'x', '--lang', 'zh'], 'career-risk: 选项 -n, --limit <n> 的值“x”无效：请用 1 到 100 之间的整数\n'],
    [['rules', 'nope', '--lang', 'zh'], 'career-risk: 未知命令 nope\n'],
  ])('%j', async (args, stderr) => {
    const r = await run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(stderr);
  });

  it('in English, in commander’s words, the suggestion on a line of its own', async () => {
    expect((await run(['assess', '--bogus'])).stderr).toBe("career-risk: unknown option '--bogus'\n");
    expect((await run(['assess', '--formt', 'json'])).stderr).toBe("career-risk: unknown option '--formt'\n  did you mean --format?\n");
    expect((await run(['assess', '-f', 'xml'])).stderr).toBe("career-risk: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json, md.\n");
    expect((await run(['sources', 'a', 'b'])).stderr).toBe("career-risk: too many arguments for 'sources'. Expected 1 argument but got 2.\n");
  });

  it('passes an unknown form through, and never lets a typed value steer the terminal', () => {
    expect(commanderErrorLines('error: something new\n', 'zh')).toEqual(['something new']);
    expect(commanderErrorLines("error: unknown option '--a\u001b[31m'\n", 'zh')).toEqual(['未知选项 --a\\u001b[31m']);
  });
});
