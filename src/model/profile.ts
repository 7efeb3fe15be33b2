/**
 * The person being assessed, in normalised form, and the parsers that turn
 * what people type (English, Chinese, digits, synonyms) into it.
 */
import type { TaskMix } from './rulebase.js';

export const SENIORITY_LEVELS = ['intern', 'entry', 'mid', 'senior', 'lead', 'executive'] as const;
export type Seniority = (typeof SENIORITY_LEVELS)[number];

/**
 * Who advice's first step is written for: students and interns (`learner`), people in a job
 * (`employee`: entry, mid and senior) and people who lead others (`lead`: lead and executive).
 */
export const SITUATIONS = ['learner', 'employee', 'lead'] as const;
export type Situation = (typeof SITUATIONS)[number];

const SITUATION_OF: Record<Seniority, Situation> = {
  intern: 'learner',
  entry: 'employee',
  mid: 'employee',
  senior: 'employee',
  lead: 'lead',
  executive: 'lead',
};

export function situationOf(seniority: Seniority): Situation {
  return SITUATION_OF[seniority];
}

export const AI_USAGE_LEVELS = ['none', 'occasional', 'weekly', 'daily', 'builds'] as const;
export type AiUsage = (typeof AI_USAGE_LEVELS)[number];

export const REPETITIVENESS_LEVELS = [1, 2, 3, 4, 5] as const;
export type Repetitiveness = (typeof REPETITIVENESS_LEVELS)[number];

export interface Profile {
  /** Catalogue id of the occupation. */
  readonly occupation: string;
  readonly seniority: Seniority;
  readonly repetitiveness: Repetitiveness;
  readonly aiUsage: AiUsage;
  /** Optional personal task mix; defaults to the occupation's. Used by what-if simulations. */
  readonly tasks?: TaskMix;
}


function normalise(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, ' ');
}

/** Accepted spellings per level; the level id itself is always accepted. */
const SENIORITY_WORDS: Record<Seniority, readonly string[]> = {
  intern: ['student', 'intern or student', 'trainee', 'apprentice', '实习', '实习生', '学生', '在校生', '见习'],
  entry: ['junior', 'entry level', 'entry-level', 'graduate', 'new graduate', 'new grad', 'jr', '0-2', '初级', '入门', '应届', '应届生', '新人', '毕业生'],
  mid: ['middle', 'mid level', 'mid-level', 'intermediate', 'experienced', '2-5', '中级', '中等', '骨干'],
  senior: ['sr', 'senior level', '5-10', '高级', '资深'],
  lead: ['manager', 'lead or manager', 'team lead', 'principal', 'staff', 'head', '主管', '经理', '组长', '负责人', '专家'],
  executive: ['exec', 'director', 'vp', 'c-level', 'chief', '高管', '总监', '总裁', '副总裁', '董事'],
};

const AI_USAGE_WORDS: Record<AiUsage, readonly string[]> = {
  none: ['never', 'no', '0', '从不', '不用', '没有', '无'],
  occasional: ['rarely', 'sometimes', 'monthly', '偶尔', '很少', '有时'],
  weekly: ['every week', 'regularly', '每周', '经常'],
  daily: ['every day', 'always', '每天', '每日', '天天'],
  builds: ['build', 'builder', 'builds tools', 'builds ai tools', 'developer', '开发', '搭建', '构建', '自建工作流'],
};

/** Normalised spelling → level, built once per table. */
function lookupTable<T extends string>(table: Record<T, readonly string[]>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [level, words] of Object.entries(table) as [T, readonly string[]][]) {
    map.set(normalise(level), level);
    for (const word of words) map.set(normalise(word), level);
  }
  return map;
}

const SENIORITY_LOOKUP = lookupTable(SENIORITY_WORDS);
const AI_USAGE_LOOKUP = lookupTable(AI_USAGE_WORDS);

export function parseSeniority(raw: string): Seniority | undefined {
  return SENIORITY_LOOKUP.get(normalise(raw));
}

export function parseAiUsage(raw: string): AiUsage | undefined {
  return AI_USAGE_LOOKUP.get(normalise(raw));
}

// A Map, not a plain object: typed text must never find `constructor` or `__proto__` on Object.prototype.
const CHINESE_DIGITS: ReadonlyMap<string, number> = new Map([
  ['一', 1],
  ['二', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
]);

export function parseRepetitiveness(raw: string | number): Repetitiveness | undefined {
  const text = normalise(String(raw)).replace(/级$/, '');
  const n = CHINESE_DIGITS.get(text) ?? (/^[1-5]$/.test(text) ? Number(text) : NaN);
  return isRepetitiveness(n) ? n : undefined;
}

export function isRepetitiveness(n: number): n is Repetitiveness {
  return (REPETITIVENESS_LEVELS as readonly number[]).includes(n);
}
