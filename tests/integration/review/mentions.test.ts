// @mentions through the real route handlers: a mention of someone who may read the report puts a 待办 item in front of
// them (GET /api/inbox), marked read like any other; a mention of anyone else stays plain text, is not stored, and
// answers exactly as a name nobody has; the count per comment is limited; the picker's list holds only the readers.
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { GET as inboxRoute } from '@/app/api/inbox/route';
import { GET as listRoute, POST as postRoute } from '@/app/api/reports/[id]/comments/route';
import { PATCH as patchRoute } from '@/app/api/reports/[id]/comments/[commentId]/route';
import { GET as readersRoute } from '@/app/api/reports/[id]/readers/route';
import type { Db } from '@/db/client';
import { write } from '@/db/tx';
import { commentMentions, users } from '@/db/schema';
import type { Actor } from '@/lib/domain/permissions';
import { SYSTEM_ACTOR } from '@/lib/domain/permissions';
import { loadActor } from '@/lib/auth/actor';
import { createUser, setFurtherCounties } from '@/lib/directory/accounts';
import { saveSection } from '@/lib/drafting/service';
import { createReport } from '@/lib/reports/service';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { createAnchor } from '@/lib/domain/anchor';
import { markRead, inboxFor, type InboxList } from '@/lib/inbox/service';
import type { ThreadView } from '@/lib/review/comments';
import type { ReaderList } from '@/lib/review/mentions';
import { limit, limitMessage } from '@/lib/shared/limits';
import { setActor } from '../../support/mock-session';
import { freshWorld, TEST_PASSWORD, type World } from '../../support/db';

let db: Db, w: World, reportId: number;
const TEXT = '全年开展执法检查136次。';
const anchor = createAnchor(TEXT, TEXT.indexOf('136次'), TEXT.indexOf('136次') + 4);

beforeEach(async () => {
  ({ db, w } = await freshWorld());
  reportId = (await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2025 }, new Date('2025-12-01'))).id;
  await saveSection(db, w.drafterA1, reportId, 'measures', { content: docFromText(TEXT), version: 1 });
});

