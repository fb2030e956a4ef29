// The second factor through the real server actions and services: enrolment on the account page, the code step of
// sign-in (wrong codes throttled, a code never taken twice, recovery codes used once), turning it off, the
// administrator's requirement sending users to enrol first, and the command line's reset.
import { and, count, eq, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { one, write } from '@/db/tx';
import type { Db } from '@/db/client';
import { auditEvents, recoveryCodes, sessions, users } from '@/db/schema';
import { confirmEnrolmentAction, disableTwoFactorAction, regenerateRecoveryCodesAction, startEnrolmentAction } from '@/app/(app)/account/two-factor/actions';
import { setEmailAction } from '@/app/(app)/account/actions';
import { setTwoFactorRolesAction } from '@/app/(app)/admin/actions';
import { verifyCodeAction } from '@/app/(auth)/login/verify/actions';
import { describeAudit } from '@/lib/audit/describe';
import { loadActor } from '@/lib/auth/actor';
import { authenticate } from '@/lib/auth/authenticate';
import { MAX_FAILURES } from '@/lib/auth/login-throttle';
import { acceptTotp, recordCodeFailure, verifySignInCode, WRONG_CODE_MESSAGE } from '@/lib/auth/second-factor';
import { createSession } from '@/lib/auth/sessions';
import { totpAt, TOTP_PERIOD_SEC } from '@/lib/auth/totp';
import { openTotpSecret } from '@/lib/auth/totp-seal';
import { limit } from '@/lib/shared/limits';
import type { Actor } from '@/lib/domain/permissions';
import { runCli } from '@/cli/index';
import { freshWorld, TEST_PASSWORD, type World } from '../../support/db';
import { setActor, setPendingSignIn } from '../../support/mock-session';
import { setRequestHeaders } from '../../support/mock-headers';

let db: Db;
let w: World;
beforeEach(async () => {
  ({ db, w } = await freshWorld());
  setRequestHeaders({});
  setPendingSignIn(null);
});

type State = { ok: boolean; message: string; shownOnce?: string[] } | null;
const form = (fields: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) f.append(k, one);
  return f;
};
/** Runs an action; a redirect comes back as { redirect: url }. */
async function run(action: (p: null, f: FormData) => Promise<State>, fields: Record<string, string | string[]> = {}) {
  try {
    return await action(null, form(fields));
  } catch (e) {
    const digest = String((e as { digest?: string }).digest);
    if (!digest.startsWith('NEXT_REDIRECT')) throw e;
    return { redirect: digest.split(';')[2] };
  }
}
const later = (steps: number) => Date.now() + steps * TOTP_PERIOD_SEC * 1000;
const userRow = async (id: number) => (await one(db.select().from(users).where(eq(users.id, id))))!;
const audits = async (action: string) => (await db.select().from(auditEvents).where(eq(auditEvents.action, action))).length;

/** Enrols `who` through the account page's actions; the secret and the recovery codes shown. */
async function enrol(who: Actor): Promise<{ secret: string; codes: string[] }> {
  setActor(who);
  expect(await run(startEnrolmentAction)).toMatchObject({ ok: true });
  const secret = openTotpSecret(who.id, (await userRow(who.id)).totpPendingSecret!)!;
  const state = (await run(confirmEnrolmentAction, { code: await totpAt(secret) })) as State;
  expect(state?.ok, state?.message).toBe(true);
  return { secret, codes: state!.shownOnce! };
}

/** What sign-in does after a correct password for an account with a factor: a session waiting for its code. */
async function passwordStep(who: Actor, ip = '10.0.0.1'): Promise<string> {
  const r = await authenticate(db, who.username, TEST_PASSWORD, ip);
  expect(r.ok).toBe(true);
  const sessionId = await createSession(db, who.id, { address: ip, awaitingCode: (await userRow(who.id)).totpSecret !== null });
  setPendingSignIn({ sessionId, userId: who.id });
  return sessionId;
}
const sessionRow = async (id: string) => (await one(db.select().from(sessions).where(eq(sessions.id, id))))!;

