// The import wizard's reducer: what a preview fills in, and what each confirmation and refusal changes.
import { describe, expect, it } from 'vitest';
import { importMismatches, importReducer, initialImportState, type ImportState } from '@/components/import/import-state';
import type { ImportPreview } from '@/lib/import/service';

const townships = [
  { id: 1, name: '示例镇', countyName: '青山县' },
  { id: 2, name: '巴山镇', countyName: '青山县' },
];

function preview(parsed: Partial<ImportPreview['parsed']>): ImportPreview {
  return {
    parsed: { title: '关于2025年度法治政府建设情况的报告', recipient: '县人民政府', signature: { organs: ['中共巴山镇委员会', '巴山镇人民政府'], date: '2026-01-20' }, township: '巴山镇', year: 2025, ...parsed } as ImportPreview['parsed'],
    blocks: [
      { id: 'b1', section: 'measures', text: '一段' },
      { id: 'b2', section: 'unplaced', text: '另一段' },
    ],
    revisions: null,
  };
}

describe('importReducer', () => {
  const start = initialImportState(townships, 2025);

  it('starts on the first township and the default year, nothing sent', () => {
    expect(start).toMatchObject({ preview: null, busy: false, error: '', fields: { townshipId: 1, year: 2025, title: '' } });
  });

  it('fills in what the preview found: details, blocks, the township named and the year when it may be chosen', () => {
    const s = importReducer(importReducer(start, { type: 'sending' }), { type: 'previewed', preview: preview({}), townships, maxYear: 2026 });
    expect(s.busy).toBe(false);
    expect(s.blocks).toHaveLength(2);
    expect(s.fields).toEqual({ townshipId: 2, year: 2025, title: '关于2025年度法治政府建设情况的报告', recipient: '县人民政府', organs: '中共巴山镇委员会\n巴山镇人民政府', date: '2026-01-20' });
    const later = importReducer(start, { type: 'previewed', preview: preview({ year: 2030, township: '别处镇' }), townships, maxYear: 2026 });
    expect(later.fields).toMatchObject({ townshipId: 1, year: 2025 });
  });

  it('names a township or year other than the file’s, until they agree', () => {
    const s = importReducer(start, { type: 'previewed', preview: preview({}), townships, maxYear: 2026 });
    expect(importMismatches(s, townships)).toEqual([]);
    const moved = importReducer(s, { type: 'edited', patch: { townshipId: 1, year: 2024 } });
    expect(importMismatches(moved, townships)).toHaveLength(2);
  });

  it('moves a block to another part and keeps the others', () => {
    const s = importReducer(start, { type: 'previewed', preview: preview({}), townships, maxYear: 2026 });
    const moved = importReducer(s, { type: 'moved', blockId: 'b2', to: 'shortcomings' });
    expect(moved.blocks.map((b) => b.section)).toEqual(['measures', 'shortcomings']);
  });

  it('offers replacing after a refusal because the report exists, with what it would lose', () => {
    const losses = [{ section: 'measures' as const, label: '一、主要举措和成效', before: 100, after: 10, excerpt: '…' }];
    const sending: ImportState = importReducer(start, { type: 'sending' });
    const s = importReducer(sending, { type: 'exists', message: '报告已存在。', losses });
    expect(s).toMatchObject({ busy: false, conflict: true, losses, error: '报告已存在。', replace: false });
    expect(importReducer(s, { type: 'confirmed', what: 'replace', value: true }).replace).toBe(true);
    expect(importReducer(s, { type: 'confirmed', what: 'acceptLoss', value: true }).acceptLoss).toBe(true);
  });

  it('clears the error when sending again and shows a failure', () => {
    const failed = importReducer(importReducer(start, { type: 'sending' }), { type: 'failed', message: '请粘贴报告的文字。' });
    expect(failed).toMatchObject({ busy: false, error: '请粘贴报告的文字。' });
    expect(importReducer(failed, { type: 'sending' })).toMatchObject({ busy: true, error: '' });
  });
});
