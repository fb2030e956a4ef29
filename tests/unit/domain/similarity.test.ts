import { describe, expect, it } from 'vitest';
import { comparePair, isVague, median, MIN_PASSAGE, normalise, sharedPassages, specificity } from '@/lib/domain/similarity';
import { expectLinear } from '../../support/linear';
import { DISTINCT_C, PART_A, PART_B, PART_C, SHARED_A, SHARED_B } from '../../support/similar-fixtures';

const norm = (t: string) => String.fromCodePoint(...normalise(t).c);

describe('normalise', () => {
  it('drops whitespace and punctuation and folds digit runs, so figures do not hide a copy', () => {
    expect(norm('全年开展培训12次')).toBe(norm('全年开展培训8次'));
    expect(norm('全年 开展，培训 3.5 万元。')).toBe('全年开展培训#万元');
    expect(norm('ＡＢ１２ab')).toBe('ａｂ#ab'.replace('ａｂ', norm('ＡＢ').slice(0, 2)));
  });

  it('keeps where each character came from, in UTF-16 offsets', () => {
    const n = normalise('甲，𠀀乙12丙');
    expect(String.fromCodePoint(...n.c)).toBe('甲𠀀乙#丙');
    expect([...n.at]).toEqual([0, 2, 4, 5, 7]);
    expect([...n.ends]).toEqual([1, 4, 5, 7, 8]);
  });
});

describe('sharedPassages', () => {
  const docs = [
    { id: 1, text: PART_A },
    { id: 2, text: PART_B },
    { id: 3, text: PART_C },
  ];

  it('finds the paragraph copied with its figures changed and two characters altered, and nothing between distinct parts', () => {
    const pairs = sharedPassages(docs);
    expect(pairs).toHaveLength(1);
    const [p] = pairs;
    expect(p).toMatchObject({ a: 1, b: 2 });
    // Most of the shorter part lies in the shared paragraph (its own opening sentence does not).
    expect(p!.score).toBeGreaterThan(0.6);
    expect(p!.score).toBeLessThanOrEqual(1);
    // The highlighted stretches lie inside the paragraph in both parts and cover nearly all of it.
    const inA = PART_A.indexOf(SHARED_A);
    const inB = PART_B.indexOf(SHARED_B);
    const coveredA = p!.aRanges.reduce((n, r) => n + r.end - r.start, 0);
    const coveredB = p!.bRanges.reduce((n, r) => n + r.end - r.start, 0);
    for (const r of p!.aRanges) expect(r.start >= inA && r.end <= inA + SHARED_A.length).toBe(true);
    for (const r of p!.bRanges) expect(r.start >= inB && r.end <= inB + SHARED_B.length).toBe(true);
    expect(coveredA).toBeGreaterThan(SHARED_A.length * 0.85);
    expect(coveredB).toBeGreaterThan(SHARED_B.length * 0.85);
    expect(PART_A.slice(p!.aRanges[0]!.start, p!.aRanges[0]!.end)).toContain('发放宣传资料3200余份');
    expect(PART_B.slice(p!.bRanges[0]!.start, p!.bRanges[0]!.end)).toContain('发放宣传资料1500余份');
  });

  it('compares only the pairs the caller relates', () => {
    expect(sharedPassages(docs, (a, b) => a !== 1 && b !== 1)).toEqual([]);
  });

  it('ignores passages shorter than the minimum', () => {
    const phrase = '深入学习贯彻法治思想'; // 10 characters: shared, but too short to count
    expect(phrase.length).toBeLessThan(MIN_PASSAGE);
    expect(comparePair(`甲镇${phrase}，做好本职工作。`, `乙乡认真${phrase}，推进依法行政。`).score).toBe(0);
  });

  it('scores a part copied whole as 1, and half a part as about a half', () => {
    expect(comparePair(DISTINCT_C, DISTINCT_C).score).toBe(1);
    const half = DISTINCT_C.slice(0, Math.floor(DISTINCT_C.length / 2));
    const score = comparePair(half + '。另起炉灶，本乡自行谋划了完全不同的一批工作任务并逐项抓好落实，效果良好。'.repeat(2), DISTINCT_C).score;
    expect(score).toBeGreaterThan(0.4);
    expect(score).toBeLessThan(0.7);
  });

  it('stays linear on hostile text: repeated characters and one long shared text', () => {
    expectLinear((n) => {
      sharedPassages([
        { id: 1, text: '啊'.repeat(n) },
        { id: 2, text: '啊'.repeat(n) },
        { id: 3, text: '啊哦'.repeat(n / 2) },
      ]);
    }, 20_000);
    expectLinear((n) => {
      const t = DISTINCT_C.repeat(Math.ceil(n / DISTINCT_C.length)).slice(0, n);
      sharedPassages(Array.from({ length: 8 }, (_, i) => ({ id: i, text: t })));
    }, 40_000);
  });
});

describe('specificity', () => {
  it('counts figures with units, named cases, document titles and dates', () => {
    const s = specificity(
      '2025年3月15日，我镇依据《中华人民共和国行政处罚法》和《信访工作条例》开展培训12次，覆盖干部300人次。成功调处张某与李某土地承包纠纷案件一起，涉及金额5.6万元。依法办理行政案件。',
    );
    expect(s).toMatchObject({ dates: 1, documents: 2, figures: 3, cases: 1 });
    expect(s.perHundred).toBeGreaterThan(5);
  });

  it('gives a vague part few items per hundred characters', () => {
    const vague = specificity('我镇高度重视法治政府建设工作，切实加强组织领导，认真落实各项工作任务，取得了一定成效。'.repeat(4));
    expect(vague).toMatchObject({ figures: 0, cases: 0, documents: 0, dates: 0, perHundred: 0 });
    expect(isVague(vague.perHundred, 3, vague.chars)).toBe(true);
    expect(isVague(2.5, 3, 500)).toBe(false);
    expect(isVague(0, null, 500)).toBe(false);
    expect(isVague(0, 3, 20)).toBe(false);
  });

  it('has a median', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('stays linear on long digit runs and unclosed brackets', () => {
    expectLinear((n) => void specificity('1'.repeat(n) + '《'.repeat(n) + '案件张某'.repeat(n / 4)), 200_000);
  });
});