describe('enrolment', () => {
  it('needs a first correct code; then ten recovery codes are shown once and kept only as hashes', async () => {
    setActor(w.admin);
    await run(startEnrolmentAction);
    const sealedPending = (await userRow(w.admin.id)).totpPendingSecret!;
    const pending = openTotpSecret(w.admin.id, sealedPending)!;
    expect(pending).toMatch(/^[A-Z2-7]{32}$/);
    // Kept sealed, even while waiting for the first code.
    expect(sealedPending).toMatch(/^totp1:/);
    expect(sealedPending).not.toContain(pending);
    expect((await userRow(w.admin.id)).totpSecret).toBeNull();
    const wrong = (await run(confirmEnrolmentAction, { code: (Number(await totpAt(pending)) ^ 1).toString().padStart(6, '0') })) as State;
    expect(wrong).toMatchObject({ ok: false, message: expect.stringContaining('验证码不正确') });
    expect(await audits('two-factor.failure')).toBe(1);
    const ok = (await run(confirmEnrolmentAction, { code: await totpAt(pending) })) as State;
    expect(ok?.ok).toBe(true);
    expect(ok?.shownOnce).toHaveLength(10);
    const user = await userRow(w.admin.id);
    // The stored value is not the base32 secret: it is sealed for this account (lib/auth/totp-seal.ts).
    expect(user.totpSecret).toMatch(/^totp1:[A-Za-z0-9_-]+$/);
    expect(user.totpSecret).not.toContain(pending);
    expect(openTotpSecret(w.admin.id, user.totpSecret!)).toBe(pending);
    expect(openTotpSecret(w.reviewerA.id, user.totpSecret!)).toBeNull();
    expect(user.totpPendingSecret).toBeNull();
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, w.admin.id));
    expect(stored).toHaveLength(10);
    for (const c of ok!.shownOnce!) expect(JSON.stringify(stored)).not.toContain(c.replace(/-/g, ''));
    expect(await audits('two-factor.enrol')).toBe(1);
    // Enrolled: starting again is refused, and nothing in the audit log holds the secret or a code.
    expect(await run(startEnrolmentAction)).toMatchObject({ ok: false, message: '两步验证已经启用。' });
    const log = JSON.stringify(await db.select().from(auditEvents));
    expect(log).not.toContain(pending);
    for (const c of ok!.shownOnce!) expect(log).not.toContain(c);
  });
});

