// Placing a suggestion in a part's current text: exactly, as changed (原文已改动), and in time linear in the text.
import { describe, expect, it } from 'vitest';
import { createAnchor, pointAnchor } from '@/lib/domain/anchor';
import { locateSuggestion } from '@/lib/review/suggestions';
import { expectLinear } from '../../support/linear';

const TEXT = '全年开展执法检查136次，办理行政复议案件2件。';

describe('locateSuggestion', () => {
  it('finds a quoted passage exactly, or reports what stands there when it was changed', () => {
    const a = createAnchor(TEXT, TEXT.indexOf('136次'), TEXT.indexOf('136次') + 4);
    expect(locateSuggestion(`前面加了一句。${TEXT}`, a).exact).toEqual({ start: 7 + TEXT.indexOf('136次'), end: 7 + TEXT.indexOf('136次') + 4 });
    const changed = locateSuggestion(TEXT.replace('136次', '140次'), a);
    expect(changed.exact).toBeNull();
  });

  it('finds an insertion point by the text around it, also after typing a little way off', () => {
    const at = TEXT.indexOf('2件') + 2;
    const p = pointAnchor(TEXT, at);
    expect(locateSuggestion(TEXT, p).exact).toEqual({ start: at, end: at });
    const edited = TEXT.replace('全年开展', '2025年全年开展');
    expect(locateSuggestion(edited, p).exact).toEqual({ start: at + 5, end: at + 5 });
    expect(locateSuggestion('完全不同的文字。', p).exact).toBeNull();
  });

  it('takes time linear in the text, even on a text of one repeated phrase (4n costs about 4× n)', () => {
    const phrase = '坚持依法行政，';
    const p = pointAnchor(`${phrase.repeat(20)}插入点`, 140);
    expectLinear((n) => {
      const text = phrase.repeat(n);
      for (let i = 0; i < 5; i++) locateSuggestion(text, p);
    }, 10_000);
  });
});
