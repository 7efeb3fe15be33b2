/**
 * The interactive assessment, driven through the real @inquirer prompts on a
 * virtual screen: a person types a role, picks answers, and gets the report.
 */
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { groupStats } from '../src/cli/roles-run.js';
import { messages } from '../src/i18n/index.js';
import { ROOT, shippedRuleBase, terminalIo } from './helpers.js';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Starts an interview, types a term that matches nothing and takes "My job is not listed". */
async function toGroups() {
  const t = terminalIo();
  const run = main(['node', 'career-risk'], t.io);
  await screen.next();
  screen.type('qwxz');
  await screen.next();
  screen.keypress('enter');
  return { t, run };
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
    // The answers as one command, to skip the questions next time.
    expect(t.stderr()).toContain('Same answers next time, without the questions:\n  career-risk assess --role translator --seniority entry --repetitiveness 4 --ai-usage none\n');
  });

  it('asks only what the flags left out, in Chinese', async () => {
    const t = terminalIo({ LANG: 'zh_CN.UTF-8' });
    const run = main(['node', 'career-risk', 'assess', '-r', '会计', '-s', '初级', '-p', '5'], t.io);

    await screen.next();
    expect(screen.getScreen()).toContain('你在工作中使用AI工具的程度？');
    screen.keypress('enter');

    expect(await run).toBe(0);
    expect(t.stdout()).toContain('画像：初级（0–2年） · 重复度 5 – 高度重复 · AI使用：偶尔');
    // The flags given (as ids) and the answer asked, in one command.
    expect(t.stderr()).toContain('下次不用再回答问题，直接运行：\n  career-risk assess --role accountant --seniority entry --repetitiveness 5 --ai-usage occasional\n');
  });

  it('gives the equivalent command with --lang, --rules, --brief, quoted for the shell', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'career-risk-rerun-'));
    const pack = path.join(dir, "my pack's rules");
    cpSync(path.join(ROOT, 'examples', 'rule-pack'), pack, { recursive: true });
    const t = terminalIo();
    const run = main(['node', 'career-risk', 'assess', '-s', 'entry', '-p', '4', '-a', 'none', '--lang', 'zh', '--rules', pack, '--brief'], t.io);

    await screen.next();
    screen.type('笔译');
    await screen.next();
    screen.keypress('enter');

    expect(await run).toBe(0);
    expect(t.stdout()).toContain('完整报告');
    const lines = t.stderr().split('\n');
    const command = lines[lines.indexOf('下次不用再回答问题，直接运行：') + 1]?.trimStart() ?? '';
    expect(command).toBe(`career-risk assess --role translator --seniority entry --repetitiveness 4 --ai-usage none --lang zh --rules '${pack.replace("'", "'\\''")}' --brief`);
    // The shell reads it back as the same arguments.
    const echoed = spawnSync('bash', ['-c', `printf '%s\\n' ${command}`], { encoding: 'utf8' }).stdout;
    expect(echoed.split('\n').slice(0, -1)).toEqual(['career-risk', 'assess', '--role', 'translator', '--seniority', 'entry', '--repetitiveness', '4', '--ai-usage', 'none', '--lang', 'zh', '--rules', pack, '--brief']);
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

