/**
 * Nothing from the input steers the terminal: every value echoed to stdout or stderr has its
 * control characters escaped (audit defect 9). The built CLI is spawned (run `npm run build`
 * first) with terminal escapes in every flag value and `roles` query; rule-base text that a
 * pack could supply is checked through the renderers.
 */
import { describe, expect, it } from 'vitest';
import { parseRole, parseSeniorityAnswer, roleLabel } from '../src/model/answers.js';
import type { RuleBase } from '../src/engine/compile.js';
import { evaluate } from '../src/engine/evaluate.js';
import type { LocalText } from '../src/engine/schema.js';
import { makeChalk } from '../src/report/color.js';
import { renderJson, terminalJson } from '../src/report/json.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { renderText } from '../src/report/text.js';
import { hasControls, MAX_ECHO_CHARS } from '../src/util/terminal-text.js';
import { runCli, shippedRuleBase } from './helpers.js';

/** OSC (retitle the window), CSI (clear the screen), BEL, a C1 CSI, CR, LF and a line separator. */
const PAYLOAD = 'evil\u001b]0;pwned\u0007\u001b[2J\u0007\u009b31m\rforged\nline\u2028end';
/** How the payload reads once escaped. */
const ESCAPED = 'evil\\u001b]0;pwned\\u0007\\u001b[2J\\u0007\\u009b31m\\rforged\\nline\\u2028end';

/** The built CLI as a shell runs it (no TTY, pipes, a timeout so a regression fails instead of hanging). */
const run = (args: readonly string[]) => runCli(args);

/** Lines with a control character other than the newline that ends them. */
function rawLines(text: string): string[] {
  return text.split('\n').filter((line) => hasControls(line));
}

function expectClean(r: { stdout: string; stderr: string }): void {
  expect(rawLines(r.stdout)).toEqual([]);
  expect(rawLines(r.stderr)).toEqual([]);
}

const FLAGS = { role: 'translator', seniority: 'mid', repetitiveness: '3', aiUsage: 'daily' };
const assess = (over: Partial<typeof FLAGS>, extra: readonly string[] = []) => {
  const f = { ...FLAGS, ...over };
  return run(['assess', '--role', f.role, '--seniority', f.seniority, '--repetitiveness', f.repetitiveness, '--ai-usage', f.aiUsage, ...extra]);
};

describe('flag values are echoed escaped', () => {
  it.each([
    ['--role', { role: PAYLOAD }],
    ['--seniority', { seniority: PAYLOAD }],
    ['--repetitiveness', { repetitiveness: PAYLOAD }],
    ['--ai-usage', { aiUsage: PAYLOAD }],
  ] as const)('%s', (flag, over) => {
    const r = assess(over);
    expect(r.status).toBe(2);
    expectClean(r);
    expect(r.stderr).toContain(flag);
    expect(r.stderr).toContain(`"${ESCAPED}"`);
    // One message line (plus hint lines): a newline in the value forges no line of its own.
    expect(r.stderr.split('\n').filter((line) => line.startsWith('career-risk:'))).toHaveLength(1);
    expect(r.stderr).not.toMatch(/^forged/m);
  });

  it('--lang', () => {
    const r = assess({}, ['--lang', PAYLOAD]);
    expect(r.status).toBe(2);
    expectClean(r);
    expect(r.stderr).toContain(`unsupported language "${ESCAPED}"`);
  });

  it('in Chinese messages too', () => {
    const r = assess({ seniority: PAYLOAD }, ['--lang', 'zh']);
    expect(r.status).toBe(2);
    expectClean(r);
    expect(r.stderr).toContain(`“${ESCAPED}”`);
  });

  it('the fuzzy "matched …" notice', () => {
    // CR, LF and U+2028 count as spaces for the search, so this still matches by fuzzy search.
    const r = assess({ role: 'sofware\r\n\u2028developer' });
    expect(r.status).toBe(0);
    expectClean(r);
    expect(r.stderr).toBe('matched "sofware\\r\\n\\u2028developer" to Software Developer (software-developer)\n');
  });

  it('a long value is echoed cut, not whole', () => {
    const r = assess({ seniority: `${'x'.repeat(5_000)}\u001b[2J` });
    expect(r.status).toBe(2);
    expectClean(r);
    expect(r.stderr).toContain(`invalid value "${'x'.repeat(MAX_ECHO_CHARS)}…" for --seniority`);
    expect(r.stderr.length).toBeLessThan(1_000);
  });
});

describe('roles', () => {
  it('a query that matches nothing', () => {
    const r = run(['roles', 'qwxzv\u001b]0;qwxzv\u0007\u001b[2J\u009b\rqwxzv\nqwxzv\u2028qwxzv']);
    expect(r.status).toBe(2);
    expectClean(r);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe('career-risk: no occupation matches "qwxzv\\u001b]0;qwxzv\\u0007\\u001b[2J\\u009b\\rqwxzv\\nqwxzv\\u2028qwxzv"');
  });

  it('a query that matches, and its table', () => {
    const r = run(['roles', `translator\u001b[2J\u009b\r\n\u2028`]);
    expect(r.status).toBe(0);
    expectClean(r);
    expect(r.stdout).toContain('translator');
  });

  it('--limit', () => {
    const r = run(['roles', 'translator', '--limit', PAYLOAD]);
    expect(r.status).toBe(2);
    expectClean(r);
    expect(r.stderr).toContain(`got "${ESCAPED}"`);
  });
});

