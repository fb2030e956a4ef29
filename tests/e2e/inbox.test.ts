// Hand-overs in the browser, on a server of its own: 撤回 of an untouched submission (it leaves the reviewer's 待办),
// the submit dialog's summary, a 需修改 to-do left open by an unrelated accepted suggestion and ticked live by a
// change to its passage, and the approval in the drafter's 待办 ("审核通过，请定稿") leading to 定稿.
// Screenshots at 1280 and 390 px wide.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { currentReportYear } from '@/lib/reports/service';
import { returnReport, shot, submitReport, ownApp, createFromHome, typeAt } from './support';

const own = ownApp('inbox');
const year = currentReportYear();
let editUrl = '';
let reportId = 0;
const LEAD = '调整充实法治建设领导小组，专题研究法治工作4次。';
const ENFORCE = '全面落实行政执法三项制度，开展执法检查20次。';

const openAs = (username: string, at?: string) => own.openAs(username, { onDialog: (d) => void d.accept(), at });

/** Full-page screenshots at 1280 and at 390 px wide, then back to 1280. */
async function shots(page: Page, name: string) {
  await shot(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

const saved = (page: Page) => expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toBe('已保存');
const status = (page: Page) => page.getByTestId('report-status').textContent();

describe('hand-overs', () => {
  it('the drafter submits past the summary of what is open, and withdraws before anyone reviewed', async () => {
    const page = await openAs('qingshi');
    ({ editUrl, reportId } = await createFromHome(page));
    await page.getByTestId('editor-measures').click();
    await page.keyboard.insertText(LEAD);
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(ENFORCE);
    await saved(page);

    await page.getByRole('button', { name: '提交审核' }).click();
    const summary = page.getByTestId('submit-summary');
    await summary.waitFor();
    expect(await summary.getByTestId('submit-checks').textContent()).toMatch(/检查：还有 \d+ 项未处理/);
    expect(await summary.getByTestId('submit-checklist').textContent()).toMatch(/清单：已确认 0\/\d+ 项/);
    expect(await summary.getByTestId('submit-comments').textContent()).toContain('批注：没有未回复的');
    await shots(page, 'inbox-01-submit-summary');
    // A link goes to its place and closes the dialog.
    await summary.getByTestId('submit-checklist').getByRole('button').first().click();
    await expect.poll(() => page.getByTestId('submit-summary').count()).toBe(0);
    await submitReport(page);

    const reviewer = await openAs('shenhe', '/inbox');
    expect(await reviewer.getByTestId('inbox-review').filter({ hasText: `青石乡 ${year}年度报告待审核` }).count()).toBe(1);

    await page.getByTestId('transition-withdraw').click();
    await expect.poll(() => status(page)).toBe('起草中');
    await shots(page, 'inbox-02-withdrawn');
    await reviewer.reload();
    expect(await reviewer.getByTestId('inbox-review').filter({ hasText: `青石乡 ${year}年度报告` }).count()).toBe(0);
    expect(await (await reviewer.request.get('/api/inbox')).json()).toMatchObject({ items: expect.not.arrayContaining([expect.objectContaining({ reportId, kind: 'review' })]) });
    await submitReport(page);
    await page.context().close();
    await reviewer.context().close();
  });

  it('the reviewer suggests under 组织领导, asks to fix 行政执法 and returns; 撤回 is gone once review started', async () => {
    const page = await openAs('shenhe', editUrl);
    // The suggestion through the app's own API from the page (same origin, signed in), as the 修订 tab would send it.
    const made = await page.evaluate(
      async ({ id, lead }) =>
        (
          await fetch(`/api/reports/${id}/suggestions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ sectionKey: 'measures', anchor: { exact: '4次', prefix: lead.slice(0, lead.indexOf('4次')), suffix: '。', start: lead.indexOf('4次') }, replacement: '5次', reason: '以会议记录为准。' }),
          })
        ).status,
      { id: reportId, lead: LEAD },
    );
    expect(made).toBe(201);
    await page.getByTestId('tab-checklist').click();
    await page.getByTestId('nav-measures').click();
    await page.getByTestId('verdict-note-measures.enforcement').fill('请写明行政处罚的件数。');
    await page.getByTestId('verdict-fix-measures.enforcement').click();
    await expect.poll(() => page.getByTestId('verdict-measures.enforcement').textContent()).toContain('需修改——请写明行政处罚的件数。');

    const drafter = await openAs('qingshi', editUrl);
    expect(await drafter.getByTestId('transition-withdraw').count()).toBe(0);
    await drafter.context().close();

    await page.reload();
    await returnReport(page, '见逐项意见。');
    await page.context().close();
  });

  it('the to-do stays open after accepting the unrelated suggestion, and ticks live when its passage changes', async () => {
    const page = await openAs('qingshi', editUrl);
    const item = page.getByTestId('verdict-todo-measures.enforcement');
    await expect.poll(() => item.textContent()).toContain('（待修改）');
    await page.getByTestId('tab-suggestions').click();
    const accept = page.locator('[data-testid^="suggestion-accept-"]').first();
    await accept.click();
    await expect.poll(() => page.locator('[data-testid^="suggestion-state-"]').first().textContent()).toBe('已接受');
    await expect.poll(() => page.getByTestId('editor-measures').textContent()).toContain('专题研究法治工作5次');
    // The old rule ticked it here; now it stays open.
    expect(await item.textContent()).toContain('（待修改）');
    expect(await item.getAttribute('data-done')).toBe('false');
    await shots(page, 'inbox-03-todo-open-after-unrelated');

    await typeAt(page, 'measures', ['Control+End', 'Backspace'], '，作出行政处罚6件。');
    await expect.poll(() => item.getAttribute('data-done')).toBe('true');
    expect(await item.textContent()).toContain('（已修改）');
    await saved(page);
    await shots(page, 'inbox-04-todo-ticked');
    await submitReport(page);
    await page.context().close();
  });

  it('the reviewer sees the passage’s change and approves; the drafter’s 待办 says 审核通过，请定稿 and leads to 定稿', async () => {
    const reviewer = await openAs('shenhe', editUrl);
    const changes = reviewer.getByTestId('verdict-changes-measures.enforcement');
    await changes.locator('summary').click();
    expect((await changes.locator('ins').allTextContents()).join('')).toContain('作出行政处罚6件');
    expect(await changes.textContent()).not.toContain('5次');
    await reviewer.getByRole('button', { name: '审核通过' }).click();
    await expect.poll(() => status(reviewer)).toBe('审核通过');
    await reviewer.context().close();

    const page = await openAs('qingshi');
    await expect.poll(() => page.getByTestId('inbox-link').textContent()).toMatch(/\d/);
    await page.goto('/inbox');
    const approved = page.getByTestId('inbox-approved').first();
    expect(await approved.textContent()).toContain(`青石乡 ${year}年度报告审核通过，请定稿`);
    await shots(page, 'inbox-05-drafter-approved');
    const api = (await (await page.request.get('/api/inbox')).json()) as { items: Array<{ kind: string; reportId: number; title: string; read: boolean }> };
    expect(api.items.find((i) => i.kind === 'approved')).toMatchObject({ reportId, title: `青石乡 ${year}年度报告审核通过，请定稿`, read: false });
    await approved.getByRole('button').click();
    await page.waitForURL((u) => u.pathname === editUrl);
    await page.getByRole('button', { name: '定稿' }).click();
    await expect.poll(() => status(page)).toBe('已定稿');

    const reviewerAgain = await openAs('shenhe', '/inbox');
    expect(await reviewerAgain.getByTestId('inbox-finalised').first().textContent()).toContain(`青石乡 ${year}年度报告已定稿`);
    await reviewerAgain.context().close();
    await page.context().close();
  });
});
