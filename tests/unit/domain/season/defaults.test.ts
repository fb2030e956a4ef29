// The shipped national packs against the domain notes: the 示范指标体系's 10 first-level and 34 second-level
// indicators, organisation and leadership written in part 一, normative documents counted; a source whose address is
// only a site's home page says so in its note, and every document whose date could not be checked says so too.
import { describe, expect, it } from 'vitest';
import { SHIPPED_SEASONS, shippedNationalPack } from '@/lib/domain/season/defaults';

describe.each(SHIPPED_SEASONS)('the shipped national pack of %i', (season) => {
  const pack = shippedNationalPack(season);

  it('carries the 10 first-level and 34 second-level indicators', () => {
    expect(pack.items.filter((i) => i.level === 1)).toHaveLength(10);
    expect(pack.items.filter((i) => i.level === 2)).toHaveLength(34);
    for (const i of pack.items) expect(i.source).toMatch(/市县法治政府建设示范指标体系/);
  });

  it('maps the items to the parts as the domain notes do', () => {
    const item = (id: string) => pack.items.find((i) => i.id === id)!;
    expect(item('9.1')).toMatchObject({ part: 'measures', keywords: expect.arrayContaining(['领导小组', '同部署']) });
    expect(item('9.2').part).toBe('leaders');
    expect(item('2.2').needsFigure).toBe(true);
    expect(item('1').title).toBe('政府职能依法全面履行');
    expect(item('1.1').title).toBe('加大简政放权力度');
  });

  it('says so where a source address is only a home page', () => {
    for (const s of pack.sources) {
      if (new URL(s.url).pathname.replace(/\/$/, '') === '') expect(s.note, s.title).toMatch(/首页/);
    }
    expect(pack.sources.filter((s) => new URL(s.url).pathname.replace(/\/$/, '') === '')).toHaveLength(2);
  });

  it('ends the 2021—2025 纲要 with 2025 and knows no successor', () => {
    expect(pack.documents.find((d) => d.title === '《法治政府建设实施纲要（2021—2025年）》')).toMatchObject({ validTo: '2025-12-31', successor: null });
    expect(pack.documents.find((d) => d.title.includes('第十五个五年规划'))!.validFrom).toBe('2025-10-23');
  });
});