describe('commands that print rule-base text', () => {
  it.each([
    ['text report', ['assess', '-r', 'translator', '-s', 'mid', '-p', '3', '-a', 'daily', '--explain']],
    ['Markdown report', ['assess', '-r', 'translator', '-s', 'mid', '-p', '3', '-a', 'daily', '--format', 'md', '--explain']],
    ['JSON report', ['assess', '-r', 'translator', '-s', 'mid', '-p', '3', '-a', 'daily', '--format', 'json']],
    ['sources', ['sources']],
    ['roles listing', ['roles']],
    ['roles --groups', ['roles', '--groups']],
  ])('%s', (_name, args) => {
    const r = run(args);
    expect(r.status).toBe(0);
    expectClean(r);
  });
});

/** The shipped rule base with terminal escapes in the text a rule pack could supply. */
function taintedRuleBase(rb: RuleBase): RuleBase {
  const taint = (text: LocalText): LocalText => ({ en: `${text.en}${PAYLOAD}`, zh: `${text.zh}${PAYLOAD}` });
  const occupations = rb.occupations.map((o) => ({ ...o, title: taint(o.title), description: taint(o.description) }));
  return {
    ...rb,
    ruleset: { ...rb.ruleset, name: `${rb.ruleset.name}${PAYLOAD}` },
    sources: new Map([...rb.sources].map(([id, s]) => [id, { ...s, title: taint(s.title), outlet: `${s.outlet}${PAYLOAD}` }])),
    taskCategories: new Map([...rb.taskCategories].map(([id, c]) => [id, { ...c, label: taint(c.label) }])),
    occupations,
    occupationById: new Map(occupations.map((o) => [o.id, o])),
    factors: rb.factors.map((f) => ({ ...f, label: taint(f.label), condition: `${f.condition}${PAYLOAD}` })),
    advice: rb.advice.map((a) => ({ ...a, label: taint(a.label), why: taint(a.why), firstStep: 'en' in a.firstStep ? taint(a.firstStep) : Object.fromEntries(Object.entries(a.firstStep).map(([k, v]) => [k, taint(v)])) })),
    whatIfs: rb.whatIfs.map((w) => ({ ...w, label: taint(w.label) })),
  };
}

describe('rule-pack text is escaped where it is rendered (defence in depth)', () => {
  const rb = taintedRuleBase(shippedRuleBase());
  const assessment = evaluate(rb, { occupation: 'translator', seniority: 'entry', repetitiveness: 4, aiUsage: 'none' });

  it.each(['en', 'zh'] as const)('text and Markdown reports (%s)', (lang) => {
    for (const explain of [false, true]) {
      const text = renderText(assessment, { rb, lang, explain, chalk: makeChalk(0), width: 100 });
      expect(rawLines(text)).toEqual([]);
      expect(text).toContain('\\u001b]0;pwned');
      const md = renderMarkdown(assessment, rb, lang, explain);
      expect(rawLines(md)).toEqual([]);
    }
  });

  it('JSON keeps the text but writes every terminal control as an escape', () => {
    const json = renderJson(assessment, rb, 'en');
    expect(rawLines(json)).toEqual([]);
    const parsed = JSON.parse(json) as { occupation: { title: { en: string } } };
    expect(parsed.occupation.title.en).toBe(`Translator${PAYLOAD}`);
    expect(JSON.parse(terminalJson({ s: '\u009b\u2028\u202e\u007f' }))).toEqual({ s: '\u009b\u2028\u202e\u007f' });
  });

  it('role names in "did you mean" hints and the matched notice', () => {
    const translator = rb.occupationById.get('translator');
    expect(translator).toBeDefined();
    if (translator) expect(hasControls(roleLabel(translator, 'en'))).toBe(false);
    let message = '';
    try {
      parseRole(rb, 'translatr interpretr', 'en');
    } catch (error) {
      message = error instanceof Error ? error.message : '';
    }
    expect(message).toContain('did you mean');
    expect(hasControls(message)).toBe(false);
  });

  it('batch reuses the same messages, so its row diagnostics are escaped too', () => {
    const names = { role: 'role', seniority: 'seniority', repetitiveness: 'repetitiveness', aiUsage: 'ai_usage' };
    expect(() => parseSeniorityAnswer(PAYLOAD, 'en', names)).toThrow(`invalid value "${ESCAPED}" for seniority`);
    expect(() => parseRole(rb, PAYLOAD, 'en', names)).toThrow(`role: no occupation clearly matches "${ESCAPED}"`);
  });
});
