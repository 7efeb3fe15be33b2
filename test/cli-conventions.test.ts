/**
 * Command-line conventions a user of any serious CLI expects: a mistyped command is named as
 * such with the closest commands, help reaches the command it is asked for (in either order),
 * every command's help lists the global options, a command group without its sub-command is a
 * usage error, and a search that leads nowhere says so on stderr with a nonzero exit.
 */
import { screen } from '@inquirer/testing/vitest';
import type { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { helpFirst, buildProgram, main } from '../src/cli/main.js';
import { closestWords } from '../src/catalogue/tokens.js';
import { LIST_KINDS } from '../src/cli/rules-run.js';
import { LIST_KINDS_HELP } from '../src/cli/rules.js';
import { runCli, terminalIo } from './helpers.js';

describe('a mistyped top-level command', () => {
  it.each([
    ['asses', 'assess'],
    ['role', 'roles'],
    ['rols', 'roles'],
    ['source', 'sources'],
    ['version', '--version'],
    ['hlep', 'help'],
  ])('%s: unknown command, did you mean %s', (typed, meant) => {
    const r = runCli([typed]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`career-risk: unknown command '${typed}'\n  did you mean ${meant}?\n`);
  });

  it('a word like no command points to the command list', () => {
    const r = runCli(['xyzzy']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("career-risk: unknown command 'xyzzy'\n  run 'career-risk --help' to list the commands\n");
  });

  it('in Chinese', () => {
    const r = runCli(['asses', '--lang', 'zh']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('career-risk: 未知命令 asses\n  你是不是要用：assess？\n');
  });

  it('a stray word after a named assess is still too many arguments', () => {
    const r = runCli(['assess', 'translator']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^career-risk: too many arguments for 'assess'\. Expected 0 arguments but got 1\.\n/);
  });

  it('closestWords keeps only near candidates, the nearest first', () => {
    expect(closestWords('asses', ['assess', 'batch'])).toEqual(['assess']);
    expect(closestWords('zzzzzz', ['assess', 'batch'])).toEqual([]);
    expect(closestWords('versoin', ['roles', '--version'])).toEqual(['--version']);
  });
});

describe('help for the command asked about', () => {
  it.each([
    [['-h', 'assess'], 'Usage: career-risk assess'],
    [['--help', 'batch'], 'Usage: career-risk batch'],
    [['help', 'rules', 'validate'], 'Usage: career-risk rules validate'],
    [['help', 'rules', 'show'], 'Usage: career-risk rules show'],
    [['--lang', 'zh', '-h', 'rules', 'list'], '用法： career-risk rules list'],
    [['help'], 'Usage: career-risk [options] [command]'],
  ])('%j', (args, first) => {
    const r = runCli(args);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]?.startsWith(first)).toBe(true);
  });

  it('helpFirst moves only a run of real command names', () => {
    const program = buildProgram({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: {} });
    expect(helpFirst(['n', 's', 'help', 'rules', 'validate'], program)).toEqual(['n', 's', 'rules', 'validate', '--help']);
    expect(helpFirst(['n', 's', '-l', 'zh', '-h', 'assess'], program)).toEqual(['n', 's', '-l', 'zh', 'assess', '--help']);
    expect(helpFirst(['n', 's', 'help', 'asses'], program)).toEqual(['n', 's', 'help', 'asses']);
    expect(helpFirst(['n', 's', '--role', 'rules', '-h'], program)).toEqual(['n', 's', '--role', 'rules', '-h']);
  });

  it.each(['assess', 'batch', 'roles', 'sources', 'pivots', 'rules show', 'rules list'])('%s --help lists the global options', (cmd) => {
    const r = runCli([...cmd.split(' '), '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Global Options:');
    for (const flag of ['--lang <lang>', '--color', '--no-color', '--debug']) expect(r.stdout).toContain(flag);
  });
});

describe('command groups and searches that lead nowhere', () => {
  it('rules alone prints its help on stderr and exits 2', () => {
    const r = runCli(['rules']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: career-risk rules \[options\] \[command\]/);
  });

  it('roles and sources take --rules, so a pack occupation can be searched', () => {
    const roles = runCli(['roles', 'livestream', '--rules', 'examples/rule-pack', '--format', 'json']);
    expect(roles.status).toBe(0);
    expect((JSON.parse(roles.stdout) as { id: string }[]).some((o) => o.id === 'livestream-operations-specialist')).toBe(true);
    const sources = runCli(['sources', '--rules', 'examples/rule-pack', '--format', 'json']);
    expect(sources.status).toBe(0);
  });
});

describe('rules list and rules show', () => {
  it('the kinds in help are the kinds it takes', () => {
    expect(LIST_KINDS_HELP).toBe(Object.keys(LIST_KINDS).join(', '));
  });

  it('lists every kind with its count, and one kind alone', () => {
    const all = runCli(['rules', 'list']);
    expect(all.status).toBe(0);
    expect(all.stdout).toMatch(/^factor rules \(\d+\)\n {2}seniority-intern +Intern/);
    expect(all.stdout).toContain('\ntask categories (');
    expect(all.stdout).toContain('  task:writing ');
    const json = JSON.parse(runCli(['rules', 'list', 'what-ifs', '--format', 'json']).stdout) as { kind: string; id: string; defined: string }[];
    expect(json.length).toBeGreaterThan(0);
    expect(json.every((e) => e.kind === 'whatIfs' && /^rules\/what-ifs\.yaml:\d+$/.test(e.defined))).toBe(true);
    expect(runCli(['rules', 'list', 'zz']).status).toBe(2);
  });

  it('every id it lists, rules show shows', () => {
    const json = JSON.parse(runCli(['rules', 'list', 'task-categories', '--format', 'json']).stdout) as { id: string }[];
    const first = json[0]?.id ?? '';
    expect(runCli(['rules', 'show', first]).status).toBe(0);
  });

  it('an unknown id gets the closest ids', () => {
    const r = runCli(['rules', 'show', 'senority-entry']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'career-risk: no rule, task category, occupation or source has the id "senority-entry"\n  did you mean: seniority-entry?\n  run \'career-risk rules list\' to see every id\n',
    );
  });

  it('shows its field labels in Chinese with --lang zh', () => {
    const r = runCli(['rules', 'show', 'seniority-entry', '--lang', 'zh']);
    expect(r.stdout).toMatch(/^seniority-entry {2}影响因素规则（seniority），rules\/factors\.yaml:\d+\n {2}名称：/);
    expect(r.stdout).toContain('\n  条件：seniority = entry\n');
    expect(r.stdout).not.toMatch(/^ {2}(label|when|odds|facts|covered by)/m);
  });
});

describe('report wording', () => {
  const flags = ['assess', '-r', 'translator', '-s', 'mid', '-p', '3', '-a', 'daily'];
  it('an --explain report does not tell the reader to run with --explain', () => {
    for (const format of ['text', 'md']) {
      const plain = runCli([...flags, '--format', format]).stdout;
      const explained = runCli([...flags, '--format', format, '--explain']).stdout;
      expect(plain).toContain('--explain');
      expect(explained).not.toContain('Run with --explain');
    }
  });

  it('Chinese labels end in a full-width colon, the rule-base name is Chinese', () => {
    const out = runCli([...flags, '--lang', 'zh']).stdout;
    expect(out).toContain('\n职业：笔译员');
    expect(out).toContain('\n规则库：career-risk 内置规则库 ');
    expect(out).not.toMatch(/[\u4e00-\u9fff]: /);
  });
});

describe('on a terminal', () => {
  it('--no-input with a missing answer names the flag to drop, not a terminal to find', async () => {
    const t = terminalIo();
    expect(await main(['node', 'career-risk', 'assess', '--no-input', '-r', 'translator'], t.io)).toBe(2);
    expect(t.stderr()).toContain('(or leave out --no-input to be asked)');
    expect(t.stderr()).not.toContain('run on a terminal');
  });

  it('an unclear --role opens the role search with the text typed in', async () => {
    const t = terminalIo();
    const run = main(['node', 'career-risk', 'assess', '-r', 'engineer', '-s', 'mid', '-p', '3', '-a', 'daily'], t.io);
    await screen.next();
    expect(screen.getScreen()).toContain('What is your job?');
    expect(screen.getScreen()).toContain('engineer');
    expect(screen.getScreen()).toContain('Civil Engineer');
    screen.keypress('enter');
    expect(await run).toBe(0);
    expect(t.stderr()).toMatch(/--role "engineer" (fits more than one occupation|matches no occupation clearly)/);
    expect(t.stdout()).toContain('Replacement-risk estimate: ');
    expect(t.stderr()).toMatch(/Same answers next time, without the questions:\n {2}career-risk assess --role [a-z-]+ --seniority mid --repetitiveness 3 --ai-usage daily\n/);
  });

  it('batch - on a terminal says how to end the input', async () => {
    const t = terminalIo();
    const run = main(['node', 'career-risk', 'batch', '-'], t.io);
    // The hint comes before any row is read: wait for it (not a timing check), then type the rows.
    for (let i = 0; i < 200 && !t.stderr().includes('Ctrl+D'); i++) await new Promise((r) => setTimeout(r, 25));
    expect(t.stderr()).toContain('press Ctrl+D');
    (t.io.stdin as PassThrough).end('id,role,seniority,repetitiveness,ai_usage\n1,translator,mid,3,daily\n');
    expect(await run).toBe(0);
    expect(t.stdout()).toContain('translator');
  });
});
