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

// Attempts on the same account or from the same address run one after another, so parallel guesses cannot all
// pass the check before any failure is recorded. One server process holds the database, so an in-process lock suffices.
const tails = new Map<string, Promise<void>>();

export async function serializeAttempts<T>(keys: string[], run: () => Promise<T>): Promise<T> {
  const unique = [...new Set(keys)].sort();
  const previous = unique.map((k) => tails.get(k) ?? Promise.resolve());
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  for (const k of unique) tails.set(k, done);
  try {
    await Promise.all(previous);
    return await run();
  } finally {
    release();
    for (const k of unique) if (tails.get(k) === done) tails.delete(k);
  }
}
