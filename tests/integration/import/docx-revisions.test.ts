// A .docx with Word's tracked changes (修订) imports as the text before the changes, each change filed as a suggestion
// by its author; the app's own 修订稿 comes back the same way.
import { beforeEach, describe, expect, it } from 'vitest';
import { Document, DeletedTextRun, InsertedTextRun, Packer, Paragraph, TextRun } from 'docx';
import type { Db } from '@/db/client';
import { renderDocx } from '@/lib/export/docx';
import { readReportUpload } from '@/lib/import/read';
import { commitImport, previewImport } from '@/lib/import/service';
import { docFromReportText } from '@/lib/domain/tiptap-doc';
import { fileTrackedChanges, listSuggestions } from '@/lib/review/suggestions';
import { transitionReport } from '@/lib/review/transitions';
import { limit, limitMessage } from '@/lib/shared/limits';
import { docxWithBody, ins, rawPara, reportBody } from '../../support/revised-docx';
import { POST as previewRoute } from '@/app/api/import/preview/route';
import type { ImportPreview } from '@/lib/import/service';
import { auditEvents, reportSections, reports, suggestions } from '@/db/schema';
import { one } from '@/db/tx';
import { and, eq } from 'drizzle-orm';
import { freshWorld, type World } from '../../support/db';
import { setActor } from '../../support/mock-session';
import { FIXTURE } from '../../fixtures/export-document';

let db: Db;
let w: World;
beforeEach(async () => {
  ({ db, w } = await freshWorld());
  setActor(w.drafterA1);
});

const p = (...children: Array<TextRun | InsertedTextRun | DeletedTextRun>) => new Paragraph({ children });
const date = '2026-01-10T08:00:00Z';

