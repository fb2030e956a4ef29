// Accounts: the people lookups every feature uses (display names, ids by username) and the admin's account management
// (add, reset, deactivate, scope, list). Sign-in itself is lib/auth/authenticate.ts.
import { one, withTx, found } from '@/db/tx';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { counties, reviewerCounties, townships, users, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { actingUserId, can, type Actor } from '@/lib/domain/permissions';
import { AppError } from '@/lib/shared/errors';
import { clearFailures, lockedAddresses } from '@/lib/auth/login-throttle';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { z } from 'zod';
import { assertPasswordPolicy, hashPassword, PASSWORD_MAX_LENGTH, verifyPassword } from '@/lib/auth/password';
import { parseInput, passwordSchema } from '@/lib/shared/validation';
import { furtherCountiesSchema, scopeSchema, userInputSchema, type UserInput } from './schema';

/** The display names of the given users (authors, resolvers, deciders), one query for all of them. */
export async function displayNames(db: Pick<Db, 'select'>, ids: Iterable<number>): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  return new Map((await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique))).map((u) => [u.id, u.name]));
}

/** Lifts every lock on an account (all addresses); the administrator's 解除锁定. */
export async function unlockUser(db: Db, actor: Actor, userId: number): Promise<number> {
  requireManage(actor);
  const user = await findUser(db, userId);
  const addresses = await lockedAddresses(db, user.username);
  await clearFailures(db, user.username);
  await recordAudit(db, { actorId: actor.id, action: 'login.unlock', detail: { userId: user.id, username: user.username, addresses } });
  return addresses.length;
}

/** 强制下线: an administrator ends every session of a user. */
export async function endUserSessions(db: Db, actor: Actor, userId: number): Promise<number> {
  requireManage(actor);
  const user = await findUser(db, userId);
  return await revokeUserSessions(db, user.id, 'admin', actor.id);
}

/** 退出所有设备: a user ends every session of their own, this one included. */
export async function logoutEverywhere(db: Db, actor: Actor): Promise<number> {
  return await revokeUserSessions(db, actor.id, 'logout-all', actor.id);
}

/** A user choosing their own password: checked against the policy and the current password; other sessions end. */
export async function changeOwnPassword(db: Db, actor: Actor, raw: unknown): Promise<void> {
  const input = parseInput(
    z.object({
      current: z.string({ error: '请填写当前密码。' }).min(1, { error: '请填写当前密码。' }).max(PASSWORD_MAX_LENGTH),
      password: passwordSchema,
      confirm: z.string(),
    }),
    raw,
  );
  if (input.password !== input.confirm) throw new AppError('bad_request', '两次输入的新密码不一致。');
  const user = await findUser(db, actor.id);
  if (!(await verifyPassword(input.current, user.passwordHash))) throw new AppError('bad_request', '当前密码不正确。');
  if (input.current === input.password) throw new AppError('bad_request', '新密码不能与当前密码相同。');
  assertPasswordPolicy(input.password, user.username);
  const passwordHash = await hashPassword(input.password);
  await withTx(db, async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, demo: false, updatedAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, { actorId: user.id, action: 'user.password-change', detail: { userId: user.id } });
    await revokeUserSessions(tx, user.id, 'password', user.id, { keep: actor.sessionId });
  });
}

function requireManage(actor: Actor) {
  if (!can(actor, 'user.manage')) throw new AppError('forbidden', '只有管理员可以管理账号。');
}

async function assertScopeExists(db: Db, input: Pick<UserInput, 'role' | 'countyId' | 'townshipId'>) {
  if (input.role === 'reviewer' && !(await one(db.select().from(counties).where(eq(counties.id, input.countyId!)))))
    throw new AppError('bad_request', '所选的县不存在。');
  if (input.role === 'drafter' && !(await one(db.select().from(townships).where(eq(townships.id, input.townshipId!)))))
    throw new AppError('bad_request', '所选的乡镇（街道）不存在。');
}

