// A city office's reviewer covering several counties: given further counties by an administrator (or the command
// line), they read, comment, suggest and review there as a county's reviewer does, pick the county in the dashboard,
// see those counties' audit records; a change of role takes the further counties away. Nobody else gains anything.
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '@/cli/index';
import type { Db } from '@/db/client';
import { createUser, listUsers, setFurtherCounties, setUserScope } from '@/lib/directory/accounts';
import { loadActor } from '@/lib/auth/actor';
import { can, reviewerCountyIds, SYSTEM_ACTOR, type Actor } from '@/lib/domain/permissions';
import { listAudit } from '@/lib/audit/log';
import { dashboardCounties, loadDashboard } from '@/lib/dashboard/service';
import { listReportsByTownship } from '@/lib/reports/service';
import { transitionReport } from '@/lib/review/transitions';
import { AppError } from '@/lib/shared/errors';
import { snapshot, TEST_PASSWORD, worldWithDraft, type World } from '../../support/db';

let db: Db, w: World, reportId: number;
let city: Actor;

beforeEach(async () => {
  ({ db, w, reportId } = await worldWithDraft());
  const u = await createUser(db, SYSTEM_ACTOR, { username: 'city', displayName: '市法治办', password: TEST_PASSWORD, role: 'reviewer', countyId: w.countyB });
  city = (await loadActor(db, u.id))!;
});

const refusal = async (f: () => Promise<unknown>) => {
  try {
    await f();
  } catch (e) {
    return e instanceof AppError ? e.status : 'other';
  }
  return null;
};

describe('a reviewer over several counties', () => {
  it('covers only the own county until an administrator adds another', async () => {
    expect(reviewerCountyIds(city)).toEqual([w.countyB]);
    expect(can(city, 'report.review', { townshipId: w.townA1, countyId: w.countyA })).toBe(false);
    await setFurtherCounties(db, w.admin, city.id, { countyIds: [w.countyA] });
    city = (await loadActor(db, city.id))!;
    expect(reviewerCountyIds(city)).toEqual([w.countyB, w.countyA]);
    for (const action of ['report.read', 'report.comment', 'report.suggest', 'report.review', 'county.dashboard', 'county.audit'] as const)
      expect(can(city, action, { townshipId: w.townA1, countyId: w.countyA }), action).toBe(true);
    // Still no drafting, anywhere.
    expect(can(city, 'report.edit', { townshipId: w.townA1, countyId: w.countyA })).toBe(false);
    expect((await listUsers(db, w.admin)).find((u) => u.id === city.id)!.furtherCounties.map((c) => c.id)).toEqual([w.countyA]);
  });

  it('reviews in both counties: reports list, dashboard with a county picker, audit records of both', async () => {
    await setFurtherCounties(db, w.admin, city.id, { countyIds: [w.countyA] });
    city = (await loadActor(db, city.id))!;
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    expect((await listReportsByTownship(db, city)).map((t) => t.township.id).sort()).toEqual([w.townA1, w.townA2, w.townB1].sort());
    expect((await dashboardCounties(db, city)).map((c) => c.id)).toEqual([w.countyA, w.countyB]);
    // Own county by default, the other one when picked.
    expect((await loadDashboard(db, city, undefined, 2025)).county.id).toBe(w.countyB);
    expect((await loadDashboard(db, city, w.countyA, 2025)).rows.find((r) => r.reportId === reportId)?.status).toBe('submitted');
    await transitionReport(db, city, reportId, { transition: 'return', reason: '请补充数据。' });
    const rows = (await listAudit(db, city, {})).rows;
    expect(rows.some((r) => r.action === 'report.transition')).toBe(true);
    // A reviewer of one county does not see the other's dashboard; a single-county reviewer has no picker.
    expect((await dashboardCounties(db, w.reviewerB)).map((c) => c.id)).toEqual([w.countyB]);
    expect(await refusal(() => loadDashboard(db, w.reviewerB, w.countyA, 2025))).toBe(403);
  });

  it('loses the further counties with a change of role, and refuses what does not fit', async () => {
    await setFurtherCounties(db, w.admin, city.id, { countyIds: [w.countyA] });
    await setUserScope(db, w.admin, city.id, { role: 'drafter', townshipId: w.townB1 });
    expect((await listUsers(db, w.admin)).find((u) => u.id === city.id)!.furtherCounties).toEqual([]);
    const before = await snapshot(db);
    expect(await refusal(() => setFurtherCounties(db, w.admin, city.id, { countyIds: [w.countyA] }))).toBe(400);
    expect(await refusal(() => setFurtherCounties(db, w.reviewerA, w.reviewerB.id, { countyIds: [w.countyA] }))).toBe(403);
    expect(await refusal(() => setFurtherCounties(db, w.admin, w.reviewerB.id, { countyIds: [99_999] }))).toBe(400);
    expect(await refusal(() => setFurtherCounties(db, w.admin, w.reviewerB.id, { countyIds: 'x' }))).toBe(400);
    for (const bad of [['x'], ['0'], ['-1'], ['1.5'], [null]])
      expect(await refusal(() => setFurtherCounties(db, w.admin, w.reviewerB.id, { countyIds: bad })), JSON.stringify(bad)).toBe(400);
    expect(await refusal(() => setFurtherCounties(db, w.admin, w.reviewerB.id, { countyIds: Array.from({ length: 501 }, () => String(w.countyA)) }))).toBe(400);
    expect(await snapshot(db)).toEqual(before);
  });

  it('the command line sets and clears them, and user list shows them', async () => {
    const out: string[] = [];
    const io = { log: (s: string) => out.push(s), error: (s: string) => out.push(s) };
    const cli = (...args: string[]) => runCli(args, io, () => db);
    expect(await cli('user', 'counties', 'city', '--county', '甲县')).toBe(0);
    expect(reviewerCountyIds((await loadActor(db, city.id))!)).toEqual([w.countyB, w.countyA]);
    expect(await cli('user', 'list')).toBe(0);
    expect(out.find((l) => l.startsWith('city\t'))).toContain('乙县、甲县');
    expect(await cli('user', 'counties', 'city', '--none')).toBe(0);
    expect(reviewerCountyIds((await loadActor(db, city.id))!)).toEqual([w.countyB]);
    expect(await cli('user', 'counties', 'city')).not.toBe(0);
    expect(await cli('user', 'counties', 'city', '--county', '不存在县')).not.toBe(0);
  });
});
