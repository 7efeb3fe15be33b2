/**
 * The role search's own words on a virtual screen: how to search before anything is typed,
 * and that nothing matched, in the person's language (never @inquirer's "No results found").
 */
import { screen } from '@inquirer/testing/vitest';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../src/util/io.js';
import { main } from '../src/cli/main.js';
import { messages } from '../src/i18n/index.js';

function terminalIo(env: NodeJS.ProcessEnv): Io {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = Object.assign(new PassThrough(), { isTTY: false });
  const stderr = Object.assign(new PassThrough(), { isTTY: true });
  return { stdin, stdout, stderr, env: { NO_COLOR: '1', ...env } };
}

describe('role search texts', () => {
  it.each([
    ['en', { LANG: 'en_US.UTF-8' }],
    ['zh', { LANG: 'zh_CN.UTF-8' }],
  ] as const)('%s', async (lang, env) => {
    const m = messages(lang).prompt;
    const run = main(['node', 'career-risk'], terminalIo(env));
    await screen.next();
    expect(screen.getScreen()).toContain(m.roleEmpty);
    expect(screen.getScreen()).not.toContain(m.roleNoMatch);
    screen.type('qwxz');
    await screen.next();
    const none = screen.getScreen();
    expect(none).toContain(m.roleNoMatch);
    expect(none).toContain(m.notListed);
    expect(none).not.toContain(m.roleEmpty);
    expect(none).not.toContain('No results found');
    screen.keypress({ name: 'c', ctrl: true });
    expect(await run).toBe(130);
  });
});
