// 待办: the reviewer is told of a submission and a resubmission, the drafter of a return with its reason, comments,
// replies and suggestions, and both of the county's dates coming up; reading marks stay per user.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { setCollectionDate } from '@/lib/dashboard/service';
import { saveSection } from '@/lib/drafting/service';
import { inboxFor, markAllRead, markRead, unreadCount } from '@/lib/inbox/service';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { currentReportYear } from '@/lib/reports/service';
import { createReport } from '@/lib/reports/service';
import { addThread, reply } from '@/lib/review/comments';
import { createSuggestion } from '@/lib/review/suggestions';
import { transitionReport } from '@/lib/review/transitions';
import { GET as inboxRoute } from '@/app/api/inbox/route';
import type { Actor } from '@/lib/domain/permissions';
import type { InboxList } from '@/lib/inbox/service';
import { setActor } from '../../support/mock-session';
import { setDb } from '../../support/mock-db';
import { freshWorld, type World } from '../../support/db';
import { chinaDate } from '@/lib/shared/format';

let db: Db, w: World, reportId: number;
const year = currentReportYear();

beforeEach(async () => {
  ({ db, w } = await freshWorld());
  reportId = (await createReport(db, w.drafterA1, { townshipId: w.townA1, year })).id;
  await saveSection(db, w.drafterA1, reportId, 'measures', { content: docFromText('全年开展执法检查136次。'), version: 1 });
});

const kinds = async (who: World[keyof World]) => (await inboxFor(db, who as never)).map((i) => [i.kind, i.title, i.read]);

describe('待办', () => {
  it('follows a report through review for the reviewer and the drafter', async () => {
    expect(await inboxFor(db, w.reviewerA)).toEqual([]);
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    expect(await kinds(w.reviewerA)).toEqual([['review', `甲一镇 ${year}年度报告待审核`, false]]);
    // Another county's reviewer is told nothing.
    expect(await inboxFor(db, w.reviewerB)).toEqual([]);

    const thread = await addThread(db, w.reviewerA, reportId, {
      sectionKey: 'measures',
      body: '请写明检查的领域。',
      anchor: { exact: '136次', prefix: '执法检查', suffix: '。', start: 8 },
    });
    await createSuggestion(db, w.reviewerA, reportId, {
      sectionKey: 'measures',
      anchor: { exact: '136次', prefix: '执法检查', suffix: '。', start: 8 },
      replacement: '138次',
      reason: null,
    });
    await transitionReport(db, w.reviewerA, reportId, { transition: 'return', reason: '请补充执法领域。' });
    const drafter = await inboxFor(db, w.drafterA1);
    expect(drafter.map((i) => i.kind).sort()).toEqual(['comment', 'returned', 'suggestion']);
    expect(drafter.find((i) => i.kind === 'returned')!.detail).toBe('退回原因：请补充执法领域。');
    expect(drafter.every((i) => i.href === `/reports/${reportId}/edit`)).toBe(true);
    expect(await unreadCount(db, w.drafterA1)).toBe(3);

    // Read marks are the user's own.
    await markRead(db, w.drafterA1, [drafter.find((i) => i.kind === 'comment')!.key]);
    expect(await unreadCount(db, w.drafterA1)).toBe(2);
    expect(await markAllRead(db, w.drafterA1)).toBe(2);
    expect(await unreadCount(db, w.drafterA1)).toBe(0);

    // The drafter replies on the reviewer's comment; the reviewer is told, and of the resubmission.
    await reply(db, w.drafterA1, reportId, { parentId: thread.id, body: '已补充。' });
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    const reviewer = await kinds(w.reviewerA);
    expect(reviewer).toContainEqual(['review', `甲一镇 ${year}年度报告待审核（再次提交）`, false]);
    expect(reviewer).toContainEqual(['reply', `${w.drafterA1.displayName}回复了您的批注`, false]);
  });

  it('reminds the drafter of the county’s collection date 7, 3 and 1 days before, as a new item each time', async () => {
    const now = new Date();
    const inDays = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    await setCollectionDate(db, w.admin, { countyId: w.countyA, year, collectionDate: inDays(3) });
    const three = (await inboxFor(db, w.drafterA1)).filter((i) => i.kind === 'deadline');
    expect(three.map((i) => i.key)).toContain(`deadline:collect:${w.townA1}:${year}:3`);
    await markAllRead(db, w.drafterA1);
    const later = new Date(now.getTime() + 2.5 * 86_400_000);
    const one = (await inboxFor(db, w.drafterA1, later)).filter((i) => i.kind === 'deadline' && !i.read);
    expect(one.map((i) => i.key)).toContain(`deadline:collect:${w.townA1}:${year}:1`);
    // Nothing once submitted.
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    expect((await inboxFor(db, w.drafterA1, later)).filter((i) => i.key.startsWith('deadline:collect'))).toEqual([]);
  });

  it('refuses bad read marks with a Chinese message', async () => {
    await expect(markRead(db, w.drafterA1, 'x')).rejects.toThrow(/[\u4e00-\u9fa5]/);
    await expect(
      markRead(
        db,
        w.drafterA1,
        Array.from({ length: 201 }, (_, i) => `k${i}`),
      ),
    ).rejects.toThrow(/[\u4e00-\u9fa5]/);
  });
});

