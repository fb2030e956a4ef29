// Managing an account's second factor: enrolment from the account page (a secret confirmed by a first code before it
// counts, then ten recovery codes shown once), new recovery codes, turning it off, the administrator's requirement
// per role, and the command line's reset of a lost factor. The sign-in step itself is second-factor.ts.
import { and, count, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { one, withTx, write, found } from '@/db/tx';
import type { Db } from '@/db/client';
import { appSettings, recoveryCodes, users, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { currentAddress } from '@/lib/audit/request-context';
import { actingUserId, can, type Actor } from '@/lib/domain/permissions';
import { ROLES, type Role } from '@/lib/domain/vocabulary';
import { AppError } from '@/lib/shared/errors';
import { limit, limitMessage } from '@/lib/shared/limits';
import { parseInput } from '@/lib/shared/validation';
import { verifyPassword } from './password';
import { acceptTotp, codeKey, codeLockMessage, codeLockSec, recordCodeFailure } from './second-factor';
import { revokeUserSessions } from './sessions';
import { checkTotp, hashRecoveryCode, looksLikeTotp, newRecoveryCodes, newTotpSecret, normaliseCode, otpauthUri } from './totp';
import { openTotpSecret, sealTotpSecret } from './totp-seal';
import { clearFailures } from './login-throttle';
import { TWO_FACTOR_ROLES_KEY } from './actor';

const REQUIRED_KEY = TWO_FACTOR_ROLES_KEY;

const codeField = z
  .string({ error: '请填写验证码。' })
  .trim()
  .min(1, { error: '请填写验证码。' })
  .max(limit('codeChars'), { error: limitMessage('codeChars') });

const proofField = z
  .string({ error: '请填写验证码或当前密码。' })
  .min(1, { error: '请填写验证码或当前密码。' })
  .max(128, { error: '验证码或密码过长。' });

export type TwoFactorStatus = {
  enabled: boolean;
  enabledAt: Date | null;
  /** The actor's role must use a second factor (then it cannot be turned off). */
  required: boolean;
  recoveryLeft: number;
  /** An enrolment begun and not yet confirmed: the secret to show. */
  pending: { secret: string; uri: string } | null;
};

function ownAccount(actor: Actor): void {
  if (actor.system) throw new AppError('bad_request', '命令行不能设置两步验证。');
}

async function findUser(db: Db, userId: number): Promise<User> {
  return found(db.select().from(users).where(eq(users.id, userId)), '该账号不存在。');
}

/** The roles an administrator requires a second factor of (none by default). */
export async function requiredRoles(db: Db): Promise<Role[]> {
  const row = await one(db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, REQUIRED_KEY)));
  return Array.isArray(row?.value) ? ROLES.filter((r) => (row.value as unknown[]).includes(r)) : [];
}

export async function setRequiredRoles(db: Db, actor: Actor, raw: unknown): Promise<Role[]> {
  if (!can(actor, 'user.manage')) throw new AppError('forbidden', '只有管理员可以设置两步验证要求。');
  const { roles } = parseInput(z.object({ roles: z.array(z.enum(ROLES, { error: '角色无效。' }), { error: '角色无效。' }).max(ROLES.length) }), raw);
  const to = ROLES.filter((r) => roles.includes(r));
  const from = await requiredRoles(db);
  if (from.length === to.length && from.every((r) => to.includes(r))) return to;
  await withTx(db, async (tx) => {
    const values = { value: to, updatedBy: actingUserId(actor), updatedAt: new Date() };
    await tx
      .insert(appSettings)
      .values({ key: REQUIRED_KEY, ...values })
      .onConflictDoUpdate({ target: appSettings.key, set: values });
    await recordAudit(tx, { actorId: actingUserId(actor), action: 'two-factor.required', detail: { from, to } });
  });
  return to;
}

export async function twoFactorStatus(db: Db, actor: Actor): Promise<TwoFactorStatus> {
  ownAccount(actor);
  const user = await findUser(db, actor.id);
  const left = (await one(db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)))))?.n ?? 0;
  // A pending secret that no longer opens (the server's secret changed) is as good as none: setting up starts again.
  const pending = user.totpPendingSecret ? openTotpSecret(user.id, user.totpPendingSecret) : null;
  return {
    enabled: Boolean(user.totpSecret),
    enabledAt: user.totpEnabledAt,
    required: (await requiredRoles(db)).includes(user.role),
    recoveryLeft: user.totpSecret ? left : 0,
    pending: !user.totpSecret && pending ? { secret: pending, uri: otpauthUri(pending, user.username) } : null,
  };
}

/** Begins enrolment: a new secret kept aside until a first code confirms it (starting again replaces it). */
export async function startEnrolment(db: Db, actor: Actor): Promise<void> {
  ownAccount(actor);
  const user = await findUser(db, actor.id);
  if (user.totpSecret) throw new AppError('conflict', '两步验证已经启用。');
  await write(db, () => db.update(users).set({ totpPendingSecret: sealTotpSecret(user.id, newTotpSecret()) }).where(eq(users.id, user.id)));
}

