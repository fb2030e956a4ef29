import { rows } from '@/db/tx';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';

import { createReportAction } from '@/app/(app)/actions';
import { addTownshipAction, addUserAction, resetPasswordAction, setUserActiveAction } from '@/app/(app)/admin/actions';
import type { Db } from '@/db/client';
import { authenticate } from '@/lib/auth/authenticate';
import { currentReportYear } from '@/lib/reports/service';
import { setActor } from '../../support/mock-session';
import { freshWorld, snapshot, type World } from '../../support/db';

let db: Db;
let w: World;
beforeEach(async () => {
  ({ db, w } = await freshWorld());
  setActor(null);
});

function form(fields: Record<string, string | number>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v));
  return f;
}

type Action = (prev: null, f: FormData) => Promise<{ ok: boolean; message: string } | null>;

async function expectRefused(action: Action, fields: Record<string, string | number>, message: string | RegExp) {
  const before = await snapshot(db);
  const state = await action(null, form(fields));
  expect(state?.ok).toBe(false);
  expect(state?.message).toMatch(message);
  expect(await snapshot(db)).toEqual(before);
}

describe('createReportAction', () => {
  it('creates the report and redirects to it', async () => {
    setActor(w.drafterA1);
    const year = currentReportYear();
    await expect(createReportAction(null, form({ townshipId: w.townA1, year }))).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/reports\/\d+\/edit;/),
    });
  });

  it.each([
    [{}, '乡镇（街道）无效。'],
    [{ townshipId: 'x', year: 2024 }, '乡镇（街道）无效。'],
    [{ townshipId: 'TOWN', year: 'abc' }, '年度无效。'],
    [{ townshipId: 'TOWN', year: 1850 }, /^年度须在 2000 至 \d{4} 年之间。$/],
    [{ townshipId: 'OTHER', year: 2024 }, '您只能为本乡镇（街道）创建报告。'],
  ])('refuses %j', async (fields, message) => {
    setActor(w.drafterA1);
    const f = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, v === 'TOWN' ? w.townA1 : v === 'OTHER' ? w.townB1 : v]),
    );
    await expectRefused(createReportAction as Action, f, message);
  });

  it('refuses a visitor who is not signed in', async () => {
    await expectRefused(createReportAction as Action, { townshipId: w.townA1, year: 2024 }, '登录已失效，请重新登录。');
  });
});

