// 统一社会信用代码 (GB 32100-2015): the check character computed from the first 17 characters, codes typed with spaces
// or full-width characters read as the same code, and every kind of wrong code refused with a Chinese sentence.
import { describe, expect, it } from 'vitest';
import { creditCodeCheck, creditCodeProblem, normaliseCreditCode } from '@/lib/domain/credit-code';

// A township government's code as printed on a county site, and the standard's worked example.
const VALID = ['11500230008689762A', '91350100M000100Y43'];

describe('creditCodeProblem', () => {
  it.each(VALID)('accepts %s (check character %#)', (code) => {
    expect(creditCodeCheck(code.slice(0, 17))).toBe(code[17]);
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('reads spaces, dashes, full-width characters and small letters as the code', () => {
    expect(normaliseCreditCode(' １１５００２３０ 0086-89762a ')).toBe('11500230008689762A');
  });

  it.each([
    ['11500230008689762B', '第 18 位应为“A”'],
    ['1150023000868976', '应为 18 位'],
    ['I1500230008689762A', '不允许的字符'],
    ['115A0230008689762A', '行政区划代码'],
    ['11500230008689762Z', '不允许的字符'],
  ])('refuses %s: %s', (code, words) => {
    expect(creditCodeProblem(code)).toContain(words);
  });

  it('finds every single wrong character in a valid code', () => {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const code = VALID[0]!;
    for (let i = 8; i < 17; i++) {
      for (const c of chars) if (c !== code[i]) expect(creditCodeProblem(code.slice(0, i) + c + code.slice(i + 1)), `${i} ${c}`).not.toBeNull();
    }
  });
});
