// axe-core over the pages people use most, at a desktop and a phone width: no violation of impact serious or
// critical. The public pages' large-text and high-contrast switches are remembered in the browser, and the pages
// work from the keyboard: a skip link first, a visible focus ring.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ownApp, shot } from './support';

const own = ownApp('a11y');

const AXE = path.resolve('node_modules/axe-core/axe.min.js');

/** Axe runs on the desktop layout squeezed to the width (not a phone's touch layout), as a narrow window shows it. */
const open = (user: string | null, width: number) => own.open(user, { width, height: 844 }, false);

type Violation = { id: string; impact: string | null; nodes: string[] };

async function axe(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe.run;
    const result = await run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

describe('axe-core', () => {
  it('finds no serious or critical violation on login, home, the editor, the dashboard, the public report and the county index', async () => {
    const pages: Array<[string, string | null, string, string?]> = [
      ['login', null, '/login'],
      ['home', 'shili', '/'],
      ['editor', 'shili', '/reports/1/edit', 'editor-measures'],
      ['review', 'shenhe', '/reports/1/edit', 'editor-measures'],
      ['dashboard', 'shenhe', '/dashboard'],
      ['public-report', null, '/public/reports/1', 'report-view'],
      ['county-index', null, '/public/counties/1'],
    ];
    const found: string[] = [];
    let checked = 0;
    for (const width of [1280, 390]) {
      for (const [name, user, url, ready] of pages) {
        const page = await open(user, width);
        expect((await page.goto(url))?.status(), url).toBe(200);
        if (ready) await page.getByTestId(ready).waitFor();
        const violations = await axe(page);
        checked++;
        for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') found.push(`${name} ${width}: ${v.id} (${v.impact}) ${v.nodes.join(', ')}`);
        await page.context().close();
      }
    }
    expect(checked).toBe(pages.length * 2);
    expect(found).toEqual([]);
  });
});

describe('public pages for everyone', () => {
  it('large text and high contrast are switched on, remembered after a reload, and checked by axe too', async () => {
    const page = await open(null, 1280);
    await page.goto('/public/reports/1');
    const paperFont = () => page.locator('.public-report .paper').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const normal = await paperFont();
    await page.getByTestId('large-text').click();
    await page.getByTestId('high-contrast').click();
    expect(await page.getByTestId('large-text').getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await page.getByTestId('report-view').waitFor();
    expect(await page.getByTestId('large-text').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('high-contrast').getAttribute('aria-pressed')).toBe('true');
    expect(await paperFont()).toBeGreaterThan(normal * 1.2);
    expect(await page.locator('.public-report .paper').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 0, 0)');
    const serious = (await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    await shot(page, 'a11y-public-large-contrast-1280');
    // Another page of the site keeps the choice; switching off is remembered as well.
    // (The switches read the stored choice once the page is hydrated: polled, not read at once.)
    await page.goto('/public/counties/1');
    await expect.poll(() => page.getByTestId('large-text').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('high-contrast').click();
    await page.reload();
    await expect.poll(() => page.getByTestId('high-contrast').getAttribute('aria-pressed')).toBe('false');
    await page.context().close();

    const phone = await open(null, 390);
    await phone.goto('/public/reports/1');
    await phone.getByTestId('large-text').click();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, 'a11y-public-large-390');
    await phone.context().close();
  });

  it('work from the keyboard: the skip link comes first and is visible, then the switches and the links, each with a focus ring', async () => {
    const page = await open(null, 1280);
    await page.goto('/public/reports/1');
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = (await skip.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: path.resolve('tests/e2e/screenshots/a11y-skip-link.png') });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('public-content');
    // From the content onwards: the county link in the crumbs, with a visible outline.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return { tag: el.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(outline.tag).toBe('A');
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    // The switches are buttons: Space works them.
    await page.getByTestId('large-text').focus();
    await page.keyboard.press('Space');
    expect(await page.getByTestId('large-text').getAttribute('aria-pressed')).toBe('true');
    await page.context().close();
  });
});
