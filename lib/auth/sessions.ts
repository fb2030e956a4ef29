// Sign-in sessions kept in the database, so they can be ended: the cookie names a session row, and every request
// checks that row (revoked, idle too long, past its absolute lifetime). Plain functions over the database.
import { one, write } from '@/db/tx';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sessions, type SessionRow } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { preparedFor } from '@/db/prepared';

function minutesFromEnv(name: string, fallback: number, max: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? Math.min(n, max) : fallback;
}

/** A session ends after this long without a request (NIANBAO_SESSION_IDLE_MINUTES, default 30). */
export function idleTimeoutMs(): number {
  return minutesFromEnv('NIANBAO_SESSION_IDLE_MINUTES', 30, 24 * 60) * 60_000;
}

/** and this long after sign-in whatever happens (NIANBAO_SESSION_MAX_HOURS, default 12). */
export function maxLifetimeMs(): number {
  return minutesFromEnv('NIANBAO_SESSION_MAX_HOURS', 12, 24 * 30) * 60 * 60_000;
}

/** lastSeenAt is written at most this often per session, so an editor's autosaves do not each write it. */
export const TOUCH_INTERVAL_MS = 60_000;

export type RevokeReason =
  | 'logout'
  | 'logout-all'
  | 'password'
  | 'password-reset'
  | 'deactivated'
  | 'role'
  | 'counties'
  | 'admin'
  | 'idle'
  | 'expired'
  | 'two-factor'
  | 'two-factor-reset';

export async function createSession(
  db: Db,
  userId: number,
  meta: { address?: string | null; userAgent?: string | null; awaitingCode?: boolean } = {},
  now = new Date(),
): Promise<string> {
  const id = randomBytes(24).toString('base64url');
  await write(db, () =>
    db.insert(sessions).values({
      id,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + maxLifetimeMs()),
      address: meta.address?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 200) ?? null,
      awaitingCode: Boolean(meta.awaitingCode),
    }),
  );
  return id;
}

const sessionById = preparedFor('session_by_id', (db) =>
  db
    .select()
    .from(sessions)
    .where(eq(sessions.id, sql.placeholder('id'))),
);
const touch = preparedFor('session_touch', (db) =>
  db
    .update(sessions)
    .set({ lastSeenAt: sql`${sql.placeholder('now')}` })
    .where(eq(sessions.id, sql.placeholder('id'))),
);

export type SessionCheck = { ok: true; session: SessionRow } | { ok: false; reason: 'missing' | 'revoked' | 'idle' | 'expired' };

/** Whether a session still holds at `now`; a holding session's last activity is brought up to date. */
export async function checkSession(db: Db, id: string, now = new Date(), opts: { touch?: boolean } = {}): Promise<SessionCheck> {
  if (!id || id.length > 64) return { ok: false, reason: 'missing' };
  return await judgeSession(db, await one(sessionById(db).execute({ id })), now, opts);
}

/**
 * checkSession for a session row already read (with the user it belongs to, lib/auth/actor.ts): whether it still holds
 * at `now`, its last activity brought up to date when it does.
 */
export async function judgeSession(db: Db, s: SessionRow | undefined, now = new Date(), opts: { touch?: boolean } = {}): Promise<SessionCheck> {
  if (!s) return { ok: false, reason: 'missing' };
  if (s.revokedAt) return { ok: false, reason: 'revoked' };
  if (s.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  if (now.getTime() - s.lastSeenAt.getTime() > idleTimeoutMs()) return { ok: false, reason: 'idle' };
  if (opts.touch !== false && now.getTime() - s.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await write(db, () => touch(db).execute({ id: s.id, now: sessions.lastSeenAt.mapToDriverValue(now) }));
  }
  return { ok: true, session: s };
}

/** Ends one session (logout). */
export async function revokeSession(db: Db, id: string, reason: RevokeReason, actorId: number | null, now = new Date()): Promise<boolean> {
  const row = (await one(
    write(db, () =>
      db
        .update(sessions)
        .set({ revokedAt: now, revokedReason: reason })
        .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
        .returning({ userId: sessions.userId }),
    ),
  ))!;
  if (row) await recordAudit(db, { actorId, action: 'session.revoke', detail: { userId: row.userId, reason, count: 1 } });
  return Boolean(row);
}

/** Ends every open session of a user, except `keep` (the one changing its own password). */
export async function revokeUserSessions(
  db: Db,
  userId: number,
  reason: RevokeReason,
  actorId: number | null,
  opts: { keep?: string; now?: Date } = {},
): Promise<number> {
  const now = opts.now ?? new Date();
  const ended = await write(db, () =>
    db
      .update(sessions)
      .set({ revokedAt: now, revokedReason: reason })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), opts.keep ? ne(sessions.id, opts.keep) : undefined))
      .returning({ id: sessions.id }),
  );
  if (ended.length) await recordAudit(db, { actorId, action: 'session.revoke', detail: { userId, reason, count: ended.length } });
  return ended.length;
}

/** The sessions of a user that may still be in use (not revoked, not past their lifetime). */
export async function openSessions(db: Db, userId: number, now = new Date()): Promise<SessionRow[]> {
  return await db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - idleTimeoutMs())),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
}
