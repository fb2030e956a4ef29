import { describe, expect, it } from 'vitest';
import { mergeParagraphs } from '@/lib/domain/paragraph-merge';
import { docFromText, docToText } from '@/lib/domain/tiptap-doc';
import { expectLinear } from '../../support/linear';

const merge = (mine: string, theirs: string) => {
  const r = mergeParagraphs(docFromText(mine), docFromText(theirs));
  return { added: r.added.length, text: docToText(r.merged) };
};

describe('mergeParagraphs', () => {
  it('puts back each paragraph only the other copy added, where it stands there', () => {
    expect(merge('甲\n乙\n丙', '甲\n新增一\n乙\n丙\n新增二')).toEqual({ added: 2, text: '甲\n新增一\n乙\n丙\n新增二' });
    expect(merge('甲\n乙', '开头\n甲\n乙')).toEqual({ added: 1, text: '开头\n甲\n乙' });
  });

  it('takes a passage changed on both sides as this copy’s, and offers only what the other added besides', () => {
    // The same paragraph added to in both windows: nothing to put back (this copy's wording wins).
    expect(merge('甲乙补充', '甲甲补充')).toEqual({ added: 0, text: '甲乙补充' });
    // Here the first paragraph was edited; there a paragraph was added at the end.
    expect(merge('甲（这里改过）\n乙', '甲\n乙\n那边新增')).toEqual({ added: 1, text: '甲（这里改过）\n乙\n那边新增' });
    expect(merge('甲（这里改过）', '甲\n那边新增')).toEqual({ added: 1, text: '甲（这里改过）\n那边新增' });
  });

  it('adds nothing when the other copy has nothing this one lacks, blank lines included', () => {
    const mine = docFromText('甲\n乙\n丙');
    const r = mergeParagraphs(mine, docFromText('甲\n\n丙'));
    expect(r.added).toEqual([]);
    expect(r.merged).toBe(mine);
  });

  it('takes time linear in the number of paragraphs', () => {
    const text = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `第${i}段${i % 3 ? tag : ''}`).join('\n');
    const docs = new Map<number, [ReturnType<typeof docFromText>, ReturnType<typeof docFromText>]>();
    const get = (n: number) => docs.get(n) ?? (docs.set(n, [docFromText(text(n, '甲')), docFromText(text(n, '乙'))]), docs.get(n)!);
    expectLinear((n) => {
      const [m, t] = get(n);
      mergeParagraphs(m, t);
    }, 5_000);
  });
});
