// 登记公开 with masks and the frozen 公开稿, through the real routes on the real database: a planted ID number and a
// party's name are masked in the 公开稿 only — no new review round, the 报送稿 and the stored text unchanged — and the
// public page, the feed, the JSON record and the 公开稿 export show the masked text, with the audit row naming the
// masks. The published text is frozen with its SHA-256; a correction after a reopen replaces it, keeps the earlier
// one and says so; a 发布日期 in the future or before the 成文日期 is refused.
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as postTransition } from '@/app/api/reports/[id]/transitions/route';
import { GET as exportRoute } from '@/app/api/reports/[id]/export/route';
import { GET as recordRoute } from '@/app/(public)/public/reports/[id]/record/route';
import { GET as feedRoute } from '@/app/(public)/public/counties/[id]/feed/route';
import { GET as publicDocxRoute } from '@/app/(public)/public/reports/[id]/docx/route';
import type { Db } from '@/db/client';
import { auditEvents, publications, reportSections } from '@/db/schema';
import type { Actor } from '@/lib/domain/permissions';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { loadEditorData, saveMeta, saveSection } from '@/lib/drafting/service';
import { publishedReport } from '@/lib/publication/service';
import { transitionReport } from '@/lib/review/transitions';
import { chinaDate, formatDocumentDate } from '@/lib/shared/format';
import { setActor } from '../../support/mock-session';
import { worldWithDraft, snapshot, type World } from '../../support/db';

// Invented, with a correct check character: 11010519491231002X is the standard's own example.
const ID = '11010519491231002X';
const PREFACE = '2025年，甲一镇依法办理当事人张小明申请的行政复议案件。现将我镇2025年度法治政府建设情况报告如下：';
const MEASURES = `依法查处当事人张小明非法占地案件，身份证号${ID}，已责令整改。`;
const PUBLISH = { transition: 'publish', url: 'https://www.example.gov.cn/fzzfjs/2026/0301.html', date: '2026-03-01' };

let db: Db, w: World, reportId: number;

beforeEach(async () => {
  ({ db, w, reportId } = await worldWithDraft());
  const meta = (await loadEditorData(db, w.drafterA1, reportId)).report;
  await saveMeta(db, w.drafterA1, reportId, { ...pickMeta(meta), documentDate: '2026-01-15' });
  await saveSection(db, w.drafterA1, reportId, 'preface', { content: docFromText(PREFACE), version: 1 });
  await saveSection(db, w.drafterA1, reportId, 'measures', { content: docFromText(MEASURES), version: 1 });
  await toFinal();
});

type Meta = Awaited<ReturnType<typeof loadEditorData>>['report'];
const pickMeta = (m: Meta) => ({ title: m.title, recipient: m.recipient, signatureOrgans: m.signatureOrgans, documentDate: m.documentDate, cc: m.cc, metaVersion: m.metaVersion });

async function toFinal() {
  await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
  await transitionReport(db, w.reviewerA, reportId, { transition: 'approve' });
  await transitionReport(db, w.drafterA1, reportId, { transition: 'finalise' });
}

