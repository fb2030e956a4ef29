import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { currentReportYear } from '@/lib/reports/service';
import { returnReport, sharedBrowser, shot, submitReport, createFromHome, typeAt } from './support';

const baseURL = inject('baseURL');
const year = currentReportYear();
let reportId = 0;
const QUOTE = '执法检查136次';
const XSS = '<img src=x onerror=alert(1)>';

const b = sharedBrowser(baseURL);

function openAs(username: string, at?: string): Promise<Page> {
  return b.openAs(username, {
    at,
    onDialog: (d) => {
      // Only our own confirmations are expected; an alert would mean injected script ran.
      if (d.type() === 'alert') throw new Error(`unexpected alert: ${d.message()}`);
      void d.accept();
    },
  });
}

async function waitSaved(page: Page) {
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toBe('已保存');
}

/** Selects a passage of a section's text the way a mouse would, and lets the page see the selection. */
async function selectText(page: Page, key: string, quote: string) {
  await page.getByTestId(`editor-${key}`).evaluate((root, q) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(q);
      if (i >= 0) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + q.length);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
    }
    throw new Error(`text not found: ${q}`);
  }, quote);
}

const highlight = (page: Page) => page.locator('[data-testid="editor-measures"] mark.comment-anchor').first();

describe('review: comment, return, resubmit, approve', () => {
  it('the drafter writes and submits the report', async () => {
    const page = await openAs('donghu');
    ({ reportId } = await createFromHome(page));
    await page.getByTestId('editor-measures').click();
    await page.keyboard.insertText(`全年开展${QUOTE}，办理行政处罚案件27件。另有专项${QUOTE.slice(0, 4)}若干。`);
    await waitSaved(page);
    await submitReport(page);
    await page.context().close();
  });

  it('the reviewer selects a passage and comments without changing the text, then returns the report with a reason', async () => {
    const page = await openAs('shenhe');
    // 待办 tells the reviewer: the count in the header, the item on the page.
    await expect.poll(() => page.getByTestId('inbox-count').textContent()).toMatch(/^\d+$/);
    await page.getByTestId('inbox-link').click();
    await page.waitForURL((u) => u.pathname === '/inbox');
    expect(await page.getByTestId('inbox-list').textContent()).toContain(`东湖街道 ${year}年度报告待审核`);
    await shot(page, 'review-00-reviewer-inbox');
    await page.goto('/');
    await page.getByTestId(`township-${await townshipIdOf(page, '东湖街道')}`).getByRole('link', { name: '审阅' }).click();
    await page.waitForURL(/\/edit$/);
    const before = await page.getByTestId('editor-measures').textContent();
    await selectText(page, 'measures', QUOTE);
    await expect.poll(() => page.locator('.new-comment .quote mark').textContent()).toBe(QUOTE);
    await page.getByTestId('comment-body').fill('请写明检查的主要领域。\n并附上问题整改情况。');
    await page.getByTestId('comment-add').click();
    await expect.poll(() => page.locator('.thread').count()).toBe(1);
    await expect.poll(() => highlight(page).textContent()).toBe(QUOTE);
    // A second comment whose text is markup: it must show as text.
    await selectText(page, 'measures', '行政处罚案件27件');
    await page.getByTestId('comment-body').fill(XSS);
    await page.getByTestId('comment-add').click();
    await expect.poll(() => page.locator('.thread').count()).toBe(2);
    expect(await page.locator('.comments .comment-body').allTextContents()).toContain(XSS);
    expect(await page.locator('.comments img').count()).toBe(0);
    expect(await page.getByTestId('editor-measures').textContent()).toBe(before);
    await shot(page, 'review-01-reviewer-comments');

    // A per-item verdict: 行政执法 需修改, with what to change.
    await page.getByRole('tab', { name: '清单' }).click();
    await page.getByTestId('verdict-note-measures.enforcement').fill('写明执法检查的领域和整改情况。');
    await page.getByTestId('verdict-fix-measures.enforcement').click();
    await expect.poll(() => page.getByTestId('verdict-measures.enforcement').textContent()).toContain('需修改——写明执法检查的领域和整改情况。');

    await returnReport(page, '第一部分请补充执法检查的领域和整改情况。');
    await page.context().close();
  });

  it('the drafter sees the highlight stay on the same words while editing around it, replies, resolves and resubmits', async () => {
    const page = await openAs('donghu');
    // 待办 tells the drafter of the return and its reason; opening the item leads to the report.
    await page.goto('/inbox');
    const returned = page.getByTestId('inbox-returned').first();
    expect(await returned.textContent()).toContain('退回原因：第一部分请补充执法检查的领域和整改情况。');
    await shot(page, 'review-01b-drafter-inbox');
    await returned.getByRole('button').click();
    await page.waitForURL((u) => u.pathname === `/reports/${reportId}/edit`);
    expect(await page.getByTestId('return-reason-note').textContent()).toContain('第一部分请补充执法检查的领域和整改情况。');
    await expect.poll(() => highlight(page).textContent()).toBe(QUOTE);
    await typeAt(page, 'measures', ['Control+Home'], '重点围绕安全生产和市场监管，');
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('问题均已整改到位。');
    await expect.poll(() => highlight(page).textContent()).toBe(QUOTE);
    await waitSaved(page);
    await page.reload();
    await expect.poll(() => highlight(page).textContent()).toBe(QUOTE);
    await page.getByTestId('tab-comments').click();
    // A passage chosen with the keyboard (Shift+←) is offered for a comment; moving the caret on takes it back.
    await page.getByTestId('editor-measures').click();
    await page.keyboard.press('Control+End');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => page.locator('.new-comment .quote mark').textContent()).toBe('整改到位。');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.new-comment .quote').count()).toBe(0);
    const thread = page.locator('.thread').filter({ hasText: '请写明检查的主要领域' });
    const id = (await thread.getAttribute('data-testid'))!.replace('thread-', '');
    await page.getByTestId(`reply-body-${id}`).fill('已补充检查领域和整改情况。');
    await page.getByTestId(`reply-add-${id}`).click();
    await expect.poll(() => thread.locator('.reply .comment-body').textContent()).toBe('已补充检查领域和整改情况。');
    await page.getByTestId(`resolve-${id}`).click();
    await expect.poll(() => page.locator(`[data-testid="thread-${id}"]`).count()).toBe(0);
    // The reviewer's 需修改 item is on the drafter's to-do list, done now that part 一 has changed.
    expect(await page.getByTestId('verdict-todo').textContent()).toContain('写明执法检查的领域和整改情况。（已修改）');
    await shot(page, 'review-02-drafter-replied');
    await submitReport(page);
    await page.context().close();
  });

  it('the reviewer sees the changes since the last submission and approves', async () => {
    const page = await openAs('shenhe', `/reports/${reportId}/versions`);
    const since = page.getByTestId('since-submission');
    expect(await since.locator('ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('重点围绕安全生产和市场监管'), expect.stringContaining('问题均已整改到位')]));
    expect(await page.getByTestId('timeline').textContent()).toContain('退回原因：第一部分请补充执法检查的领域和整改情况。');
    await shot(page, 'review-03-changes-since-submission');
    await page.goto(`/reports/${reportId}/edit`);
    await page.getByRole('button', { name: '审核通过' }).click();
    await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('审核通过');
    await shot(page, 'review-04-approved');
    await page.context().close();
  });
});

async function townshipIdOf(page: Page, name: string): Promise<string> {
  const card = page.locator('section.card', { hasText: name });
  return (await card.getAttribute('data-testid'))!.replace('township-', '');
}
