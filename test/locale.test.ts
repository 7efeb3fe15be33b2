/**
 * The interface language from the environment, in the gettext order: LANGUAGE (a priority
 * list, ignored in the C locale), then LC_ALL, LC_MESSAGES, LANG; and --lang looked for in
 * argv before parsing.
 */
import { describe, expect, it } from 'vitest';
import { argvLang, detectLang, detectLocale, isTraditionalChinese } from '../src/i18n/index.js';

describe('detectLang', () => {
  it.each<[NodeJS.ProcessEnv, 'en' | 'zh']>([
    [{}, 'en'],
    [{ LANG: 'zh_CN.UTF-8' }, 'zh'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'fr_FR.UTF-8' }, 'en'],
    [{ LANG: '' }, 'en'],
    // The first locale variable set decides: LC_ALL, then LC_MESSAGES, then LANG.
    [{ LC_ALL: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }, 'zh'],
    [{ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }, 'en'],
    [{ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }, 'zh'],
    [{ LC_ALL: '', LC_MESSAGES: 'zh_CN', LANG: 'en_US' }, 'zh'],
    [{ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }, 'en'],
    // LANGUAGE comes first: the first entry in a language we have wins.
    [{ LANGUAGE: 'zh:en', LANG: 'en_US.UTF-8' }, 'zh'],
    [{ LANGUAGE: 'en:zh', LANG: 'zh_CN.UTF-8' }, 'en'],
    [{ LANGUAGE: 'fr:de:zh_CN', LANG: 'en_US.UTF-8' }, 'zh'],
    [{ LANGUAGE: 'zh_CN', LC_ALL: 'en_US.UTF-8' }, 'zh'],
    // … and none in a language we have: the locale variables decide.
    [{ LANGUAGE: 'fr:de', LANG: 'zh_CN.UTF-8' }, 'zh'],
    [{ LANGUAGE: '', LANG: 'zh_CN.UTF-8' }, 'zh'],
    [{ LANGUAGE: '::', LANG: 'zh_CN.UTF-8' }, 'zh'],
    // gettext ignores LANGUAGE when the locale is C or POSIX, or no locale variable is set (C).
    [{ LANGUAGE: 'zh', LANG: 'C' }, 'en'],
    [{ LANGUAGE: 'zh', LANG: 'POSIX' }, 'en'],
    [{ LANGUAGE: 'zh', LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }, 'en'],
    [{ LANGUAGE: 'zh' }, 'en'],
    // C.UTF-8 is a named locale, not "C": gettext reads LANGUAGE there.
    [{ LANGUAGE: 'zh', LANG: 'C.UTF-8' }, 'zh'],
    // Traditional Chinese locales get the Simplified Chinese interface (the only Chinese there is).
    [{ LANG: 'zh_TW.UTF-8' }, 'zh'],
    [{ LANG: 'zh_HK.UTF-8' }, 'zh'],
    [{ LANGUAGE: 'zh_Hant_TW', LANG: 'en_US.UTF-8' }, 'zh'],
  ])('%j → %s', (env, lang) => {
    expect(detectLang(env)).toBe(lang);
  });

  it('says which variable decided, and whether the locale is Traditional Chinese', () => {
    expect(detectLocale({ LANGUAGE: 'zh:en', LANG: 'en_US.UTF-8' })).toEqual({ lang: 'zh', from: 'LANGUAGE', value: 'zh', traditional: false });
    expect(detectLocale({ LANG: 'zh_TW.UTF-8' })).toEqual({ lang: 'zh', from: 'LANG', value: 'zh_TW.UTF-8', traditional: true });
    expect(detectLocale({ LANGUAGE: 'zh', LANG: 'C' })).toEqual({ lang: 'en', from: 'LANG', value: 'C', traditional: false });
    expect(detectLocale({})).toEqual({ lang: 'en', traditional: false });
  });
});

describe('isTraditionalChinese', () => {
  it.each([
    ['zh_TW.UTF-8', true],
    ['zh_HK', true],
    ['zh_MO.Big5', true],
    ['zh-Hant', true],
    ['zh_Hant_HK', true],
    ['zh-Hans-HK', false],
    ['zh_CN.UTF-8', false],
    ['zh_SG', false],
    ['zh', false],
    ['en_TW', false],
  ])('%s → %s', (value, traditional) => {
    expect(isTraditionalChinese(value)).toBe(traditional);
  });
});

describe('argvLang', () => {
  it.each<[string[], 'en' | 'zh' | undefined]>([
    [['--lang', 'zh'], 'zh'],
    [['assess', '--lang=zh'], 'zh'],
    [['-l', 'zh', 'roles'], 'zh'],
    [['-lzh'], 'zh'],
    [['--lang', 'zh', '--lang', 'en'], 'en'],
    [['--lang', 'fr'], undefined],
    [['batch', '--help'], undefined],
    [['--', '--lang', 'zh'], undefined],
  ])('%j → %s', (argv, lang) => {
    expect(argvLang(argv)).toBe(lang);
  });
});
