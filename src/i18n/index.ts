/**
 * Locale selection: --lang wins, then the environment in the gettext order: LANGUAGE (a
 * colon-separated priority list, ignored when the locale is C or POSIX), then LC_ALL,
 * LC_MESSAGES, LANG (the POSIX order: the first one set decides).
 */
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

/** How the environment chose the language. */
export interface LocaleChoice {
  readonly lang: Lang;
  /** The variable that decided, or undefined when none is set (the C locale). */
  readonly from?: 'LANGUAGE' | 'LC_ALL' | 'LC_MESSAGES' | 'LANG';
  /** The value it decided with. */
  readonly value?: string;
  /**
   * A Traditional Chinese locale (zh_TW, zh_HK, zh_MO, zh_Hant …): shown in Simplified
   * Chinese, the only Chinese the tool has, with a one-line notice.
   */
  readonly traditional: boolean;
}

/** A locale name as the variables give it: `zh_TW.UTF-8`, `zh-Hant-HK`, `en_US@euro`. */
function localeLang(value: string): Lang {
  return value.trim().toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function isTraditionalChinese(value: string): boolean {
  const v = value.trim().toLowerCase().replace(/[.@].*$/, '');
  if (!v.startsWith('zh')) return false;
  const parts = v.split(/[-_]/).slice(1);
  if (parts.includes('hans')) return false;
  return parts.some((p) => p === 'hant' || p === 'tw' || p === 'hk' || p === 'mo');
}

/** The C locale, where gettext ignores LANGUAGE (its output must not depend on it). */
function isCLocale(value: string): boolean {
  return value === 'C' || value === 'POSIX';
}

export function detectLocale(env: NodeJS.ProcessEnv): LocaleChoice {
  let locale: { from: 'LC_ALL' | 'LC_MESSAGES' | 'LANG'; value: string } | undefined;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (value !== undefined && value !== '') {
      locale = { from: name, value };
      break;
    }
  }
  // No locale variable set is the C locale too.
  const effective = locale?.value ?? 'C';
  const language = env.LANGUAGE;
  if (!isCLocale(effective) && language !== undefined && language !== '') {
    // The first entry in a language we have wins; entries in others are skipped.
    for (const entry of language.split(':')) {
      if (entry === '' || isCLocale(entry)) continue;
      const lang = parseLang(entry);
      if (lang) return { lang, from: 'LANGUAGE', value: entry, traditional: isTraditionalChinese(entry) };
    }
  }
  if (!locale) return { lang: 'en', traditional: false };
  return { lang: localeLang(locale.value), from: locale.from, value: locale.value, traditional: isTraditionalChinese(locale.value) };
}

export function detectLang(env: NodeJS.ProcessEnv): Lang {
  return detectLocale(env).lang;
}

/**
 * The language named on the command line (`--lang zh`, `--lang=zh`, `-l zh`, `-lzh`), looked
 * for before commander parses, so help and commander's own errors speak it too. An unsupported
 * value gives undefined (commands then report it).
 */
export function argvLang(argv: readonly string[]): Lang | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') break;
    if (a === '--lang' || a === '-l') value = argv[i + 1];
    else if (a.startsWith('--lang=')) value = a.slice('--lang='.length);
    else if (a.startsWith('-l') && !a.startsWith('--') && a.length > 2) value = a.slice(2);
  }
  return value === undefined ? undefined : parseLang(value);
}
