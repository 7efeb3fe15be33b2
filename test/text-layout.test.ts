/**
 * The text report on any terminal: every line fits the width (40 to 120 columns, in display
 * columns, ANSI stripped), nothing is cut short, no English word is broken, Chinese breaks
 * only where it may; tables from TABLE_MIN_WIDTH, lists below; a recap ends the report; the
 * short form (--brief). Golden snapshots at 40, 60, 80 and 120 columns in English and Chinese.
 */
import { describe, expect, it } from 'vitest';
import { stripVTControlCharacters } from 'node:util';
import type { RuleBase } from '../src/engine/compile.js';
import type { Assessment } from '../src/engine/evaluate.js';
import { evaluate } from '../src/engine/evaluate.js';
import type { Lang } from '../src/i18n/index.js';
import { messages } from '../src/i18n/index.js';
import type { Profile } from '../src/model/profile.js';
import { makeChalk } from '../src/report/color.js';
import { evidenceText, occupationTitle, sourceLabel, t } from '../src/report/common.js';
import { wrap, wrapSpans } from '../src/report/layout.js';
import { BRIEF_ADVICE, recap, renderBrief, renderText, TABLE_MIN_WIDTH, TRACE_TABLE_MIN_WIDTH } from '../src/report/text.js';
import { displayWidth } from '../src/report/width.js';
import { columnsOf, overlong, readableText } from './display-width.js';
import { loadOrThrow, ROOT, shippedRuleBase } from './helpers.js';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import { shellQuote } from '../src/cli/assess-run.js';
import type { Io } from '../src/util/io.js';
import { outputWidth } from '../src/util/io.js';
import { main } from '../src/cli/main.js';

const rb = shippedRuleBase();
const noColor = makeChalk(0);
const colour = makeChalk(3);

/** Long English titles, long Chinese titles and ids, long factor labels, pivots, a low-exposure job. */
const FIXTURES: Profile[] = [
  { occupation: 'tcm-practitioner', seniority: 'senior', repetitiveness: 2, aiUsage: 'occasional' },
  { occupation: 'computer-office-machine-repairer', seniority: 'entry', repetitiveness: 4, aiUsage: 'none' },
  { occupation: 'environmental-monitoring-technician', seniority: 'mid', repetitiveness: 3, aiUsage: 'weekly' },
  { occupation: 'customer-service-representative', seniority: 'entry', repetitiveness: 5, aiUsage: 'none' },
  { occupation: 'translator', seniority: 'entry', repetitiveness: 4, aiUsage: 'none' },
  { occupation: 'accountant', seniority: 'entry', repetitiveness: 5, aiUsage: 'occasional' },
  { occupation: 'software-developer', seniority: 'intern', repetitiveness: 3, aiUsage: 'builds' },
  { occupation: 'roofer', seniority: 'mid', repetitiveness: 3, aiUsage: 'occasional' },
];
const LANGS: Lang[] = ['en', 'zh'];
/** Every width the layout changes at, and either side of it. */
const WIDTHS = [40, 41, 45, 52, 59, 60, 61, 72, 79, 80, 99, 100, 101, 119, 120];
/** Wide enough that nothing wraps: the reference for what a report holds. */
const UNWRAPPED = 3000;

const text = (a: Assessment, lang: Lang, width: number, explain: boolean, chalk = noColor, base: RuleBase = rb) => renderText(a, { rb: base, lang, explain, chalk, width });
const brief = (a: Assessment, lang: Lang, width: number, chalk = noColor) => renderBrief(a, { rb, lang, explain: false, chalk, width });
const squeeze = (s: string) => s.replace(/\s+/g, '');
const count = (s: string, ch: string) => s.split(ch).length - 1;
const englishWords = (s: string) => new Set(stripVTControlCharacters(s).match(/[A-Za-z]+/g) ?? []);