describe('待办 for every hand-over, and GET /api/inbox', () => {
  async function api(actor: Actor | null): Promise<{ status: number; body: InboxList & { error?: string } }> {
    setDb(db);
    setActor(actor);
    const res = await inboxRoute(new Request('http://t/api/inbox'), { params: Promise.resolve({}) });
    return { status: res.status, body: (await res.json()) as InboxList & { error?: string } };
  }
  const ofReport = (items: InboxList['items']) => items.filter((i) => i.reportId === reportId && i.kind !== 'deadline');

  it('tells the drafter of the approval (only the drafter can 定稿), the reviewer of 定稿 and 已公开; a withdrawal takes the review away', async () => {
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    expect(ofReport((await api(w.reviewerA)).body.items)).toMatchObject([{ kind: 'review', reportId, title: `甲一镇 ${year}年度报告待审核`, read: false }]);
    await transitionReport(db, w.drafterA1, reportId, { transition: 'withdraw' });
    expect(ofReport((await api(w.reviewerA)).body.items)).toEqual([]);

    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    await transitionReport(db, w.reviewerA, reportId, { transition: 'approve' });
    const approved = (await inboxFor(db, w.drafterA1)).filter((i) => i.kind === 'approved');
    expect(approved).toMatchObject([{ title: `甲一镇 ${year}年度报告审核通过，请定稿`, href: `/reports/${reportId}/edit`, read: false }]);
    expect(ofReport((await api(w.drafterA1)).body.items)).toEqual([{ kind: 'approved', reportId, title: `甲一镇 ${year}年度报告审核通过，请定稿`, at: approved[0]!.at, read: false }]);
    // The reviewer's item is gone, nobody else is told, and the other township's drafter learns nothing.
    expect(ofReport((await api(w.reviewerA)).body.items)).toEqual([]);
    expect((await api(w.drafterA2)).body.items.filter((i) => i.reportId === reportId)).toEqual([]);
    expect((await api(w.reviewerB)).body.items).toEqual([]);

    await transitionReport(db, w.drafterA1, reportId, { transition: 'finalise' });
    expect(ofReport((await api(w.drafterA1)).body.items)).toEqual([]);
    expect(ofReport((await api(w.reviewerA)).body.items)).toMatchObject([{ kind: 'finalised', title: `甲一镇 ${year}年度报告已定稿` }]);
    await transitionReport(db, w.drafterA1, reportId, { transition: 'publish', url: 'https://www.example.gov.cn/fzzf/a.html', date: chinaDate(new Date()) });
    const published = (await inboxFor(db, w.reviewerA)).filter((i) => i.reportId === reportId);
    expect(published).toMatchObject([{ kind: 'published', title: `甲一镇 ${year}年度报告已公开`, href: `/reports/${reportId}` }]);
    expect(published[0]!.detail).toContain('https://www.example.gov.cn/fzzf/a.html');
    // Read marks show in the API; news older than a month is dropped.
    await markRead(db, w.reviewerA, [published[0]!.key]);
    expect(ofReport((await api(w.reviewerA)).body.items)).toMatchObject([{ kind: 'published', read: true }]);
    expect((await inboxFor(db, w.reviewerA, new Date(Date.now() + 40 * 24 * 3600 * 1000))).filter((i) => i.reportId === reportId)).toEqual([]);
  });

  it('answers 401 with a Chinese message to someone not signed in', async () => {
    const res = await api(null);
    expect(res.status).toBe(401);
    expect(res.body.error).toMatch(/[\u4e00-\u9fa5]/);
  });
});
