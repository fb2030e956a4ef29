// Accounts as a county's IT office sees them, in Chromium against a server listening on 0.0.0.0: the demo-account
// banner, a password set by an administrator changed at first login, 强制下线, and login staying on the host the
// browser used.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@/cli/seed';
import { startApp, type AppServer } from './app-server';
import { cli } from './http';
import { login, newPage, sharedBrowser, shot } from './support';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-accounts-'));
let app: AppServer;
let baseURL: string;
const b = sharedBrowser(() => baseURL);

beforeAll(async () => {
  app = await startApp(dataDir, undefined, { HOSTNAME: '0.0.0.0' });
  baseURL = `http://127.0.0.1:${app.port}`;
  const add = cli(dataDir, 'user', 'add', '--username', 'zhaoming', '--name', '赵明', '--role', 'drafter', '--township', '青石乡', '--password', 'Set-by-admin-1');
  expect(add.status, add.stderr).toBe(0);
});
afterAll(async () => {
  await app?.stop();
});

/** Fills in the 修改密码 form (current password, the new one twice) and sends it. */
async function changePassword(form: Locator, current: string, next: string): Promise<void> {
  await form.getByLabel('当前密码').fill(current);
  await form.getByLabel('新密码', { exact: true }).fill(next);
  await form.getByLabel('再输入一次新密码').fill(next);
  await form.getByRole('button', { name: '保存新密码' }).click();
}

describe('accounts in the browser', () => {
  it('login stays on the host the browser used, and the demo banner tells the admin what to do', async () => {
    const page = await newPage(b.browser, baseURL);
    await login(page, 'admin', DEMO_PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    expect(new URL(page.url()).host).toBe(`127.0.0.1:${app.port}`);
    const banner = page.getByTestId('demo-banner');
    await expect.poll(() => banner.textContent()).toContain('演示账号');
    expect(await banner.getByRole('link', { name: '去停用演示账号' }).count()).toBe(1);
    await shot(page, 'accounts-01-demo-banner');
    await page.context().close();
  });

  it('each role lands on its own page: a reviewer on the county dashboard, a drafter and the admin on the reports list', async () => {
    for (const [username, landing] of [['shenhe', '/dashboard'], ['shili', '/'], ['admin', '/']] as const) {
      const page = await newPage(b.browser, baseURL);
      await login(page, username, DEMO_PASSWORD);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      expect(new URL(page.url()).pathname, username).toBe(landing);
      // Signed in already, the login page sends the user to the same place.
      await page.goto('/login');
      expect(new URL(page.url()).pathname, username).toBe(landing);
      await page.context().close();
    }
    // A page asked for (a link followed before signing in) wins over the landing page.
    const reviewer = await newPage(b.browser, baseURL);
    await reviewer.goto('/login?next=%2Finbox');
    await reviewer.getByLabel('用户名').fill('shenhe');
    await reviewer.getByLabel('密码').fill(DEMO_PASSWORD);
    await reviewer.getByRole('button', { name: '登录' }).click();
    await reviewer.waitForURL((u) => !u.pathname.startsWith('/login'));
    expect(new URL(reviewer.url()).pathname).toBe('/inbox');
    await reviewer.goto('/dashboard');
    await shot(reviewer, 'accounts-00-reviewer-dashboard');
    await reviewer.context().close();
  });

  it('a password set by the administrator must be replaced at first login, under the policy', async () => {
    const page = await newPage(b.browser, baseURL);
    await login(page, 'zhaoming', 'Set-by-admin-1');
    await page.waitForURL((u) => u.pathname === '/account/password');
    expect(await page.getByTestId('must-change').count()).toBe(1);
    // Nothing else is reachable until then.
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/account/password');
    const form = page.getByTestId('password-form');
    await changePassword(form, 'Set-by-admin-1', '1234567890');
    await expect.poll(() => form.locator('.msg.error').textContent()).toContain('不能全是数字');
    await shot(page, 'accounts-02-policy');
    // The form is emptied after each submission (React form actions), so everything is typed again.
    await changePassword(form, 'Set-by-admin-1', 'Zhao-own-pass-2026');
    await page.waitForURL((u) => u.pathname === '/');
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('赵明');
    await shot(page, 'accounts-03-after-change');
    await page.context().close();
  });

  it('强制下线: the administrator ends a user’s sessions and the user’s next request goes to the login page', async () => {
    const user = await b.openAs('zhaoming', { password: 'Zhao-own-pass-2026' });
    const admin = await newPage(b.browser, baseURL);
    await login(admin, 'admin', DEMO_PASSWORD);
    await admin.waitForURL((u) => !u.pathname.startsWith('/login'));
    await admin.goto('/admin');
    const end = admin.getByTestId('end-sessions-zhaoming');
    expect(await end.innerText()).toMatch(/在线 [12] 处/);
    await end.getByRole('button', { name: '强制下线' }).click();
    // Once no session is open the row offers 强制下线 no more.
    await expect.poll(() => end.count()).toBe(0);
    await shot(admin, 'accounts-04-force-logout');
    await user.goto('/');
    expect(new URL(user.url()).pathname).toBe('/login');
    // The audit log shows the revocation with who did it.
    await admin.goto('/admin/audit?action=session.revoke');
    expect(await admin.locator('table').innerText()).toContain('结束登录会话');
    await user.context().close();
    await admin.context().close();
  });

  it('the banner goes once no demo account with the demo password is active', async () => {
    const admin = await newPage(b.browser, baseURL);
    await login(admin, 'admin', DEMO_PASSWORD);
    await admin.waitForURL((u) => !u.pathname.startsWith('/login'));
    await admin.goto('/admin#demo-accounts');
    admin.once('dialog', (d) => void d.accept());
    await admin.getByTestId('deactivate-demo').getByRole('button', { name: '停用全部演示账号' }).click();
    await expect.poll(() => admin.getByTestId('deactivate-demo').locator('.msg').textContent()).toContain('已停用 4 个演示账号');
    // The administrator's own demo account is last: changing its password ends the demo state.
    await admin.goto('/account/password');
    const form = admin.getByTestId('password-form');
    await form.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await form.getByLabel('新密码', { exact: true }).fill('Guanli-own-2026x');
    await form.getByLabel('再输入一次新密码').fill('Guanli-own-2026x');
    await form.getByRole('button', { name: '保存新密码' }).click();
    await expect.poll(() => form.locator('.msg').textContent()).toContain('密码已修改');
    await admin.goto('/');
    expect(await admin.getByTestId('demo-banner').count()).toBe(0);
    await shot(admin, 'accounts-05-no-banner');
    await admin.context().close();
  });
});
