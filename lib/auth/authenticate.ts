// Sign-in: a username and password checked with throttling per account and address, audited either way.
import { one } from '@/db/tx';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/shared/errors';
import { checkThrottle, clearFailures, formatWait, recordFailure, serializeAttempts } from './login-throttle';
import { getDummyHash, verifyPassword } from './password';

export type AuthResult =
  | { ok: true; userId: number }
  | { ok: false; reason: 'invalid' | 'inactive' | 'busy'; message: string }
  | { ok: false; reason: 'locked'; retryAfterSec: number; message: string };

export const INVALID_LOGIN_MESSAGE = '用户名或密码错误。';

export async function authenticate(db: Db, usernameRaw: string, password: string, ip: string): Promise<AuthResult> {
  const username = usernameRaw.trim().toLowerCase();
  // The account-wide delay is waited outside the lock, so other accounts' logins from the same office do not queue behind it.
  const before = await checkThrottle(db, username, ip);
  if (!before.locked && before.delayMs > 0) await new Promise((r) => setTimeout(r, before.delayMs));
  try {
    return await serializeAttempts(db, [`pair:${username}|${ip}`, `ip:${ip}`], () => attempt(db, username, password, ip));
  } catch (e) {
    // Another process held this account and address for longer than a password check takes.
    if (e instanceof AppError && e.code === 'rate_limited') return { ok: false, reason: 'busy', message: e.message };
    throw e;
  }
}

async function attempt(db: Db, username: string, password: string, ip: string): Promise<AuthResult> {
  const throttle = await checkThrottle(db, username, ip);
  if (throttle.locked) {
    return {
      ok: false,
      reason: 'locked',
      retryAfterSec: throttle.retryAfterSec,
      message: `登录失败次数过多，请 ${formatWait(throttle.retryAfterSec)}后再试。`,
    };
  }
  const user = await one(db.select().from(users).where(eq(users.username, username)));
  const ok = await verifyPassword(password, user?.passwordHash ?? (await getDummyHash()));
  if (!user || !ok) {
    const locked = await recordFailure(db, username, ip);
    // The name typed is kept only when it is an account, so a password typed into the username box is not logged.
    await recordAudit(db, { actorId: user?.id ?? null, action: 'login.failure', address: ip, detail: { username: user ? username : '（不存在的账号）' } });
    if (locked)
      await recordAudit(db, { actorId: user?.id ?? null, action: 'login.lockout', address: ip, detail: { username: user ? username : '（不存在的账号）' } });
    return { ok: false, reason: 'invalid', message: INVALID_LOGIN_MESSAGE };
  }
  if (!user.active) {
    // Told only after a correct password, so it reveals nothing to someone guessing.
    return { ok: false, reason: 'inactive', message: '该账号已停用，请联系管理员。' };
  }
  await clearFailures(db, username, ip);
  await recordAudit(db, { actorId: user.id, action: 'user.login', address: ip });
  return { ok: true, userId: user.id };
}
