import { beforeEach, describe, expect, it } from 'vitest';

import { GET as listRoute, POST as postRoute } from '@/app/api/reports/[id]/comments/route';
import { DELETE as deleteRoute, PATCH as patchRoute } from '@/app/api/reports/[id]/comments/[commentId]/route';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/domain/permissions';
import { loadEditorData, saveSection } from '@/lib/drafting/service';
import { createReport } from '@/lib/reports/service';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { createAnchor } from '@/lib/domain/anchor';
import type { ThreadView } from '@/lib/review/comments';
import { setActor } from '../../support/mock-session';
import { freshWorld, snapshot, type World } from '../../support/db';

let db: Db, w: World, reportId: number;
const TEXT = '（一）加强组织领导\n镇党委全年召开专题会议4次，研究法治政府建设工作。\n（二）严格规范执法\n全年开展执法检查136次。';

async function save(text: string) {
  const v = (await loadEditorData(db, w.drafterA1, reportId)).sections.find((s) => s.key === 'measures')!.version;
  await saveSection(db, w.drafterA1, reportId, 'measures', { content: docFromText(text), version: v });
}

beforeEach(async () => {
  ({ db, w } = await freshWorld());
  reportId = (await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2025 }, new Date('2025-12-01'))).id;
  await save(TEXT);
});

