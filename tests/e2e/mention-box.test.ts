// @mention in the browser, on a server of its own: the reviewer types "@" in a comment box and gets a listbox of the
// people who may read the report (the township's drafter and the administrator, not other townships' drafters),
// moves through it with the arrow keys and picks the drafter with Enter; the comment shows the mention marked. The
// drafter finds "…在…报告的批注中提到了您" in 待办, and its link opens the editor on that thread with its passage selected
// (on a phone, with the side panel open on the thread). Axe with the list open at 1280 and at 390 px (the phone's
// drawer); screenshots of both.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { currentReportYear } from '@/lib/reports/service';
import { createFromHome, ownApp, shot, submitReport } from './support';

const own = ownApp('mention');
const year = currentReportYear();
const DRAFTER = '张静（青石乡）';
const REVIEWER = '王审（示例县依法治县办）';
const QUOTE = '执法检查20次';
let editUrl = '';
let reportId = 0;

const openAs = (username: string, at?: string) => own.openAs(username, { onDialog: (d) => void d.accept(), at });

async function axeSerious(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: path.resolve('node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe.run;
    return (await run(document)).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Selects a passage of a part's text as a mouse would, so a comment can be made on it. */
async function selectText(page: Page, key: string, quote: string) {
  await page.getByTestId(`editor-${key}`).evaluate((root, q) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(q);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + q.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error(`text not found: ${q}`);
  }, quote);
}

const options = (page: Page) => page.getByRole('listbox', { name: '可以提到的人' }).getByRole('option');

describe('@mention', () => {
  it('the drafter writes and submits a report', async () => {
    const page = await openAs('qingshi');
    ({ editUrl, reportId } = await createFromHome(page));
    await page.getByTestId('editor-measures').click();
    await page.keyboard.insertText(`全年开展${QUOTE}，办理行政处罚案件27件。`);
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toBe('已保存');
    await submitReport(page);
    await page.context().close();
  });

  it('the reviewer picks the drafter from the list after "@" with the keyboard, and the comment shows the mention', async () => {
    const page = await openAs('shenhe', editUrl);
    await selectText(page, 'measures', QUOTE);
    await expect.poll(() => page.locator('.new-comment .quote mark').textContent()).toBe(QUOTE);
    const box = page.getByTestId('comment-body');
    await box.click();
    await page.keyboard.type('请@');
    // Everyone who may read the report but the reviewer: the drafter of 青石乡 and the administrator; no other township.
    await expect.poll(async () => (await options(page).allTextContents()).sort()).toEqual([`${DRAFTER} 起草人 · 青石乡`, '系统管理员 管理员'].sort());
    expect(await page.getByRole('listbox').textContent()).not.toMatch(/示例镇|东湖街道/);
    await page.keyboard.type('张');
    await expect.poll(() => options(page).allTextContents()).toEqual([`${DRAFTER} 起草人 · 青石乡`]);
    await page.keyboard.press('Backspace');
    // The arrow keys move the choice; the box names it as the active option.
    const first = await options(page).nth(0).textContent();
    await page.keyboard.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator(`[id="${active}"]`).textContent()).not.toBe(first);
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, 'mention-01-picker-1280');
    if (!(await page.locator(`[id="${active}"]`).textContent())!.startsWith(DRAFTER)) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    expect(await options(page).count()).toBe(0);
    expect(await box.inputValue()).toBe(`请@${DRAFTER} `);
    await page.keyboard.type('补充检查的领域。');
    await page.getByTestId('comment-add').click();
    const mark = page.locator('.thread .comment-body .mention');
    await expect.poll(() => mark.textContent()).toBe(`@${DRAFTER}`);
    expect(await page.locator('.thread .comment-body').first().textContent()).toBe(`请@${DRAFTER} 补充检查的领域。`);
    await shot(page, 'mention-02-comment-1280');
    await page.context().close();
  });

  it('at 390 px the list opens in the drawer’s comment box and passes axe; Esc closes the list, not the drawer', async () => {
    const page = await own.open('shenhe', { width: 390, height: 844 });
    await page.goto(editUrl);
    await page.getByTestId('side-panel-toggle').click();
    const box = page.locator('#side-drawer').getByTestId('comment-body');
    await box.click();
    await page.keyboard.type('@');
    await expect.poll(() => options(page).count()).toBe(2);
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, 'mention-03-picker-390');
    await page.keyboard.press('Escape');
    expect(await options(page).count()).toBe(0);
    expect(await page.locator('#side-drawer').isVisible()).toBe(true);
    await page.context().close();
  });

  it('the drafter finds the mention in 待办, and its link opens the editor on the thread', async () => {
    const page = await openAs('qingshi', '/inbox');
    const item = page.getByTestId('inbox-mention');
    expect(await item.count()).toBe(1);
    expect(await item.getByRole('button').textContent()).toBe(`${REVIEWER}在青石乡 ${year}年度报告的批注中提到了您`);
    expect(await item.locator('.inbox-detail').textContent()).toBe(`请@${DRAFTER} 补充检查的领域。`);
    expect(await item.getAttribute('class')).toBe('unread');
    // The same comment is not listed a second time as a plain 批注.
    expect(await page.getByTestId('inbox-comment').count()).toBe(0);
    await shot(page, 'mention-04-drafter-inbox');
    const api = (await (await page.request.get('/api/inbox')).json()) as { items: Array<{ kind: string; reportId: number; read: boolean }> };
    expect(api.items.filter((i) => i.kind === 'mention')).toEqual([expect.objectContaining({ kind: 'mention', reportId, read: false })]);

    const unread = Number(await page.getByTestId('inbox-count').textContent());
    await item.getByRole('button').click();
    await page.waitForURL((u) => u.pathname === editUrl && /^\?comment=\d+$/.test(u.search));
    // The header's count goes down at once (it is part of the layout the redirect kept).
    await expect.poll(async () => ((await page.getByTestId('inbox-count').count()) ? Number(await page.getByTestId('inbox-count').textContent()) : 0)).toBe(unread - 1);
    const threadId = new URL(page.url()).searchParams.get('comment');
    const thread = page.getByTestId(`thread-${threadId}`);
    await thread.waitFor();
    expect(await thread.getAttribute('class')).toContain('active');
    expect(await thread.locator('.mention').textContent()).toBe(`@${DRAFTER}`);
    // The passage the comment is on is selected in the text (and so scrolled to), as a click on the card does.
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(QUOTE);
    await shot(page, 'mention-05-drafter-thread');

    // On a phone the same link opens the side panel on the thread, the text behind it at the passage.
    const phone = await own.open('qingshi', { width: 390, height: 844 });
    await phone.goto(`${editUrl}?comment=${threadId}`);
    const drawer = phone.locator('#side-drawer');
    await expect.poll(() => drawer.isVisible()).toBe(true);
    await expect.poll(async () => (await drawer.getByTestId(`thread-${threadId}`).getAttribute('class')) ?? '').toContain('active');
    await expect.poll(() => phone.evaluate(() => window.getSelection()?.toString())).toBe(QUOTE);
    await shot(phone, 'mention-06-drafter-thread-390');
    await phone.context().close();

    await page.goto('/inbox');
    expect(await page.getByTestId('inbox-mention').getAttribute('class')).toBe('read');
    await page.context().close();
  });
});