const ctx = (commentId = '') => ({ params: Promise.resolve({ id: String(reportId), commentId }) });
const json = (method: string, body: unknown) => new Request('http://t/x', { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
async function comment(actor: Actor, body: string, parentId?: number) {
  setActor(actor);
  const res = await postRoute(json('POST', parentId ? { parentId, body } : { sectionKey: 'measures', body, anchor }), ctx());
  return { status: res.status, body: (await res.json()) as { comment: ThreadView; error?: string } };
}
async function inbox(actor: Actor): Promise<InboxList['items']> {
  setActor(actor);
  const res = await inboxRoute(new Request('http://t/api/inbox'), { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  return ((await res.json()) as InboxList).items;
}
const mentionsOf = (items: InboxList['items']) => items.filter((i) => i.kind === 'mention');
const stored = async () => await db.select().from(commentMentions);

describe('@mentions', () => {
  it('a mention of the township’s drafter puts an item in their 待办, read like any other; never for the author', async () => {
    const { status, body } = await comment(w.reviewerA, '@drafter-a1 请补充检查的领域。@reviewer-a 自己记一下。');
    expect(status).toBe(201);
    // Only the drafter is recorded (the author mentioning themself is not), and the text shows where.
    expect(await stored()).toEqual([{ commentId: body.comment.id, userId: w.drafterA1.id }]);
    expect(body.comment.mentions).toEqual([{ start: 0, end: '@drafter-a1'.length }]);

    const items = mentionsOf(await inbox(w.drafterA1));
    expect(items).toEqual([{ kind: 'mention', reportId, title: `reviewer-a在甲一镇 2025年度报告的批注中提到了您`, at: expect.any(String), read: false }]);
    // The page's item: the comment's start, and the editor opened on the thread.
    const item = (await inboxFor(db, w.drafterA1)).find((i) => i.kind === 'mention')!;
    expect(item.detail).toBe('@drafter-a1 请补充检查的领域。@reviewer-a 自己记一下。');
    expect(item.href).toBe(`/reports/${reportId}/edit?comment=${body.comment.id}`);
    // In place of the plain comment item for the same comment.
    expect((await inbox(w.drafterA1)).filter((i) => i.kind === 'comment')).toEqual([]);
    await markRead(db, w.drafterA1, [item.key]);
    expect(mentionsOf(await inbox(w.drafterA1))[0]!.read).toBe(true);
    // The author is told nothing.
    expect(mentionsOf(await inbox(w.reviewerA))).toEqual([]);
  });

  it('a reply can mention too, by 姓名; its link opens the thread; an edit that drops the mention drops the item', async () => {
    const [name] = ['县审核员'];
    await write(db, () => db.update(users).set({ displayName: name }).where(eq(users.id, w.reviewerA.id)));
    const thread = (await comment(w.reviewerA, '请核实数字。')).body.comment;
    const r = await comment(w.drafterA1, `@${name}已核实，为136次。`, thread.id);
    expect(r.status).toBe(201);
    const reviewer = { ...w.reviewerA, displayName: name };
    const item = (await inboxFor(db, reviewer)).find((i) => i.kind === 'mention')!;
    expect(item.title).toBe('drafter-a1在甲一镇 2025年度报告的批注中提到了您');
    expect(item.href).toBe(`/reports/${reportId}/edit?comment=${thread.id}`);
    // Not also listed as a plain reply to the reviewer's comment.
    expect((await inbox(reviewer)).map((i) => i.kind)).toEqual(['mention']);

    setActor(w.drafterA1);
    expect((await patchRoute(json('PATCH', { body: '已核实，为136次。' }), ctx(String(r.body.comment.id)))).status).toBe(200);
    expect(await stored()).toEqual([]);
    expect((await inbox(reviewer)).map((i) => i.kind)).toEqual(['reply']);
  });

  it('a mention of a drafter of another township is not recorded and reads exactly like a name nobody has', async () => {
    const other = await comment(w.reviewerA, '@drafter-a2 请参照。');
    const nobody = await comment(w.reviewerA, '@drafter-a9 请参照。');
    for (const c of [other, nobody]) {
      expect(c.status).toBe(201);
      expect(c.body.comment.mentions).toEqual([]);
    }
    expect(other.body.comment.body).toBe('@drafter-a2 请参照。');
    expect(await stored()).toEqual([]);
    expect(mentionsOf(await inbox(w.drafterA2))).toEqual([]);
    // Nor through the other county's reviewer.
    await comment(w.drafterA1, '@reviewer-b 请看。');
    expect(await stored()).toEqual([]);
    expect(await inbox(w.reviewerB)).toEqual([]);
  });

  it(`refuses more than ${limit('mentionsPerComment')} people in one comment (400, in Chinese); that many is fine`, async () => {
    const max = limit('mentionsPerComment');
    const extra: number[] = [];
    for (let i = 0; i < max; i++)
      extra.push((await write(db, () => db.insert(users).values({ username: `a1-${i}`, displayName: `甲一镇${i}号`, passwordHash: 'x', role: 'drafter', townshipId: w.townA1 }).returning()))[0]!.id);
    const names = (n: number) => Array.from({ length: n }, (_, i) => `@甲一镇${i}号`).join(' ');
    const over = await comment(w.reviewerA, `${names(max)} @drafter-a1`);
    expect(over.status).toBe(400);
    expect(over.body.error).toBe(limitMessage('mentionsPerComment'));
    expect(await stored()).toEqual([]);
    // Names of people who may not read the report do not count.
    const ok = await comment(w.reviewerA, `${names(max)} @drafter-a2 @drafter-b1`);
    expect(ok.status).toBe(201);
    expect((await stored()).map((m) => m.userId).sort((a, b) => a - b)).toEqual(extra);
  });

  it('the readers route lists who may read the report, the asker left out, and nobody else', async () => {
    const cityId = (await createUser(db, SYSTEM_ACTOR, { username: 'city', displayName: '市审核员', password: TEST_PASSWORD, role: 'reviewer', countyId: w.countyB })).id;
    await setFurtherCounties(db, SYSTEM_ACTOR, cityId, { countyIds: [w.countyA] });
    const city = (await loadActor(db, cityId))!;
    const list = async (actor: Actor) => {
      setActor(actor);
      const res = await readersRoute(new Request('http://t/x'), ctx());
      return { status: res.status, body: (await res.json()) as ReaderList };
    };
    const drafter = await list(w.drafterA1);
    expect(drafter.status).toBe(200);
    expect(drafter.body.readers.map((r) => r.name).sort()).toEqual(['admin', 'reviewer-a', '市审核员'].sort());
    expect(drafter.body.readers.find((r) => r.name === 'reviewer-a')!.role).toBe('审核人 · 甲县');
    expect((await list(w.reviewerA)).body.readers.map((r) => r.name).sort()).toEqual(['admin', 'drafter-a1', '市审核员'].sort());
    // Another township's drafter and the other county's reviewer are refused, and learn no names.
    for (const outsider of [w.drafterA2, w.reviewerB]) {
      const r = await list(outsider);
      expect(r.status).toBe(403);
      expect(JSON.stringify(r.body)).not.toContain('drafter-a1');
    }
    // A mention made through the picker's names reaches the city reviewer.
    await comment(w.drafterA1, '@市审核员 请审阅。');
    expect(mentionsOf(await inbox(city))).toHaveLength(1);
  });

  it('lists threads with their mentions marked for every reader', async () => {
    await comment(w.reviewerA, '请 @drafter-a1 补充');
    setActor(w.admin);
    const { threads } = (await (await listRoute(new Request('http://t/x'), ctx())).json()) as { threads: ThreadView[] };
    expect(threads[0]!.mentions).toEqual([{ start: 2, end: 2 + '@drafter-a1'.length }]);
  });
});
