// Shared browser-test helpers: a page per user, logging in through the real form, and screenshots to look at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_PASSWORD } from '@/cli/seed';
import { currentReportYear } from '@/lib/reports/service';
import { startApp, type AppServer } from './app-server';
import { launchChromium } from './chromium';
import { later } from '../support/later';

export const SCREENSHOT_DIR = path.resolve('tests/e2e/screenshots');

export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** The page a sign-in ends on when none was asked for: the reports list, or a reviewer's county dashboard. */
export const landed = (u: URL): boolean => u.pathname === '/' || u.pathname === '/dashboard';

/** From the landing page to `at`, or to the home page (the reports list) when the user landed elsewhere. */
async function openHome(page: Page, at?: string): Promise<void> {
  if (at) await page.goto(at);
  else if (new URL(page.url()).pathname !== '/') await page.goto('/');
}

/**
 * One Chromium for a test file, launched before its tests and closed after; `openAs` gives a page signed in as a
 * user (the demo password unless told otherwise), on the home page (a reviewer, who lands on the dashboard, is taken
 * on to it).
 */
export function sharedBrowser(baseURL: string | (() => string)) {
  const url = () => (typeof baseURL === 'string' ? baseURL : baseURL());
  const browser = later<Browser>('the browser');
  beforeAll(async () => void browser.set(await launchChromium()));
  afterAll(async () => {
    await browser.peek()?.close();
  });
  const get = browser.get;
  return {
    get browser() {
      return get();
    },
    /** `at`: the page to open once signed in (the home page otherwise). */
    async openAs(username: string, opts: { password?: string; onDialog?: (d: Dialog) => void; at?: string } = {}): Promise<Page> {
      const page = await newPage(get(), url());
      if (opts.onDialog) page.on('dialog', opts.onDialog);
      await login(page, username, opts.password ?? DEMO_PASSWORD);
      await page.waitForURL(landed);
      await openHome(page, opts.at);
      return page;
    },
  };
}

/** The drafter creates this year's report from the home page's button and lands in its editor: its id and editor path. */
export async function createFromHome(page: Page): Promise<{ reportId: number; editUrl: string }> {
  await page.getByRole('button', { name: /^创建\d{4}年度报告$/ }).click();
  await page.waitForURL((u) => /\/reports\/\d+\/edit$/.test(u.pathname));
  const editUrl = new URL(page.url()).pathname;
  return { reportId: Number(/reports\/(\d+)/.exec(editUrl)![1]), editUrl };
}

/** Types into a part of the editor at the place the keys lead to (e.g. 'End', 'Control+Home'); does not wait for the save. */
export async function typeAt(page: Page, part: string, keys: string[], text: string): Promise<void> {
  await page.getByTestId(`editor-${part}`).click();
  await pressKeys(page, keys);
  await page.keyboard.insertText(text);
}

/**
 * Presses keys one after another as a person would, letting the editor read where each left the caret: ProseMirror
 * learns of a caret moved by the browser (Ctrl+End) from its selectionchange, a task after the key, and an Enter
 * pressed before that task on a busy machine splits the paragraph the caret was in before.
 */
export async function pressKeys(page: Page, keys: string[]): Promise<void> {
  for (const key of keys) {
    await page.keyboard.press(key);
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  }
}

/** The drafter submits the report from its editor page (past the summary of what is still open) and waits until it is 待审核. */
export async function submitReport(page: Page): Promise<void> {
  await page.getByRole('button', { name: '提交审核' }).click();
  await page.getByTestId('submit-summary').waitFor();
  await page.getByTestId('transition-confirm').click();
  await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('待审核');
}

/** The reviewer returns the report from its editor page with a reason and waits until it is 退回修改. */
export async function returnReport(page: Page, reason: string): Promise<void> {
  await page.getByRole('button', { name: '退回修改' }).click();
  await page.getByTestId('return-reason').fill(reason);
  await page.getByTestId('transition-confirm').click();
  await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('退回修改');
}

/**
 * A test file's own server on its own data folder, with one Chromium: both started before its tests and stopped after,
 * so what the file sets up is exactly what its pages show. `openAs` as in sharedBrowser.
 */
export function ownApp(name: string, dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `nianbao-${name}-`))) {
  const server = later<AppServer>('the app');
  beforeAll(async () => void server.set(await startApp(dataDir)));
  afterAll(async () => {
    await server.peek()?.stop();
  });
  const app = server.get;
  const shared = sharedBrowser(() => app().url);
  return {
    dataDir,
    get app() {
      return app();
    },
    get browser() {
      return shared.browser;
    },
    openAs: shared.openAs,
    /** A page of the given size (a phone's below 500 px: touch and mobile layout), signed in as the user or not signed in. */
    async open(user: string | null, viewport: { width: number; height: number }, mobile = viewport.width < 500): Promise<Page> {
      const context = await shared.browser.newContext({ baseURL: app().url, locale: 'zh-CN', viewport, isMobile: mobile, hasTouch: mobile });
      const page = await context.newPage();
      if (user) {
        await login(page, user, DEMO_PASSWORD);
        await page.waitForURL(landed);
        await openHome(page);
      }
      return page;
    },
  };
}

const docOf = (text: string) => ({ type: 'doc', content: text.split('\n').map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })) });

/** Through the API as the signed-in user: creates this year's report of the township and writes its parts (one paragraph a line). Its id. */
export async function writeReport(page: Page, townshipName: string, parts: Record<string, string>, year = currentReportYear()): Promise<number> {
  const { townships } = await (await page.request.get('/api/reports')).json();
  const t = townships.find((g: { township: { name: string } }) => g.township.name === townshipName).township;
  const created = await page.request.post('/api/reports', { data: { townshipId: t.id, year } });
  expect(created.status()).toBeLessThan(300);
  const { report } = await created.json();
  for (const [key, text] of Object.entries(parts)) {
    const res = await page.request.put(`/api/reports/${report.id}/sections/${key}`, { data: { content: docOf(text), version: 1 } });
    expect(res.status(), await res.text()).toBeLessThan(300);
  }
  return report.id;
}
