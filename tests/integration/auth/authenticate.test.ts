import { one, rows as queryRows, write } from '@/db/tx';
import { beforeEach, describe, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { createUser, setUserActive, resetPassword, unlockUser } from '@/lib/directory/accounts';
import { authenticate } from '@/lib/auth/authenticate';
import { accountDelayMs, checkThrottle, LOGIN_LOCK_MS, MAX_ACCOUNT_DELAY_MS, MAX_ADDRESS_FAILURES, MAX_FAILURES, WINDOW_MS } from '@/lib/auth/login-throttle';
import { loginFailures, loginLocks, users } from '@/db/schema';
import type { Db } from '@/db/client';
import { freshWorld, snapshot, TEST_PASSWORD, type World } from '../../support/db';

let db: Db;
let w: World;
beforeEach(async () => ({ db, w } = await freshWorld()));

describe('authenticate', () => {
  it('accepts the right password, case-insensitively on the username', async () => {
    const r = await authenticate(db, 'Drafter-A1', TEST_PASSWORD, '10.0.0.1');
    expect(r).toEqual({ ok: true, userId: w.drafterA1.id });
  });

  it('gives the same Chinese message for a wrong password and an unknown account', async () => {
    const wrong = await authenticate(db, 'drafter-a1', 'wrong-password', '10.0.0.1');
    const unknown = await authenticate(db, 'nobody', 'wrong-password', '10.0.0.1');
    expect(wrong).toMatchObject({ ok: false, reason: 'invalid', message: '用户名或密码错误。' });
    expect(unknown).toMatchObject({ ok: false, reason: 'invalid', message: '用户名或密码错误。' });
  });

  it('locks the account from that address after 5 failures in 15 minutes, even with the right password, and says how long to wait', async () => {
    for (let i = 0; i < MAX_FAILURES; i++) expect((await authenticate(db, 'drafter-a1', `bad-${i}`, '10.0.1.1')).ok).toBe(false);
    const r = await authenticate(db, 'drafter-a1', TEST_PASSWORD, '10.0.1.1');
    expect(r.ok).toBe(false);
    if (r.ok || r.reason !== 'locked') throw new Error('expected a lock');
    expect(r.retryAfterSec).toBeGreaterThan(14 * 60);
    expect(r.retryAfterSec).toBeLessThanOrEqual(15 * 60);
    expect(r.message).toBe('登录失败次数过多，请 15 分钟后再试。');
    // Another account from a fresh address is not affected.
    expect((await authenticate(db, 'drafter-a2', TEST_PASSWORD, '10.0.3.1')).ok).toBe(true);
  });

  it('finding 9: failures from one address never lock the owner out from everywhere; the account only slows down', async () => {
    for (let i = 0; i < MAX_FAILURES; i++) await authenticate(db, 'admin', `guess-${i}`, '10.6.6.6');
    expect(await checkThrottle(db, 'admin', '10.6.6.6')).toMatchObject({ locked: true, scope: 'pair' });
    const elsewhere = await checkThrottle(db, 'admin', '10.0.0.1');
    expect(elsewhere).toEqual({ locked: false, delayMs: accountDelayMs(MAX_FAILURES) });
    expect(accountDelayMs(MAX_FAILURES)).toBeGreaterThan(0);
    expect(accountDelayMs(MAX_FAILURES + 20)).toBe(MAX_ACCOUNT_DELAY_MS);
    const t0 = Date.now();
    expect(await authenticate(db, 'admin', TEST_PASSWORD, '10.0.0.1')).toMatchObject({ ok: true });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(accountDelayMs(MAX_FAILURES) - 50);
    // The failures and the lockout are in the audit log with the address.
    const rows = (await queryRows(db, sql`select action, address from audit_events where action like 'login.%' order by id`)) as Array<{
      action: string;
      address: string;
    }>;
    expect(rows.filter((r) => r.action === 'login.failure')).toHaveLength(MAX_FAILURES);
    expect(rows.filter((r) => r.action === 'login.lockout')).toEqual([{ action: 'login.lockout', address: '10.6.6.6' }]);
    // An administrator can lift the lock; the unlock is audited.
    expect(await unlockUser(db, w.admin, w.admin.id)).toBe(1);
    expect(await checkThrottle(db, 'admin', '10.6.6.6')).toEqual({ locked: false, delayMs: 0 });
    expect(await queryRows(db, sql`select count(*) as n from audit_events where action = 'login.unlock'`)).toEqual([{ n: 1 }]);
  });

  it('holds under parallel attempts: of 20 wrong passwords sent at once from one address only 5 are checked, then that pair is locked', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => authenticate(db, 'drafter-a1', `guess-${i}`, '10.0.1.1')));
    const checked = results.filter((r) => !r.ok && r.reason === 'invalid');
    const locked = results.filter((r) => !r.ok && r.reason === 'locked');
    expect(checked).toHaveLength(MAX_FAILURES);
    expect(locked).toHaveLength(20 - MAX_FAILURES);
    expect((await one(db.select({ n: count() }).from(loginFailures)))!.n).toBe(MAX_FAILURES);
    // Even the right password is refused from there now.
    expect(await authenticate(db, 'drafter-a1', TEST_PASSWORD, '10.0.1.1')).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('holds per address under parallel attempts against different accounts', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => authenticate(db, `nobody-${i}`, 'wrong', '10.9.9.9')));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(MAX_ADDRESS_FAILURES);
    expect(await authenticate(db, 'drafter-a2', TEST_PASSWORD, '10.9.9.9')).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('waits for another server process checking the same account and address (a row in login_locks), and takes over a lock its dead holder left', async () => {
    // Another instance is checking drafter-a1 from 10.0.4.4 right now.
    await write(db, () =>
      db.insert(loginLocks).values({ key: 'pair:drafter-a1|10.0.4.4', holder: 'other-process', until: new Date(Date.now() + LOGIN_LOCK_MS) }),
    );
    let done = false;
    const attempt = authenticate(db, 'drafter-a1', TEST_PASSWORD, '10.0.4.4').then((r) => {
      done = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 150));
    expect(done).toBe(false);
    await write(db, () => db.delete(loginLocks));
    expect((await attempt).ok).toBe(true);
    // A lock whose time is up belongs to a process that died: taken over at once.
    await write(db, () => db.insert(loginLocks).values({ key: 'ip:10.0.5.5', holder: 'dead-process', until: new Date(Date.now() - 1) }));
    expect((await authenticate(db, 'drafter-a1', TEST_PASSWORD, '10.0.5.5')).ok).toBe(true);
    // Nothing is left behind.
    expect((await one(db.select({ n: count() }).from(loginLocks)))!.n).toBe(0);
  });

  it('parallel logins with the right password all succeed', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => authenticate(db, 'drafter-a1', TEST_PASSWORD, '10.0.0.1')));
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('locks an address after many failures across different accounts, not other addresses', async () => {
    for (let i = 0; i < MAX_ADDRESS_FAILURES; i++) await authenticate(db, `guess-${i}`, 'x', '10.9.9.9');
    const r = await authenticate(db, 'drafter-a1', TEST_PASSWORD, '10.9.9.9');
    expect(r).toMatchObject({ ok: false, reason: 'locked' });
    expect((await authenticate(db, 'drafter-a1', TEST_PASSWORD, '10.9.9.8')).ok).toBe(true);
  });

  it('unlocks once the failures fall out of the window', async () => {
    const t0 = Date.now() - WINDOW_MS - 1000;
    for (let i = 0; i < MAX_FAILURES; i++) await write(db, () => db.insert(loginFailures).values({ username: 'drafter-a1', ip: 'x', at: new Date(t0) }));
    expect(await checkThrottle(db, 'drafter-a1', 'x')).toEqual({ locked: false, delayMs: 0 });
  });

  it('four failures do not lock, and a success clears that address’s failures', async () => {
    for (let i = 0; i < MAX_FAILURES - 1; i++) await authenticate(db, 'drafter-a1', 'bad', '10.0.0.5');
    expect((await authenticate(db, 'drafter-a1', TEST_PASSWORD, '10.0.0.5')).ok).toBe(true);
    expect((await one(db.select({ n: count() }).from(loginFailures)))?.n).toBe(0);
  });

  it('a deactivated account cannot log in, and can again once reactivated', async () => {
    await setUserActive(db, w.admin, w.drafterA1.id, false);
    expect(await authenticate(db, 'drafter-a1', TEST_PASSWORD, '10.0.0.1')).toMatchObject({
      ok: false,
      reason: 'inactive',
      message: '该账号已停用，请联系管理员。',
    });
    await setUserActive(db, w.admin, w.drafterA1.id, true);
    expect((await authenticate(db, 'drafter-a1', TEST_PASSWORD, '10.0.0.1')).ok).toBe(true);
  });

  it('a reset password replaces the old one', async () => {
    await resetPassword(db, w.admin, w.drafterA1.id, 'brand-new-pass');
    expect((await authenticate(db, 'drafter-a1', TEST_PASSWORD, '1')).ok).toBe(false);
    expect((await authenticate(db, 'drafter-a1', 'brand-new-pass', '2')).ok).toBe(true);
  });
});

