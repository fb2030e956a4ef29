// The public pages as a citizen sees them, without signing in: the demo's published report in its 公开稿, the county
// index and feed, and a 404 for anything not published; no comment text or account name anywhere in the HTML.
import { DOMParser } from '@xmldom/xmldom';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@/cli/seed';
import { startApp } from './app-server';
import { httpLogin } from './http';
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
    expect(await record.json()).toMatchObject({ 体裁分类: '工作报告', 有效性: '有效', 公开稿SHA256: expect.stringMatching(/^[0-9a-f]{64}$/) });
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

describe('caching and the public links, over HTTP', () => {
  it('private answers are kept by no cache; public ones are revalidated; each page gets its own nonce', async () => {
    const anonymous = await fetch(`${baseURL}/api/reports`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
    const s = await httpLogin(baseURL, 'shenhe', DEMO_PASSWORD);
    for (const url of ['/api/reports', '/api/auth/session', '/', '/dashboard', '/inbox']) {
      const res = await fetch(`${baseURL}${url}`, { headers: { cookie: s.cookie }, redirect: 'manual' });
      expect(res.status, url).toBeLessThan(400);
      expect(res.headers.get('cache-control'), url).toContain('no-store');
    }
    for (const url of ['/public/counties/1/feed', '/public/reports/1/record']) {
      const res = await fetch(`${baseURL}${url}`);
      if (res.status === 200) expect(res.headers.get('cache-control'), url).toBe('no-cache');
    }
    const [a, b] = [await fetch(`${baseURL}/public/counties/1`), await fetch(`${baseURL}/public/counties/1`)];
    expect(a.headers.get('cache-control')).toMatch(/no-cache|no-store/);
    const nonce = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce(a)).toBeTruthy();
    expect(nonce(a)).not.toBe(nonce(b));
  });

  it('a server listening on 0.0.0.0 without NIANBAO_ORIGIN links the feed and records to the address the request used', async () => {
    const app = await startApp(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-origin-')), undefined, { HOSTNAME: '0.0.0.0' });
    try {
      const xml = await (await fetch(`http://127.0.0.1:${app.port}/public/counties/1/feed`)).text();
      expect(xml).toContain('/public/reports/');
      expect(xml).not.toContain('0.0.0.0');
      expect(xml).toContain(`href="http://127.0.0.1:${app.port}/public/reports/`);
      const id = /\/public\/reports\/(\d+)/.exec(xml)![1];
      const record = (await (await fetch(`http://127.0.0.1:${app.port}/public/reports/${id}/record`)).json()) as { 网址: string };
      expect(record.网址).toBe(`http://127.0.0.1:${app.port}/public/reports/${id}`);
    } finally {
      await app.stop();
    }
  }, 180_000);
});
