// The season pack's schema and layering: the shipped packs parse; a bad pack is refused with the path of each error;
// a county pack overrides, adds and switches off item by item and document by document.
import { describe, expect, it } from 'vitest';
import pack2025 from '@/lib/domain/season/packs/2025.national.json';
import { defaultPack, shippedNationalPack, SHIPPED_SEASONS } from '@/lib/domain/season/defaults';
import { checkIntegrity, layerPacks } from '@/lib/domain/season/layer';
import { PackError, parseSeasonPack, parseSeasonPackText, type SeasonPack } from '@/lib/domain/season/schema';
import { limit } from '@/lib/shared/limits';

function refusal(data: unknown): Array<{ path: string; message: string }> {
  try {
    const p = parseSeasonPack(data);
    checkIntegrity(p);
  } catch (e) {
    if (e instanceof PackError) return e.problems;
    throw e;
  }
  throw new Error('pack was accepted');
}

const clone = (): Record<string, unknown> => structuredClone(pack2025) as unknown as Record<string, unknown>;

describe('season pack schema', () => {
  it('ships national packs for 2025 and 2026 with the indicator menu, the five parts, the documents and sources', () => {
    expect(SHIPPED_SEASONS).toEqual([2025, 2026]);
    for (const season of SHIPPED_SEASONS) {
      const p = defaultPack(season);
      expect(p.items.filter((i) => i.level === 1)).toHaveLength(10);
      expect(p.items.filter((i) => i.level === 2)).toHaveLength(34);
      expect(p.requiredParts?.map((r) => r.part)).toEqual(['measures', 'leaders', 'shortcomings', 'plans', 'other']);
      expect(p.documents.find((d) => d.title.includes('法治政府建设实施纲要'))).toMatchObject({ validTo: '2025-12-31', successor: null });
      expect(p.documents.map((d) => d.title)).toContain('《中国共产党领导全面依法治国工作条例》');
      expect(p.deadlines?.publication).toBe(`${season + 1}-04-01`);
      expect(p.sources.length).toBeGreaterThan(3);
      expect(p.checklist?.length).toBeGreaterThan(20);
    }
  });

  it('borrows the nearest shipped pack for another season, its dates moved', () => {
    expect(shippedNationalPack(2023)).toMatchObject({ season: 2023, deadlines: { publication: '2024-04-01' } });
    expect(shippedNationalPack(2030).deadlines?.publication).toBe('2031-04-01');
  });

  it('refuses a pack without a season, naming the path', () => {
    const p = clone();
    delete p.season;
    expect(refusal(p)).toEqual([expect.objectContaining({ path: 'season', message: expect.stringContaining('年度') })]);
  });

  it('refuses an unknown part, a date that is not a date and a missing parent, each at its path', () => {
    const p = clone() as { items: Array<Record<string, unknown>>; documents: Array<Record<string, unknown>> };
    p.items[3]!.part = 'achievements';
    p.documents[1]!.validTo = '2025-02-30';
    expect(refusal(p).map((x) => x.path)).toEqual(['documents[1].validTo', 'items[3].part']);
    const q = clone() as { items: Array<Record<string, unknown>> };
    q.items[5]!.parent = '99';
    expect(refusal(q)).toEqual([{ path: 'items[5].parent', message: '上级事项“99”不存在' }]);
  });

  it('refuses text that is not JSON, and a file over the size limit, before reading it', () => {
    expect(() => parseSeasonPackText('{"season": 2025,')).toThrow(/\(文件\)：不是有效的 JSON/);
    expect(() => parseSeasonPackText(' '.repeat(limit('seasonPackBytes') + 1))).toThrow(/\(文件\)/);
  });

  it('refuses too many keywords for one item from the limits table', () => {
    const p = clone() as { items: Array<Record<string, unknown>> };
    p.items[0]!.keywords = Array.from({ length: limit('seasonPackKeywords') + 1 }, (_, i) => `词${i}`);
    expect(refusal(p)[0]!.path).toBe('items[0].keywords');
  });
});

describe('layering', () => {
  const county: SeasonPack = parseSeasonPack({
    season: 2025,
    scope: { level: 'county', county: '示例县' },
    documents: [
      { title: '《示例县法治乡村建设三年行动方案（2023—2025年）》', validFrom: '2023-03-01', validTo: '2025-12-31', successor: '《示例县法治乡村建设行动方案（2026—2028年）》' },
      { title: '《法治政府建设实施纲要（2021—2025年）》', validFrom: '2021-08-11', validTo: '2025-12-31', off: true },
    ],
    items: [
      { id: '10.5', title: '“枫桥式”司法所创建', level: 2, parent: '10', part: 'measures', keywords: ['枫桥式司法所'], needsFigure: false },
      { id: '5', title: '突发事件应对', level: 1, parent: null, part: 'measures', keywords: [], needsFigure: false, off: true },
    ],
    deadlines: { collection: '2026-02-28', publication: '2026-03-31' },
  });

  it('adds, replaces and switches off item by item and document by document; deadlines from the most specific pack', () => {
    const eff = layerPacks([county, shippedNationalPack(2025)]);
    checkIntegrity(eff, county);
    expect(eff.items.map((i) => i.id)).toContain('10.5');
    // 5 switched off takes 5.1–5.3 with it.
    expect(eff.items.filter((i) => i.id === '5' || i.id.startsWith('5.'))).toEqual([]);
    expect(eff.documents.some((d) => d.title.includes('法治政府建设实施纲要（2021'))).toBe(false);
    expect(eff.documents.some((d) => d.title.includes('示例县法治乡村'))).toBe(true);
    expect(eff.deadlines).toEqual({ collection: '2026-02-28', publication: '2026-03-31' });
    expect(eff.outline).toEqual(shippedNationalPack(2025).outline);
    expect(eff.layers.map((l) => l.level)).toEqual(['national', 'county']);
  });

  it('names the county pack’s own path when its item hangs under a parent no layer has', () => {
    const bad = parseSeasonPack({ ...county, items: [{ id: 'x1', title: '本县事项', level: 2, parent: '42', part: 'measures', keywords: ['本县'], needsFigure: false }] });
    expect(() => checkIntegrity(layerPacks([shippedNationalPack(2025), bad]), bad)).toThrow('items[0].parent：上级事项“42”不存在');
  });
});
