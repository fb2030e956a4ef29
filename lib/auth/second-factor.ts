// The second step of signing in: a session opened with the right password of an account that has a second factor
// stays unusable (sessions.awaiting_code) until a current TOTP code or an unused recovery code is entered. Wrong
// codes are throttled like passwords (lib/auth/login-throttle.ts, under the key totp:<username>): five from one
// address lock that address for the account, and `secondFactorFailures` from anywhere pause the step for the account.
import { and, count, eq, gt, isNull, lt, or } from 'drizzle-orm';
import { changed, one, write } from '@/db/tx';
import type { Db } from '@/db/client';
import { loginFailures, recoveryCodes, sessions, users, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/shared/errors';
import { limit, limitMessage } from '@/lib/shared/limits';
import { checkThrottle, clearFailures, formatWait, recordFailure, serializeAttempts, WINDOW_MS } from './login-throttle';
import { revokeSession } from './sessions';
import { checkTotp, hashRecoveryCode, looksLikeRecoveryCode, looksLikeTotp, normaliseCode } from './totp';
import { isSealed, openTotpSecret, sealTotpSecret } from './totp-seal';
import type { Role } from '@/lib/domain/vocabulary';

/** How long after the password the code may be entered; then the half-open session is refused and sign-in starts again. */
export const CODE_ENTRY_MS = 5 * 60_000;
export const WRONG_CODE_MESSAGE = '验证码不正确，请输入验证器上当前显示的 6 位数字，或一个未用过的恢复码。';
export const CODE_EXPIRED_MESSAGE = '验证已超时或登录已失效，请重新输入用户名和密码。';

/** The throttle's key for an account's codes (usernames never contain a colon). */
export function codeKey(username: string): string {
  return `totp:${username}`;
}

/** Seconds until the account's code step may be tried again from `ip`, 0 when it may now. */
export async function codeLockSec(db: Db, username: string, ip: string, now = Date.now()): Promise<number> {
  const key = codeKey(username);
  const t = await checkThrottle(db, key, ip, now);
  if (t.locked) return t.retryAfterSec;
  const since = new Date(now - WINDOW_MS);
  const rows = await db
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, key), gt(loginFailures.at, since)))
    .orderBy(loginFailures.at);
  const max = limit('secondFactorFailures');
  if (rows.length < max) return 0;
  return Math.max(1, Math.ceil((rows[rows.length - max]!.at.getTime() + WINDOW_MS - now) / 1000));
}

export function codeLockMessage(seconds: number): string {
  return `验证码错误次数过多，请 ${formatWait(seconds)}后再试。`;
}

/** Records a wrong code (or a wrong code-or-password on the account page); true when it locks the step. */
export async function recordCodeFailure(db: Db, user: Pick<User, 'id' | 'username'>, ip: string, context: 'login' | 'confirm'): Promise<boolean> {
  const pairLocked = await recordFailure(db, codeKey(user.username), ip);
  await recordAudit(db, { actorId: user.id, action: 'two-factor.failure', address: ip, detail: { userId: user.id, username: user.username, context } });
  const accountFailures =
    (await one(db.select({ n: count() }).from(loginFailures).where(eq(loginFailures.username, codeKey(user.username)))))?.n ?? 0;
  const locked = pairLocked || accountFailures === limit('secondFactorFailures');
  if (locked) await recordAudit(db, { actorId: user.id, action: 'two-factor.lockout', address: ip, detail: { userId: user.id, username: user.username } });
  return locked;
}

/**
 * Takes a TOTP code for the account: matched within the drift window and after the last step accepted, then that
 * step is stored by a compare-and-set, so two requests with the same code cannot both pass.
 */
export async function acceptTotp(db: Db, user: Pick<User, 'id' | 'totpSecret' | 'totpLastStep'>, code: string, nowMs = Date.now()): Promise<boolean> {
  if (!user.totpSecret) return false;
  const secret = openTotpSecret(user.id, user.totpSecret);
  if (secret === null) return false;
  const step = await checkTotp(secret, code, { nowMs, afterStep: user.totpLastStep });
  if (step === null) return false;
  // A secret still stored plain (from before sealing, lib/auth/totp-seal.ts) is sealed in the same write. The factor
  // must still be the one just checked, so a factor turned off meanwhile is not brought back.
  const updated = await write(db, () =>
    db
      .update(users)
      .set({ totpLastStep: step, ...(isSealed(user.totpSecret!) ? {} : { totpSecret: sealTotpSecret(user.id, secret) }) })
      .where(and(eq(users.id, user.id), eq(users.totpSecret, user.totpSecret!), or(isNull(users.totpLastStep), lt(users.totpLastStep, step)))),
  );
  return changed(updated) === 1;
}