/** Every piece of text the report must show whole, at any width. */
function mustShow(a: Assessment, lang: Lang, explain: boolean): string[] {
  const m = messages(lang);
  const cite = (e: Parameters<typeof evidenceText>[1]) => evidenceText(rb, e, lang, m.report.assumption);
  const texts = [occupationTitle(a, lang), m.report.baselineRow, m.report.disclaimer, recap(a, { lang }), ...a.sources.map((id) => sourceLabel(rb, id, lang))];
  for (const f of a.factors) texts.push(t(f.label, lang), ...f.sources.map((id) => sourceLabel(rb, id, lang)));
  for (const item of a.advice) {
    texts.push(t(item.label, lang), t(item.why, lang), t(item.firstStep, lang), cite(item));
    if (item.learn) texts.push(t(item.learn, lang));
  }
  for (const p of a.pivots) texts.push(t(p.title, lang), p.id);
  for (const w of a.whatIfs) texts.push(t(w.label, lang));
  if (explain) {
    for (const task of a.tasks) texts.push(t(rb.taskCategories.get(task.category)?.label ?? { en: '', zh: '' }, lang), task.category);
    for (const f of a.factors) texts.push(f.id, ...f.facts);
    for (const item of a.advice) texts.push(item.id, ...item.facts);
  }
  return texts.filter((s) => s !== '');
}

/** Lines (or table cells) that start with a closing mark or end with an opening one. */
function badCjkBreaks(report: string): string[] {
  const cells = stripVTControlCharacters(report)
    .split('\n')
    .flatMap((line) => line.split('│'))
    .map((c) => c.trim())
    .filter((c) => c !== '');
  return cells.filter((c) => /^[，。、；：？！）》」』]/.test(c) || /[（《「『“]$/.test(c));
}

describe('the text report fits the terminal', () => {
  for (const profile of FIXTURES) {
    const a = evaluate(rb, profile);
    for (const lang of LANGS) {
      for (const explain of [false, true]) {
        const name = `${profile.occupation} ${lang}${explain ? ' --explain' : ''}`;
        const reference = text(a, lang, UNWRAPPED, explain);
        const referenceWords = englishWords(reference);
        const show = mustShow(a, lang, explain);

        it(`${name}: every line fits, at every width from 40 to 120`, () => {
          for (const width of WIDTHS) {
            expect(overlong(text(a, lang, width, explain), width), `${width} columns`).toEqual([]);
          }
        });

        it(`${name}: in colour, the same lines`, () => {
          for (const width of [40, 60, 80, 120]) {
            const coloured = text(a, lang, width, explain, colour);
            expect(overlong(coloured, width), `${width} columns`).toEqual([]);
            expect(stripVTControlCharacters(coloured)).toBe(text(a, lang, width, explain));
          }
        });

        it(`${name}: nothing is cut short and no English word is broken`, () => {
          for (const width of WIDTHS) {
            const report = text(a, lang, width, explain);
            const seen = readableText(report);
            for (const piece of show) expect(seen, `${width} columns: ${piece}`).toContain(squeeze(piece));
            expect(count(report, '…'), `${width} columns`).toBe(count(reference, '…'));
            const broken = [...englishWords(report)].filter((w) => !referenceWords.has(w));
            expect(broken, `${width} columns`).toEqual([]);
            if (lang === 'zh') expect(badCjkBreaks(report), `${width} columns`).toEqual([]);
          }
        });
      }

      it(`${profile.occupation} ${lang}: the short form fits, whole, at every width`, () => {
        const m = messages(lang);
        for (const width of WIDTHS) {
          const short = brief(a, lang, width);
          expect(overlong(short, width), `${width} columns`).toEqual([]);
          expect(overlong(brief(a, lang, width, colour), width), `${width} columns, colour`).toEqual([]);
          const seen = readableText(short);
          for (const item of a.advice.slice(0, BRIEF_ADVICE)) {
            expect(seen).toContain(squeeze(t(item.label, lang)));
            expect(seen).toContain(squeeze(t(item.firstStep, lang)));
          }
          expect(seen).toContain(squeeze(occupationTitle(a, lang)));
          expect(seen).toContain(squeeze(m.report.fullReport));
        }
      });
    }
  }

  it('a rule pack line fits too', () => {
    const withPack = loadOrThrow({ packs: [path.join(ROOT, 'examples', 'rule-pack')] });
    const a = evaluate(withPack, { occupation: 'translator', seniority: 'entry', repetitiveness: 4, aiUsage: 'none' });
    for (const width of WIDTHS) {
      const report = text(a, 'en', width, true, noColor, withPack);
      expect(report).toContain('Rule packs:');
      expect(overlong(report, width), `${width} columns`).toEqual([]);
    }
  });
});

