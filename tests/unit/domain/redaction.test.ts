// Masks for the 公开稿: the mask proposed for each kind of finding, every occurrence replaced in one pass (longest words
// first, a replacement never masked again), an editor document masked node by node, and linear time.
import { describe, expect, it } from 'vitest';
import { applyMasks, defaultMask, maskDoc } from '@/lib/domain/redaction';
import { expectLinearInText } from '../../support/linear';

describe('defaultMask', () => {
  it.each([
    ['party-name', '张小明', '张某某'],
    ['party-name', '欧阳', '欧某某'],
    ['mobile', '13812345678', '138＊＊＊＊＊＊78'],
    ['id-number', '11010519491231002X', '110＊＊＊＊＊＊＊＊＊＊＊＊＊2X'],
    ['bank-card', '6222 0212 3456 7890', '622＊ ＊＊＊＊ ＊＊＊＊ ＊＊90'],
    ['address', '青山村3组12号', '青山村＊组＊＊号'],
    ['secret-marker', '内部资料', ''],
  ] as const)('%s %s → %s', (kind, text, masked) => {
    expect(defaultMask(kind, text)).toBe(masked);
  });
});

describe('applyMasks', () => {
  it('replaces every occurrence, the longer words first, and never masks a replacement again', () => {
    const masks = [
      { text: '张小', replacement: 'X' },
      { text: '张小明', replacement: '张某某' },
      { text: '某某', replacement: '??' },
    ];
    expect(applyMasks('当事人张小明，张小明的妻子张小。', masks)).toBe('当事人张某某，张某某的妻子X。');
    expect(applyMasks('没有可遮盖的内容。', masks)).toBe('没有可遮盖的内容。');
    expect(applyMasks('张小明', [])).toBe('张小明');
  });

  it('masks the text nodes of a document and drops a text node masked to nothing', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '内部资料' }, { type: 'text', text: '当事人张小明', marks: [{ type: 'bold' }] }] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: '张小明' }] }] }] }] },
      ],
    };
    const masked = maskDoc(doc, [
      { text: '张小明', replacement: '张某某' },
      { text: '内部资料', replacement: '' },
    ]);
    expect(JSON.stringify(masked)).not.toContain('张小明');
    expect(masked.content![0]!.content).toEqual([{ type: 'text', text: '当事人张某某', marks: [{ type: 'bold' }] }]);
    expect(JSON.stringify(doc)).toContain('张小明');
  });

  it('takes time linear in the text (4n about 4× n)', () => {
    const masks = Array.from({ length: 50 }, (_, i) => ({ text: `张${i}明`, replacement: '张某某' }));
    expectLinearInText('当事人张7明，联系人张小明，张张张张。', (t) => applyMasks(t, masks), 4_000);
  });
});
