// Hostile input and session hardening in the running app: script payloads in every field a user can write are shown as
// text on every page and in the exported .docx, and the session cookie cannot be read by scripts or sent cross-site.
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { execute } from '@/db/tx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentReportYear } from '@/lib/reports/service';
import { startApp, type AppServer } from './app-server';
import { launchChromium } from './chromium';
import { api, cli, doc, ensureReport, httpLogin } from './http';
import { login, newPage, shot } from './support';

// Its own server: the payload township and accounts must not show up in other tests' pages.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-security-'));
let app: AppServer;
let baseURL: string;
const YEAR = currentReportYear();
const PW = 'xss-test-password-1';
const IMG = '<img src=x onerror="window.__xss=(window.__xss||0)+1">';
const SCRIPT = '<script>window.__xss=(window.__xss||0)+1</script>';
// Names refuse path separators now, so the markup here has none ('<b>' twice rather than '</b>').
const TOWNSHIP = `<b>镇<b>${IMG}`.slice(0, 40);
const DISPLAY = `${SCRIPT}`.slice(0, 40);
let browser: Browser;
let reportId: number;

beforeAll(async () => {
  app = await startApp(dataDir);
  baseURL = app.url;
  browser = await launchChromium();
  expect(cli(dataDir, 'township', 'add', '--county', '示例县', '--name', TOWNSHIP, '--kind', '镇').status).toBe(0);
  const add = cli(dataDir, 'user', 'add', '--username', 'xss-drafter', '--name', DISPLAY, '--role', 'drafter', '--township', TOWNSHIP, '--password', PW);
  expect(add.status, add.stderr).toBe(0);
  // The account stands for someone who already chose their own password (the first-login change is tested elsewhere).
  const db = openDatabase(path.join(dataDir, 'nianbao.db'));
  await execute(db, sql`update users set must_change_password = 0 where username = 'xss-drafter'`);
  db.$client.close();

  const drafter = await httpLogin(baseURL, 'xss-drafter', PW);
  const report = await ensureReport(baseURL, drafter, YEAR);
  reportId = report.report.id;
  const metaVersion = (report.report as unknown as { metaVersion: number }).metaVersion;
  const meta = await api(baseURL, drafter, 'PATCH', `/api/reports/${reportId}`, {
    title: `关于${SCRIPT}的报告`,
    recipient: `县政府${IMG}`,
    signatureOrgans: [`${IMG}人民政府`],
    documentDate: null,
    cc: SCRIPT,
    metaVersion,
  });
  expect(meta.status, JSON.stringify(meta.body)).toBe(200);
  const measures = report.sections.find((s) => s.sectionKey === 'measures')!;
  const saved = await api(baseURL, drafter, 'PUT', `/api/reports/${reportId}/sections/measures`, {
    content: doc(`（一）正文中的脚本${SCRIPT}\n以及图片${IMG}和 javascript:window.__xss=1`),
    version: measures.version,
  });
  expect(saved.status).toBe(200);

  const reviewer = await httpLogin(baseURL, 'shenhe', 'nianbao2026');
  const comment = await api(baseURL, reviewer, 'POST', `/api/reports/${reportId}/comments`, {
    sectionKey: 'measures',
    body: `批注${IMG}${SCRIPT}`,
    anchor: { exact: '正文中的脚本', prefix: '（一）', suffix: '<script>', start: 3 },
  });
  expect(comment.status, JSON.stringify(comment.body)).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function visit(page: Page, url: string, name: string) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const res = await page.goto(url);
  expect(res?.status(), url).toBeLessThan(400);
  await page.waitForLoadState('networkidle');
  await shot(page, `security-${name}`);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), `a payload ran on ${url}`).toBeUndefined();
  expect(dialogs).toEqual([]);
  // Nothing injected as markup: no element created from a payload.
  expect(await page.locator('img[src="x"], b:text-is("镇")').count(), url).toBe(0);
  return page;
}