describe('account management', () => {
  it('only admins manage accounts', async () => {
    const before = await snapshot(db);
    for (const actor of [w.reviewerA, w.drafterA1]) {
      await expect(
        createUser(db, actor, { username: 'x1', displayName: 'x', password: 'password12', role: 'admin' }),
      ).rejects.toMatchObject({ status: 403 });
      await expect(setUserActive(db, actor, w.drafterA2.id, false)).rejects.toThrow(expect.objectContaining({ status: 403 }));
      await expect(resetPassword(db, actor, w.drafterA2.id, 'password12')).rejects.toMatchObject({ status: 403 });
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    [{ username: 'a', displayName: 'x', password: 'password12', role: 'admin' }, '用户名至少 2 个字符。'],
    [{ username: 'bad name', displayName: 'x', password: 'password12', role: 'admin' }, '用户名只能包含字母、数字、下划线、点和短横线。'],
    [{ username: 'ok-name', displayName: '', password: 'password12', role: 'admin' }, '请填写姓名。'],
    [{ username: 'ok-name', displayName: 'x', password: 'short', role: 'admin' }, '密码至少 10 位。'],
    [{ username: 'ok-name', displayName: 'x', password: 'password12', role: 'boss' }, '角色只能是管理员、审核人或起草人。'],
    [{ username: 'ok-name', displayName: 'x', password: 'password12', role: 'drafter' }, '起草人需要选择所属乡镇（街道）。'],
    [{ username: 'ok-name', displayName: 'x', password: 'password12', role: 'reviewer' }, '审核人需要选择所属县。'],
    [{ username: 'ok-name', displayName: 'x', password: 'password12', role: 'drafter', townshipId: 9999 }, '所选的乡镇（街道）不存在。'],
    [{ username: 'admin', displayName: 'x', password: 'password12', role: 'admin' }, '用户名“admin”已被使用，请换一个。'],
    [{ username: 42, displayName: ['x'], password: null, role: 'admin' }, '请填写用户名。'],
  ])('refuses bad account input %j with a Chinese message and changes nothing', async (input, message) => {
    const before = await snapshot(db);
    await expect(createUser(db, w.admin, input)).rejects.toMatchObject({ message });
    expect(await snapshot(db)).toEqual(before);
  });

  it('an admin cannot deactivate their own account', async () => {
    await expect(setUserActive(db, w.admin, w.admin.id, false)).rejects.toThrow('不能停用自己的账号。');
  });

  it('stores usernames in lower case and never the password', async () => {
    const u = await createUser(db, w.admin, { username: 'NewUser', displayName: '新用户', password: 'password12', role: 'reviewer', countyId: w.countyA });
    expect(u.username).toBe('newuser');
    const raw = await db.select().from(users);
    expect(JSON.stringify(raw)).not.toContain('password12');
  });
});
