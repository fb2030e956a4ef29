// The template's part headings come from the pack that applies to the township, on the engine under test: a province
// pack (the installation's province, with a longer part one for its streets) and a county pack (its own part 四) reach
// the drafting page, the exports, the checks and what an import keeps; the county's heading beats the province's, the
// province's the national one, and a township of another county keeps the province's and national ones. Invented packs.
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as checksRoute } from '@/app/api/reports/[id]/checks/route';
import type { Db } from '@/db/client';
import { defaultPack } from '@/lib/domain/season/defaults';
import { templateHeadings } from '@/lib/domain/template';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { loadEditorData, saveSection } from '@/lib/drafting/service';
import { exportDocumentFromReport } from '@/lib/export/from-report';
import { commitImport } from '@/lib/import/service';
import { createReport } from '@/lib/reports/service';
import { importPack, townshipHeadings } from '@/lib/season/store';
import { setActor } from '../../support/mock-session';
import { freshWorld, type World } from '../../support/db';

let db: Db;
let w: World;

const NATIONAL = defaultPack(2025).outline!.headings;
const PROVINCE_PACK = {
  season: 2025,
  scope: { level: 'province', province: '示例省' },
  outline: {
    headings: { shortcomings: '三、{year}年度法治政府建设存在的短板和原因' },
    variants: [{ province: '示例省', townshipKind: '街道', headings: { measures: '一、{year}年度街道推进法治政府建设、落实示例省法治建设部署的主要举措和成效' } }],
  },
};
const COUNTY_PACK = {
  season: 2025,
  scope: { level: 'county', county: '甲县' },
  outline: { headings: { plans: '四、{next}年度法治政府建设工作打算', shortcomings: '三、{year}年度存在的不足和原因' } },
};
const n = (h: string | undefined) => h!.replaceAll('{year}', '2025').replaceAll('{next}', '2026');

beforeEach(async () => {
  ({ db, w } = await freshWorld());
  await importPack(db, w.admin, JSON.stringify(PROVINCE_PACK));
  await importPack(db, w.admin, JSON.stringify(COUNTY_PACK));
});

describe('template headings by the pack that applies to the township', () => {
  it('county over province over national, with the province variant for streets', async () => {
    const a1 = await townshipHeadings(db, 2025, { countyId: w.countyA, kind: '镇' });
    expect(a1).toEqual({
      measures: n(NATIONAL.measures),
      leaders: n(NATIONAL.leaders),
      shortcomings: '三、2025年度存在的不足和原因',
      plans: '四、2026年度法治政府建设工作打算',
      other: n(NATIONAL.other),
    });
    const b1 = await townshipHeadings(db, 2025, { countyId: w.countyB, kind: '街道' });
    expect(b1).toMatchObject({
      measures: '一、2025年度街道推进法治政府建设、落实示例省法治建设部署的主要举措和成效',
      shortcomings: '三、2025年度法治政府建设存在的短板和原因',
      plans: n(NATIONAL.plans),
    });
    // Another season without packs of its own keeps the national default.
    expect(await townshipHeadings(db, 2026, { countyId: w.countyA, kind: '镇' })).toEqual(templateHeadings(2026));
  });

  it('reaches the drafting page, the export and the checks', async () => {
    const r = await createReport(db, w.drafterB1, { townshipId: w.townB1, year: 2025 }, new Date('2025-12-01T09:00:00+08:00'));
    await saveSection(db, w.drafterB1, r.id, 'measures', { content: docFromText('开展普法宣传活动8场。'), version: 1 });
    await saveSection(db, w.drafterB1, r.id, 'plans', { content: docFromText('做好普法工作。'), version: 1 });
    // The drafting page is handed the pack; the headings it shows are computed from it and the township's kind.
    const data = await loadEditorData(db, w.drafterB1, r.id);
    expect(templateHeadings(2025, data.seasonPack, data.township.kind).measures).toContain('落实示例省法治建设部署');
    // The export prints them.
    const doc = await exportDocumentFromReport(db, w.drafterB1, r.id);
    expect(doc.headings).toMatchObject({ measures: '一、2025年度街道推进法治政府建设、落实示例省法治建设部署的主要举措和成效', shortcomings: '三、2025年度法治政府建设存在的短板和原因' });
    // The checks read the report with them: the plans heading names 2026, so no year is missing there.
    setActor(w.drafterB1);
    const res = await checksRoute(new Request('http://t/x'), { params: Promise.resolve({ id: String(r.id) }) });
    const codes = ((await res.json()) as { findings: Array<{ code: string }> }).findings.map((f) => f.code);
    expect(codes).not.toContain('plans-no-year');
    expect(codes).not.toContain('year-mismatch');
  });

  it("an import keeps as the township's own only what differs from its template", async () => {
    const { reportId } = await commitImport(
      db,
      w.drafterA1,
      {
        townshipId: w.townA1,
        year: 2025,
        title: '中共甲一镇委员会 甲一镇人民政府关于甲一镇2025年度法治政府建设情况的报告',
        sections: { measures: '开展普法宣传活动8场。', plans: '做好普法工作。' },
        headings: { plans: '四、2026年度法治政府建设工作打算', measures: '一、2025年度法治建设主要工作' },
      },
      new Date('2026-01-15T09:00:00+08:00'),
    );
    expect((await loadEditorData(db, w.drafterA1, reportId)).report.partHeadings).toEqual({ measures: '2025年度法治建设主要工作' });
    expect((await exportDocumentFromReport(db, w.drafterA1, reportId)).headings).toMatchObject({ plans: '四、2026年度法治政府建设工作打算', measures: '一、2025年度法治建设主要工作' });
  });
});
