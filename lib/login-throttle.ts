// Throttles failed logins per account and per client address: 5 failures in 15 minutes lock that key.
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { loginFailures } from '@/db/schema';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

export type ThrottleState = { locked: false } | { locked: true; retryAfterSec: number };

function lockFor(db: Db, column: typeof loginFailures.username | typeof loginFailures.ip, value: string, now: number) {
  const rows = db
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(eq(column, value), gt(loginFailures.at, new Date(now - WINDOW_MS))))
    .orderBy(loginFailures.at)
    .all();
  if (rows.length < MAX_FAILURES) return 0;
  // Locked until the oldest failure that still counts falls out of the window.
  const oldest = rows[rows.length - MAX_FAILURES]!.at.getTime();
  return Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
}

export function checkThrottle(db: Db, username: string, ip: string, now = Date.now()): ThrottleState {
  const wait = Math.max(lockFor(db, loginFailures.username, username, now), lockFor(db, loginFailures.ip, ip, now));
  return wait > 0 ? { locked: true, retryAfterSec: wait } : { locked: false };
}

export function recordFailure(db: Db, username: string, ip: string, now = Date.now()): void {
  db.insert(loginFailures).values({ username, ip, at: new Date(now) }).run();
  // Keep the table small: failures older than the window no longer matter.
  db.delete(loginFailures).where(lt(loginFailures.at, new Date(now - WINDOW_MS))).run();
}

export function clearFailures(db: Db, username: string): void {
  db.delete(loginFailures).where(eq(loginFailures.username, username)).run();
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} 秒`;
  return `${Math.ceil(seconds / 60)} 分钟`;
}