describe('the layout', () => {
  const a = evaluate(rb, { occupation: 'customer-service-representative', seniority: 'entry', repetitiveness: 4, aiUsage: 'occasional' });

  it(`boxes the factors from ${TABLE_MIN_WIDTH} columns and lists them below`, () => {
    const factors = (report: string) => report.slice(report.indexOf('What moved'), report.indexOf('What to learn next'));
    expect(factors(text(a, 'en', TABLE_MIN_WIDTH, false))).toContain('┌');
    expect(factors(text(a, 'en', TABLE_MIN_WIDTH - 1, false))).not.toContain('┌');
    expect(factors(text(a, 'en', TABLE_MIN_WIDTH - 1, false))).toMatch(/^\+\d+(\.\d)? ×[\d.]+ {2}\S/m);
  });

  it(`boxes the --explain trace from ${TRACE_TABLE_MIN_WIDTH} columns and lists it below`, () => {
    const trace = (report: string) => report.slice(report.indexOf('Trace ('), report.indexOf('What to learn next'));
    expect(trace(text(a, 'en', TRACE_TABLE_MIN_WIDTH, true))).toContain('┌');
    const list = trace(text(a, 'en', TRACE_TABLE_MIN_WIDTH - 1, true));
    expect(list).not.toContain('┌');
    expect(list).toContain('\n  Condition: seniority = entry\n');
  });

  it('a table is as wide as the width', () => {
    for (const width of [60, 80, 100, 120]) {
      const top = text(a, 'zh', width, true)
        .split('\n')
        .filter((l) => l.startsWith('┌'));
      expect(top.length).toBe(width >= TRACE_TABLE_MIN_WIDTH ? 3 : 2);
      for (const line of top) expect(columnsOf(line)).toBe(width);
    }
  });

  it('ends with the recap: score, band, range and the top advice', () => {
    const m = messages('en');
    const report = text(a, 'en', 80, false);
    const top = a.advice[0];
    expect(top).toBeDefined();
    const line = `In short: ${a.score}/100, ${t(a.band.label, 'en')} (range ${a.range.low}–${a.range.high}); top advice: ${t(top?.label ?? { en: '', zh: '' }, 'en')}.`;
    expect(line).toBe(m.report.recap(a.score, t(a.band.label, 'en'), a.range.low, a.range.high, t(top?.label ?? { en: '', zh: '' }, 'en')));
    expect(report.endsWith(`\n\n${wrap(line, 80, '').join('\n')}\n`)).toBe(true);
    expect(text(a, 'zh', 80, false)).toMatch(/\n小结：\d+\/100，[^\n]+（区间 \d+–\d+）；首要建议：[\s\S]+。\n$/);
  });

  it('the short form is short: on a screen of 80 × 24, with the command line above it', () => {
    for (const lang of LANGS) {
      const short = brief(a, lang, 80);
      expect(short.split('\n').length - 1).toBeLessThanOrEqual(22);
      expect(short).not.toContain('┌');
      expect(short).toContain(`${a.score}/100`);
      expect(short).toContain(`${a.augmentation.score}/100`);
    }
  });
});