export async function createUser(db: Db, actor: Actor, raw: unknown, opts: { demo?: boolean } = {}): Promise<User> {
  requireManage(actor);
  const input = parseInput(userInputSchema, raw);
  const username = input.username.toLowerCase();
  assertPasswordPolicy(input.password, username);
  await assertScopeExists(db, input);
  if (await one(db.select({ id: users.id }).from(users).where(eq(users.username, username))))
    throw new AppError('conflict', `用户名“${username}”已被使用，请换一个。`);
  const passwordHash = await hashPassword(input.password);
  return await withTx(db, async (tx) => {
    const user = (await one(
      tx
        .insert(users)
        .values({
          username,
          displayName: input.displayName,
          passwordHash,
          role: input.role,
          countyId: input.role === 'reviewer' ? input.countyId : null,
          townshipId: input.role === 'drafter' ? input.townshipId : null,
          // Someone else chose this password; the user picks their own at first sign-in (demo accounts excepted).
          mustChangePassword: !opts.demo,
          demo: Boolean(opts.demo),
        })
        .returning(),
    ))!;
    await recordAudit(tx, {
      actorId: actingUserId(actor),
      action: 'user.create',
      detail: { userId: user.id, username, role: user.role },
    });
    return user;
  });
}

/** The account with that username (any case), for the command line. */
export async function userIdByUsername(db: Db, username: string): Promise<number> {
  const name = username.toLowerCase();
  const user = await found(db.select({ id: users.id }).from(users).where(eq(users.username, name)), `账号“${name}”不存在。`);
  return user.id;
}

async function findUser(db: Db, userId: number): Promise<User> {
  return found(db.select().from(users).where(eq(users.id, userId)), '该账号不存在。');
}

export async function resetPassword(db: Db, actor: Actor, userId: number, password: unknown): Promise<void> {
  requireManage(actor);
  const pw = parseInput(passwordSchema, password);
  const user = await findUser(db, userId);
  assertPasswordPolicy(pw, user.username);
  const passwordHash = await hashPassword(pw);
  await withTx(db, async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: true, demo: false, updatedAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, { actorId: actingUserId(actor), action: 'user.password-reset', detail: { userId: user.id } });
    await revokeUserSessions(tx, user.id, 'password-reset', actingUserId(actor));
  });
  await clearFailures(db, user.username);
}

export async function setUserActive(db: Db, actor: Actor, userId: number, active: boolean): Promise<void> {
  requireManage(actor);
  const user = await findUser(db, userId);
  if (actor.id === user.id && !active) throw new AppError('bad_request', '不能停用自己的账号。');
  await withTx(db, async (tx) => {
    await tx.update(users).set({ active, updatedAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      actorId: actingUserId(actor),
      action: active ? 'user.activate' : 'user.deactivate',
      detail: { userId: user.id, username: user.username },
    });
    // Sessions end on deactivation, so reactivating an account never revives an old cookie.
    if (!active) await revokeUserSessions(tx, user.id, 'deactivated', actingUserId(actor));
  });
}

export type UserListRow = Omit<User, 'passwordHash' | 'emailSince' | 'totpSecret' | 'totpPendingSecret' | 'totpLastStep'> & {
  countyName: string | null;
  townshipName: string | null;
  /** A reviewer's further counties (a city office), by id and name. */
  furtherCounties: Array<{ id: number; name: string }>;
};

export async function listUsers(db: Db, actor: Actor): Promise<UserListRow[]> {
  requireManage(actor);
  const further = new Map<number, Array<{ id: number; name: string }>>();
  for (const r of await db
    .select({ userId: reviewerCounties.userId, id: counties.id, name: counties.name })
    .from(reviewerCounties)
    .innerJoin(counties, eq(counties.id, reviewerCounties.countyId))
    .orderBy(asc(counties.id)))
    further.set(r.userId, [...(further.get(r.userId) ?? []), { id: r.id, name: r.name }]);
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      countyId: users.countyId,
      townshipId: users.townshipId,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      demo: users.demo,
      email: users.email,
      totpEnabledAt: users.totpEnabledAt,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
      countyName: counties.name,
      townshipName: townships.name,
    })
    .from(users)
    .leftJoin(counties, eq(counties.id, users.countyId))
    .leftJoin(townships, eq(townships.id, users.townshipId))
    .orderBy(asc(users.role), asc(users.username));
  return rows.map((u) => ({ ...u, furtherCounties: further.get(u.id) ?? [] }));
}

