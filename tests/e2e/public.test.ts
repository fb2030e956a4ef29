// The public pages as a citizen sees them, without signing in: the demo's published report in its 公开稿, the county
// index and feed, and a 404 for anything not published; no comment text or account name anywhere in the HTML.
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_LOGINS } from '@/cli/seed';
import { sharedBrowser, newPage, shot } from './support';

const baseURL = inject('baseURL');
const b = sharedBrowser(baseURL);

describe('public pages without signing in', () => {
  it('show the published demo report from the county index, with nothing private in the HTML', async () => {
    const page = await newPage(b.browser, baseURL);
    const index = await page.goto('/public/counties/1');
    expect(index?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/public/counties/1');
    const link = page.locator('ul[data-testid^="public-year-"] a').first();
    await link.click();
    await page.waitForURL(/\/public\/reports\/\d+$/);
    expect(await page.locator('.doc-title').textContent()).toContain('法治政府建设');
    expect(await page.getByTestId('public-meta').textContent()).toContain('发布日期');
    const html = await page.content();
    for (const login of DEMO_LOGINS) expect(html, login.displayName).not.toContain(login.displayName.replace(/（.*$/, ''));
    expect(html).not.toContain('demo-banner');
    expect(html).not.toContain('退出登录');
    await shot(page, 'public-01-report');

    const id = /reports\/(\d+)/.exec(page.url())![1];
    const record = await page.request.get(`/public/reports/${id}/record`);
    expect(record.status()).toBe(200);
    expect(await record.json()).toMatchObject({ 体裁分类: '报告', 有效性: '有效' });
    const feed = await page.request.get('/public/counties/1/feed');
    const xml = await feed.text();
    let failed = false;
    new DOMParser({ errorHandler: { warning: () => undefined, error: () => (failed = true), fatalError: () => (failed = true) } }).parseFromString(xml, 'text/xml');
    expect(failed).toBe(false);
    expect(xml).toContain(`/public/reports/${id}`);

    expect((await page.goto('/public/reports/999999'))?.status()).toBe(404);
    expect((await page.goto('/public/reports/abc'))?.status()).toBe(404);
    await page.context().close();
  });
});
