// GET /api/reports/:id/checks through the real route and database: the findings the 检查 panel shows, computed on the
// server from the stored text and last year's report of the township; for readers of the report only.
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as checksRoute } from '@/app/api/reports/[id]/checks/route';
import type { Db } from '@/db/client';
import type { ReportChecks } from '@/lib/checks/service';
import { loadEditorData, saveMeta, saveSection } from '@/lib/drafting/service';
import { findingsOf } from '@/lib/domain/findings';
import type { Actor } from '@/lib/domain/permissions';
import { storedReportText } from '@/lib/domain/stored';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { createReport } from '@/lib/reports/service';
import { setActor } from '../../support/mock-session';
import { freshWorld, snapshot, type World } from '../../support/db';

let db: Db;
let w: World;

beforeEach(async () => ({ db, w } = await freshWorld()));

async function get(actor: Actor | null, id: string) {
  setActor(actor);
  return checksRoute(new Request(`http://t/api/reports/${id}/checks`), { params: Promise.resolve({ id }) });
}

const LAST_MEASURES = '（一）发挥法律顾问作用\n2024年，聘请法律顾问审查合同41份，出具法律意见12件。\n（二）深化普法宣传\n开展普法活动20场，覆盖群众3000人次。';
const MEASURES = '（一）发挥法律顾问作用\n今年法律顾问共审查各类合同41份，提供法律意见12件。\n（二）深化普法宣传\n普法方面，组织活动20场，受益群众达3000人次。';

/** 甲一镇's 2024 report, and its 2025 report with last year's figures reworded and a department as 主送. */
async function reportsOfTwoYears(): Promise<number> {
  const last = await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2024 }, new Date('2025-01-05T09:00:00+08:00'));
  await saveSection(db, w.drafterA1, last.id, 'measures', { content: docFromText(LAST_MEASURES), version: 1 });
  const now = await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2025 }, new Date('2026-01-05T09:00:00+08:00'));
  await saveSection(db, w.drafterA1, now.id, 'measures', { content: docFromText(MEASURES), version: 1 });
  const meta = (await loadEditorData(db, w.drafterA1, now.id)).report;
  await saveMeta(db, w.drafterA1, now.id, {
    title: meta.title,
    recipient: '县司法局',
    signatureOrgans: meta.signatureOrgans,
    documentDate: meta.documentDate,
    cc: meta.cc,
    metaVersion: meta.metaVersion,
  });
  return now.id;
}

describe('GET /api/reports/:id/checks', () => {
  it('answers the findings with code, part, message and evidence, including last year’s comparison', async () => {
    const id = await reportsOfTwoYears();
    const res = await get(w.drafterA1, String(id));
    expect(res.status).toBe(200);
    const body = (await res.json()) as ReportChecks;
    expect(Object.keys(body)).toEqual(['findings']);
    for (const f of body.findings) {
      expect(Object.keys(f).sort()).toEqual(['code', 'evidence', 'message', 'part']);
      expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(body.findings.find((f) => f.code === 'repeated-figures')).toEqual({
      code: 'repeated-figures',
      part: 'measures',
      message: expect.stringContaining('41份、12件、20场、3000人次'),
      evidence: '41份、12件、20场、3000人次',
    });
    expect(body.findings.find((f) => f.code === 'recipient-department')).toMatchObject({ part: null, evidence: '县司法局' });
  });

  it('lists the personal information the 公开前检查 would find, as personal-info findings', async () => {
    const r = await createReport(db, w.drafterA2, { townshipId: w.townA2, year: 2025 }, new Date('2026-01-05T09:00:00+08:00'));
    await saveSection(db, w.drafterA2, r.id, 'measures', { content: docFromText('依法查处当事人李小红非法占地案件，身份证号11010519491231002X。'), version: 1 });
    const body = (await (await get(w.drafterA2, String(r.id))).json()) as ReportChecks;
    expect(body.findings.filter((f) => f.code === 'personal-info')).toEqual([
      { code: 'personal-info', part: 'measures', message: expect.stringContaining('当事人姓名'), evidence: '李小红' },
      { code: 'personal-info', part: 'measures', message: expect.stringContaining('居民身份证号码'), evidence: '11010519491231002X' },
    ]);
  });

  it('gives exactly what the 检查 panel computes from the editor’s data', async () => {
    const id = await reportsOfTwoYears();
    const data = await loadEditorData(db, w.reviewerA, id);
    const panel = findingsOf(
      storedReportText({
        year: data.report.year,
        title: data.report.title,
        recipient: data.report.recipient,
        texts: Object.fromEntries(data.sections.map((s) => [s.key, s.plainText])),
        signatureOrgans: data.report.signatureOrgans,
        documentDate: data.report.documentDate,
        partHeadings: data.report.partHeadings,
        lastYear: data.lastYear,
      }),
    );
    expect(panel.length).toBeGreaterThan(2);
    expect(((await (await get(w.reviewerA, String(id))).json()) as ReportChecks).findings).toEqual(panel);
  });

  it('answers readers only: other townships’ drafters and other counties’ reviewers see nothing of the text', async () => {
    const id = await reportsOfTwoYears();
    const before = await snapshot(db);
    const cases: Array<[string, Actor | null, number]> = [
      ['admin', w.admin, 200],
      ['reviewerA', w.reviewerA, 200],
      ['drafterA1', w.drafterA1, 200],
      ['drafterA2', w.drafterA2, 403],
      ['drafterB1', w.drafterB1, 403],
      ['reviewerB', w.reviewerB, 403],
      ['anonymous', null, 401],
    ];
    for (const [who, actor, status] of cases) {
      const res = await get(actor, String(id));
      const text = await res.text();
      expect(res.status, who).toBe(status);
      if (status !== 200) {
        expect(text, who).not.toContain('41份');
        expect(text, who).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
    expect((await get(w.drafterA1, '999999')).status).toBe(404);
    expect((await get(w.drafterA1, 'abc')).status).toBe(400);
    expect(await snapshot(db)).toEqual(before);
  });

  it('is empty of last-year findings for a township without last year’s report', async () => {
    const r = await createReport(db, w.drafterA2, { townshipId: w.townA2, year: 2025 }, new Date('2026-01-05T09:00:00+08:00'));
    const body = (await (await get(w.drafterA2, String(r.id))).json()) as ReportChecks;
    expect(body.findings.filter((f) => ['repeated-figures', 'stale-figures', 'same-as-last-year'].includes(f.code))).toEqual([]);
  });
});
