// Every page at 390 × 844 as the user who works on it: no sideways page scroll, body text at least 15 px and no
// visible text under 12 px, the public report an article of at least 15 characters a line, the editor one column with
// its side panel a drawer worked from the keyboard; screenshots of each page at 390 and 1280 px to look at.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ownApp, shot } from './support';

// Its own server and data: no other test file has changed an account or required a second factor here.
const { open } = ownApp('phones');

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 800 };

type Layout = { scrollWidth: number; bodyFont: number; small: string[] };

/** The page's width and the sizes of its visible text, as the browser computed them. */
function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const small: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement;
      if (!text || !el) continue;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || box.bottom < 0) continue;
      if (parseFloat(style.fontSize) < 12) small.push(`${el.tagName.toLowerCase()}.${el.className} ${style.fontSize} ${text.slice(0, 12)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, bodyFont: parseFloat(getComputedStyle(document.body).fontSize), small };
  });
}

async function expectPhoneLayout(page: Page, name: string): Promise<void> {
  const l = await layout(page);
  expect(l.scrollWidth, `${name}: page width`).toBeLessThanOrEqual(PHONE.width);
  expect(l.bodyFont, `${name}: body text`).toBeGreaterThanOrEqual(15);
  expect(l.small, `${name}: text under 12 px`).toEqual([]);
}

/** How many characters of the element's font fit on one line of its content box. */
function charsPerLine(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => {
    const s = getComputedStyle(el);
    const width = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    return Math.floor(width / parseFloat(s.fontSize));
  });
}

let reportId = 0;

/** The report's editor, signed in as the user, once its first part is shown. */
async function openEditor(user: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await open(user, viewport);
  await page.goto(`/reports/${reportId || 1}/edit`);
  await page.getByTestId('editor-measures').waitFor();
  return page;
}

describe('pages at 390 × 844', () => {
  it('login, home, 待办, dashboard, admin and account pages: no sideways scroll, readable text', async () => {
    const pages: Array<[string, string | null, string]> = [
      ['login', null, '/login'],
      ['home', 'shili', '/'],
      ['inbox', 'shenhe', '/inbox'],
      ['dashboard', 'shenhe', '/dashboard'],
      ['admin', 'admin', '/admin'],
      ['account-password', 'shili', '/account/password'],
      ['account-two-factor', 'shili', '/account/two-factor'],
    ];
    for (const [name, user, url] of pages) {
      for (const viewport of [PHONE, WIDE]) {
        const page = await open(user, viewport);
        const res = await page.goto(url);
        expect(res?.status(), url).toBe(200);
        if (viewport === PHONE) {
          await expectPhoneLayout(page, name);
          // The header's links keep whole words on a line (the finding: one character per line).
          if (user) {
            for (const link of await page.locator('.site-header nav a').all()) {
              const box = (await link.boundingBox())!;
              expect(box.height, `${name}: ${await link.textContent()}`).toBeLessThan(40);
            }
          }
        }
        await shot(page, `phones-${name}-${viewport.width}`);
        await page.context().close();
      }
    }
  });

  it('the public report reads as an article on a phone and keeps its A4 sheet on a wide screen; the county index too', async () => {
    const phone = await open(null, PHONE);
    await phone.goto('/public/counties/1');
    await expectPhoneLayout(phone, 'county index');
    await shot(phone, 'phones-county-index-390');
    await phone.locator('ul[data-testid^="public-year-"] a').first().click();
    await phone.waitForURL(/\/public\/reports\/\d+$/);
    reportId = Number(/reports\/(\d+)/.exec(phone.url())![1]);
    await expectPhoneLayout(phone, 'public report');
    expect(await charsPerLine(phone, '.public-report .doc-p')).toBeGreaterThanOrEqual(15);
    await shot(phone, 'phones-public-report-390');

    const wide = await open(null, WIDE);
    await wide.goto('/public/counties/1');
    await shot(wide, 'phones-county-index-1280');
    await wide.goto(`/public/reports/${reportId}`);
    // The A4 sheet: 210 mm wide (794 px) with its margins, and the official 16 pt (21.33 px) text.
    const sheet = (await wide.locator('.print-view').boundingBox())!;
    expect(Math.round(sheet.width)).toBe(794);
    expect(await wide.locator('.public-report .paper').evaluate((el) => getComputedStyle(el).fontSize)).toBe('21.3333px');
    await shot(wide, 'phones-public-report-1280');
    await phone.context().close();
    await wide.context().close();
  });

  it('the editor is one column with the side panel as a drawer, opened and closed from the keyboard', async () => {
    const page = await openEditor('shili', PHONE);
    await expectPhoneLayout(page, 'editor');
    expect(await charsPerLine(page, '[data-testid="editor-measures"]')).toBeGreaterThanOrEqual(15);
    const drawer = page.locator('#side-drawer');
    const toggle = page.getByTestId('side-panel-toggle');
    expect(await drawer.isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await shot(page, 'phones-editor-390');

    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => drawer.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('side-panel-close');
    const box = (await drawer.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await expectPhoneLayout(page, 'editor with drawer');
    await page.getByTestId('tab-checks').click();
    await page.screenshot({ path: path.resolve('tests/e2e/screenshots/phones-editor-drawer-390.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('side-panel-toggle');
    await page.context().close();

    const wide = await open('shili', WIDE);
    await wide.goto(`/reports/${reportId || 1}/edit`);
    await wide.getByTestId('editor-measures').waitFor();
    // Beside the text, always: no drawer button on a wide screen.
    expect(await wide.locator('#side-drawer').isVisible()).toBe(true);
    expect(await wide.getByTestId('side-panel-toggle').isVisible()).toBe(false);
    await shot(wide, 'phones-editor-1280');
    await wide.context().close();
  });

  it('the reviewer’s side panel on a phone: comments in the drawer, no sideways scroll', async () => {
    const page = await openEditor('shenhe', PHONE);
    await expectPhoneLayout(page, 'review');
    await shot(page, 'phones-review-390');
    await page.getByTestId('side-panel-toggle').click();
    await expect.poll(() => page.getByTestId('tab-comments').getAttribute('aria-selected')).toBe('true');
    await expectPhoneLayout(page, 'review panel');
    await page.screenshot({ path: path.resolve('tests/e2e/screenshots/phones-review-panel-390.png') });
    await page.getByTestId('side-panel-close').click();
    await expect.poll(() => page.locator('#side-drawer').isVisible()).toBe(false);
    await page.context().close();
    const wide = await open('shenhe', WIDE);
    await wide.goto(`/reports/${reportId || 1}/edit`);
    await wide.getByTestId('editor-measures').waitFor();
    await shot(wide, 'phones-review-1280');
    await wide.context().close();
  });
});
