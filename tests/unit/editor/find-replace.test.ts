import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { history, undo } from '@tiptap/pm/history';
import { reportSchema } from '@/lib/editor/extensions';
import { cleanQuery, findInDoc, findMatches, replaceTransaction } from '@/lib/editor/find-replace';
import { docToText, type TiptapNode } from '@/lib/domain/tiptap-doc';
import { limit } from '@/lib/shared/limits';
import { expectLinear } from '../../support/linear';

describe('findMatches', () => {
  it('finds every place, left to right, without overlaps', () => {
    expect(findMatches('2025年开展培训，2025年底完成。', '2025年')).toEqual([
      { start: 0, end: 5 },
      { start: 10, end: 15 },
    ]);
    expect(findMatches('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(findMatches('aaa', 'aa')).toHaveLength(1);
  });

  it('finds nothing for an empty query or one that is not there, and matches exactly as typed', () => {
    expect(findMatches('全年开展培训', '')).toEqual([]);
    expect(findMatches('全年开展培训', '半年')).toEqual([]);
    expect(findMatches('PDCA 与 pdca', 'pdca')).toEqual([{ start: 7, end: 11 }]);
    expect(findMatches('２０２５年与2025年', '2025年')).toEqual([{ start: 6, end: 11 }]);
  });

  it('looks for one line of at most findQueryChars characters', () => {
    expect(cleanQuery('2025\n年\t')).toBe('2025年');
    expect(cleanQuery('字'.repeat(limit('findQueryChars') + 5))).toHaveLength(limit('findQueryChars'));
  });

  it('takes time linear in the text, even when the text is one repeated phrase', () => {
    const q = '全年开展执法检查'.repeat(4);
    expectLinear((n) => {
      findMatches('全年开展执法检查'.repeat(n), q);
      findMatches('全'.repeat(n * 8), '全'.repeat(30) + '年');
    }, 20_000);
  });
});

const p = (...text: string[]): TiptapNode => ({ type: 'paragraph', content: text.map((t, i) => (i % 2 ? { type: 'text', text: t, marks: [{ type: 'bold' }] } : { type: 'text', text: t })) });
const cell = (text: string): TiptapNode => ({ type: 'tableCell', content: [p(text)] });
const docOf = (...content: TiptapNode[]) => reportSchema().nodeFromJSON({ type: 'doc', content });

describe('findInDoc and replaceTransaction', () => {
  it('finds places across marks but not across the lines of a table cell', () => {
    const doc = docOf(p('2025', '年', '全年'), { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p('甲'), p('乙')] }, cell('2025年')] }] });
    const { text, matches } = findInDoc(doc, '2025年');
    expect(text).toBe('2025年全年\n甲 乙\t2025年');
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['2025年', '2025年']);
    // "甲 乙" is two paragraphs of one cell joined by a space in the text: no single edit can replace it.
    expect(findInDoc(doc, '甲 乙').matches).toEqual([]);
  });

  it('replaces every place in one undoable step, keeping the marks of the replaced text, after typing that stays', () => {
    const doc = docOf(p('2025年全年开展培训。'), p('截至2025年底，', '2025年', '完成。'));
    let state = EditorState.create({ doc, plugins: [history()], selection: TextSelection.create(doc, 1) });
    // Typing just before, within the history's grouping delay.
    state = state.apply(state.tr.insertText('经核实，', 1));
    const typed = state.doc;
    const { matches } = findInDoc(state.doc, '2025年');
    expect(matches).toHaveLength(3);
    state = state.apply(replaceTransaction(state.tr, state.doc, matches, '2026年'));
    expect(docToText(state.doc.toJSON() as TiptapNode)).toBe('经核实，2026年全年开展培训。\n截至2026年底，2026年完成。');
    expect((state.doc.toJSON() as TiptapNode).content![1]!.content![1]).toEqual({ type: 'text', text: '2026年', marks: [{ type: 'bold' }] });
    // One Ctrl+Z takes back the whole replacement, and only it.
    let undone = state;
    expect(undo(undone, (tr) => (undone = undone.apply(tr)))).toBe(true);
    expect(undone.doc.eq(typed)).toBe(true);
  });

  it('replaces with nothing (deleting the places) and with text longer than the match', () => {
    const doc = docOf(p('一年一度，一年又一年'));
    const st = EditorState.create({ doc });
    const m = findInDoc(doc, '一年').matches;
    expect(docToText(st.apply(replaceTransaction(st.tr, doc, m, '')).doc.toJSON() as TiptapNode)).toBe('一度，又');
    expect(docToText(st.apply(replaceTransaction(st.tr, doc, m, '一个年度')).doc.toJSON() as TiptapNode)).toBe('一个年度一度，一个年度又一个年度');
  });
});
