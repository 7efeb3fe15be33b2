/**
 * The interactive assessment, driven through the real @inquirer prompts on a
 * virtual screen: a person types a role, picks answers, and gets the report.
 */
import { screen } from '@inquirer/testing/vitest';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { Io } from '../src/cli/io.js';

function terminalIo(env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' }) {
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

describe('interactive assessment', () => {
  it('asks the four questions and prints the report', async () => {
    const t = terminalIo();
    const run = main(['node', 'career-risk'], t.io);

    await screen.next();
    expect(screen.getScreen()).toContain('What is your job?');
    screen.type('translat');
    await screen.next();
    expect(screen.getScreen()).toContain('Translator · 笔译员');
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('How senior are you?');
    expect(screen.getScreen()).toContain('Mid (2–5 years)');
    screen.keypress('up'); // from the default "Mid" to "Entry"
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('How repetitive are your tasks?');
    expect(screen.getScreen()).toContain('most days follow the same steps');
    screen.keypress('down'); // 3 → 4
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('How much do you use AI tools at work?');
    screen.keypress('up'); // occasional → none
    screen.keypress('enter');

    expect(await run).toBe(0);
    const report = t.stdout();
    expect(report).toContain('Occupation: Translator · 笔译员');
    expect(report).toContain('Entry (0–2 years) · repetitiveness 4 – mostly routine · AI use: None');
    expect(report).toContain('What to learn next');
  });

  it('asks only what the flags left out, in Chinese', async () => {
    const t = terminalIo({ LANG: 'zh_CN.UTF-8' });
    const run = main(['node', 'career-risk', 'assess', '-r', '会计', '-s', '初级', '-p', '5'], t.io);

    await screen.next();
    expect(screen.getScreen()).toContain('你在工作中使用AI工具的程度？');
    screen.keypress('enter');

    expect(await run).toBe(0);
    expect(t.stdout()).toContain('画像: 初级（0–2年） · 重复度 5 – 高度重复 · AI使用: 偶尔');
  });

  it('exits 130 with one short line on Ctrl+C', async () => {
    const t = terminalIo();
    const run = main(['node', 'career-risk'], t.io);
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    expect(await run).toBe(130);
    expect(t.stderr()).toBe('Cancelled.\n');
    expect(t.stdout()).toBe('');
  });
});