describe('script payloads stay text', () => {
  it('on every page the drafter sees', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'xss-drafter', PW);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await visit(page, '/', 'home');
    await visit(page, `/reports/${reportId}`, 'read');
    expect(await page.getByText('正文中的脚本<script>', { exact: false }).count()).toBeGreaterThan(0);
    await visit(page, `/reports/${reportId}/edit`, 'edit');
    await page.getByText('正文中的脚本', { exact: false }).first().waitFor();
    await visit(page, `/reports/${reportId}/print`, 'print');
    await visit(page, `/reports/${reportId}/versions`, 'versions');
    await visit(page, `/search?q=${encodeURIComponent('脚本')}`, 'search');
    await page.context().close();
  });

  it('on the reviewer’s pages, the dashboard and the admin pages', async () => {
    const reviewer = await newPage(browser, baseURL);
    await login(reviewer, 'shenhe', 'nianbao2026');
    await reviewer.waitForURL((u) => !u.pathname.startsWith('/login'));
    await visit(reviewer, `/reports/${reportId}/edit`, 'review');
    await reviewer.getByText('批注', { exact: false }).first().waitFor();
    await visit(reviewer, `/dashboard?year=${YEAR}`, 'dashboard');
    await reviewer.context().close();

    const admin = await newPage(browser, baseURL);
    await login(admin, 'admin', 'nianbao2026');
    await admin.waitForURL((u) => !u.pathname.startsWith('/login'));
    await visit(admin, '/admin', 'admin');
    expect(await admin.getByText(TOWNSHIP, { exact: false }).count()).toBeGreaterThan(0);
    await visit(admin, '/admin/audit', 'audit');
    await admin.context().close();
  });

  it('in the exported .docx and text files', async () => {
    const drafter = await httpLogin(baseURL, 'xss-drafter', PW);
    const res = await fetch(`${baseURL}/api/reports/${reportId}/export?format=docx`, { headers: { cookie: drafter.cookie } });
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).not.toMatch(/<script|<img|onerror="/);
    // Only the parts Word needs: no embedded HTML, macros or external relationships.
    const names = Object.keys(zip.files);
    expect(names.filter((n) => /\.(html?|bin|js)$|vbaProject/i.test(n))).toEqual([]);
    for (const rels of names.filter((n) => n.endsWith('.rels'))) expect(await zip.file(rels)!.async('string')).not.toContain('TargetMode="External"');
    const md = await fetch(`${baseURL}/api/reports/${reportId}/export?format=md`, { headers: { cookie: drafter.cookie } });
    expect(md.headers.get('content-type')).not.toMatch(/html/);
    expect(md.headers.get('content-disposition')).toMatch(/attachment/);
  });
});

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Lax when set over HTTP', async () => {
    const s = await httpLogin(baseURL, 'shili', 'nianbao2026');
    const cookie = s.setCookies.find((c) => /session-token=/.test(c))!;
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
  });

  it('cannot be read by page scripts after a login through the form', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'shili', 'nianbao2026');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name.includes('session-token'))!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('session-token');
    await page.context().close();
  });

  it('is not sent with a form posted from another site', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'shili', 'nianbao2026');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    // Same origin: the session is sent, so the API answers about the body (not JSON: 415), not about logging in.
    const same = await page.evaluate(async () => (await fetch('/api/reports', { method: 'POST', body: 'x=1' })).status);
    expect(same).toBe(415);
    // localhost is another site than 127.0.0.1: a form there posting to our API arrives without the session.
    const other = baseURL.replace('127.0.0.1', 'localhost');
    // A page of that other origin without our CSP (whose form-action 'self' would stop the form before it is sent).
    await page.goto(`${other}/api/health`);
    await page.evaluate((target) => {
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = `${target}/api/reports`;
      const input = document.createElement('input');
      input.name = 'townshipId';
      input.value = '1';
      form.append(input);
      document.body.append(form);
      form.submit();
    }, baseURL);
    await page.waitForURL(`${baseURL}/api/reports`);
    const body = await page.locator('body').innerText();
    await shot(page, 'security-cross-site-post');
    // Refused for its origin before anything else is looked at (and it carried no session either).
    expect(JSON.parse(body)).toMatchObject({ code: 'forbidden' });
    await page.context().close();
  });
});
