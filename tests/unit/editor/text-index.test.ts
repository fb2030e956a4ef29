import { describe, expect, it } from 'vitest';
import { reportSchema } from '@/lib/editor/extensions';
import { textIndex } from '@/lib/editor/text-index';
import { docToText, type TiptapNode } from '@/lib/domain/tiptap-doc';

const p = (...texts: string[]): TiptapNode => ({ type: 'paragraph', content: texts.filter(Boolean).map((text) => ({ type: 'text', text })) });
const empty: TiptapNode = { type: 'paragraph' };
const cell = (type: string, ...paras: TiptapNode[]): TiptapNode => ({ type, content: paras });

const DOCS: Record<string, TiptapNode> = {
  simple: { type: 'doc', content: [p('（一）加强学法'), p('全年学法6次。')] },
  blankLines: { type: 'doc', content: [empty, empty, p('甲  '), empty, empty, empty, empty, p('乙'), empty] },
  marksAndBreaks: {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '（一）标题' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '加粗', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: '换行后' }] },
    ],
  },
  tableAndList: {
    type: 'doc',
    content: [
      p('表前'),
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', p('项目')), cell('tableHeader', p('数量'), p('单位'))] },
          { type: 'tableRow', content: [cell('tableCell', p('执法检查')), cell('tableCell', empty)] },
        ],
      },
      { type: 'bulletList', content: [{ type: 'listItem', content: [p('第一项')] }, { type: 'listItem', content: [p('第二项')] }] },
      p('表后'),
    ],
  },
};

describe('text index of an editor document', () => {
  for (const [name, json] of Object.entries(DOCS)) {
    it(`${name}: same text as docToText, and every character maps to its position`, () => {
      const doc = reportSchema().nodeFromJSON(json);
      const idx = textIndex(doc);
      expect(idx.text).toBe(docToText(json));
      for (let i = 0; i < idx.text.length; i++) {
        const ch = idx.text[i]!;
        if (ch === '\n' || ch === '\t' || ch === ' ') continue;
        const pos = idx.toPos(i);
        expect(doc.textBetween(pos, pos + 1), `${name}@${i}`).toBe(ch);
      }
    });
  }
});

describe('the index kept for the last document', () => {
  it('is read out once for one document, and anew for an edited one', () => {
    const doc = reportSchema().nodeFromJSON(DOCS.simple!);
    const idx = textIndex(doc);
    expect(textIndex(doc)).toBe(idx);
    // The same text in another document object (an edit that changed nothing is still a new document): its own index.
    const copy = reportSchema().nodeFromJSON(DOCS.simple!);
    expect(textIndex(copy)).not.toBe(idx);
    const edited = doc.replace(1, 1, reportSchema().nodeFromJSON({ type: 'doc', content: [p('镇')] }).slice(1, 2));
    expect(textIndex(edited).text).toBe(`镇${idx.text}`);
    expect(textIndex(doc).text).toBe(idx.text);
  });
});

describe('insertions at paragraph boundaries', () => {
  it('text put at a paragraph’s end stays in that paragraph; at the next one’s start, goes there', async () => {
    const { editDocument } = await import('@/lib/editor/text-edits');
    const doc = { type: 'doc', content: [p('镇党委召开会议4次。'), p('全年办理案件2件。')] };
    const text = docToText(doc as TiptapNode);
    const end = text.indexOf('\n');
    const atEnd = editDocument(doc, [{ start: end, end, text: '（均已结案）' }]).doc as TiptapNode;
    expect(docToText(atEnd)).toBe('镇党委召开会议4次。（均已结案）\n全年办理案件2件。');
    const atStart = editDocument(doc, [{ start: end + 1, end: end + 1, text: '此外，' }]).doc as TiptapNode;
    expect(docToText(atStart)).toBe('镇党委召开会议4次。\n此外，全年办理案件2件。');
    const atTextEnd = editDocument(doc, [{ start: text.length, end: text.length, text: '完' }]).doc as TiptapNode;
    expect(docToText(atTextEnd)).toBe(`${text}完`);
    // Replacements are not affected.
    const replaced = editDocument(doc, [{ start: text.indexOf('4次'), end: text.indexOf('4次') + 2, text: '5次' }]).doc as TiptapNode;
    expect(docToText(replaced)).toBe(text.replace('4次', '5次'));
  });
});