describe('display width', () => {
  // What cli-table3 measures its cells with (string-width, as it resolves it).
  const requireFromTable = createRequire(createRequire(import.meta.url).resolve('cli-table3'));
  const stringWidth = requireFromTable('string-width') as (s: string) => number;

  it('src/report/width.ts, the test measure and cli-table3 agree on every character of the reports', () => {
    const chars = new Set<string>();
    for (const profile of FIXTURES) {
      const a = evaluate(rb, profile);
      for (const lang of LANGS) for (const ch of text(a, lang, UNWRAPPED, true)) chars.add(ch);
    }
    expect(chars.size).toBeGreaterThan(500);
    const disagree = [...chars].filter((ch) => ch !== '\n' && (displayWidth(ch) !== columnsOf(ch) || displayWidth(ch) !== stringWidth(ch)));
    expect(disagree).toEqual([]);
  });

  it('counts wide, narrow and zero-width characters', () => {
    expect(displayWidth('会计，（）')).toBe(10);
    expect(displayWidth('Ａ')).toBe(2); // full-width Latin
    expect(displayWidth('ｱ')).toBe(1); // half-width katakana
    expect(displayWidth('한국')).toBe(4);
    expect(displayWidth('𠀀')).toBe(2); // CJK Extension B
    expect(displayWidth('e\u0301')).toBe(1); // combining accent
    expect(displayWidth('– · × → … “”')).toBe(12);
  });
});