describe('interactive role question: a job that is not listed', () => {
  const rb = shippedRuleBase();
  const EN = messages('en').prompt;
  const ZH = messages('zh').prompt;
  /** The group's line in the prompt, with the same count `career-risk roles --groups` shows. */
  const groupLine = (lang: 'en' | 'zh', code: string): string => {
    const g = groupStats(rb, lang).find((s) => s.group === code);
    if (!g) throw new Error(`no group ${code}`);
    return messages(lang).prompt.groupChoice(g.group, g.title, g.occupations);
  };
  /** Answers the three level questions with their defaults. */
  const acceptDefaults = async () => {
    for (let i = 0; i < 3; i++) {
      await screen.next();
      screen.keypress('enter');
    }
  };

  it('is offered last on the starter list and under matches, and alone when nothing matches', async () => {
    const t = terminalIo();
    const run = main(['node', 'career-risk'], t.io);

    await screen.next();
    const starter = screen.getScreen();
    expect(starter).toContain('Software Developer · 软件开发工程师');
    expect(starter).toContain(EN.notListed);
    expect(starter.indexOf(EN.notListed)).toBeGreaterThan(starter.indexOf('Electrician'));

    screen.type('translat');
    await screen.next();
    expect(screen.getScreen()).toContain('Translator · 笔译员');
    expect(screen.getScreen()).toContain(EN.notListed);

    for (let i = 0; i < 'translat'.length; i++) screen.keypress('backspace');
    screen.type('qwxz');
    await screen.next();
    const none = screen.getScreen();
    expect(none).toContain(EN.notListed);
    expect(none).toContain(EN.notListedHint); // the only choice, so the active one
    expect(none).not.toContain('No results found');
    expect(none).not.toContain('·'); // no role listed

    screen.keypress({ name: 'c', ctrl: true });
    expect(await run).toBe(130);
  });

  it('leads through a group to an occupation, and the interview goes on', async () => {
    const { t, run } = await toGroups();

    await screen.next();
    expect(screen.getScreen()).toContain(EN.group);
    expect(screen.getScreen()).toContain(groupLine('en', '11'));
    expect(screen.getScreen()).toContain('e.g. Chief Executive Officer, General Manager, Marketing Manager'); // the active group's examples
    screen.keypress('down'); // 11 → 13
    screen.keypress('down'); // 13 → 15
    expect(screen.getScreen()).toContain(groupLine('en', '15'));
    screen.keypress('enter');

    await screen.next();
    const list = screen.getScreen();
    expect(list).toContain(EN.groupRole('Computer and mathematical'));
    expect(list).toContain('Actuary · 精算师  (15-2011)'); // by title: first
    expect(list).toContain(rb.occupationById.get('actuary')?.description.en); // the active occupation's description
    for (let i = 0; i < 6; i++) screen.keypress('down'); // Actuary → … → Data Scientist
    expect(screen.getScreen()).toContain(rb.occupationById.get('data-scientist')?.description.en);
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('How senior are you?');
    screen.keypress('enter');
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    screen.keypress('enter');

    expect(await run).toBe(0);
    expect(t.stdout()).toContain('Occupation: Data Scientist · 数据科学家  [data-scientist]');
    const transcript = await screen.getFullOutput();
    expect(transcript).toContain(`What is your job? Type to search (English or Chinese, title, alias or code) ${EN.notListedShort}`);
    expect(transcript).toContain(`${EN.group} Computer and mathematical`);
  });

  it('goes back from an occupation list to the groups, and from the groups to the search', async () => {
    const { t, run } = await toGroups();

    await screen.next();
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('enter'); // 15 Computer and mathematical

    await screen.next();
    expect(screen.getScreen()).toContain('Actuary');
    screen.keypress('up'); // the list loops: from the first to the last choice, "back"
    expect(screen.getScreen()).toContain(EN.backToGroups);
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain(EN.group);
    // The cursor is back on the group just left.
    expect(screen.getScreen()).toContain(rb.occupations.filter((o) => o.codes.soc2018.startsWith('15-')).slice(0, 3).map((o) => o.title.en).join(', '));
    screen.keypress('up'); // 15 → 13
    screen.keypress('up'); // 13 → 11
    screen.keypress('up'); // 11 → back to the search
    expect(screen.getScreen()).toContain(EN.backToSearch);
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('What is your job?');
    expect(screen.getScreen()).toContain('qwxz'); // what was typed is still there
    for (let i = 0; i < 4; i++) screen.keypress('backspace');
    screen.type('translator');
    await screen.next();
    expect(screen.getScreen()).toContain('Translator · 笔译员');
    screen.keypress('enter');
    await acceptDefaults();

    expect(await run).toBe(0);
    expect(t.stdout()).toContain('Occupation: Translator · 笔译员');
  });

  it('speaks Chinese, with occupations in pinyin order', async () => {
    const t = terminalIo({ LANG: 'zh_CN.UTF-8' });
    const run = main(['node', 'career-risk'], t.io);

    await screen.next();
    expect(screen.getScreen()).toContain('列表里没有我的职业——按职业大类选择');
    screen.type('qwxz');
    await screen.next();
    expect(screen.getScreen()).toContain(ZH.notListed);
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('哪个职业大类最接近你的工作？');
    expect(screen.getScreen()).toContain(groupLine('zh', '11'));
    expect(groupLine('zh', '15')).toMatch(/^15 计算机与数学（\d+ 个职业）$/);
    expect(screen.getScreen()).toContain('例如首席执行官');
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('enter');

    await screen.next();
    const list = screen.getScreen();
    expect(list).toContain('“计算机与数学”大类中哪个职业最接近你的？');
    expect(list).toContain('测试工程师 · Software Test Engineer  (15-1253)'); // cè: first in pinyin order
    expect(list.indexOf('后端开发工程师')).toBeGreaterThan(list.indexOf('测试工程师')); // hòu after cè
    screen.keypress('up');
    expect(screen.getScreen()).toContain('返回职业大类列表');
    screen.keypress('down'); // back to the first
    screen.keypress('enter');
    await acceptDefaults();

    expect(await run).toBe(0);
    expect(t.stdout()).toContain('测试工程师');
    expect(t.stdout()).toContain('[qa-engineer]');
  });
});