function post(actor: Actor, body: unknown) {
  setActor(actor);
  return postTransition(
    new Request(`http://t/api/reports/${reportId}/transitions`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    { params: Promise.resolve({ id: String(reportId) }) },
  );
}

async function exported(format: string, variant: string): Promise<Buffer> {
  setActor(w.drafterA1);
  const res = await exportRoute(new Request(`http://t/api/reports/${reportId}/export?format=${format}&variant=${variant}`), { params: Promise.resolve({ id: String(reportId) }) });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

const record = async () => (await recordRoute(new Request(`http://t/public/reports/${reportId}/record`), { params: Promise.resolve({ id: String(reportId) }) })).json();
const publicDocx = () => publicDocxRoute(new Request(`http://t/public/reports/${reportId}/docx`), { params: Promise.resolve({ id: String(reportId) }) });
const feed = async () => (await feedRoute(new Request(`http://t/public/counties/${w.countyA}/feed`), { params: Promise.resolve({ id: String(w.countyA) }) })).text();

type Found = { key: string; kind: string; text: string };

/** 登记公开 refused with the findings, then sent again with the proposed masks for each. */
async function publishMasked(date = PUBLISH.date): Promise<Response> {
  const refused = await post(w.drafterA1, { ...PUBLISH, date });
  expect(refused.status).toBe(409);
  const { findings } = (await refused.json()) as { findings: Found[] };
  const masks = Object.fromEntries(findings.map((f) => [f.key, f.kind === 'party-name' ? '张某某' : '110＊＊＊＊＊＊＊＊＊＊＊＊＊2X']));
  return post(w.drafterA1, { ...PUBLISH, date, masks });
}

describe('登记公开 with masks in the 公开稿', () => {
  it('publishes without a new review round; the public page, record, feed and exports are masked, the 报送稿 is not', async () => {
    const stored = await db.select().from(reportSections).where(eq(reportSections.reportId, reportId));
    const res = await publishMasked();
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('published');
    // The drafted text is what it was.
    expect(await db.select().from(reportSections).where(eq(reportSections.reportId, reportId))).toEqual(stored);

    const page = await publishedReport(db, reportId);
    const pageText = JSON.stringify(page.doc);
    expect(pageText).toContain('当事人张某某非法占地');
    expect(pageText).toContain('110＊＊＊＊＊＊＊＊＊＊＊＊＊2X');
    for (const secret of ['张小明', ID]) {
      expect(pageText).not.toContain(secret);
      expect(JSON.stringify(await record())).not.toContain(secret);
      expect(await feed()).not.toContain(secret);
      expect((await exported('txt', 'public')).toString('utf8')).not.toContain(secret);
      const docx = await JSZip.loadAsync(await exported('docx', 'public'));
      expect(await docx.file('word/document.xml')!.async('string')).not.toContain(secret);
      const open = await publicDocx();
      expect(open.status).toBe(200);
      const xml = await (await JSZip.loadAsync(Buffer.from(await open.arrayBuffer()))).file('word/document.xml')!.async('string');
      expect(xml).not.toContain(secret);
      expect(xml).toContain('张某某');
    }
    expect(await feed()).toContain('当事人张某某申请的行政复议案件');
    expect((await exported('txt', 'public')).toString('utf8')).toContain('当事人张某某非法占地');
    // The 报送稿 is the report as submitted and approved.
    expect((await exported('txt', 'submit')).toString('utf8')).toContain(`当事人张小明非法占地案件，身份证号${ID}`);

    // Audited: which finding was masked as what.
    const audit = (await db.select().from(auditEvents).where(eq(auditEvents.reportId, reportId))).at(-1)!;
    expect(audit.detail).toMatchObject({
      transition: 'publish',
      masks: expect.arrayContaining([
        { finding: '一、主要举措和成效：张小明', replacement: '张某某' },
        { finding: `一、主要举措和成效：${ID}`, replacement: '110＊＊＊＊＊＊＊＊＊＊＊＊＊2X' },
      ]),
    });
    expect(audit.detail).not.toHaveProperty('privacyOverrides');
  });

  it('answers 404 for the public Word file of a report not published', async () => {
    expect((await publicDocx()).status).toBe(404);
  });

  it('freezes the 公开稿 with its SHA-256, shown in the record; a correction replaces it and keeps the earlier text', async () => {
    expect((await publishMasked()).status).toBe(200);
    const [first] = await db.select().from(publications).where(eq(publications.reportId, reportId));
    expect(first!.sha256).toBe(createHash('sha256').update(first!.document, 'utf8').digest('hex'));
    expect(first!.masks).toHaveLength(2);
    expect(await record()).toMatchObject({ 公开稿SHA256: first!.sha256, 更正日期: null, 更正次数: 0, 发布日期: '2026-03-01', 内容概述: expect.stringContaining('张某某') });

    // Reopened, corrected and published again: a 更正 dated on its own, the first text kept.
    await transitionReport(db, w.admin, reportId, { transition: 'reopen' });
    const version = (await loadEditorData(db, w.drafterA1, reportId)).sections.find((s) => s.key === 'measures')!.version;
    await saveSection(db, w.drafterA1, reportId, 'measures', { content: docFromText('依法查处非法占地案件3件，均已责令整改。'), version });
    await toFinal();
    expect((await post(w.drafterA1, { ...PUBLISH, date: '2026-03-10' })).status).toBe(200);

    const page = await publishedReport(db, reportId);
    expect(JSON.stringify(page.doc)).toContain('依法查处非法占地案件3件');
    expect(page.correctedDate).toBe('2026-03-10');
    expect(page.publishedDate).toBe('2026-03-01');
    expect(page.earlier.map((e) => [e.seq, e.publishedDate, e.sha256])).toEqual([[1, '2026-03-01', first!.sha256]]);
    expect(JSON.stringify(page.earlier[0]!.doc)).toContain('当事人张某某非法占地');
    expect(page.sha256).not.toBe(first!.sha256);
    expect(await record()).toMatchObject({ 公开稿SHA256: page.sha256, 更正日期: '2026-03-10', 更正次数: 1 });
  });

  it('keeps the public page as published while the stored text changes, and takes it down while reopened', async () => {
    expect((await publishMasked()).status).toBe(200);
    const before = await publishedReport(db, reportId);
    await transitionReport(db, w.admin, reportId, { transition: 'reopen' });
    await expect(publishedReport(db, reportId)).rejects.toThrow('页面不存在。');
    const version = (await loadEditorData(db, w.drafterA1, reportId)).sections.find((s) => s.key === 'measures')!.version;
    await saveSection(db, w.drafterA1, reportId, 'measures', { content: docFromText('改过的文字。'), version });
    expect(JSON.stringify(before.doc)).not.toContain('改过的文字');
  });
});

describe('发布日期', () => {
  it.each([
    ['2099-01-01', () => `发布日期不能晚于今天（${formatDocumentDate(chinaDate(new Date()))}）。`],
    ['2026-01-14', () => '发布日期不能早于成文日期（2026年1月15日）。'],
    ['2026-02-30', () => '发布日期不是有效的日期。'],
    ['2026年3月1日', () => '发布日期应为“年-月-日”格式。'],
  ])('refuses %s with a Chinese 400 and changes nothing', async (date, message) => {
    const before = await snapshot(db);
    const res = await post(w.drafterA1, { ...PUBLISH, date });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe(message());
    expect(await snapshot(db)).toEqual(before);
  });

  it('accepts today and the 成文日期 itself', async () => {
    expect((await publishMasked('2026-01-15')).status).toBe(200);
    await transitionReport(db, w.admin, reportId, { transition: 'reopen' });
    await toFinal();
    const refused = (await (await post(w.drafterA1, { ...PUBLISH, date: chinaDate(new Date()) })).json()) as { findings: Found[] };
    const masks = Object.fromEntries(refused.findings.map((f) => [f.key, '某']));
    expect((await post(w.drafterA1, { ...PUBLISH, date: chinaDate(new Date()), masks })).status).toBe(200);
  });
});
