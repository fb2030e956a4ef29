// Sign-in sessions kept in the database, so they can be ended: the cookie names a session row, and every request
// checks that row (revoked, idle too long, past its absolute lifetime). Plain functions over the database.
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

export type RevokeReason = 'logout' | 'logout-all' | 'password' | 'password-reset' | 'deactivated' | 'role' | 'admin' | 'idle' | 'expired';

export function createSession(db: Db, userId: number, meta: { address?: string | null; userAgent?: string | null } = {}, now = new Date()): string {
  const id = randomBytes(24).toString('base64url');
  db.insert(sessions)
    .values({
      id,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + maxLifetimeMs()),
      address: meta.address?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 200) ?? null,
    })
    .run();
  return id;
}

const sessionById = preparedFor((db) => db.select().from(sessions).where(eq(sessions.id, sql.placeholder('id'))).prepare());
const touch = preparedFor((db) =>
  db
    .update(sessions)
    .set({ lastSeenAt: sql`${sql.placeholder('now')}` })
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare(),
);

export type SessionCheck = { ok: true; session: SessionRow } | { ok: false; reason: 'missing' | 'revoked' | 'idle' | 'expired' };

/** Whether a session still holds at `now`; a holding session's last activity is brought up to date. */
export function checkSession(db: Db, id: string, now = new Date(), opts: { touch?: boolean } = {}): SessionCheck {
  if (!id || id.length > 64) return { ok: false, reason: 'missing' };
  const s = sessionById(db).get({ id });
  if (!s) return { ok: false, reason: 'missing' };
  if (s.revokedAt) return { ok: false, reason: 'revoked' };
  if (s.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  if (now.getTime() - s.lastSeenAt.getTime() > idleTimeoutMs()) return { ok: false, reason: 'idle' };
  if (opts.touch !== false && now.getTime() - s.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    touch(db).run({ id, now: sessions.lastSeenAt.mapToDriverValue(now) });
  }
  return { ok: true, session: s };
}

/** Ends one session (logout). */
export function revokeSession(db: Db, id: string, reason: RevokeReason, actorId: number | null, now = new Date()): boolean {
  const row = db
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
    .returning({ userId: sessions.userId })
    .get();
  if (row) recordAudit(db, { actorId, action: 'session.revoke', detail: { userId: row.userId, reason, count: 1 } });
  return Boolean(row);
}

/** Ends every open session of a user, except `keep` (the one changing its own password). */
export function revokeUserSessions(
  db: Pick<Db, 'update' | 'insert'>,
  userId: number,
  reason: RevokeReason,
  actorId: number | null,
  opts: { keep?: string; now?: Date } = {},
): number {
  const now = opts.now ?? new Date();
  const ended = db
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), opts.keep ? ne(sessions.id, opts.keep) : undefined))
    .returning({ id: sessions.id })
    .all();
  if (ended.length) recordAudit(db, { actorId, action: 'session.revoke', detail: { userId, reason, count: ended.length } });
  return ended.length;
}

/** The sessions of a user that may still be in use (not revoked, not past their lifetime). */
export function openSessions(db: Db, userId: number, now = new Date()): SessionRow[] {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, new Date(now.getTime() - idleTimeoutMs()))))
    .orderBy(desc(sessions.lastSeenAt))
    .all();
}