async function throttled(db: Db, user: User): Promise<string> {
  const ip = currentAddress() ?? 'local';
  const wait = await codeLockSec(db, user.username, ip);
  if (wait > 0) throw new AppError('rate_limited', codeLockMessage(wait));
  return ip;
}

async function storeRecoveryCodes(tx: Db, userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })));
  return codes;
}

/**
 * Confirms enrolment with the first code from the app: the secret takes effect, ten recovery codes are made (returned
 * once, kept only as hashes) and the account's other sessions end (they were opened with the password alone).
 */
export async function confirmEnrolment(db: Db, actor: Actor, raw: unknown): Promise<string[]> {
  ownAccount(actor);
  const { code: typed } = parseInput(z.object({ code: codeField }), raw);
  const user = await findUser(db, actor.id);
  if (user.totpSecret) throw new AppError('conflict', '两步验证已经启用。');
  const pending = user.totpPendingSecret ? openTotpSecret(user.id, user.totpPendingSecret) : null;
  if (!pending) throw new AppError('bad_request', '请先点击“开始设置”。');
  const ip = await throttled(db, user);
  const code = normaliseCode(typed);
  const step = looksLikeTotp(code) ? await checkTotp(pending, code) : null;
  if (step === null) {
    await recordCodeFailure(db, user, ip, 'confirm');
    throw new AppError('bad_request', '验证码不正确。请确认验证器里添加的是本账号，并输入当前显示的 6 位数字。');
  }
  const secret = sealTotpSecret(user.id, pending);
  const codes = await withTx(db, async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: secret, totpPendingSecret: null, totpLastStep: step, totpEnabledAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, user.id));
    const made = await storeRecoveryCodes(tx, user.id);
    await recordAudit(tx, { actorId: user.id, action: 'two-factor.enrol', detail: { userId: user.id } });
    await revokeUserSessions(tx, user.id, 'two-factor', user.id, { keep: actor.sessionId });
    return made;
  });
  await clearFailures(db, codeKey(user.username), ip);
  return codes;
}

/** A current code or the password, for turning the factor off or making new recovery codes; wrong ones are throttled. */
async function checkProof(db: Db, user: User, raw: unknown): Promise<void> {
  const { proof } = parseInput(z.object({ proof: proofField }), raw);
  const ip = await throttled(db, user);
  const code = normaliseCode(proof);
  const ok = looksLikeTotp(code) ? await acceptTotp(db, user, code) : await verifyPassword(proof, user.passwordHash);
  if (!ok) {
    await recordCodeFailure(db, user, ip, 'confirm');
    throw new AppError('bad_request', '验证码或密码不正确。');
  }
}

async function enabledUser(db: Db, actor: Actor): Promise<User> {
  ownAccount(actor);
  const user = await findUser(db, actor.id);
  if (!user.totpSecret) throw new AppError('bad_request', '尚未启用两步验证。');
  return user;
}

/** New recovery codes replace all the old ones (used or not); returned once. */
export async function regenerateRecoveryCodes(db: Db, actor: Actor, raw: unknown): Promise<string[]> {
  const user = await enabledUser(db, actor);
  await checkProof(db, user, raw);
  return await withTx(db, async (tx) => {
    const codes = await storeRecoveryCodes(tx, user.id);
    await recordAudit(tx, { actorId: user.id, action: 'two-factor.recovery-regenerate', detail: { userId: user.id } });
    return codes;
  });
}

async function clearFactor(tx: Db, userId: number): Promise<void> {
  await tx
    .update(users)
    .set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null, totpEnabledAt: null, updatedAt: new Date() })
    .where(eq(users.id, userId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/** Turns the factor off (a current code or the password); refused while the account's role requires one. */
export async function disableTwoFactor(db: Db, actor: Actor, raw: unknown): Promise<void> {
  const user = await enabledUser(db, actor);
  if ((await requiredRoles(db)).includes(user.role))
    throw new AppError('bad_request', '管理员要求您的角色使用两步验证，不能关闭。如果手机丢失，请用恢复码登录后重新设置，或联系管理员重置。');
  await checkProof(db, user, raw);
  await withTx(db, async (tx) => {
    await clearFactor(tx, user.id);
    await recordAudit(tx, { actorId: user.id, action: 'two-factor.disable', detail: { userId: user.id } });
  });
}

/**
 * A lost factor (the command line's `user 2fa-reset`): the secret and recovery codes are removed and every session of
 * the account ends; if the role requires a factor, the user enrols again right after the next sign-in.
 */
export async function resetTwoFactor(db: Db, actor: Actor, userId: number): Promise<{ hadFactor: boolean; sessionsEnded: number }> {
  if (!can(actor, 'user.manage')) throw new AppError('forbidden', '只有管理员可以重置两步验证。');
  const user = await findUser(db, userId);
  return await withTx(db, async (tx) => {
    await clearFactor(tx, user.id);
    await recordAudit(tx, { actorId: actingUserId(actor), action: 'two-factor.reset', detail: { userId: user.id, username: user.username, hadFactor: Boolean(user.totpSecret) } });
    const sessionsEnded = await revokeUserSessions(tx, user.id, 'two-factor-reset', actingUserId(actor));
    return { hadFactor: Boolean(user.totpSecret), sessionsEnded };
  });
}