/** Uses one recovery code of the account; the number still unused, or null when it was not one. */
export async function spendRecoveryCode(db: Db, userId: number, code: string): Promise<number | null> {
  const used = await write(db, () =>
    db
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id }),
  );
  if (!used.length) return null;
  return (await one(db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))))?.n ?? 0;
}

export type CodeResult =
  | { ok: true; recoveryLeft: number | null; role: Role }
  | { ok: false; reason: 'invalid' | 'locked' | 'expired' | 'busy'; message: string };

/** The session a password opened, still waiting for its code, and its account; null when there is none to complete. */
export async function awaitingSession(db: Db, sessionId: string, now = Date.now()) {
  if (!sessionId || sessionId.length > 64) return null;
  const s = await one(db.select().from(sessions).where(eq(sessions.id, sessionId)));
  if (!s || s.revokedAt || !s.awaitingCode || s.expiresAt.getTime() <= now) return null;
  if (now - s.createdAt.getTime() > CODE_ENTRY_MS) return null;
  const user = await one(db.select().from(users).where(eq(users.id, s.userId)));
  if (!user || !user.active || !user.totpSecret) return null;
  return { session: s, user };
}

/** The second step of sign-in: a code (or recovery code) for the session `sessionId`, which becomes usable when right. */
export async function verifySignInCode(db: Db, input: { sessionId: string; code: string; ip: string }): Promise<CodeResult> {
  const found = await awaitingSession(db, input.sessionId);
  if (!found) return { ok: false, reason: 'expired', message: CODE_EXPIRED_MESSAGE };
  const { username } = found.user;
  // A locked step answers at once; otherwise the account-wide delay is waited outside the lock, as a password's is.
  const wait = await codeLockSec(db, username, input.ip);
  if (wait > 0) return { ok: false, reason: 'locked', message: codeLockMessage(wait) };
  const before = await checkThrottle(db, codeKey(username), input.ip);
  if (!before.locked && before.delayMs > 0) await new Promise((r) => setTimeout(r, before.delayMs));
  try {
    return await serializeAttempts(db, [`pair:${codeKey(username)}|${input.ip}`, `ip:${input.ip}`], () => attempt(db, input));
  } catch (e) {
    if (e instanceof AppError && e.code === 'rate_limited') return { ok: false, reason: 'busy', message: e.message };
    throw e;
  }
}

async function attempt(db: Db, input: { sessionId: string; code: string; ip: string }): Promise<CodeResult> {
  // Read again inside the lock: the step accepted last and the session's state may have changed while waiting.
  const found = await awaitingSession(db, input.sessionId);
  if (!found) return { ok: false, reason: 'expired', message: CODE_EXPIRED_MESSAGE };
  const { user } = found;
  const wait = await codeLockSec(db, user.username, input.ip);
  if (wait > 0) return { ok: false, reason: 'locked', message: codeLockMessage(wait) };
  const code = normaliseCode(input.code);
  let recoveryLeft: number | null = null;
  let ok = false;
  if (looksLikeTotp(code)) ok = await acceptTotp(db, user, code);
  else if (looksLikeRecoveryCode(code)) {
    recoveryLeft = await spendRecoveryCode(db, user.id, code);
    ok = recoveryLeft !== null;
    if (ok) await recordAudit(db, { actorId: user.id, action: 'two-factor.recovery-used', address: input.ip, detail: { userId: user.id, left: recoveryLeft } });
  }
  if (!ok) {
    const locked = await recordCodeFailure(db, user, input.ip, 'login');
    if (!locked) return { ok: false, reason: 'invalid', message: WRONG_CODE_MESSAGE };
    // Locked: this half-open session is ended; signing in starts again with the password once the pause is over.
    await revokeSession(db, input.sessionId, 'two-factor', user.id);
    return { ok: false, reason: 'locked', message: limitMessage('secondFactorFailures') };
  }
  const opened = await write(db, () =>
    db
      .update(sessions)
      .set({ awaitingCode: false })
      .where(and(eq(sessions.id, input.sessionId), eq(sessions.awaitingCode, true), isNull(sessions.revokedAt))),
  );
  if (changed(opened) !== 1) return { ok: false, reason: 'expired', message: CODE_EXPIRED_MESSAGE };
  await clearFailures(db, codeKey(user.username), input.ip);
  await recordAudit(db, { actorId: user.id, action: 'two-factor.login', address: input.ip, detail: { userId: user.id, recovery: recoveryLeft !== null } });
  return { ok: true, recoveryLeft, role: user.role };
}
