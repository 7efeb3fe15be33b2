import { describe, expect, it } from 'vitest';
import { parseAiUsage, parseRepetitiveness, parseSeniority } from '../src/model/profile.js';
import { detectLang, parseLang } from '../src/i18n/index.js';

describe('parseSeniority', () => {
  it.each([
    ['intern', 'intern'],
    ['Student', 'intern'],
    ['实习生', 'intern'],
    ['junior', 'entry'],
    ['初级', 'entry'],
    ['应届生', 'entry'],
    ['mid', 'mid'],
    ['中级', 'mid'],
    ['Senior', 'senior'],
    ['高级', 'senior'],
    ['资深', 'senior'],
    ['manager', 'lead'],
    ['经理', 'lead'],
    ['executive', 'executive'],
    ['高管', 'executive'],
  ])('%s → %s', (raw, expected) => expect(parseSeniority(raw)).toBe(expected));

  it('rejects unknown words', () => expect(parseSeniority('boss')).toBeUndefined());
});

describe('parseRepetitiveness', () => {
  it.each([
    ['1', 1],
    [' 5 ', 5],
    ['三', 3],
    ['4级', 4],
    ['５', 5],
  ])('%s → %s', (raw, expected) => expect(parseRepetitiveness(raw)).toBe(expected));

  it.each(['0', '6', '3.5', 'high', ''])('rejects %s', (raw) => expect(parseRepetitiveness(raw)).toBeUndefined());
});

describe('parseAiUsage', () => {
  it.each([
    ['none', 'none'],
    ['never', 'none'],
    ['不用', 'none'],
    ['偶尔', 'occasional'],
    ['weekly', 'weekly'],
    ['每周', 'weekly'],
    ['Daily', 'daily'],
    ['每天', 'daily'],
    ['builds', 'builds'],
    ['搭建', 'builds'],
  ])('%s → %s', (raw, expected) => expect(parseAiUsage(raw)).toBe(expected));

  it('rejects unknown words', () => expect(parseAiUsage('a lot')).toBeUndefined());
});

describe('language', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(detectLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(detectLang({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(detectLang({ LC_MESSAGES: 'zh_TW', LANG: 'en_GB' })).toBe('zh');
    expect(detectLang({})).toBe('en');
  });

  it('parses --lang values', () => {
    expect(parseLang('zh-CN')).toBe('zh');
    expect(parseLang('EN')).toBe('en');
    expect(parseLang('fr')).toBeUndefined();
  });
});
