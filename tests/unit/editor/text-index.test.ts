import { describe, expect, it } from 'vitest';
import { reportSchema } from '@/lib/editor/extensions';
import { textIndex } from '@/lib/editor/text-index';
import { docToText, type TiptapNode } from '@/lib/report/tiptap-doc';

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
