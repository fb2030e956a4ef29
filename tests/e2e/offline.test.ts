import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '@/cli/seed';
import { startApp, type AppServer } from './app-server';
import { launchChromium } from './chromium';
import { login, newPage, shot } from './support';

// This file runs its own server, so it can stop it and start it again on the same port and data.
let app: AppServer;
let browser: Browser;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-offline-'));

beforeAll(async () => {
  app = await startApp(dataDir);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the server goes away while a drafter types', () => {
  it('keeps the typed text in the browser and offers it back after the server returns', async () => {
    // While the page stays open, the queue retries by itself; this covers the tab closed during the outage.
    const page = await newPage(browser, app.url);
    await login(page, 'donghu', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('button', { name: /创建\d{4}年度报告/ }).click();
    await page.waitForURL(/\/reports\/\d+\/edit$/);
    const editUrl = page.url();
    await page.getByTestId('editor-measures').click();
    await page.keyboard.insertText('服务器在线时写的第一句。');
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toBe('已保存');

    await app.stop();
    await page.keyboard.insertText('服务器停机时写的第二句。');
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toBe('离线');
    await shot(page, 'offline-01-offline');

    // The drafter gives up and closes the tab while the server is still down.
    const context = page.context();
    await page.close({ runBeforeUnload: false });
    app = await startApp(dataDir, app.port);
    // Opening the report again: the server has only the first sentence, the browser still has the second.
    const again = await context.newPage();
    await again.goto(editUrl);
    await checkRecovered(again);
  });
});

describe('the server restarts while the page stays open', () => {
  it('the unsaved text is sent by itself once the server is back', async () => {
    const page = await newPage(browser, app.url);
    await login(page, 'donghu', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/');
    await page.locator('a', { hasText: '编辑' }).first().click();
    await page.waitForURL(/\/edit$/);
    await page.getByTestId('nav-leaders').click();
    await page.getByTestId('editor-leaders').click();
    await app.stop();
    await page.keyboard.insertText('停机期间写下的内容。');
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toBe('离线');
    app = await startApp(dataDir, app.port);
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 40_000 }).toBe('已保存');
    await page.reload();
    await page.getByTestId('nav-leaders').click();
    expect(await page.getByTestId('editor-leaders').textContent()).toBe('停机期间写下的内容。');
    await page.context().close();
  });
});

async function checkRecovered(page: import('playwright-core').Page) {
  {
    const banner = page.getByTestId('recover-banner');
    await banner.waitFor();
    expect(await page.getByTestId('editor-measures').textContent()).toBe('服务器在线时写的第一句。');
    await shot(page, 'offline-02-recover-banner');
    await page.getByTestId('recover-restore').click();
    await expect.poll(() => page.getByTestId('editor-measures').textContent()).toBe('服务器在线时写的第一句。服务器停机时写的第二句。');
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toBe('已保存');

    await page.reload();
    await expect.poll(() => page.getByTestId('editor-measures').textContent()).toBe('服务器在线时写的第一句。服务器停机时写的第二句。');
    expect(await page.getByTestId('recover-banner').count()).toBe(0);
    await shot(page, 'offline-03-recovered');
    await page.context().close();
  }
}
