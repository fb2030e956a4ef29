// The download route (GET /api/reports/:id/export): its options are checked before the report is read, and the
// 修订稿 carries the pending suggestions exactly as the review panel places them, reviewers' and imported Word
// changes alike, and nothing rejected or no longer found in the text.
import JSZip from 'jszip';
import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as exportRoute } from '@/app/api/reports/[id]/export/route';
import type { Db } from '@/db/client';
import { reportSections } from '@/db/schema';
import { withTx, write } from '@/db/tx';
import { createAnchor, pointAnchor } from '@/lib/domain/anchor';
import { docFromText } from '@/lib/domain/tiptap-doc';
import type { BodySectionKey } from '@/lib/domain/sections';
import { saveSection } from '@/lib/drafting/service';
import { exportDocumentFromReport } from '@/lib/export/from-report';
import type { Revision } from '@/lib/export/revisions';
import { createSuggestion, fileTrackedChanges, listSuggestions, rejectSuggestion } from '@/lib/review/suggestions';
import { transitionReport } from '@/lib/review/transitions';
import { setActor } from '../../support/mock-session';
import { worldWithDraft, type World } from '../../support/db';

let db: Db, w: World, reportId: number;
const TEXT = '镇党委全年召开专题会议4次，研究法治政府建设工作。全年开展执法检查136次，办理行政复议案件2件。';
const PLANS = '继续做好法律顾问工作。';

const get = (id: string, query: string) => exportRoute(new Request(`http://t/api/reports/${id}/export?${query}`), { params: Promise.resolve({ id }) });

beforeEach(async () => {
  ({ db, w, reportId } = await worldWithDraft());
  await saveSection(db, w.drafterA1, reportId, 'measures', { content: docFromText(TEXT), version: 1 });
  await saveSection(db, w.drafterA1, reportId, 'plans', { content: docFromText(PLANS), version: 1 });
  await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
  setActor(null);
});

const replace = (key: BodySectionKey, text: string, quote: string, replacement: string) => {
  const start = text.indexOf(quote);
  return { sectionKey: key, anchor: createAnchor(text, start, start + quote.length), replacement, reason: null };
};

/** What the review panel lists as pending and placed, in the shape the 修订稿 writes. */
async function panelRevisions(): Promise<Partial<Record<BodySectionKey, Revision[]>>> {
  const out: Partial<Record<BodySectionKey, Revision[]>> = {};
  for (const s of await listSuggestions(db, w.reviewerA, reportId)) {
    if (s.state !== 'pending' || !s.position) continue;
    (out[s.sectionKey] ??= []).push({ id: s.id, start: s.position.start, end: s.position.end, replacement: s.replacement, author: s.authorName, date: s.createdAt, reason: s.reason });
  }
  return out;
}

describe('the 修订稿', () => {
  it('holds the pending suggestions still found in the text, as the review panel places them', async () => {
    await createSuggestion(db, w.reviewerA, reportId, replace('measures', TEXT, '4次', '5次'));
    await createSuggestion(db, w.reviewerA, reportId, { sectionKey: 'measures', anchor: pointAnchor(TEXT, TEXT.length), replacement: '（均已整改）', reason: null });
    const rejected = await createSuggestion(db, w.reviewerA, reportId, replace('measures', TEXT, '136次', '137次'));
    await createSuggestion(db, w.reviewerA, reportId, replace('plans', PLANS, '法律顾问', '公职律师'));
    await createSuggestion(db, w.reviewerA, reportId, replace('measures', TEXT, '行政复议', '行政诉讼'));
    // A Word change filed while the report waits for review, as a reviewer files one.
    await withTx(db, (tx) => fileTrackedChanges(tx, w.reviewerA, reportId, [{ author: '王审核', date: null, exact: '研究', prefix: '', suffix: '', replacement: '专题研究' }]));
    await transitionReport(db, w.reviewerA, reportId, { transition: 'return', reason: '请按修订修改。' });
    await rejectSuggestion(db, w.drafterA1, reportId, rejected.id);
    // The passage of the last reviewer's suggestion changes under it (a new version of the part, as every write makes):
    // still pending, no longer placed.
    const changed = TEXT.replace('行政复议', '复议');
    await write(db, () =>
      db
        .update(reportSections)
        .set({ content: docFromText(changed), plainText: changed, version: sql`${reportSections.version} + 1` })
        .where(and(eq(reportSections.reportId, reportId), eq(reportSections.sectionKey, 'measures'))),
    );

    const panel = await panelRevisions();
    expect(panel.measures!.map((r) => [r.replacement, r.author])).toEqual([
      ['5次', w.reviewerA.displayName],
      ['（均已整改）', w.reviewerA.displayName],
      ['专题研究', '王审核（Word 修订）'],
    ]);
    expect(panel.plans).toHaveLength(1);
    for (const actor of [w.drafterA1, w.reviewerA, w.admin])
      expect((await exportDocumentFromReport(db, actor, reportId, { revisions: true })).revisions).toEqual(panel);
    expect((await exportDocumentFromReport(db, w.drafterA1, reportId)).revisions).toBeUndefined();

    setActor(w.drafterA1);
    const res = await get(String(reportId), 'format=docx&variant=revisions');
    expect(res.status).toBe(200);
    const xml = await (await JSZip.loadAsync(await res.arrayBuffer())).file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:ins ');
    expect(xml).toContain('<w:del ');
    expect(xml).toContain('王审核（Word 修订）');
  });

  it('with no pending suggestion is the report as submitted', async () => {
    expect((await exportDocumentFromReport(db, w.drafterA1, reportId, { revisions: true })).revisions).toEqual({});
  });
});

describe('the export options', () => {
  it('are refused before the report is read: a missing report or one out of scope answers for its options first', async () => {
    setActor(w.drafterA1);
    for (const id of [String(reportId), '999999']) {
      const pdf = await get(id, 'format=pdf');
      expect(pdf.status).toBe(400);
      expect((await pdf.json()).error).toBe('导出格式只能是 docx、md 或 txt。');
      const draft = await get(id, 'format=docx&variant=draft');
      expect(draft.status).toBe(400);
      expect((await draft.json()).error).toBe('版本只能是报送稿（submit）、公开稿（public）或修订稿（revisions）。');
      const md = await get(id, 'format=md&variant=revisions');
      expect(md.status).toBe(400);
      expect((await md.json()).error).toBe('修订稿只能导出为 Word（docx），修订以 Word 的修订标记呈现。');
    }
    setActor(w.drafterB1);
    expect((await get(String(reportId), 'format=pdf')).status).toBe(400);
    // Good options: the report's own answers as before.
    expect((await get(String(reportId), 'format=docx')).status).toBe(403);
    setActor(w.drafterA1);
    expect((await get('999999', 'format=docx')).status).toBe(404);
    expect((await get('abc', 'format=pdf')).status).toBe(400);
    const txt = await get(String(reportId), 'format=txt&variant=public');
    expect(txt.status).toBe(200);
    expect(txt.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });
});
