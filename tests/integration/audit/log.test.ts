// The audit log as the page and the CSV export read it, on either engine: each filter (action, user, township,
// report, the days from and to in China's time), a reviewer's county only, pages of the page, and the CSV's pages
// by (time, id) giving every row since a date exactly once, rows of the same millisecond across a page boundary
// included.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { write } from '@/db/tx';
import { AUDIT_PAGE_SIZE, auditCsv, listAudit } from '@/lib/audit/log';
import { worldWithDraft, type World } from '../../support/db';

let db: Db, w: World, reportId: number;

beforeEach(async () => {
  ({ db, w, reportId } = await worldWithDraft());
});

type Event = typeof auditEvents.$inferInsert;

async function add(events: Event[]) {
  for (let i = 0; i < events.length; i += 500) await write(db, () => db.insert(auditEvents).values(events.slice(i, i + 500)));
}

const at = (iso: string) => new Date(iso);

async function csvLines(since: Date): Promise<string[]> {
  let text = '';
  for await (const chunk of auditCsv(db, since)) text += chunk;
  return text.split('\r\n').filter(Boolean);
}

describe('the audit log page', () => {
  it('filters by action, user, township, report and day, and a reviewer sees their county only', async () => {
    await add([
      { at: at('2030-03-01T23:59:59.999+08:00'), actorId: w.drafterA1.id, action: 'test.a', reportId, detail: { n: 1 }, address: '10.0.0.1' },
      { at: at('2030-03-02T00:00:00.000+08:00'), actorId: w.drafterA1.id, action: 'test.b', reportId, detail: { n: 2, 名: '甲' } },
      { at: at('2030-03-02T23:59:59.999+08:00'), actorId: w.reviewerB.id, action: 'test.a', reportId: null, detail: null },
      { at: at('2030-03-03T00:00:00.000+08:00'), actorId: null, action: 'test.c', reportId, detail: { n: 4 } },
    ]);
    const ours = async (actor = w.admin, f: Record<string, string> = {}) =>
      (await listAudit(db, actor, f)).rows.filter((r) => r.action.startsWith('test.')).map((r) => [r.action, r.at, r.detail]);

    expect(await ours()).toEqual([
      ['test.c', '2030-03-02T16:00:00.000Z', '{"n":4}'],
      ['test.a', '2030-03-02T15:59:59.999Z', ''],
      ['test.b', '2030-03-01T16:00:00.000Z', '{"n":2,"名":"甲"}'],
      ['test.a', '2030-03-01T15:59:59.999Z', '{"n":1}'],
    ]);
    expect((await ours(w.admin, { action: 'test.a' })).map((r) => r[1])).toEqual(['2030-03-02T15:59:59.999Z', '2030-03-01T15:59:59.999Z']);
    // The user filter: the user name exactly (any case), or part of the display name.
    expect((await ours(w.admin, { user: w.reviewerB.username.toUpperCase() })).map((r) => r[0])).toEqual(['test.a']);
    expect((await ours(w.admin, { user: w.drafterA1.username.slice(0, 4) })).map((r) => r[0])).toEqual(['test.b', 'test.a']);
    // From and to are whole days in China's time.
    expect((await ours(w.admin, { from: '2030-03-02', to: '2030-03-02' })).map((r) => r[1])).toEqual(['2030-03-02T15:59:59.999Z', '2030-03-01T16:00:00.000Z']);
    expect((await ours(w.admin, { from: '2030-03-03' })).map((r) => r[0])).toEqual(['test.c']);
    expect((await ours(w.admin, { to: '2030-03-01' })).map((r) => r[0])).toEqual(['test.a']);
    expect((await ours(w.admin, { township: String(w.townA1) })).map((r) => r[0])).toEqual(['test.c', 'test.b', 'test.a']);
    expect(await ours(w.admin, { township: String(w.townB1) })).toEqual([]);
    expect((await ours(w.admin, { report: String(reportId), action: 'test.b' })).map((r) => r[0])).toEqual(['test.b']);
    // A county's reviewer: the events on their county's reports, not the other county's, nor those on no report.
    expect((await ours(w.reviewerA)).map((r) => r[0])).toEqual(['test.c', 'test.b', 'test.a']);
    expect(await ours(w.reviewerB)).toEqual([]);

    const page = await listAudit(db, w.admin, { action: 'test.b' });
    expect(page.rows[0]).toMatchObject({ actorName: w.drafterA1.displayName, reportId, townshipName: '甲一镇', address: null });
    expect(page.actions).toEqual([...new Set(page.actions)].sort());
    expect(page.actions).toEqual(expect.arrayContaining(['test.a', 'test.b', 'test.c']));
  });

  it('hides sign-ins unless asked for, and names checklist items by their labels in the season pack', async () => {
    await add([
      { at: at('2030-04-01T08:00:00.000Z'), actorId: w.drafterA1.id, action: 'user.login' },
      { at: at('2030-04-01T08:01:00.000Z'), actorId: w.reviewerA.id, action: 'two-factor.login', detail: { userId: w.reviewerA.id } },
      { at: at('2030-04-01T08:02:00.000Z'), actorId: w.reviewerA.id, action: 'verdict.set', reportId, detail: { itemId: 'measures.disputes', verdict: 'fix' } },
      { at: at('2030-04-01T08:03:00.000Z'), actorId: w.reviewerA.id, action: 'verdict.set', reportId, detail: { itemId: 'measures.not-in-any-pack', verdict: 'pass' } },
    ]);
    const actions = async (f: Record<string, string> = {}) => (await listAudit(db, w.admin, { from: '2030-04-01', to: '2030-04-01', ...f })).rows.map((r) => r.action);
    expect(await actions()).toEqual(['verdict.set', 'verdict.set']);
    expect(await actions({ logins: '1' })).toEqual(['verdict.set', 'verdict.set', 'two-factor.login', 'user.login']);
    expect(await actions({ action: 'user.login' })).toEqual(['user.login']);
    const rows = (await listAudit(db, w.admin, { from: '2030-04-01', to: '2030-04-01' })).rows;
    expect(rows.map((r) => r.summary)).toEqual(['清单项 measures.not-in-any-pack：通过', '清单项“矛盾纠纷化解：排查调处件数和调解成功率、信访办理”：需修改']);
  });

  it('pages by time, newest first, then by id', async () => {
    const t = at('2030-05-01T08:00:00.000Z');
    await add(Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, i) => ({ at: t, actorId: null, action: 'test.page', detail: { i } })));
    const first = (await listAudit(db, w.admin, { action: 'test.page' })).rows;
    const second = (await listAudit(db, w.admin, { action: 'test.page', page: '2' })).rows;
    expect(first).toHaveLength(AUDIT_PAGE_SIZE);
    expect(second).toHaveLength(5);
    const ids = [...first, ...second].map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });
});

