// The 修订稿 with its Word comments, from a stored report through the real export route: two pending suggestions (one
// with a reason), an open comment with a reply, a resolved one left out. Its XML has unique annotation ids and the
// parts Word requires; filed back onto a copy of the report it gives the same suggestions and comments, and onto the
// original only duplicates.
import JSZip from 'jszip';
import { writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as exportRoute } from '@/app/api/reports/[id]/export/route';
import { POST as reviewImportRoute } from '@/app/api/reports/[id]/review-import/route';
import type { Db } from '@/db/client';
import { createAnchor } from '@/lib/domain/anchor';
import type { Actor } from '@/lib/domain/permissions';
import { addThread, listThreads, reply, setResolved } from '@/lib/review/comments';
import { createSuggestion, listSuggestions } from '@/lib/review/suggestions';
import type { ReviewFiled } from '@/lib/review/word-review';
import { saveSection } from '@/lib/drafting/service';
import { createReport } from '@/lib/reports/service';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { transitionReport } from '@/lib/review/transitions';
import { setActor } from '../../support/mock-session';
import { DRAFT_NOW, worldWithSubmitted, type World } from '../../support/db';

const MEASURES = '镇党委全年召开专题会议4次，研究法治政府建设工作。全年开展执法检查136次，办理行政复议案件2件。';

let db: Db, w: World, reportId: number;
const on = (quote: string) => ({ sectionKey: 'measures', anchor: createAnchor(MEASURES, MEASURES.indexOf(quote), MEASURES.indexOf(quote) + quote.length) });

beforeEach(async () => {
  ({ db, w, reportId } = await worldWithSubmitted(MEASURES));
  await createSuggestion(db, w.reviewerA, reportId, { ...on('4次'), replacement: '5次', reason: '与会议记录核对，全年共5次。' });
  await createSuggestion(db, w.reviewerA, reportId, { ...on('执法检查'), replacement: '行政执法检查', reason: null });
  const thread = await addThread(db, w.reviewerA, reportId, { ...on('办理行政复议案件2件'), body: '请补充案件的办理结果。' });
  await reply(db, w.drafterA1, reportId, { parentId: thread.id, body: '2件均已审结，维持1件，撤销1件。' });
  const resolved = await addThread(db, w.reviewerA, reportId, { ...on('研究法治政府建设工作'), body: '已解决的批注。' });
  await setResolved(db, w.reviewerA, reportId, resolved.id, true);
});

async function exported(actor: Actor, id = reportId): Promise<Buffer> {
  setActor(actor);
  const res = await exportRoute(new Request(`http://t/api/reports/${id}/export?format=docx&variant=revisions`), { params: Promise.resolve({ id: String(id) }) });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}
async function fileBack(actor: Actor, id: number, buf: Buffer): Promise<ReviewFiled> {
  setActor(actor);
  const form = new FormData();
  form.set('file', new File([new Uint8Array(buf)], '修订稿.docx'));
  const res = await reviewImportRoute(new Request('http://t/x', { method: 'POST', body: form }), { params: Promise.resolve({ id: String(id) }) });
  expect(res.status).toBe(200);
  return (await res.json()) as ReviewFiled;
}

describe('the 修订稿 with Word comments', () => {
  it('writes changes, the reason and the open comment with its reply, every id unique, with the parts Word requires', async () => {
    const buf = await exported(w.drafterA1);
    if (process.env.KEEP_DOCX) writeFileSync(process.env.KEEP_DOCX, buf);
    const zip = await JSZip.loadAsync(buf);
    const doc = await zip.file('word/document.xml')!.async('string');
    const comments = await zip.file('word/comments.xml')!.async('string');
    const ids = [...doc.matchAll(/<w:(?:ins|del) [^>]*w:id="(\d+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(4); // a replacement's w:del and w:ins, twice
    expect(new Set(ids).size).toBe(ids.length);
    const commentIds = [...comments.matchAll(/<w:comment [^>]*w:id="(\d+)"/g)].map((m) => m[1]);
    expect(commentIds).toHaveLength(3); // the reason, the comment, its reply
    expect(commentIds.filter((id) => ids.includes(id))).toEqual([]);
    expect(comments).toContain('与会议记录核对，全年共5次。');
    expect(comments).toContain('请补充案件的办理结果。');
    expect(comments).toContain('2件均已审结，维持1件，撤销1件。');
    expect(comments).not.toContain('已解决的批注');
    for (const id of commentIds.slice(0, 2)) {
      expect(doc).toContain(`<w:commentRangeStart w:id="${id}"/>`);
      expect(doc).toContain(`<w:commentRangeEnd w:id="${id}"/>`);
      expect(doc).toContain(`<w:commentReference w:id="${id}"/>`);
    }
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(rels).toMatch(/relationships\/comments" Target="comments.xml"|Target="comments.xml"/);
    expect(types).toContain('/word/comments.xml');
    expect(zip.file('word/commentsExtended.xml')).not.toBeNull();
    expect(types).toContain('/word/commentsExtended.xml');
    expect(await zip.file('word/commentsExtended.xml')!.async('string')).toContain('w15:paraIdParent');
  });

  it('filed back onto the original adds nothing; onto a copy of the report it gives the same suggestions and comments', async () => {
    const buf = await exported(w.drafterA1);
    expect(await fileBack(w.reviewerA, reportId, buf)).toMatchObject({ suggestions: 0, comments: 0, duplicates: 4, unplaced: [] });

    // The same text in another township's report (甲二镇), submitted, as a copy.
    const copy = (await createReport(db, w.drafterA2, { townshipId: w.townA2, year: 2025 }, DRAFT_NOW)).id;
    await saveSection(db, w.drafterA2, copy, 'measures', { content: docFromText(MEASURES), version: 1 });
    await transitionReport(db, w.drafterA2, copy, { transition: 'submit' });
    expect(await fileBack(w.reviewerA, copy, buf)).toMatchObject({ suggestions: 2, comments: 2, duplicates: 0, unplaced: [] });
    const pick = (list: Awaited<ReturnType<typeof listSuggestions>>) => list.map((s) => [s.anchor.exact, s.replacement, s.reason, s.position]);
    expect(pick(await listSuggestions(db, w.reviewerA, copy))).toEqual(pick(await listSuggestions(db, w.reviewerA, reportId)));
    const copied = await listSuggestions(db, w.reviewerA, copy);
    expect(copied.map((s) => s.authorName)).toEqual([`${w.reviewerA.displayName}（Word 修订）`, `${w.reviewerA.displayName}（Word 修订）`]);
    const threads = await listThreads(db, w.reviewerA, copy);
    expect(threads.map((t) => [t.anchor.exact, t.body, t.position?.start, t.replies.map((r) => r.body)])).toEqual(
      (await listThreads(db, w.reviewerA, reportId)).filter((t) => !t.resolved).map((t) => [t.anchor.exact, t.body, t.position?.start, t.replies.map((r) => r.body)]),
    );
    expect(threads[0]!.authorName).toBe(`${w.reviewerA.displayName}（Word 批注）`);
  });
});
