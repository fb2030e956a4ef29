// The second factor in Chromium: the administrator requires it of reviewers, the demo reviewer is sent to enrol right
// after signing in (QR code and secret, a first code computed here with otplib, ten recovery codes shown once), then
// signs in again with a code on a phone-sized screen. Screenshots at 1280 and 390 px wide.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@/cli/seed';
import { startApp, type AppServer } from './app-server';
import { cli } from './http';
import { login, newPage, sharedBrowser, shot } from './support';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-2fa-'));
let app: AppServer;
let baseURL: string;
const b = sharedBrowser(() => baseURL);
let secret = '';
let recoveryCode = '';

beforeAll(async () => {
  app = await startApp(dataDir);
  baseURL = app.url;
});
afterAll(async () => {
  await app?.stop();
});

/** The code an authenticator app would show `steps` periods from now (the next one, so no code is used twice). */
const codeAt = (steps: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

describe('two-factor sign-in in the browser', () => {
  it('the administrator requires it of administrators and reviewers', async () => {
    const page = await newPage(b.browser, baseURL);
    await login(page, 'admin', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto('/admin#two-factor');
    const form = page.getByTestId('two-factor-roles');
    await form.getByLabel('审核人').check();
    await form.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => form.locator('.msg.ok').textContent()).toContain('已要求审核人使用两步验证');
    await page.locator('#two-factor').screenshot({ path: path.resolve('tests/e2e/screenshots/two-factor-01-admin-1280.png') });
    // Administrators too: the admin signed in now, who has no factor, is taken to enrol as the page redraws.
    await form.getByLabel('管理员').check();
    await form.getByRole('button', { name: '保存' }).click();
    await page.waitForURL((u) => u.pathname === '/account/two-factor');
    expect(await page.getByTestId('must-enrol').count()).toBe(1);
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/account/two-factor');
    await page.context().close();
  });

  it('a reviewer without a factor enrols right after signing in, with a code computed here', async () => {
    const page = await newPage(b.browser, baseURL);
    await login(page, 'shenhe', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/account/two-factor');
    expect(await page.getByTestId('must-enrol').count()).toBe(1);
    // Nothing else is reachable until then.
    await page.goto('/dashboard');
    expect(new URL(page.url()).pathname).toBe('/account/two-factor');
    await page.getByTestId('start-enrolment').getByRole('button', { name: '开始设置' }).click();
    await page.getByTestId('totp-qr').waitFor();
    expect(await page.getByTestId('totp-qr').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
    secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await shot(page, 'two-factor-02-enrol-1280');
    const confirm = page.getByTestId('confirm-enrolment');
    await confirm.getByLabel('验证码').fill('000000');
    await confirm.getByRole('button', { name: '确认并启用' }).click();
    await expect.poll(() => confirm.locator('.msg.error').textContent()).toContain('验证码不正确');
    await confirm.getByLabel('验证码').fill(await codeAt(0));
    await confirm.getByRole('button', { name: '确认并启用' }).click();
    const codes = page.getByTestId('recovery-codes').locator('li');
    await expect.poll(() => codes.count()).toBe(10);
    recoveryCode = (await codes.first().textContent()) ?? '';
    await shot(page, 'two-factor-03-recovery-codes-1280');
    await page.getByRole('link', { name: '我已保存，完成' }).click();
    await page.getByTestId('two-factor-on').waitFor();
    expect(await page.getByTestId('recovery-left').textContent()).toBe('10');
    await page.goto('/dashboard');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await page.context().close();
  });

  it('signs in with the password and then a code on a phone-sized screen; a wrong code is refused', async () => {
    const context = await b.browser.newContext({ baseURL, locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await login(page, 'shenhe', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/login/verify');
    // The half-open session opens nothing.
    await page.goto('/dashboard');
    expect(new URL(page.url()).pathname).toMatch(/^\/login/);
    await page.goto('/login/verify');
    const form = page.getByTestId('code-form');
    await form.getByLabel('验证码').fill('123456');
    await form.getByRole('button', { name: '验证并登录' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('验证码不正确');
    await shot(page, 'two-factor-04-code-390');
    await form.getByLabel('验证码').fill(await codeAt(1));
    await form.getByRole('button', { name: '验证并登录' }).click();
    // A reviewer lands on the county dashboard, past the code step too.
    await page.waitForURL((u) => u.pathname === '/dashboard');
    await shot(page, 'two-factor-05-signed-in-390');
    await context.close();
  });

  it('a recovery code signs in once; user 2fa-reset removes the factor and the reviewer enrols again', async () => {
    const page = await newPage(b.browser, baseURL);
    await login(page, 'shenhe', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/login/verify');
    await page.getByTestId('toggle-recovery').click();
    await page.getByLabel('恢复码').fill(recoveryCode);
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.waitForURL((u) => u.pathname === '/account/two-factor');
    expect(await page.getByTestId('recovery-used').textContent()).toContain('还剩 9 个');
    await shot(page, 'two-factor-06-recovery-used-1280');
    const reset = cli(dataDir, 'user', '2fa-reset', 'shenhe');
    expect(reset.status, reset.stderr).toBe(0);
    expect(reset.stdout).toContain('已重置 shenhe 的两步验证');
    // The session ended with the reset; the next sign-in goes straight to enrolment again.
    await page.goto('/dashboard');
    expect(new URL(page.url()).pathname).toBe('/login');
    await login(page, 'shenhe', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/account/two-factor');
    expect(await page.getByTestId('must-enrol').count()).toBe(1);
    await page.context().close();
  });
});
