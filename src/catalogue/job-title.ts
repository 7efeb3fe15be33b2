/**
 * Job-board titles carry much more than the job: 「行政专员（五险一金，周末双休）」,
 * 「iOS开发工程师（Swift，15-25K）」, "Sr. Accounts Receivable Analyst - Hybrid". This
 * strips what is not the job before matching (bracketed notes, pay, benefits and shift words,
 * urgency and company-type words, work arrangements, location tails) and keeps what it finds
 * about seniority, so a caller can use it. Pure and deterministic.
 */
import type { Seniority } from '../model/profile.js';

export interface JobTitle {
  /** The title with the noise removed (the input, trimmed, when nothing was removed). */
  readonly core: string;
  /** The seniority a level word in the title names, when exactly one level is named. */
  readonly seniority?: Seniority | undefined;
  /** Whether anything was removed. */
  readonly changed: boolean;
}

/** Bracketed notes in any of the brackets job boards use, full- or half-width. */
const BRACKETS = /[（(【[「『〔<＜《][^）)】\]」』〕>＞》]*[）)】\]」』〕>＞》]/g;

/** Pay: 15-25K, 8千-1万, 1.5万/月, 200元/天, $60k, 60,000 USD, 底薪+提成, 薪资面议 … */
const PAY = [
  /\d+(?:\.\d+)?\s*[kK千万w]?\s*[-~～至到]\s*\d+(?:\.\d+)?\s*[kK千万w](?:\s*[·*x×]\s*\d+\s*薪)?(?:\s*\/\s*(?:月|年|天|日|时))?/g,
  /\d+(?:\.\d+)?\s*(?:[kK千万w]|元)(?:\s*\/\s*(?:月|年|天|日|时|小时))?(?:\s*以上)?/g,
  /[$€£¥]\s*\d[\d,.]*\s*[kK]?(?:\s*[-–]\s*[$€£¥]?\s*\d[\d,.]*\s*[kK]?)?(?:\s*(?:\/|per)\s*(?:hour|hr|year|yr|month|week|wk|day))?/gi,
  /底薪\s*[+＋]\s*提成|薪资面议|薪酬面议|工资面议|高薪|年薪|月薪|时薪|日结|周结|月结/g,
];

/** Benefits, shift and contract words (Chinese job boards). */
const ZH_NOISE_WORDS = [
  '五险一金', '六险一金', '五险', '社保', '包吃住', '包住', '包吃', '包食宿', '提供住宿', '双休', '周末双休', '单休', '大小周',
  '两班倒', '三班倒', '倒班', '长白班', '白班', '夜班', '不加班', '朝九晚五', '弹性工作', '带薪年假', '年终奖', '绩效奖金',
  '急招', '急聘', '诚聘', '直招', '高薪诚聘', '招聘', '长期', '短期', '临时工', '可实习', '应届可投', '应届生可投', '经验不限', '学历不限',
  '国企', '央企', '外企', '上市公司', '事业单位', '三甲医院', '二甲医院', '民营医院', '私立医院', '公立医院', '世界500强', '500强',
  '全职', '兼职', '远程', '居家办公', '在家办公', '线上', '可远程',
];
const ZH_NOISE = new RegExp(ZH_NOISE_WORDS.sort((a, b) => b.length - a.length).join('|'), 'g');

/** English work-arrangement and posting words, as whole words. */
const EN_NOISE = /\b(?:hybrid|remote|on-?site|in-?office|wfh|work from home|full[- ]time|part[- ]time|contract|contractor|temporary|temp|permanent|urgent(?:ly)?|hiring|immediate start|m\/w\/d|m\/f\/d|f\/m\/d|w\/m\/d)\b/gi;

/** Seniority words, English and Chinese, and the level each names. */
const EN_LEVELS: readonly [RegExp, Seniority][] = [
  [/\b(?:intern(?:ship)?|trainee|apprentice|graduate trainee|working student)\b/i, 'intern'],
  [/\b(?:junior|jr\.?|entry[- ]level|associate|graduate|new grad)\b/i, 'entry'],
  [/\b(?:mid[- ]level|intermediate)\b/i, 'mid'],
  [/\b(?:senior|sr\.?|experienced)\b/i, 'senior'],
  [/\b(?:lead|principal|staff|head of|team lead|supervisor)\b/i, 'lead'],
  [/\b(?:director|vp|vice president|chief|c-level)\b/i, 'executive'],
];
const ZH_LEVELS: readonly [RegExp, Seniority][] = [
  [/实习生?|见习|管培生|学徒/, 'intern'],
  [/初级|助理级|应届生?|毕业生/, 'entry'],
  [/中级/, 'mid'],
  [/高级|资深/, 'senior'],
  [/主管|组长|负责人|带队/, 'lead'],
  [/总监|副总|总经理/, 'executive'],
];
/** Level words that are only noise once found (the job is the rest): removed from the core. */
const EN_LEVEL_STRIP = /\b(?:senior|sr\.?|junior|jr\.?|entry[- ]level|mid[- ]level|intermediate|experienced)(?=\s|$)/gi;
const ZH_LEVEL_STRIP = /^(?:高级|资深|初级|中级|实习)(?=.{2,})/;

/** A location before a dash or a slash at the start (北京-, 上海/), or after one at the end (- London, - 深圳). */
const ZH_LOCATION_HEAD = /^[\u4e00-\u9fff]{2,4}(?:市|区)?\s*[-－—|｜/]\s*/;
const EN_LOCATION_TAIL = /\s+[-–—|]\s+[A-Za-z][A-Za-z .,'-]*$/;

function levelOf(text: string): Seniority | undefined {
  const found = new Set<Seniority>();
  for (const [re, level] of [...EN_LEVELS, ...ZH_LEVELS]) if (re.test(text)) found.add(level);
  return found.size === 1 ? [...found][0] : undefined;
}

function tidy(text: string): string {
  return text
    .replace(/[，,、;；:：+＋·|｜/]+/g, ' ')
    .replace(/\s*[-–—－]\s*$/g, '')
    .replace(/^\s*[-–—－]\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads a job-board title: the job itself, and the seniority it names. */
export function parseJobTitle(raw: string): JobTitle {
  const input = raw.normalize('NFKC').trim();
  const seniority = levelOf(input);
  let text = input.replace(BRACKETS, ' ');
  for (const re of PAY) text = text.replace(re, ' ');
  text = text.replace(ZH_NOISE, ' ').replace(EN_NOISE, ' ');
  text = text.replace(EN_LOCATION_TAIL, '').replace(ZH_LOCATION_HEAD, '');
  text = tidy(text);
  const withoutLevel = tidy(text.replace(EN_LEVEL_STRIP, ' ').replace(ZH_LEVEL_STRIP, ''));
  const core = withoutLevel.length >= 2 ? withoutLevel : text.length >= 2 ? text : input;
  return { core, changed: core !== input, ...(seniority ? { seniority } : {}) };
}
