/** Locale selection: --lang wins, then LC_ALL, LC_MESSAGES, LANG (the POSIX order). */
import type { Lang } from '../model/rulebase.js';
import type { Messages } from './en.js';
import { en } from './en.js';
import { zh } from './zh.js';

export type { Messages };
export type { Lang };

const CATALOGUES: Record<Lang, Messages> = { en, zh };

export function messages(lang: Lang): Messages {
  return CATALOGUES[lang];
}

export function parseLang(value: string): Lang | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_')) return 'en';
  if (v === 'zh' || v.startsWith('zh-') || v.startsWith('zh_') || v === 'cn' || v === '中文') return 'zh';
  return undefined;
}

export function detectLang(env: NodeJS.ProcessEnv): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    return value.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }
  return 'en';
}