const ctx = (extra: { commentId?: string } = {}) => ({ params: Promise.resolve({ id: String(reportId), commentId: extra.commentId ?? '' }) });
async function post(actor: Actor, body: unknown) {
  setActor(actor);
  return postRoute(new Request('http://t/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), ctx());
}
async function threads(actor: Actor): Promise<ThreadView[]> {
  setActor(actor);
  return (await (await listRoute(new Request('http://t/x'), ctx())).json()).threads;
}
function anchorOn(text: string, quote: string) {
  const start = text.indexOf(quote);
  return createAnchor(text, start, start + quote.length);
}

describe('comments anchored on text', () => {
  it('a reviewer comments on a passage without touching the report, and the anchor follows edits', async () => {
    const before = (await loadEditorData(db, w.drafterA1, reportId)).sections;
    const res = await post(w.reviewerA, { sectionKey: 'measures', body: '请写明会议的具体议题。', anchor: anchorOn(TEXT, '专题会议4次') });
    expect(res.status).toBe(201);
    // The section's text and version are untouched.
    expect((await loadEditorData(db, w.drafterA1, reportId)).sections).toEqual(before);

    await save('前言插入的一句话。\n' + TEXT.replace('136次', '140次'));
    const [t] = await threads(w.drafterA1);
    const now = (await loadEditorData(db, w.drafterA1, reportId)).sections.find((s) => s.key === 'measures')!.plainText;
    expect(now.slice(t!.position!.start, t!.position!.end)).toBe('专题会议4次');

    await save(TEXT.replace('镇党委全年召开专题会议4次，', ''));
    const [gone] = await threads(w.drafterA1);
    expect(gone!.position).toBeNull();
    expect(gone!.anchor.exact).toBe('专题会议4次');
    expect(gone!.body).toBe('请写明会议的具体议题。');
  });

  it('replies one level deep, resolves and reopens', async () => {
    const { comment } = await (await post(w.reviewerA, { sectionKey: 'measures', body: '数字请核实', anchor: anchorOn(TEXT, '136次') })).json();
    const r = await post(w.drafterA1, { parentId: comment.id, body: '已核实，为136次。' });
    expect(r.status).toBe(201);
    const replyId = (await r.json()).comment.id;
    const nested = await post(w.reviewerA, { parentId: replyId, body: '再回复' });
    expect(nested.status).toBe(400);
    expect((await nested.json()).error).toBe('只能回复批注本身，不能回复回复。');

    setActor(w.drafterA1);
    expect((await patchRoute(new Request('http://t/x', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"resolved":true}' }), ctx({ commentId: String(comment.id) }))).status).toBe(200);
    let [t] = await threads(w.reviewerA);
    expect(t).toMatchObject({ resolved: true, resolvedByName: 'drafter-a1', replies: [expect.objectContaining({ body: '已核实，为136次。' })] });
    setActor(w.reviewerA);
    await patchRoute(new Request('http://t/x', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"resolved":false}' }), ctx({ commentId: String(comment.id) }));
    [t] = await threads(w.reviewerA);
    expect(t!.resolved).toBe(false);
  });

  it('only the author edits or deletes a comment; a thread with replies keeps its place when deleted', async () => {
    const { comment } = await (await post(w.reviewerA, { sectionKey: 'measures', body: '原批注', anchor: anchorOn(TEXT, '执法检查') })).json();
    await post(w.drafterA1, { parentId: comment.id, body: '回复' });
    setActor(w.drafterA1);
    const before = await snapshot(db);
    expect((await patchRoute(new Request('http://t/x', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"body":"篡改"}' }), ctx({ commentId: String(comment.id) }))).status).toBe(403);
    expect((await deleteRoute(new Request('http://t/x', { method: 'DELETE' }), ctx({ commentId: String(comment.id) }))).status).toBe(403);
    expect(await snapshot(db)).toEqual(before);

    setActor(w.reviewerA);
    expect((await patchRoute(new Request('http://t/x', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"body":"改后的批注"}' }), ctx({ commentId: String(comment.id) }))).status).toBe(200);
    expect((await threads(w.reviewerA))[0]).toMatchObject({ body: '改后的批注', editedAt: expect.any(String) });
    setActor(w.reviewerA);
    expect((await deleteRoute(new Request('http://t/x', { method: 'DELETE' }), ctx({ commentId: String(comment.id) }))).status).toBe(200);
    const [t] = await threads(w.reviewerA);
    expect(t).toMatchObject({ deleted: true, body: '', replies: [expect.objectContaining({ body: '回复' })] });
  });

  it('keeps markup in a comment as plain text', async () => {
    const xss = '<img src=x onerror=alert(1)>';
    await post(w.reviewerA, { sectionKey: 'measures', body: xss, anchor: anchorOn(TEXT, '136次') });
    expect((await threads(w.drafterA1))[0]!.body).toBe(xss);
  });

  it.each([
    ['reviewerB', 403],
    ['drafterA2', 403],
    ['drafterB1', 403],
  ] as const)('%s outside the scope cannot comment or read comments (%i)', async (who, status) => {
    const before = await snapshot(db);
    expect((await post(w[who], { sectionKey: 'measures', body: '越权', anchor: anchorOn(TEXT, '136次') })).status).toBe(status);
    setActor(w[who]);
    expect((await listRoute(new Request('http://t/x'), ctx())).status).toBe(status);
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    [{ sectionKey: 'measures', body: '', anchor: { exact: '136次', prefix: '', suffix: '', start: 0 } }, '请填写批注内容。'],
    [{ sectionKey: 'nowhere', body: 'x', anchor: { exact: '136次', prefix: '', suffix: '', start: 0 } }, '报告中没有这个部分。'],
    [{ sectionKey: 'measures', body: 'x', anchor: { exact: '', prefix: '', suffix: '', start: 0 } }, '请先选中要批注的文字。'],
    [{ sectionKey: 'measures', body: 'x', anchor: { exact: '报告里没有的话', prefix: '', suffix: '', start: 0 } }, '所选文字已被修改，请重新选中要批注的文字。'],
    [{ sectionKey: 'measures', body: 'x'.repeat(2001), anchor: { exact: '136次', prefix: '', suffix: '', start: 0 } }, '批注不能超过 2000 个字。'],
    [{ parentId: 424242, body: 'x' }, '要回复的批注不存在。'],
  ])('refuses %j with a Chinese message and changes nothing', async (body, message) => {
    const before = await snapshot(db);
    const res = await post(w.reviewerA, body);
    expect([400, 404]).toContain(res.status);
    expect((await res.json()).error).toBe(message);
    expect(await snapshot(db)).toEqual(before);
  });
});