describe('the audit CSV', () => {
  it('has every row since the date once, in time and id order, across pages of the stream', async () => {
    const since = at('2031-01-01T00:00:00.000Z');
    await add([{ at: at('2030-12-31T23:59:59.999Z'), actorId: w.admin.id, action: 'test.before' }]);
    // 2,500 rows: runs of three in the same millisecond, so runs fall across the stream's pages of 1,000.
    await add(
      Array.from({ length: 2_500 }, (_, i) => ({
        at: new Date(since.getTime() + Math.floor(i / 3)),
        actorId: i % 2 ? w.drafterA1.id : null,
        action: 'test.csv',
        reportId: i % 5 ? null : reportId,
        detail: { i, text: '=cmd, "quoted"' },
      })),
    );
    const lines = await csvLines(since);
    expect(lines[0]).toBe('\uFEFF' + ['编号', '时间', '操作人', '用户名', '操作', '报告', '乡镇（街道）', '地址', '详情'].map((h) => `"${h}"`).join(','));
    const body = lines.slice(1);
    expect(body).toHaveLength(2_500);
    const cells = body.map((l) => l.match(/"(?:[^"]|"")*"/g)!.map((c) => c.slice(1, -1).replace(/""/g, '"')));
    expect(new Set(cells.map((c) => c[0])).size).toBe(2_500);
    expect(cells.map((c) => JSON.parse(c[8]!).i)).toEqual(Array.from({ length: 2_500 }, (_, i) => i));
    expect(cells[0]).toEqual([cells[0]![0], '2031-01-01T00:00:00.000Z', '系统', '', 'test.csv', String(reportId), '甲一镇', '', '{"i":0,"text":"=cmd, \\"quoted\\""}']);
    expect(cells[1]!.slice(1, 8)).toEqual(['2031-01-01T00:00:00.000Z', w.drafterA1.displayName, w.drafterA1.username, 'test.csv', '', '', '']);
    expect(cells[2_499]![1]).toBe('2031-01-01T00:00:00.833Z');
  });
});
