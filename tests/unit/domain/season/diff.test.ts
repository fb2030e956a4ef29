// What changed between two seasons' packs: documents and items added, removed and changed, and the deadlines.
import { describe, expect, it } from 'vitest';
import { shippedNationalPack } from '@/lib/domain/season/defaults';
import { diffPacks } from '@/lib/domain/season/diff';

describe('diffPacks', () => {
  it('finds nothing between a pack and itself', () => {
    expect(diffPacks(shippedNationalPack(2025), shippedNationalPack(2025))).toEqual({ documents: [], items: [], deadlines: null });
  });

  it('lists an added document, a removed item, a changed item and the moved deadline', () => {
    const a = shippedNationalPack(2025);
    const b = {
      ...shippedNationalPack(2026),
      documents: [...a.documents, { title: '《示例文件》', validFrom: '2026-01-01', validTo: null, wrongForms: [], successor: null, keys: [] }],
      items: a.items.filter((i) => i.id !== '5.3').map((i) => (i.id === '3.4' ? { ...i, needsFigure: false } : i)),
    };
    const d = diffPacks(a, b);
    expect(d.documents).toEqual([expect.objectContaining({ key: '《示例文件》', before: null })]);
    expect(d.items.map((c) => [c.key, c.fields, c.after === null])).toEqual([
      ['3.4', ['needsFigure'], false],
      ['5.3', [], true],
    ]);
    expect(d.deadlines).toEqual({ before: { collection: null, publication: '2026-04-01' }, after: { collection: null, publication: '2027-04-01' } });
  });
});