async function revisedDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          p(new TextRun('关于甲一镇2025年度法治政府建设情况的报告')),
          p(new TextRun('中共甲县委、甲县人民政府：')),
          p(new TextRun('2025年，甲一镇坚持依法行政。现将有关情况报告如下：')),
          p(new TextRun('一、2025年度推进法治政府建设的主要举措和成效')),
          p(
            new TextRun('镇党委全年召开专题会议'),
            new DeletedTextRun({ text: '4次', id: 1, author: '王审核', date }),
            new InsertedTextRun({ text: '5次', id: 2, author: '王审核', date }),
            new TextRun('，研究法治政府建设工作'),
            new DeletedTextRun({ text: '，效果明显', id: 3, author: '李科长', date }),
            new TextRun('。全年开展执法检查136次'),
            new InsertedTextRun({ text: '（均已整改）', id: 4, author: '王审核', date }),
            new TextRun('。'),
          ),
          p(new TextRun('二、2025年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况')),
          p(new TextRun('镇党委书记主持专题会议5次。')),
          p(new TextRun('三、2025年度推进法治政府建设存在的不足和原因')),
          p(new TextRun('执法力量不足，原因是编制紧张。')),
          p(new TextRun('四、2026年度推进法治政府建设的主要安排')),
          p(new TextRun('开展案卷评查。')),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('importing Word tracked changes', () => {
  it('reads the text with all changes accepted by default, or as it stood before them, and each change with its author', async () => {
    const accepted = await readReportUpload(await revisedDocx(), '甲一镇.docx');
    expect(accepted.text).toContain('镇党委全年召开专题会议5次，研究法治政府建设工作。全年开展执法检查136次（均已整改）。');
    expect(accepted.revisions).toEqual({ count: 3, authors: ['王审核', '李科长'], choice: 'accepted' });
    const { text, trackedChanges } = await readReportUpload(await revisedDocx(), '甲一镇.docx', 'original');
    expect(text).toContain('镇党委全年召开专题会议4次，研究法治政府建设工作，效果明显。全年开展执法检查136次。');
    expect(trackedChanges.map((c) => [c.author, c.exact, c.replacement])).toEqual([
      ['王审核', '4次', '5次'],
      ['李科长', '，效果明显', ''],
      ['王审核', '', '（均已整改）'],
    ]);
  });

  it('a drafter who imports a file with tracked changes files no suggestion: the text is the one chosen and the audit row says so', async () => {
    for (const [choice, year, expected] of [
      ['accepted', 2025, '镇党委全年召开专题会议5次，研究法治政府建设工作。全年开展执法检查136次（均已整改）。'],
      ['original', 2024, '镇党委全年召开专题会议4次，研究法治政府建设工作，效果明显。全年开展执法检查136次。'],
    ] as const) {
      const form = new FormData();
      form.set('file', new File([new Uint8Array(await revisedDocx())], '甲一镇.docx'));
      form.set('revisions', choice);
      const res = await previewRoute(new Request('http://t/api/import/preview', { method: 'POST', body: form }), { params: Promise.resolve({}) });
      expect(res.status).toBe(200);
      const preview = (await res.json()) as ImportPreview;
      expect(preview.revisions).toEqual({ count: 3, authors: ['王审核', '李科长'], choice });
      const { text, trackedChanges } = await readReportUpload(await revisedDocx(), '甲一镇.docx', choice);
      const committed = await commitImport(db, w.drafterA1, {
        townshipId: w.townA1,
        year,
        title: preview.parsed.title,
        sections: Object.fromEntries(Object.entries(previewImport(text).parsed.sections).filter(([, v]) => v)),
        revisions: { count: preview.revisions!.count, choice },
        // What the old wizard sent: not filed, whoever asks.
        trackedChanges,
      });
      expect(await listSuggestions(db, w.drafterA1, committed.reportId)).toEqual([]);
      const measures = await one(
        db
          .select({ text: reportSections.plainText })
          .from(reportSections)
          .where(and(eq(reportSections.reportId, committed.reportId), eq(reportSections.sectionKey, 'measures'))),
      );
      expect(measures!.text).toBe(expected);
      const audit = await one(
        db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, 'report.import'), eq(auditEvents.reportId, committed.reportId))),
      );
      expect(audit!.detail).toMatchObject({ revisions: 3, revisionChoice: choice });
    }
    expect(await db.select().from(suggestions)).toEqual([]);
  });

  it('three commits of 500 "Word changes" by a drafter file nothing (they gave 1,500 suggestions)', async () => {
    const change = (i: number) => ({ author: '假审核', date: null, exact: '', prefix: '研究法治政府建设工作', suffix: '', replacement: `第${i}条` });
    for (let year = 2023; year <= 2025; year++) {
      await commitImport(db, w.drafterA1, {
        townshipId: w.townA1,
        year,
        title: '报告',
        sections: { measures: '研究法治政府建设工作' },
        trackedChanges: Array.from({ length: 500 }, (_, i) => change(i)),
      });
    }
    expect(await db.select().from(suggestions)).toEqual([]);
  });

  it('the app’s own 修订稿 comes back as the same suggestions', async () => {
    const TEXT = '镇党委全年召开专题会议4次，研究法治政府建设工作。';
    const buf = await renderDocx(
      {
        ...FIXTURE,
        sections: { ...FIXTURE.sections, measures: docFromReportText(TEXT) },
        revisions: { measures: [{ id: 7, start: TEXT.indexOf('4次'), end: TEXT.indexOf('4次') + 2, replacement: '5次', author: '县审核人', date }] },
      },
      'revisions',
    );
    const { text, trackedChanges } = await readReportUpload(buf, 'x.docx', 'original');
    expect(text).toContain(TEXT);
    expect(trackedChanges.map((c) => [c.author, c.exact, c.replacement])).toEqual([['县审核人', '4次', '5次']]);
  });
});

const uploadDocx = async (buf: Buffer) => {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(buf)], '修订稿.docx'));
  const t0 = performance.now();
  const res = await previewRoute(new Request('http://t/api/import/preview', { method: 'POST', body: form }), { params: Promise.resolve({}) });
  return { res, ms: performance.now() - t0 };
};

