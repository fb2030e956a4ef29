// A reviewed Word file filed onto its submitted report through the real route handler: its tracked changes become
// pending suggestions signed with their Word authors, its comments anchored comments with their replies, what cannot
// be placed is listed; filing it again adds nothing; who may file, the bounds, the audit row with the file's hash, and
// withdrawing what one filed.
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { POST as reviewImportRoute } from '@/app/api/reports/[id]/review-import/route';
import { GET as suggestionsRoute } from '@/app/api/reports/[id]/suggestions/route';
import { GET as commentsRoute } from '@/app/api/reports/[id]/comments/route';
import { POST as withdrawRoute } from '@/app/api/reports/[id]/suggestions/[sid]/withdraw/route';
import { POST as acceptRoute } from '@/app/api/reports/[id]/suggestions/[sid]/accept/route';
import type { Db } from '@/db/client';
import { auditEvents } from '@/db/schema';
import type { Actor } from '@/lib/domain/permissions';
import type { ReviewFiled } from '@/lib/review/word-review';
import type { SuggestionList } from '@/lib/review/suggestions';
import type { ThreadList } from '@/lib/review/comments';
import { transitionReport } from '@/lib/review/transitions';
import { loadEditorData } from '@/lib/drafting/service';
import { limit } from '@/lib/shared/limits';
import { setActor } from '../../support/mock-session';
import { snapshot, worldWithSubmitted, type World } from '../../support/db';
import { commented, del, ins, p, reviewedDocx, text } from '../../support/reviewed-docx';

const MEASURES = '镇党委全年召开专题会议4次，研究法治政府建设工作。全年开展执法检查136次，办理行政复议案件2件。\n建立镇村两级法律顾问制度，实现村（社区）全覆盖。';

let db: Db, w: World, reportId: number;
beforeEach(async () => {
  ({ db, w, reportId } = await worldWithSubmitted(MEASURES));
});

/** As the 分管领导 sent it back: a replacement, an insertion, a deletion, a comment with a reply, and two that cannot be placed. */
const returned = () =>
  reviewedDocx(
    [
      p(text('关于甲一镇2025年度法治政府建设情况的报告')),
      p(text('镇党委全年召开专题会议') + del('4', '张三') + ins('5', '张三') + text('次，研究法治政府建设工作。全年开展执法检查136次，') + commented(1, text('办理行政复议案件2件')) + text('。')),
      p(text('建立镇村两级法律顾问制度') + ins('并定期考核', '李四') + text('，实现村') + del('（社区）', '李四') + text('全覆盖。')),
      // A change in text the report does not hold, and a comment on inserted text only.
      p(text('这一段不在报告中，') + del('旧的', '张三') + commented(3, text('文字。') + ins('新写的一句。', '张三'))),
    ],
    [
      { id: 1, author: '张三', body: '请补充案件的办理结果。' },
      { id: 2, author: '王五', body: '已核实，2件均已审结。', replyTo: 1 },
      { id: 3, author: '张三', body: '这句话请核实。' },
    ],
  );

async function file(actor: Actor, buf: Buffer, name = '甲一镇报告（审阅）.docx') {
  setActor(actor);
  const form = new FormData();
  form.set('file', new File([new Uint8Array(buf)], name));
  return reviewImportRoute(new Request(`http://t/api/reports/${reportId}/review-import`, { method: 'POST', body: form }), { params: Promise.resolve({ id: String(reportId) }) });
}
const ctx = (sid = '') => ({ params: Promise.resolve({ id: String(reportId), sid }) });
async function suggestionsAs(actor: Actor) {
  setActor(actor);
  return ((await (await suggestionsRoute(new Request('http://t/x'), ctx())).json()) as SuggestionList).suggestions;
}
async function threadsAs(actor: Actor) {
  setActor(actor);
  return ((await (await commentsRoute(new Request('http://t/x'), ctx())).json()) as ThreadList).threads;
}

