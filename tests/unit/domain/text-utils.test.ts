import { describe, it, expect } from 'vitest';
import { chineseNumeralValue, countChars, findYears, isoDate, parseWrittenDate, reportCharCount, toChineseNumeral } from '@/lib/domain/text-utils';

describe('chineseNumeralValue', () => {
  it('reads positional and digit-by-digit numerals', () => {
    expect(chineseNumeralValue('十九')).toBe(19);
    expect(chineseNumeralValue('二十一')).toBe(21);
    expect(chineseNumeralValue('三')).toBe(3);
    expect(chineseNumeralValue('二〇二五')).toBe(2025);
    expect(chineseNumeralValue('二○二四')).toBe(2024);
    expect(chineseNumeralValue('甲')).toBeNull();
  });

  it('round-trips small numbers for messages', () => {
    expect(toChineseNumeral(3)).toBe('三');
    expect(toChineseNumeral(12)).toBe('十二');
    expect(toChineseNumeral(20)).toBe('二十');
  });
});

describe('findYears', () => {
  it('finds Arabic and Chinese years with offsets, ignoring other numbers', () => {
    const text = '2025年，共调解1500件，对照方案（2021—2025年），二〇二六年';
    const years = findYears(text);
    expect(years.map((y) => y.year)).toEqual([2025, 2025, 2026]);
    const first = years[0]!;
    expect(text.slice(first.start, first.end)).toBe('2025年');
  });
});

describe('parseWrittenDate', () => {
  it('accepts the standard form', () => {
    expect(parseWrittenDate('2025年1月9日')).toMatchObject({ year: 2025, month: 1, day: 9, standard: true });
  });

  it('flags zero padding and Chinese numerals', () => {
    expect(parseWrittenDate('2025年01月09日')).toMatchObject({ zeroPadded: true, standard: false });
    expect(parseWrittenDate('二〇二五年一月十九日')).toMatchObject({
      year: 2025,
      month: 1,
      day: 19,
      chineseNumerals: true,
      standard: false,
    });
  });

  it('reads numeric dates but not prose', () => {
    expect(parseWrittenDate('2025-01-09')).toMatchObject({ year: 2025, month: 1, day: 9, standard: false });
    expect(parseWrittenDate('2025年1月9日召开会议')).toBeNull();
    expect(parseWrittenDate('2025年13月9日')).toBeNull();
  });

  it('formats ISO dates', () => {
    expect(isoDate({ year: 2025, month: 1, day: 9 })).toBe('2025-01-09');
  });
});

describe('countChars and reportCharCount', () => {
  it('counts characters without spaces, tabs and line breaks, an emoji once', () => {
    const cases: Array<[string, number]> = [
      ['全年开展 执法检查\n136次。', 13],
      ['\u3000\u3000全年\t合计', 4],
      ['表扬👍', 3],
      ['', 0],
    ];
    for (const [text, n] of cases) expect(countChars(text), text).toBe(n);
  });
  it('adds up the parts', () => {
    expect(reportCharCount(['一二三', '四 五', ''])).toBe(5);
  });
});