describe('wrap', () => {
  it('breaks English at spaces only', () => {
    const lines = wrap('Handling escalations and complex cases: complaints, exceptions and customers the bot cannot help', 30, '   ');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
    expect(lines.map((l) => l.trim()).join(' ')).toBe('Handling escalations and complex cases: complaints, exceptions and customers the bot cannot help');
  });

  it('breaks Chinese by display width, never before a closing mark or after an opening one', () => {
    const text = '智联招聘执行副总裁李强认为，在重复度高、程序化、对体力要求不高的白领职业中，有40%面临被AI替代的风险（这是观点）。';
    for (let width = 8; width <= 40; width++) {
      const lines = wrap(text, width, '');
      for (const line of lines) expect(displayWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
      expect(lines.join('')).toBe(text);
      expect(lines.filter((l) => /^[，。、；：？！）]/.test(l) || /（$/.test(l)), String(width)).toEqual([]);
    }
  });

  it('breaks a run longer than a line (an id) after a hyphen or slash, keeping every character', () => {
    const id = 'signalfire-2025/big-tech-new-grad-hiring-down-25';
    const lines = wrap(`Sources: ${id}, assumption`, 20, '  ');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(20);
    expect(squeeze(lines.join(''))).toBe(squeeze(`Sources: ${id}, assumption`));
    expect(lines.some((l) => /^\s*[-/]/.test(l))).toBe(false);
  });

  it('styles each line on its own, so no style runs into the indent of the next', () => {
    const bold = (s: string) => `<b>${s}</b>`;
    const lines = wrapSpans([{ text: 'Score: ' }, { text: 'eighty out of a hundred', style: bold }], 20, { rest: '  ' });
    expect(lines).toEqual(['Score: <b>eighty out of</b>', '  <b>a hundred</b>']);
  });
});

describe('golden reports at 40, 60, 80 and 120 columns', () => {
  const CASES: [Lang, Profile][] = [
    ['en', { occupation: 'customer-service-representative', seniority: 'entry', repetitiveness: 4, aiUsage: 'occasional' }],
    ['zh', { occupation: 'accountant', seniority: 'entry', repetitiveness: 5, aiUsage: 'occasional' }],
  ];
  for (const [lang, profile] of CASES) {
    const a = evaluate(rb, profile);
    for (const width of [40, 60, 80, 120]) {
      const name = `${profile.occupation}-${lang}-${width}`;
      it(`${name} text`, async () => {
        await expect(text(a, lang, width, false)).toMatchFileSnapshot(`__golden__/widths/${name}.txt`);
      });
      it(`${name} text --explain`, async () => {
        await expect(text(a, lang, width, true)).toMatchFileSnapshot(`__golden__/widths/${name}.explain.txt`);
      });
      it(`${name} --brief`, async () => {
        await expect(brief(a, lang, width)).toMatchFileSnapshot(`__golden__/widths/${name}.brief.txt`);
      });
    }
  }
});

describe('assess on any terminal', () => {
  /** In-process streams; stdout a terminal of `columns` columns when given. */
  function io(columns?: number) {
    const stdout = Object.assign(new PassThrough(), columns === undefined ? { isTTY: false } : { isTTY: true, columns });
    const stderr = Object.assign(new PassThrough(), { isTTY: false });
    let out = '';
    let err = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    stderr.on('data', (d: Buffer) => (err += d.toString()));
    const value: Io = { stdin: Object.assign(new PassThrough(), { isTTY: false }), stdout, stderr, env: { LANG: 'en_US.UTF-8', NO_COLOR: '1' } };
    return { io: value, stdout: () => out, stderr: () => err };
  }
  const FLAGS = ['node', 'career-risk', 'assess', '-r', 'translator', '-s', 'entry', '-p', '4', '-a', 'none'];

  it('takes the width of the terminal from 40 to 120 columns, and 100 in a pipe', () => {
    const width = (columns?: number) => outputWidth(io(columns).io);
    expect(width()).toBe(100);
    expect(width(20)).toBe(40);
    expect(width(40)).toBe(40);
    expect(width(57)).toBe(57);
    expect(width(80)).toBe(80);
    expect(width(120)).toBe(120);
    expect(width(250)).toBe(120);
    expect(width(0)).toBe(100); // a terminal that does not say
  });

  it('lays the report out for a 40-column terminal', async () => {
    const t = io(40);
    expect(await main(FLAGS, t.io)).toBe(0);
    expect(overlong(t.stdout(), 40)).toEqual([]);
    expect(t.stdout()).toMatch(/\nIn short: \d+\/100, [\s\S]+\.\n$/);
  });

  it('--brief prints the short form', async () => {
    const t = io();
    expect(await main([...FLAGS, '--brief'], t.io)).toBe(0);
    expect(t.stdout()).toContain('Occupation: Translator · 笔译员  [translator]');
    expect(t.stdout()).toMatch(/Replacement-risk estimate: \d+\/100 {2}band: [a-z ]+ {2}range: \d+–\d+/);
    expect(t.stdout()).toContain('1. ');
    expect(t.stdout()).toContain('First step: ');
    expect(t.stdout()).not.toContain('What moved');
    expect(t.stdout().trimEnd().endsWith(messages('en').report.fullReport)).toBe(true);
    expect(t.stderr()).toBe('');
  });

  for (const extra of [['--format', 'json'], ['--format', 'md'], ['--explain']]) {
    it(`--brief with ${extra.join(' ')} is a usage error (exit 2)`, async () => {
      const t = io();
      expect(await main([...FLAGS, '--brief', ...extra], t.io)).toBe(2);
      expect(t.stdout()).toBe('');
      expect(t.stderr()).toContain(`career-risk: --brief prints the short text report and cannot be combined with ${extra.join(' ')}`);
    });
  }

  it('says so in Chinese, before asking anything', async () => {
    const t = io();
    expect(await main(['node', 'career-risk', 'assess', '--brief', '--format', 'json', '--lang', 'zh'], t.io)).toBe(2);
    expect(t.stderr()).toContain('--brief 输出简要的文本报告，不能与 --format json 同时使用');
  });

  it('quotes a command for the shell', () => {
    expect(shellQuote('translator')).toBe('translator');
    expect(shellQuote('./packs/my-pack.yaml')).toBe('./packs/my-pack.yaml');
    expect(shellQuote('my pack')).toBe("'my pack'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('$(rm -rf ~)')).toBe("'$(rm -rf ~)'");
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a\nb\u001b[31m')).toBe("$'a\\x0ab\\x1b[31m'");
    expect(shellQuote('会计')).toBe("'会计'");
  });
});
