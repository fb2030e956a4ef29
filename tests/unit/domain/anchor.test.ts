import { describe, expect, it } from 'vitest';
import { createAnchor, findAnchor, type TextAnchor } from '@/lib/domain/anchor';

const TEXT = [
  '（一）加强组织领导',
  '镇党委全年召开专题会议4次，研究部署法治政府建设工作，落实第一责任人职责。',
  '（二）严格规范执法',
  '全年开展执法检查136次，办理行政处罚案件27件，无一起被复议纠错。',
  '（三）化解矛盾纠纷',
  '全年排查矛盾纠纷214起，调解成功209起，调解成功率97.7%。',
].join('\n');

function anchorOn(text: string, quote: string, nth = 0): TextAnchor {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  return createAnchor(text, start, start + quote.length);
}
const at = (text: string, m: { start: number; end: number } | null) => (m ? text.slice(m.start, m.end) : null);

describe('text-quote anchoring', () => {
  const quote = '执法检查136次';
  const a = anchorOn(TEXT, quote);

  it('records the quote, its context and a position hint', () => {
    expect(a.exact).toBe(quote);
    expect(a.prefix.endsWith('全年开展')).toBe(true);
    expect(a.suffix.startsWith('，办理行政处罚')).toBe(true);
    expect(TEXT.slice(a.start, a.start + quote.length)).toBe(quote);
  });

  it('finds the passage after text is inserted before it', () => {
    const edited = '前面新增了一段很长的说明文字，介绍全年工作总体情况。\n' + TEXT;
    const m = findAnchor(edited, a)!;
    expect(at(edited, m)).toBe(quote);
    expect(m.exact).toBe(true);
    expect(m.start).toBe(a.start + '前面新增了一段很长的说明文字，介绍全年工作总体情况。\n'.length);
  });

  it('finds the passage after text is inserted after it', () => {
    const edited = TEXT.replace('无一起被复议纠错。', '无一起被复议纠错，执法满意度明显提升。');
    expect(at(edited, findAnchor(edited, a))).toBe(quote);
  });

  it('follows the passage when text is inserted inside it', () => {
    const edited = TEXT.replace('执法检查136次', '执法检查（含联合检查）136次');
    const m = findAnchor(edited, a)!;
    expect(m.exact).toBe(false);
    expect(at(edited, m)).toBe('执法检查（含联合检查）136次');
  });

  it('follows the passage when it moves to another paragraph', () => {
    const lines = TEXT.split('\n');
    const moved = [lines[0], lines[1], lines[4], lines[5], lines[2], lines[3]].join('\n');
    expect(at(moved, findAnchor(moved, a))).toBe(quote);
  });

  it('finds a passage whose words and context both changed a little', () => {
    const edited = TEXT.replace('全年开展执法检查136次，办理', '本年度共计开展执法检查达136次，并办理');
    expect(at(edited, findAnchor(edited, a))).toContain('执法检查');
  });

  it('detaches when the passage is deleted', () => {
    const edited = TEXT.replace('全年开展执法检查136次，办理行政处罚案件27件，无一起被复议纠错。', '执法工作另行报告。');
    expect(findAnchor(edited, a)).toBeNull();
  });

  it('tells duplicates of the quoted text apart by their context', () => {
    const dup = '全年';
    const second = anchorOn(TEXT, dup, 1); // 全年开展执法检查
    const third = anchorOn(TEXT, dup, 2); // 全年排查矛盾纠纷
    expect(at(TEXT, findAnchor(TEXT, second))).toBe(dup);
    expect(findAnchor(TEXT, second)!.start).toBe(second.start);
    expect(findAnchor(TEXT, third)!.start).toBe(third.start);
    // With a stale position hint after a long insert, context still picks the right one.
    const insert = '插入'.repeat(100) + '\n';
    const edited = insert + TEXT;
    expect(findAnchor(edited, second)!.start).toBe(second.start + insert.length);
    expect(findAnchor(edited, third)!.start).toBe(third.start + insert.length);
  });

  it('anchors at the very start and end of the text', () => {
    const first = createAnchor(TEXT, 0, 6);
    expect(first.prefix).toBe('');
    expect(at('补充：' + TEXT, findAnchor('补充：' + TEXT, first))).toBe('（一）加强组');
    const last = createAnchor(TEXT, TEXT.length - 6, TEXT.length);
    expect(last.suffix).toBe('');
    expect(at(TEXT + '\n新增一行', findAnchor(TEXT + '\n新增一行', last))).toBe(TEXT.slice(-6));
  });

  it('refuses an empty or out-of-range selection', () => {
    expect(() => createAnchor(TEXT, 5, 5)).toThrow(RangeError);
    expect(() => createAnchor(TEXT, -1, 3)).toThrow(RangeError);
    expect(() => createAnchor(TEXT, 0, TEXT.length + 1)).toThrow(RangeError);
  });

  it('works on a 100,000-character section', () => {
    const filler = '依法行政工作稳步推进，各项制度得到落实。'.repeat(5000);
    const big = filler + TEXT + filler;
    const anchor = anchorOn(big, quote);
    const edited = '新增'.repeat(50) + big.replace('执法检查136次', '执法检查共136次');
    expect(at(edited, findAnchor(edited, anchor))).toBe('执法检查共136次');
  });
});