describe('the limits on Word revisions: 413 with the Chinese sentence, before the work', () => {
  it('40,000 insertions in one paragraph (the old reader took seconds to minutes)', async () => {
    const { res } = await uploadDocx(await docxWithBody(reportBody(`<w:p>${'<w:ins><w:r><w:t>a</w:t></w:r></w:ins>'.repeat(40_000)}</w:p>`)));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toBe(limitMessage('revisionsPerParagraph'));
  });

  it('more revisions in a document than the limit, one per paragraph', async () => {
    const { res } = await uploadDocx(await docxWithBody(reportBody(rawPara(ins('字')).repeat(limit('revisionsPerDocument') + 1))));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toBe(limitMessage('revisionsPerDocument'));
  });

  it('an author name of 120,000 characters is cut as it is read (it made a 54 MB answer)', async () => {
    const { res } = await uploadDocx(await docxWithBody(reportBody(rawPara(ins('（均已整改）', '名'.repeat(120_000))))));
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body.length).toBeLessThan(20_000);
    expect((JSON.parse(body) as ImportPreview).revisions!.authors).toEqual(['名'.repeat(limit('revisionAuthorChars'))]);
  });

  it('a commit claiming more revisions than a document may hold', async () => {
    await expect(
      commitImport(db, w.drafterA1, { townshipId: w.townA1, year: 2025, title: '报告', sections: { measures: '正文' }, revisions: { count: 10 ** 9, choice: 'accepted' } }),
    ).rejects.toMatchObject({ status: 413, message: limitMessage('revisionsPerDocument') });
    expect(await db.select().from(reports)).toEqual([]);
  });
});

describe('Word changes filed as suggestions pass the one gate', () => {
  const TEXT = '镇党委全年召开专题会议4次，研究法治政府建设工作。';
  const change = (i = 0) => ({ author: '王审核', date: null, exact: '4次', prefix: '召开专题会议', suffix: '，研究', replacement: `${5 + i}次` });
  let reportId: number;
  beforeEach(async () => {
    reportId = (await commitImport(db, w.drafterA1, { townshipId: w.townA1, year: 2025, title: '报告', sections: { measures: TEXT } })).reportId;
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
  });

  it('a reviewer of the county files them, each audited', async () => {
    expect(await fileTrackedChanges(db, w.reviewerA, reportId, [change(), { ...change(), exact: '不在文中' }])).toBe(1);
    const filed = await db.select().from(suggestions);
    expect(filed.map((s) => [s.authorId, s.authorName, s.replacement])).toEqual([[w.reviewerA.id, '王审核', '5次']]);
    expect((await db.select().from(auditEvents).where(eq(auditEvents.action, 'suggestion.create'))).map((a) => a.detail)).toEqual([
      { suggestionId: filed[0]!.id, sectionKey: 'measures', from: 'word' },
    ]);
  });

  it('a drafter may not, nor anyone on a report being drafted', async () => {
    await expect(fileTrackedChanges(db, w.drafterA1, reportId, [change()])).rejects.toMatchObject({ status: 403 });
    await transitionReport(db, w.reviewerA, reportId, { transition: 'return', reason: '请修改。' });
    await expect(fileTrackedChanges(db, w.reviewerA, reportId, [change()])).rejects.toMatchObject({ status: 403 });
    expect(await db.select().from(suggestions)).toEqual([]);
  });

  it('the hourly quota and the per-report cap count every change of the file', async () => {
    const perHour = limit('suggestionsPerUserHour');
    await expect(fileTrackedChanges(db, w.reviewerA, reportId, Array.from({ length: perHour + 1 }, (_, i) => change(i)))).rejects.toMatchObject({
      status: 429,
      message: limitMessage('suggestionsPerUserHour'),
    });
    expect(await fileTrackedChanges(db, w.reviewerA, reportId, Array.from({ length: perHour }, (_, i) => change(i)))).toBe(perHour);
    await expect(fileTrackedChanges(db, w.reviewerA, reportId, [change()])).rejects.toMatchObject({ status: 429 });
    expect(await db.select().from(suggestions)).toHaveLength(perHour);
  });

  it('more changes than one commit may carry: 413 before anything is read', async () => {
    const many = Array.from({ length: limit('revisionsPerCommit') + 1 }, (_, i) => change(i));
    await expect(fileTrackedChanges(db, w.drafterA1, reportId, many)).rejects.toMatchObject({ status: 413, message: limitMessage('revisionsPerCommit') });
    await expect(fileTrackedChanges(db, w.reviewerA, reportId, [{ ...change(), author: '名'.repeat(61) }])).rejects.toMatchObject({
      status: 413,
      message: limitMessage('revisionAuthorChars'),
    });
  });
});