/**
 * The further counties a reviewer covers beyond the own one (a city office reviewing several counties); an empty
 * list takes them away. A change ends the reviewer's sessions (as a change of role or scope does), so what was open
 * under the old scope is not kept open: the reviewer signs in again under the new one.
 */
export async function setFurtherCounties(db: Db, actor: Actor, userId: number, raw: unknown): Promise<void> {
  requireManage(actor);
  const { countyIds } = parseInput(furtherCountiesSchema, raw);
  const user = await findUser(db, userId);
  if (user.role !== 'reviewer') throw new AppError('bad_request', '只有审核人可以负责多个县。');
  const ids = [...new Set(countyIds)].filter((id) => id !== user.countyId);
  for (const id of ids)
    if (!(await one(db.select({ id: counties.id }).from(counties).where(eq(counties.id, id))))) throw new AppError('bad_request', '所选的县不存在。');
  const now = (await db.select({ id: reviewerCounties.countyId }).from(reviewerCounties).where(eq(reviewerCounties.userId, user.id))).map((r) => r.id);
  // The same counties again: nothing to change or record.
  if (now.length === ids.length && ids.every((id) => now.includes(id))) return;
  await withTx(db, async (tx) => {
    await tx.delete(reviewerCounties).where(eq(reviewerCounties.userId, user.id));
    for (const countyId of ids) await tx.insert(reviewerCounties).values({ userId: user.id, countyId });
    await recordAudit(tx, { actorId: actingUserId(actor), action: 'user.counties', detail: { userId: user.id, countyIds: ids } });
    await revokeUserSessions(tx, user.id, 'counties', actingUserId(actor));
  });
}

/** Changes an account's role and where it works; takes effect on the user's next request. */
export async function setUserScope(db: Db, actor: Actor, userId: number, raw: unknown): Promise<void> {
  requireManage(actor);
  const input = parseInput(scopeSchema, raw);
  const user = await findUser(db, userId);
  if (user.id === actor.id && input.role !== 'admin') throw new AppError('bad_request', '不能取消自己的管理员角色。');
  await assertScopeExists(db, input);
  await withTx(db, async (tx) => {
    await tx
      .update(users)
      .set({
        role: input.role,
        countyId: input.role === 'reviewer' ? input.countyId : null,
        townshipId: input.role === 'drafter' ? input.townshipId : null,
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id));
    // Further counties belong to a reviewer; another role drops them, and a new own county is not also a further one.
    if (input.role !== 'reviewer') await tx.delete(reviewerCounties).where(eq(reviewerCounties.userId, user.id));
    else if (input.countyId != null)
      await tx.delete(reviewerCounties).where(and(eq(reviewerCounties.userId, user.id), eq(reviewerCounties.countyId, input.countyId)));
    await revokeUserSessions(tx, user.id, 'role', actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.scope',
      detail: { userId: user.id, from: { role: user.role, countyId: user.countyId, townshipId: user.townshipId }, to: input },
    });
  });
}

/** Usernames of active demo accounts that still have the published demo password (for the banner on every page). */
export async function demoAccountsActive(db: Db): Promise<string[]> {
  return (
    await db
      .select({ username: users.username })
      .from(users)
      .where(and(eq(users.demo, true), eq(users.active, true)))
      .orderBy(asc(users.id))
  ).map((u) => u.username);
}

/** Deactivates every demo account at once (the banner's link for administrators). */
export async function deactivateDemoAccounts(db: Db, actor: Actor): Promise<number> {
  requireManage(actor);
  const ids = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.demo, true), eq(users.active, true)));
  let n = 0;
  for (const { id } of ids) {
    if (id === actor.id) continue;
    await setUserActive(db, actor, id, false);
    n++;
  }
  return n;
}
