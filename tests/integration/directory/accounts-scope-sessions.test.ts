// A change of what a user may see ends the user's sessions (README 安全 → Sessions): a new role, a new county or
// township, and a reviewer's further counties given or taken away. Each case signs the user in for real (a session
// row, as the sign-in makes), makes the change through the administrators' server action, and asks the session table.
import { rows } from '@/db/tx';
import { asc, eq, sql } from 'drizzle-orm';
import { auditEvents } from '@/db/schema';
import { beforeEach, describe, expect, it } from 'vitest';
import { setFurtherCountiesAction, setUserScopeAction } from '@/app/(app)/admin/actions';
import type { Db } from '@/db/client';
import { checkSession, createSession } from '@/lib/auth/sessions';
import { setFurtherCounties } from '@/lib/directory/accounts';
import { describeAudit } from '@/lib/audit/describe';
import { setActor } from '../../support/mock-session';
import { freshWorld, type World } from '../../support/db';

let db: Db;
let w: World;
beforeEach(async () => {
  ({ db, w } = await freshWorld());
  setActor(w.admin);
});

function form(fields: Record<string, string | number | Array<string | number>>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) f.append(k, String(one));
  return f;
}

type RevokeRow = { reason: string | null; n: number };
const revokedOf = async (userId: number) =>
  await rows<RevokeRow>(db, sql`select revoked_reason as "reason", count(*) as "n" from sessions where user_id = ${userId} and revoked_at is not null group by revoked_reason`);
const auditRevokes = async () =>
  (await db.select().from(auditEvents).where(eq(auditEvents.action, 'session.revoke')).orderBy(asc(auditEvents.id))).map((e) => e.detail as Record<string, unknown>);
const names = { user: (id: unknown) => (id === w.reviewerB.id ? 'reviewer-b' : null), township: () => null, county: () => null };

describe('a change of scope ends the user’s sessions', () => {
  it('a new role: a drafter made a reviewer is signed out everywhere', async () => {
    const [a, b] = [await createSession(db, w.drafterA1.id), await createSession(db, w.drafterA1.id)];
    const other = await createSession(db, w.drafterA2.id);
    const state = await setUserScopeAction(null, form({ userId: w.drafterA1.id, role: 'reviewer', countyId: w.countyA, townshipId: '' }));
    expect(state?.ok).toBe(true);
    expect(await checkSession(db, a)).toEqual({ ok: false, reason: 'revoked' });
    expect(await checkSession(db, b)).toEqual({ ok: false, reason: 'revoked' });
    expect((await checkSession(db, other)).ok).toBe(true);
    expect(await revokedOf(w.drafterA1.id)).toEqual([{ reason: 'role', n: 2 }]);
    expect((await auditRevokes()).length).toBe(1);
  });

  it('a new county for a reviewer (same role) ends the reviewer’s session', async () => {
    const s = await createSession(db, w.reviewerA.id);
    const state = await setUserScopeAction(null, form({ userId: w.reviewerA.id, role: 'reviewer', countyId: w.countyB, townshipId: '' }));
    expect(state?.ok).toBe(true);
    expect(await checkSession(db, s)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('a new township for a drafter ends the drafter’s session', async () => {
    const s = await createSession(db, w.drafterA1.id);
    const state = await setUserScopeAction(null, form({ userId: w.drafterA1.id, role: 'drafter', townshipId: w.townA2, countyId: '' }));
    expect(state?.ok).toBe(true);
    expect(await checkSession(db, s)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('further counties given and taken away each end the reviewer’s sessions, audited; the same list again ends nothing', async () => {
    const first = await createSession(db, w.reviewerB.id);
    const state = await setFurtherCountiesAction(null, form({ userId: w.reviewerB.id, countyIds: [w.countyA] }));
    expect(state?.ok).toBe(true);
    expect(await checkSession(db, first)).toEqual({ ok: false, reason: 'revoked' });
    expect(await revokedOf(w.reviewerB.id)).toEqual([{ reason: 'counties', n: 1 }]);
    const [detail] = await auditRevokes();
    expect(detail).toEqual({ userId: w.reviewerB.id, reason: 'counties', count: 1 });
    expect(describeAudit('session.revoke', JSON.stringify(detail), names)).toBe('结束 reviewer-b 的 1 个登录会话（负责的县变更）');

    // The same counties again: nothing changes, the new session stays.
    const second = await createSession(db, w.reviewerB.id);
    await setFurtherCounties(db, w.admin, w.reviewerB.id, { countyIds: [w.countyA] });
    expect((await checkSession(db, second)).ok).toBe(true);

    // Taken away: ended again.
    await setFurtherCounties(db, w.admin, w.reviewerB.id, { countyIds: [] });
    expect(await checkSession(db, second)).toEqual({ ok: false, reason: 'revoked' });
    expect((await auditRevokes()).length).toBe(2);
  });
});
