// Sessions end when they should (lib/auth/sessions.ts).
// One of the hardening findings, against the real services and route handlers: each input at and past its limit is
// refused with a 4xx and a Chinese message and changes nothing; work over user text is compared at n and 4n.
import { one, rows } from '@/db/tx';
import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { resetPassword, setUserActive, setUserScope } from '@/lib/directory/accounts';
import { checkSession, createSession, idleTimeoutMs, maxLifetimeMs, revokeSession } from '@/lib/auth/sessions';
import { type World } from '../../support/db';
import { drafterWithReport } from '../../support/requests';

let db: Db;
let w: World;
beforeEach(async () => ({ db, w } = await drafterWithReport()));

describe('finding 8: sessions end when they should', () => {
  it('logout, password reset, deactivation and role change end sessions; reactivation revives none', async () => {
    const a = await createSession(db, w.drafterA1.id);
    expect((await checkSession(db, a)).ok).toBe(true);
    await revokeSession(db, a, 'logout', w.drafterA1.id);
    expect(await checkSession(db, a)).toEqual({ ok: false, reason: 'revoked' });

    const b = await createSession(db, w.drafterA1.id);
    await resetPassword(db, w.admin, w.drafterA1.id, 'admin-chosen-2026');
    expect(await checkSession(db, b)).toEqual({ ok: false, reason: 'revoked' });
    expect((await one(db.select().from(users).where(eq(users.id, w.drafterA1.id))))!.mustChangePassword).toBe(true);

    const c = await createSession(db, w.drafterA1.id);
    await setUserActive(db, w.admin, w.drafterA1.id, false);
    await setUserActive(db, w.admin, w.drafterA1.id, true);
    expect(await checkSession(db, c)).toEqual({ ok: false, reason: 'revoked' });

    const d = await createSession(db, w.drafterA1.id);
    await setUserScope(db, w.admin, w.drafterA1.id, { role: 'drafter', townshipId: w.townA2 });
    expect(await checkSession(db, d)).toEqual({ ok: false, reason: 'revoked' });
    expect(await rows(db, sql`select count(*) as n from audit_events where action = 'session.revoke'`)).toEqual([{ n: 4 }]);
  });

  it('an idle session ends after the idle timeout, any session after its lifetime', async () => {
    const t0 = new Date('2026-03-01T09:00:00+08:00');
    const s = await createSession(db, w.drafterA1.id, {}, t0);
    expect((await checkSession(db, s, new Date(t0.getTime() + idleTimeoutMs() - 1000))).ok).toBe(true);
    // Activity keeps it alive…
    expect((await checkSession(db, s, new Date(t0.getTime() + 2 * idleTimeoutMs() - 2000))).ok).toBe(true);
    // …until it is idle for longer than the timeout.
    expect(await checkSession(db, s, new Date(t0.getTime() + 4 * idleTimeoutMs()))).toEqual({ ok: false, reason: 'idle' });
    const row = (await one(db.select().from(sessions).where(eq(sessions.id, s))))!;
    expect(row.expiresAt.getTime() - t0.getTime()).toBe(maxLifetimeMs());
    expect(await checkSession(db, s, new Date(t0.getTime() + maxLifetimeMs() + 1))).toEqual({ ok: false, reason: 'expired' });
  });
});
