// Reading a line's number, and numbering headings in the editor as one transaction that touches only the numbers.
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { setBlockType } from '@tiptap/pm/commands';
import { readMarker, renumberTransaction, unnumberTransaction } from '@/lib/editor/numbering';
import { reportSchema } from '@/lib/editor/extensions';
import { docToText, type TiptapNode } from '@/lib/domain/tiptap-doc';

const h = (level: number, text: string): TiptapNode => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });
const p = (text: string): TiptapNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const stateOf = (...blocks: TiptapNode[]) => EditorState.create({ doc: reportSchema().nodeFromJSON({ type: 'doc', content: blocks }) });
const lines = (s: EditorState) => docToText(s.doc.toJSON() as TiptapNode).split('\n');

describe('reading a line’s number', () => {
  it.each([
    ['（一）加强领导', 'heading', 2, 1, '加强领导'],
    ['(十二) 加强领导', 'heading', 2, 12, '加强领导'],
    ['　　1.健全机构', 'heading', 3, 1, '健全机构'],
    ['３、落实责任', 'heading', 3, 3, '落实责任'],
    ['（2）培训', 'heading', 4, 2, '培训'],
    ['一、主要举措', 'part', 1, 1, '主要举措'],
    ['4)排查隐患', 'list', 0, 4, '排查隐患'],
  ])('%s', (line, kind, level, n, rest) => {
    expect(readMarker(line)).toMatchObject({ kind, level, n, rest });
  });
  it.each(['2024年全镇', '1.5万元', '一是加强', '（注）', '正文'])('%s has none', (line) => {
    expect(readMarker(line)).toBeNull();
  });
});

describe('numbering headings as the drafter clicks', () => {
  it('a paragraph made a （一） heading gets its number at once, and the headings after it move on', () => {
    const s = stateOf(h(2, '（一）加强领导'), p('正文。'), p('规范执法'), h(2, '（二）化解纠纷'), h(3, '1.调解'));
    const tr = s.tr;
    // The third block, as the （一） button makes it: its type first, then the numbers.
    const pos = s.doc.child(0).nodeSize + s.doc.child(1).nodeSize + 1;
    setBlockType(reportSchema().nodes.heading!, { level: 2 })(s.apply(tr.setSelection(TextSelection.create(s.doc, pos))), (t) => {
      const after = s.apply(tr).apply(t);
      const tr2 = after.tr;
      expect(renumberTransaction(tr2)).toBe(true);
      expect(lines(after.apply(tr2))).toEqual(['（一）加强领导', '正文。', '（二）规范执法', '（三）化解纠纷', '1.调解']);
    });
  });

  it('touches only the numbers that are wrong, keeping the marks of the heading’s text', () => {
    const s = stateOf(
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '(一)加强领导', marks: [{ type: 'italic' }] }] },
      h(2, '（二）规范执法'),
      h(3, '化解纠纷'),
    );
    const tr = s.tr;
    expect(renumberTransaction(tr)).toBe(true);
    expect(tr.steps).toHaveLength(2);
    const out = s.apply(tr);
    expect(lines(out)).toEqual(['（一）加强领导', '（二）规范执法', '1.化解纠纷']);
    expect(out.doc.child(0).firstChild!.marks.map((m) => m.type.name)).toEqual(['italic']);
    expect(renumberTransaction(out.tr)).toBe(false);
  });

  it('a heading turned back into body text loses its number', () => {
    const s = stateOf(h(2, '（一）加强领导'), h(2, '（二）规范执法'));
    const tr = s.tr;
    unnumberTransaction(tr, 1, 3);
    expect(lines(s.apply(tr))).toEqual(['加强领导', '（二）规范执法']);
  });
});