describe('filing a returned file', () => {
  it('files changes as suggestions and comments with replies, lists what cannot be placed, and adds nothing the second time', async () => {
    const buf = await returned();
    const res = await file(w.reviewerA, buf);
    expect(res.status).toBe(200);
    const filed = (await res.json()) as ReviewFiled;
    expect(filed).toMatchObject({ suggestions: 3, comments: 2, duplicates: 0 });
    expect(filed.unplaced.map((u) => u.text)).toEqual(['张三：删除“旧的”', '张三：插入“新写的一句。”', '张三：这句话请核实。']);
    expect(filed.unplaced.every((u) => /[\u4e00-\u9fa5]/.test(u.why))).toBe(true);

    // Read back through the API as the drafter sees them: signed with their Word authors, marked 来自 Word.
    const list = await suggestionsAs(w.drafterA1);
    expect(list.map((s) => [s.authorName, s.anchor.exact, s.replacement, s.state, s.fromWord, s.position !== null])).toEqual([
      ['张三（Word 修订）', '4', '5', 'pending', true, true],
      ['李四（Word 修订）', '', '并定期考核', 'pending', true, true],
      ['李四（Word 修订）', '（社区）', '', 'pending', true, true],
    ]);
    const threads = await threadsAs(w.drafterA1);
    expect(threads.map((t) => [t.authorName, t.body, t.anchor.exact, t.fromWord, t.replies.map((r) => [r.authorName, r.body])])).toEqual([
      ['张三（Word 批注）', '请补充案件的办理结果。', '办理行政复议案件2件', true, [['王五（Word 批注）', '已核实，2件均已审结。']]],
    ]);
    expect(threads[0]!.position).toMatchObject({ exact: true });

    // The audit log names who filed the file and its hash.
    const row = (await db.select().from(auditEvents).where(eq(auditEvents.action, 'review.import')).orderBy(desc(auditEvents.id)))[0]!;
    expect(row.actorId).toBe(w.reviewerA.id);
    expect(row.detail).toMatchObject({ sha256: createHash('sha256').update(buf).digest('hex'), suggestions: 3, comments: 2 });

    // Filed again: nothing added, everything counted as a duplicate.
    const before = await snapshot(db);
    const again = (await (await file(w.reviewerA, buf)).json()) as ReviewFiled;
    expect(again).toMatchObject({ suggestions: 0, comments: 0, duplicates: 5 });
    const after = await snapshot(db);
    expect(after.suggestions).toEqual(before.suggestions);
    expect(after.comments).toEqual(before.comments);
  });

  it('lets the drafter file the file that came back by e-mail, accept a change from it, and the filer withdraw one', async () => {
    const res = await file(w.drafterA1, await returned());
    expect(res.status).toBe(200);
    const list = await suggestionsAs(w.drafterA1);
    expect(list.every((s) => s.filedById === w.drafterA1.id)).toBe(true);
    // Another reviewer cannot withdraw what the drafter filed; the drafter can.
    setActor(w.reviewerA);
    expect((await withdrawRoute(new Request('http://t/x', { method: 'POST' }), ctx(String(list[0]!.id)))).status).toBe(403);
    setActor(w.drafterA1);
    expect((await withdrawRoute(new Request('http://t/x', { method: 'POST' }), ctx(String(list[0]!.id)))).status).toBe(200);
    expect((await suggestionsAs(w.drafterA1)).map((s) => s.id)).toEqual(list.slice(1).map((s) => s.id));
    // Returned for revision, the drafter accepts a Word change like any other.
    await transitionReport(db, w.reviewerA, reportId, { transition: 'return', reason: '请按审阅意见修改。' });
    setActor(w.drafterA1);
    const accepted = await acceptRoute(new Request('http://t/x', { method: 'POST' }), ctx(String(list[1]!.id)));
    expect(accepted.status).toBe(200);
  });

  it('refuses who may not comment, and reports past review', async () => {
    const buf = await returned();
    const before = await snapshot(db);
    expect((await file(w.drafterB1, buf)).status).toBe(403);
    expect((await file(w.reviewerB, buf)).status).toBe(403);
    expect(await snapshot(db)).toEqual(before);
    // The editor offers the upload to whoever may file now, and only then.
    expect((await loadEditorData(db, w.reviewerA, reportId)).review.mayFileWord).toBe(true);
    expect((await loadEditorData(db, w.drafterA1, reportId)).review.mayFileWord).toBe(true);
    // Approved: past review, nothing more is filed onto it.
    await transitionReport(db, w.reviewerA, reportId, { transition: 'approve' });
    expect((await loadEditorData(db, w.reviewerA, reportId)).review.mayFileWord).toBe(false);
    const res = await file(w.reviewerA, buf);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/不能再登记/);
  });

  it('answers 413 with a Chinese sentence past the bounds', async () => {
    const long = 'x'.repeat(limit('revisionAuthorChars') + 1);
    const tooLongAuthor = await reviewedDocx([p(text('镇党委全年召开专题会议') + del('4', long) + ins('5', long) + text('次'))]);
    const res = await file(w.reviewerA, tooLongAuthor);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/作者名不能超过/);
    const many = Array.from({ length: limit('reviewCommentsPerFile') + 1 }, (_, i) => ({ id: i, author: '张三', body: '请核实。' }));
    const res2 = await file(w.reviewerA, await reviewedDocx([p(text('镇党委'))], many));
    expect(res2.status).toBe(413);
    expect(((await res2.json()) as { error: string }).error).toMatch(/批注超过/);
    const big = await file(w.reviewerA, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(limit('uploadBytes'))]));
    expect(big.status).toBe(413);
  });
});
