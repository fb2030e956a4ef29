// Who is asking (lib/auth/actor.ts): loadSessionActor reads the session, its user and the second-factor roles in one
// statement and must answer exactly what checkSession and loadActor answer one after the other, on both engines.
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { one, write } from '@/db/tx';
import type { Db } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { loadActor, loadSessionActor } from '@/lib/auth/actor';
import { checkSession, createSession, idleTimeoutMs, revokeSession, TOUCH_INTERVAL_MS } from '@/lib/auth/sessions';
import { setRequiredRoles } from '@/lib/auth/two-factor';
import { setFurtherCounties, setUserActive, setUserScope } from '@/lib/directory/accounts';
import { type World } from '../../support/db';
import { drafterWithReport } from '../../support/requests';

let db: Db;
let w: World;
beforeEach(async () => ({ db, w } = await drafterWithReport()));

/** What the two separate lookups answer for the same session and user. */
async function separately(sid: string, userId: number, now: Date) {
  const check = await checkSession(db, sid, now);
  const ok = check.ok && check.session.userId === userId;
  return { ok: check.ok, actor: ok ? await loadActor(db, userId) : null };
}

describe('loadSessionActor', () => {
  it('answers the actor loadActor answers for a holding session, reviewers with their further counties', async () => {
    const now = new Date();
    for (const user of [w.drafterA1, w.reviewerA, w.admin]) {
      const sid = await createSession(db, user.id, {}, now);
      const both = await loadSessionActor(db, sid, user.id, now);
      expect(both.check.ok).toBe(true);
      expect(both.actor).toEqual((await separately(sid, user.id, now)).actor);
      expect(both.actor).toEqual(await loadActor(db, user.id));
    }
    await setFurtherCounties(db, w.admin, w.reviewerA.id, { countyIds: [w.countyB] });
    const sid = await createSession(db, w.reviewerA.id, {}, now);
    const reviewer = (await loadSessionActor(db, sid, w.reviewerA.id, now)).actor!;
    expect(reviewer.furtherCountyIds).toEqual([w.countyB]);
    expect(reviewer).toEqual(await loadActor(db, w.reviewerA.id));
  });

  it('answers nobody for a revoked, idle, unknown or another user’s session, and for a deactivated account', async () => {
    const t0 = new Date();
    const revoked = await createSession(db, w.drafterA1.id, {}, t0);
    await revokeSession(db, revoked, 'logout', w.drafterA1.id);
    expect(await loadSessionActor(db, revoked, w.drafterA1.id, t0)).toMatchObject({ check: { ok: false, reason: 'revoked' }, actor: null });

    const idle = await createSession(db, w.drafterA1.id, {}, t0);
    const later = new Date(t0.getTime() + idleTimeoutMs() + 1000);
    expect(await loadSessionActor(db, idle, w.drafterA1.id, later)).toMatchObject({ check: { ok: false, reason: 'idle' }, actor: null });

    expect(await loadSessionActor(db, 'no-such-session', w.drafterA1.id, t0)).toEqual({ check: { ok: false, reason: 'missing' }, actor: null });
    expect(await loadSessionActor(db, 'x'.repeat(65), w.drafterA1.id, t0)).toEqual({ check: { ok: false, reason: 'missing' }, actor: null });

    // A cookie naming one user with another user's session id.
    const other = await createSession(db, w.drafterA2.id, {}, t0);
    expect((await loadSessionActor(db, other, w.drafterA1.id, t0)).actor).toBeNull();
    expect(await separately(other, w.drafterA1.id, t0)).toMatchObject({ actor: null });

    // Deactivation ends the sessions; an account switched off under a session still open is nobody as well.
    const ended = await createSession(db, w.drafterB1.id, {}, t0);
    await setUserActive(db, w.admin, w.drafterB1.id, false);
    expect(await loadSessionActor(db, ended, w.drafterB1.id, t0)).toMatchObject({ check: { ok: false, reason: 'revoked' }, actor: null });
    const open = await createSession(db, w.drafterA2.id, {}, t0);
    await write(db, () => db.update(users).set({ active: false }).where(eq(users.id, w.drafterA2.id)));
    expect(await loadSessionActor(db, open, w.drafterA2.id, t0)).toMatchObject({ check: { ok: true }, actor: null });
  });

  it('sees a role change and a newly required second factor at the next request', async () => {
    const now = new Date();
    const sid = await createSession(db, w.drafterA1.id, {}, now);
    expect((await loadSessionActor(db, sid, w.drafterA1.id, now)).actor!.mustEnrolSecondFactor).toBeUndefined();
    await setRequiredRoles(db, w.admin, { roles: ['drafter'] });
    const enrol = (await loadSessionActor(db, sid, w.drafterA1.id, now)).actor!;
    expect(enrol.mustEnrolSecondFactor).toBe(true);
    expect(enrol).toEqual(await loadActor(db, w.drafterA1.id));

    await setUserScope(db, w.admin, w.drafterA1.id, { role: 'drafter', townshipId: w.townA2 });
    expect((await loadSessionActor(db, sid, w.drafterA1.id, now)).actor).toBeNull();
    const fresh = await createSession(db, w.drafterA1.id, {}, now);
    expect((await loadSessionActor(db, fresh, w.drafterA1.id, now)).actor!.townshipId).toBe(w.townA2);
  });

  it('keeps a session awaiting its code recognisable, and brings last activity up to date as checkSession does', async () => {
    const t0 = new Date();
    const pending = await createSession(db, w.drafterA1.id, { awaitingCode: true }, t0);
    const p = await loadSessionActor(db, pending, w.drafterA1.id, t0);
    expect(p.check.ok && p.check.session.awaitingCode).toBe(true);

    const sid = await createSession(db, w.drafterA1.id, {}, t0);
    const soon = new Date(t0.getTime() + TOUCH_INTERVAL_MS / 2);
    await loadSessionActor(db, sid, w.drafterA1.id, soon);
    const seen = async () => (await one(db.select().from(sessions).where(eq(sessions.id, sid))))!.lastSeenAt.getTime();
    expect(await seen()).toBe(t0.getTime());
    const later = new Date(t0.getTime() + TOUCH_INTERVAL_MS + 1000);
    await loadSessionActor(db, sid, w.drafterA1.id, later);
    expect(await seen()).toBe(later.getTime());
  });
});
