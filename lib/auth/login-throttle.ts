// Throttles failed logins. Five failures in 15 minutes lock that account *from that address*; failures from one
// address across accounts lock the address; the account as a whole only slows down (a growing delay before each
// password check), so nobody can lock a user out from everywhere by guessing wrong on purpose.
import { processWide } from '@/db/client';
import { changed, one, withTx, write } from '@/db/tx';
import { randomUUID } from 'node:crypto';
import { and, count, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { loginFailures, loginLocks } from '@/db/schema';
import { AppError } from '@/lib/shared/errors';

export const MAX_FAILURES = 5;
export const MAX_ADDRESS_FAILURES = 30;
export const WINDOW_MS = 15 * 60 * 1000;
/** The account-wide delay: nothing below MAX_FAILURES failures, then 0.5 s doubling per failure, at most 8 s. */
export const MAX_ACCOUNT_DELAY_MS = 8_000;

export type ThrottleState = { locked: false; delayMs: number } | { locked: true; retryAfterSec: number; scope: 'pair' | 'address' };

async function lockFor(db: Db, where: ReturnType<typeof and>, max: number, now: number): Promise<number> {
  const rows = await db.select({ at: loginFailures.at }).from(loginFailures).where(where).orderBy(loginFailures.at);
  if (rows.length < max) return 0;
  // Locked until the oldest failure that still counts falls out of the window.
  const oldest = rows[rows.length - max]!.at.getTime();
  return Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
}

/** How many failures the condition selects. */
async function failures(db: Db, where: ReturnType<typeof and>): Promise<number> {
  return (await one(db.select({ n: count() }).from(loginFailures).where(where)))?.n ?? 0;
}

export function accountDelayMs(failures: number): number {
  if (failures < MAX_FAILURES) return 0;
  return Math.min(MAX_ACCOUNT_DELAY_MS, 500 * 2 ** (failures - MAX_FAILURES));
}

export async function checkThrottle(db: Db, username: string, ip: string, now = Date.now()): Promise<ThrottleState> {
  const since = new Date(now - WINDOW_MS);
  const pair = await lockFor(db, and(eq(loginFailures.username, username), eq(loginFailures.ip, ip), gt(loginFailures.at, since)), MAX_FAILURES, now);
  if (pair > 0) return { locked: true, retryAfterSec: pair, scope: 'pair' };
  const address = await lockFor(db, and(eq(loginFailures.ip, ip), gt(loginFailures.at, since)), MAX_ADDRESS_FAILURES, now);
  if (address > 0) return { locked: true, retryAfterSec: address, scope: 'address' };
  const accountFailures = await failures(db, and(eq(loginFailures.username, username), gt(loginFailures.at, since)));
  return { locked: false, delayMs: accountDelayMs(accountFailures) };
}

/** Records a failure; true when it is the one that locks the pair (for the audit log). */
export async function recordFailure(db: Db, username: string, ip: string, now = Date.now()): Promise<boolean> {
  await write(db, () => db.insert(loginFailures).values({ username, ip, at: new Date(now) }));
  // Keep the table small: failures older than the window no longer matter.
  await write(db, () => db.delete(loginFailures).where(lt(loginFailures.at, new Date(now - WINDOW_MS))));
  return (await failures(db, and(eq(loginFailures.username, username), eq(loginFailures.ip, ip)))) === MAX_FAILURES;
}

/** After a successful login from an address, that address's failures on the account no longer count. */
export async function clearFailures(db: Db, username: string, ip?: string): Promise<void> {
  await write(db, () =>
    db
      .delete(loginFailures)
      .where(ip === undefined ? eq(loginFailures.username, username) : and(eq(loginFailures.username, username), eq(loginFailures.ip, ip))),
  );
}

/** The addresses an account is locked from now, for the administration page. */
export async function lockedAddresses(db: Db, username: string, now = Date.now()): Promise<string[]> {
  const rows = await db
    .select({ ip: loginFailures.ip, n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, username), gt(loginFailures.at, new Date(now - WINDOW_MS))))
    .groupBy(loginFailures.ip);
  return rows.filter((r) => r.n >= MAX_FAILURES).map((r) => r.ip);
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} 秒`;
  return `${Math.ceil(seconds / 60)} 分钟`;
}

// Attempts on the same account from the same address, and from the same address, run one after another, so
// parallel guesses cannot all pass the check before any failure is recorded: first in this process (a promise chain,
// no polling), then across every process on the database (a row per key in login_locks), so two instances behind a
// load balancer hold the same line.
const tails = processWide('loginTails', () => new Map<string, Promise<void>>());

/** How long a database lock may be held before another process takes it over (a crashed holder). */
export const LOGIN_LOCK_MS = 10_000;
const LOCK_POLL_MS = 15;

async function tryLock(db: Db, key: string, holder: string, now: number): Promise<boolean> {
  // One transaction (on SQLite it takes the write lock when it begins; on PostgreSQL a second insert of the same key
  // waits for the first to commit, then does nothing), so check and insert are one step.
  return await withTx(db, async (tx) => {
    // A lock left by a process that died is taken over once its time is up.
    await tx.delete(loginLocks).where(and(eq(loginLocks.key, key), lt(loginLocks.until, new Date(now))));
    return (
      changed(
        await tx
          .insert(loginLocks)
          .values({ key, holder, until: new Date(now + LOGIN_LOCK_MS) })
          .onConflictDoNothing(),
      ) === 1
    );
  });
}

async function lockAcross(db: Db, keys: string[], holder: string): Promise<void> {
  const deadline = Date.now() + LOGIN_LOCK_MS * 2;
  for (const key of keys) {
    while (!(await tryLock(db, key, holder, Date.now()))) {
      if (Date.now() > deadline) throw new AppError('rate_limited', '登录请求过多，请稍后再试。');
      await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
    }
  }
}

async function unlockAcross(db: Db, keys: string[], holder: string): Promise<void> {
  await write(db, () => db.delete(loginLocks).where(and(inArray(loginLocks.key, keys), eq(loginLocks.holder, holder))));
}

export async function serializeAttempts<T>(db: Db, keys: string[], run: () => Promise<T>): Promise<T> {
  const unique = [...new Set(keys)].sort();
  const previous = unique.map((k) => tails.get(k) ?? Promise.resolve());
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  for (const k of unique) tails.set(k, done);
  const holder = randomUUID();
  try {
    await Promise.all(previous);
    // Keys are taken in sorted order by every process, so two attempts never wait on each other in a circle.
    await lockAcross(db, unique, holder);
    return await run();
  } finally {
    try {
      await unlockAcross(db, unique, holder);
    } finally {
      // Whatever happened to the database lock, this process's queue moves on (a row left behind expires).
      release();
      for (const k of unique) if (tails.get(k) === done) tails.delete(k);
    }
  }
}
