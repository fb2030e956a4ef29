import { describe, expect, inject, it } from 'vitest';
import { currentReportYear } from '@/lib/reports/service';
import { login, newPage, sharedBrowser, shot } from './support';

const baseURL = inject('baseURL');
const year = currentReportYear();

const b = sharedBrowser(baseURL);

describe('log in, see the township’s reports, create this year’s report', () => {
  let createdUrl = '';

  it('a wrong password shows a Chinese error and stays on the login page', async () => {
    const page = await newPage(b.browser, baseURL);
    await login(page, 'shili', 'not-the-password');
    await expect.poll(() => page.locator('p.msg.error').textContent()).toBe('用户名或密码错误。');
    expect(new URL(page.url()).pathname).toBe('/login');
    await shot(page, 'foundation-01-wrong-password');
    await page.context().close();
  });

  it('an anonymous visitor is sent to the login page', async () => {
    const page = await newPage(b.browser, baseURL);
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });

  it('the drafter of 示例镇 sees last year’s demo report and creates this year’s', async () => {
    const page = await b.openAs('shili');
    await expect.poll(() => page.getByTestId('current-user').textContent()).toBe('李文（示例镇）（起草人）');
    // Only the drafter's own township is listed.
    expect(await page.locator('section.card h2').allTextContents()).toEqual(['示例镇示例县']);
    const lastYear = page.getByTestId(`report-row-${year - 1}`);
    expect(await lastYear.textContent()).toContain('已公开');
    await shot(page, 'foundation-02-drafter-home');

    // The demo township has last year's report, so both ways are offered; this one starts from the template.
    await page.getByRole('button', { name: '从模板创建' }).click();
    await page.waitForURL(/\/reports\/\d+\/edit$/);
    createdUrl = page.url().replace(/\/edit$/, '');
    await page.goto(createdUrl);
    await expect.poll(() => page.locator('.doc-title').textContent()).toBe(
      `中共示例镇委员会 示例镇人民政府关于示例镇${year}年度法治政府建设情况的报告`,
    );
    expect(await page.locator('.doc-h1').allTextContents()).toContain(`四、${year + 1}年度推进法治政府建设的主要安排`);
    await shot(page, 'foundation-03-new-report');

    await page.goto('/');
    const row = page.getByTestId(`report-row-${year}`);
    expect(await row.textContent()).toContain('起草中');
    expect(await page.getByRole('button', { name: /创建/ }).count()).toBe(0);
    await shot(page, 'foundation-04-listed');
    await page.context().close();
  });

  it('the neighbouring township’s drafter is refused when opening it by URL', async () => {
    expect(createdUrl).not.toBe('');
    const page = await b.openAs('qingshi');
    expect(await page.locator('section.card h2').allTextContents()).toEqual(['青石乡示例县']);
    const res = await page.goto(createdUrl);
    expect(res?.status()).toBe(403);
    expect(await page.getByTestId('forbidden').textContent()).toContain('您没有权限查看这个页面');
    expect(await page.content()).not.toContain('示例镇人民政府关于');
    const api = await page.request.get(createdUrl.replace('/reports/', '/api/reports/'));
    expect(api.status()).toBe(403);
    await shot(page, 'foundation-05-neighbour-refused');
    await page.context().close();
  });

  it('the county reviewer sees every township of the county; the admin sees the administration page', async () => {
    const page = await b.openAs('shenhe');
    expect(await page.locator('section.card h2').allTextContents()).toEqual(['示例镇示例县', '青石乡示例县', '东湖街道示例县']);
    expect(await page.getByRole('button', { name: /创建/ }).count()).toBe(0);
    expect((await page.goto('/admin'))?.status()).toBe(403);
    await page.context().close();

    const admin = await b.openAs('admin');
    await admin.goto('/admin');
    await admin.getByTestId('add-township').getByLabel('名称').fill('新河镇');
    await admin.getByTestId('add-township').getByRole('button', { name: '添加' }).click();
    await expect.poll(() => admin.getByTestId('add-township').getByRole('status').textContent()).toBe('已添加“新河镇”。');
    await expect.poll(async () => (await admin.locator('[data-testid^="township-row-"]').allTextContents()).join('\n')).toContain('新河镇');
    // A county is created the same way.
    await admin.getByTestId('add-county').getByLabel('名称').fill('新安县');
    await admin.getByTestId('add-county').getByRole('button', { name: '添加' }).click();
    await expect.poll(() => admin.getByTestId('add-county').getByRole('status').textContent()).toBe('已添加“新安县”。');
    await expect.poll(async () => (await admin.locator('[data-testid^="county-row-"]').allTextContents()).join('\n')).toContain('新安县');
    await shot(admin, 'foundation-06-admin');
    await admin.context().close();
  });

  it('logging out ends the session', async () => {
    const page = await b.openAs('shili');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });
});