describe('admin actions', () => {
  it('add a township and an account, reset a password and deactivate it', async () => {
    setActor(w.admin);
    expect(await addTownshipAction(null, form({ countyId: w.countyA, name: '新建镇', kind: '镇' }))).toEqual({
      ok: true,
      message: '已添加“新建镇”。',
    });
    const add = await addUserAction(
      null,
      form({ username: 'newbie', displayName: '新人', password: 'password-1', role: 'reviewer', countyId: w.countyA, townshipId: '' }),
    );
    expect(add).toEqual({ ok: true, message: '已添加账号“newbie”。' });
    const id = (await rows<{ id: number }>(db, sql`select id from users where username = 'newbie'`))[0]!.id;
    expect(await resetPasswordAction(null, form({ userId: id, password: 'password-2' }))).toEqual({ ok: true, message: '密码已重置。' });
    expect((await authenticate(db, 'newbie', 'password-2', 'ip')).ok).toBe(true);
    expect(await setUserActiveAction(null, form({ userId: id, active: 'false' }))).toEqual({ ok: true, message: '账号已停用。' });
    expect((await authenticate(db, 'newbie', 'password-2', 'ip')).ok).toBe(false);
  });

  it.each([
    ['addTownship', { countyId: 'COUNTY', name: '', kind: '镇' }, '请填写乡镇（街道）名称。'],
    ['addTownship', { countyId: 'COUNTY', name: '甲一镇', kind: '镇' }, '该县已有“甲一镇”。'],
    ['addTownship', { countyId: 'COUNTY', name: '新镇', kind: '村' }, '类型只能是乡、镇或街道。'],
    ['addTownship', { countyId: 424242, name: '新镇', kind: '镇' }, '所选的县不存在。'],
    ['addTownship', { countyId: 'COUNTY', name: '长'.repeat(41), kind: '镇' }, '乡镇（街道）名称不能超过 40 个字。'],
    ['addUser', { username: 'x y', displayName: 'x', password: 'password12', role: 'admin' }, '用户名只能包含字母、数字、下划线、点和短横线。'],
    ['addUser', { username: 'newer', displayName: 'x', password: 'password12', role: 'drafter', townshipId: '' }, '起草人需要选择所属乡镇（街道）。'],
    ['resetPassword', { userId: 'USER', password: '123' }, '密码至少 10 位。'],
    ['resetPassword', { userId: 'abc', password: 'password12' }, '账号无效。'],
    ['resetPassword', { userId: 99999, password: 'password12' }, '该账号不存在。'],
    ['setUserActive', { userId: 99999, active: 'false' }, '该账号不存在。'],
  ])('%s refuses %j with a Chinese message and changes nothing', async (name, fields, message) => {
    setActor(w.admin);
    const actions = { addTownship: addTownshipAction, addUser: addUserAction, resetPassword: resetPasswordAction, setUserActive: setUserActiveAction };
    const f = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, v === 'COUNTY' ? w.countyA : v === 'USER' ? w.drafterA1.id : v]),
    );
    await expectRefused(actions[name as keyof typeof actions] as Action, f, message);
  });

  it.each(['reviewerA', 'drafterA1'] as const)('refuses every admin action to a %s', async (who) => {
    setActor(w[who]);
    await expectRefused(addTownshipAction as Action, { countyId: w.countyA, name: '偷建镇', kind: '镇' }, '只有管理员可以添加乡镇（街道）。');
    await expectRefused(
      addUserAction as Action,
      { username: 'sneaky', displayName: 'x', password: 'password12', role: 'admin' },
      '只有管理员可以管理账号。',
    );
    await expectRefused(resetPasswordAction as Action, { userId: w.admin.id, password: 'password12' }, '只有管理员可以管理账号。');
    await expectRefused(setUserActiveAction as Action, { userId: w.admin.id, active: 'false' }, '只有管理员可以管理账号。');
  });
});

describe('changing an account’s role and scope, renaming a township', () => {
  it('moves a drafter to another township and makes a reviewer; refuses bad input', async () => {
    const { setUserScopeAction, renameTownshipAction } = await import('@/app/(app)/admin/actions');
    const { loadActor } = await import('@/lib/auth/actor');
    setActor(w.admin);
    expect(await setUserScopeAction(null, form({ userId: w.drafterA1.id, role: 'drafter', townshipId: w.townA2, countyId: '' }))).toEqual({
      ok: true,
      message: '角色和范围已更新。',
    });
    expect(await loadActor(db, w.drafterA1.id)).toMatchObject({ role: 'drafter', townshipId: w.townA2, countyId: w.countyA });
    await setUserScopeAction(null, form({ userId: w.drafterA1.id, role: 'reviewer', countyId: w.countyB, townshipId: '' }));
    expect(await loadActor(db, w.drafterA1.id)).toMatchObject({ role: 'reviewer', townshipId: null, countyId: w.countyB });
    await expectRefused(setUserScopeAction as Action, { userId: w.drafterA2.id, role: 'reviewer', countyId: '' }, '审核人需要选择所属县。');
    await expectRefused(setUserScopeAction as Action, { userId: w.admin.id, role: 'drafter', townshipId: w.townA1 }, '不能取消自己的管理员角色。');

    expect(await renameTownshipAction(null, form({ townshipId: w.townA1, name: '甲一街道', kind: '街道' }))).toEqual({ ok: true, message: '已改为“甲一街道”。' });
    await expectRefused(renameTownshipAction as Action, { townshipId: w.townA1, name: '甲二乡', kind: '乡' }, '该县已有“甲二乡”。');
    setActor(w.reviewerA);
    await expectRefused(renameTownshipAction as Action, { townshipId: w.townA1, name: '改名', kind: '镇' }, '只有管理员可以修改乡镇（街道）。');
    await expectRefused(setUserScopeAction as Action, { userId: w.drafterA2.id, role: 'admin' }, '只有管理员可以管理账号。');
  });
});