describe('signing in with the second factor', () => {
  it('keeps the session unusable until a current code is entered; the same code is not taken twice', async () => {
    const { secret } = await enrol(w.reviewerA);
    const sid = await passwordStep(w.reviewerA);
    expect((await sessionRow(sid)).awaitingCode).toBe(true);
    const code = await totpAt(secret, later(1));
    expect(await run(verifyCodeAction, { code, next: '/dashboard' })).toEqual({ redirect: '/dashboard' });
    expect((await sessionRow(sid)).awaitingCode).toBe(false);
    expect(await audits('two-factor.login')).toBe(1);
    // Someone who saw the code (over the shoulder, a proxy log) cannot use it again within its window.
    const sid2 = await passwordStep(w.reviewerA);
    expect(await run(verifyCodeAction, { code })).toEqual({ ok: false, message: WRONG_CODE_MESSAGE });
    expect((await sessionRow(sid2)).awaitingCode).toBe(true);
  });

  it('a secret stored plain before sealing still signs in, and is sealed by that sign-in; the next code still works', async () => {
    const { secret } = await enrol(w.reviewerA);
    // As a row written before secrets were sealed.
    await write(db, () => db.update(users).set({ totpSecret: secret }).where(eq(users.id, w.reviewerA.id)));
    expect((await userRow(w.reviewerA.id)).totpSecret).toBe(secret);
    const sid = await passwordStep(w.reviewerA);
    // No page asked for: a reviewer lands on the county dashboard.
    expect(await run(verifyCodeAction, { code: await totpAt(secret, later(1)) })).toEqual({ redirect: '/dashboard' });
    expect((await sessionRow(sid)).awaitingCode).toBe(false);
    const stored = (await userRow(w.reviewerA.id)).totpSecret!;
    expect(stored).toMatch(/^totp1:/);
    expect(stored).not.toContain(secret);
    expect(openTotpSecret(w.reviewerA.id, stored)).toBe(secret);
    // A later code is checked against the sealed secret now (a minute on), and the value is not sealed again.
    expect(await acceptTotp(db, await userRow(w.reviewerA.id), await totpAt(secret, later(3)), later(3))).toBe(true);
    expect((await userRow(w.reviewerA.id)).totpSecret).toBe(stored);
  });

  it('a sealed secret copied onto another account does not sign that account in', async () => {
    const { secret } = await enrol(w.reviewerA);
    const sealed = (await userRow(w.reviewerA.id)).totpSecret;
    await write(db, () => db.update(users).set({ totpSecret: sealed }).where(eq(users.id, w.reviewerB.id)));
    await passwordStep(w.reviewerB);
    expect(await run(verifyCodeAction, { code: await totpAt(secret, later(1)) })).toEqual({ ok: false, message: WRONG_CODE_MESSAGE });
  });

  it('refuses malformed and oversize codes with a Chinese sentence and no session without a pending sign-in', async () => {
    await enrol(w.reviewerA);
    expect(await run(verifyCodeAction, { code: '123456' })).toMatchObject({ ok: false, message: expect.stringContaining('重新输入用户名和密码') });
    await passwordStep(w.reviewerA);
    for (const code of ['', '12345', 'abc', '１２３４５６', 'x'.repeat(41)]) {
      const s = (await run(verifyCodeAction, { code })) as State;
      expect(s?.ok).toBe(false);
      expect(s?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('locks the code step after five wrong codes from one address, ending the half-open session, even for the right code', async () => {
    const { secret } = await enrol(w.reviewerA);
    const sid = await passwordStep(w.reviewerA, '10.0.0.7');
    setRequestHeaders({});
    for (let i = 0; i < MAX_FAILURES - 1; i++) expect(await verifySignInCode(db, { sessionId: sid, code: '000000', ip: '10.0.0.7' })).toMatchObject({ ok: false, reason: 'invalid' });
    const fifth = await verifySignInCode(db, { sessionId: sid, code: '000000', ip: '10.0.0.7' });
    expect(fifth).toMatchObject({ ok: false, reason: 'locked' });
    expect((await sessionRow(sid)).revokedAt).not.toBeNull();
    const sid2 = await passwordStep(w.reviewerA, '10.0.0.7');
    expect(await verifySignInCode(db, { sessionId: sid2, code: await totpAt(secret, later(1)), ip: '10.0.0.7' })).toMatchObject({ ok: false, reason: 'locked' });
    expect(await audits('two-factor.lockout')).toBe(1);
    // From another address the owner still gets in.
    const sid3 = await passwordStep(w.reviewerA, '10.0.0.8');
    expect(await verifySignInCode(db, { sessionId: sid3, code: await totpAt(secret, later(1)), ip: '10.0.0.8' })).toMatchObject({ ok: true });
  });

  it('pauses the code step for the account after secondFactorFailures wrong codes from several addresses', async () => {
    const { secret } = await enrol(w.reviewerA);
    // Four through the code step, from four addresses; the rest recorded as the step records them (past the fifth the
    // account-wide delay, up to 8 s an attempt, would make this test slow, which is its point).
    for (let i = 0; i < 4; i++) {
      const ip = `10.1.${i}.1`;
      const sid = await passwordStep(w.reviewerA, ip);
      expect(await verifySignInCode(db, { sessionId: sid, code: '000000', ip })).toMatchObject({ reason: 'invalid' });
    }
    for (let i = 4; i < limit('secondFactorFailures'); i++) await recordCodeFailure(db, w.reviewerA, `10.1.${i}.1`, 'login');
    expect(await audits('two-factor.lockout')).toBe(1);
    const sid = await passwordStep(w.reviewerA, '10.2.0.1');
    expect(await verifySignInCode(db, { sessionId: sid, code: await totpAt(secret, later(1)), ip: '10.2.0.1' })).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('takes each recovery code once, says how many are left, and new ones replace the old', async () => {
    const { secret, codes } = await enrol(w.admin);
    await passwordStep(w.admin);
    expect(await run(verifyCodeAction, { code: codes[0]!.toUpperCase() })).toEqual({ redirect: '/account/two-factor?recoveryLeft=9' });
    expect(await audits('two-factor.recovery-used')).toBe(1);
    await passwordStep(w.admin);
    expect(await run(verifyCodeAction, { code: codes[0]! })).toEqual({ ok: false, message: WRONG_CODE_MESSAGE });
    // New codes need the password or a current code; the old ones stop working.
    setActor(w.admin);
    expect(await run(regenerateRecoveryCodesAction, { proof: 'wrong-password-1' })).toMatchObject({ ok: false, message: '验证码或密码不正确。' });
    const fresh = (await run(regenerateRecoveryCodesAction, { proof: await totpAt(secret, later(1)) })) as State;
    expect(fresh?.shownOnce).toHaveLength(10);
    await passwordStep(w.admin);
    expect(await run(verifyCodeAction, { code: codes[1]! })).toEqual({ ok: false, message: WRONG_CODE_MESSAGE });
    expect(await run(verifyCodeAction, { code: fresh!.shownOnce![0]! })).toEqual({ redirect: '/account/two-factor?recoveryLeft=9' });
  });

  it('is not asked of accounts without a factor', async () => {
    const sid = await createSession(db, w.drafterA1.id, {});
    expect((await sessionRow(sid)).awaitingCode).toBe(false);
  });
});

describe('turning it off', () => {
  it('needs a current code or the password; the secret and recovery codes go', async () => {
    await enrol(w.drafterA1);
    setActor(w.drafterA1);
    expect(await run(disableTwoFactorAction, { proof: 'not-my-password' })).toMatchObject({ ok: false });
    expect(await run(disableTwoFactorAction, { proof: TEST_PASSWORD })).toMatchObject({ ok: true, message: '两步验证已关闭。' });
    const user = await userRow(w.drafterA1.id);
    expect([user.totpSecret, user.totpLastStep, user.totpEnabledAt]).toEqual([null, null, null]);
    expect((await one(db.select({ n: count() }).from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))))?.n).toBe(0);
    expect(await audits('two-factor.disable')).toBe(1);
  });
});

describe('the administrator requires it of roles', () => {
  it('sends a reviewer without a factor to enrol before anything else, and lets go once enrolled', async () => {
    setActor(w.admin);
    expect(await run(setTwoFactorRolesAction, { roles: ['admin', 'reviewer'] })).toMatchObject({ ok: true, message: '已要求管理员、审核人使用两步验证。' });
    expect(await audits('two-factor.required')).toBe(1);
    const reviewer = (await loadActor(db, w.reviewerA.id))!;
    expect(reviewer.mustEnrolSecondFactor).toBe(true);
    expect((await loadActor(db, w.drafterA1.id))!.mustEnrolSecondFactor).toBeUndefined();
    setActor(reviewer);
    expect(await run(setEmailAction, { email: 'r@example.gov.cn' })).toMatchObject({ ok: false, message: expect.stringContaining('两步验证') });
    const { secret } = await enrol(reviewer);
    const after = (await loadActor(db, w.reviewerA.id))!;
    expect(after.mustEnrolSecondFactor).toBeUndefined();
    setActor(after);
    expect(await run(setEmailAction, { email: 'r@example.gov.cn' })).toMatchObject({ ok: true });
    // A required factor cannot be turned off.
    expect(await run(disableTwoFactorAction, { proof: await totpAt(secret, later(1)) })).toMatchObject({ ok: false, message: expect.stringContaining('不能关闭') });
  });

  it('refuses unknown roles and non-administrators', async () => {
    setActor(w.admin);
    expect(await run(setTwoFactorRolesAction, { roles: ['boss'] })).toMatchObject({ ok: false });
    setActor(w.reviewerA);
    expect(await run(setTwoFactorRolesAction, { roles: ['admin'] })).toMatchObject({ ok: false });
    expect(await audits('two-factor.required')).toBe(0);
  });
});

describe('user 2fa-reset on the command line', () => {
  it('removes a lost factor and ends every session of the account', async () => {
    await enrol(w.reviewerA);
    const open = await createSession(db, w.reviewerA.id, {});
    const lines: string[] = [];
    const out = { log: (s: string) => lines.push(s), error: (s: string) => lines.push(s) };
    expect(await runCli(['user', '2fa-reset', 'Reviewer-A'], out, () => db)).toBe(0);
    expect(lines.join('\n')).toContain('已重置 reviewer-a 的两步验证');
    expect((await userRow(w.reviewerA.id)).totpSecret).toBeNull();
    expect((await sessionRow(open)).revokedReason).toBe('two-factor-reset');
    expect(await db.select().from(recoveryCodes).where(and(eq(recoveryCodes.userId, w.reviewerA.id), isNull(recoveryCodes.usedAt)))).toEqual([]);
    expect(await audits('two-factor.reset')).toBe(1);
    expect(await runCli(['user', '2fa-reset'], out, () => db)).toBe(2);
    expect(await runCli(['user', '2fa-reset', 'nobody'], out, () => db)).toBe(1);
  });
});

describe('the audit log in Chinese', () => {
  it('describes every second-factor event', () => {
    const n = { user: () => '张三', township: () => null, county: () => null };
    expect(describeAudit('two-factor.required', JSON.stringify({ from: [], to: ['admin', 'reviewer'] }), n)).toBe('必须使用两步验证的角色：（无） → 管理员、审核人');
    expect(describeAudit('two-factor.recovery-used', JSON.stringify({ userId: 1, left: 9 }), n)).toBe('张三 使用恢复码登录，还剩 9 个');
    expect(describeAudit('two-factor.failure', JSON.stringify({ userId: 1, context: 'login' }), n)).toBe('张三 输入的登录验证码不正确');
    expect(describeAudit('two-factor.reset', JSON.stringify({ userId: 1, hadFactor: true }), n)).toBe('重置 张三 的两步验证，该账号的登录全部下线');
    expect(describeAudit('two-factor.enrol', JSON.stringify({ userId: 1 }), n)).toBe('启用两步验证：张三');
  });
});

