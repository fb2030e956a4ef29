// The margin's balloons on a wide screen (components/drafting/margin-balloons.tsx), on a server of its own: at
// 1440 px a reviewer's two comments on one line of part 一 stand beside it, the second pushed under the first; a
// click on a balloon selects its passage and a click on a passage marks its balloon; the switch 批注显示在页边 takes
// the margin away and is remembered; on part 二 the drafter's balloon follows its passage when a line is typed above
// it and when the window narrows and widens again, and the drafter accepts the suggestion from it (the server's text
// changes). axe finds nothing serious at 1440 px nor at 390 px, where there is no margin and the drawer stays.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAnchor } from '@/lib/domain/anchor';
import { ownApp, shot, typeAt, writeReport } from './support';

const own = ownApp('margin');
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const MEASURES = '镇党委全年召开专题会议4次，研究法治政府建设工作。全年开展执法检查136次，办理行政复议案件2件。\n健全重大行政决策程序，推行合法性审查全覆盖。';
const LEADERS = '党政主要负责人履行推进法治建设第一责任人职责，年内专题述法1次。';
let reportId = 0;
let editUrl = '';
const ids = { first: 0, second: 0, suggestion: 0 };

async function axeSerious(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: path.resolve('node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe.run;
    return (await run(document)).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const top = async (l: Locator) => (await l.boundingBox())!.y;
const bottom = async (l: Locator) => {
  const b = (await l.boundingBox())!;
  return b.y + b.height;
};
/** The text the browser has selected just now. */
const selected = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

async function anchorOf(text: string, quote: string) {
  const start = text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return createAnchor(text, start, start + quote.length);
}

describe('comments and suggestions in the margin', () => {
  it('the drafter writes two parts and submits; the reviewer comments twice on one line of 一 and suggests a change in 二', async () => {
    const drafter = await own.open('qingshi', WIDE);
    reportId = await writeReport(drafter, '青石乡', { measures: MEASURES, leaders: LEADERS });
    editUrl = `/reports/${reportId}/edit`;
    const submitted = await drafter.request.post(`/api/reports/${reportId}/transitions`, { data: { transition: 'submit' } });
    expect(submitted.status(), await submitted.text()).toBeLessThan(300);
    await drafter.context().close();

    const reviewer = await own.open('shenhe', WIDE);
    const comment = async (quote: string, body: string) => {
      const res = await reviewer.request.post(`/api/reports/${reportId}/comments`, { data: { sectionKey: 'measures', anchor: await anchorOf(MEASURES, quote), body } });
      expect(res.status(), await res.text()).toBe(201);
      return ((await res.json()) as { comment: { id: number } }).comment.id;
    };
    ids.first = await comment('专题会议4次', '会议次数与台账核对一下。');
    ids.second = await comment('执法检查136次', '请写明检查领域。');
    const sg = await reviewer.request.post(`/api/reports/${reportId}/suggestions`, {
      data: { sectionKey: 'leaders', anchor: await anchorOf(LEADERS, '述法1次'), replacement: '述法2次', reason: '与述职报告一致' },
    });
    expect(sg.status(), await sg.text()).toBe(201);
    ids.suggestion = ((await sg.json()) as { suggestion: { id: number } }).suggestion.id;
    await reviewer.context().close();
  });

  it('at 1440 px the comments stand beside their line, the second pushed under the first; clicks link balloon and passage', async () => {
    const page = await own.open('shenhe', WIDE);
    await page.goto(editUrl);
    const margin = page.getByTestId('margin');
    const first = margin.getByTestId(`balloon-thread-${ids.first}`);
    const second = margin.getByTestId(`balloon-thread-${ids.second}`);
    const passage1 = page.locator(`[data-testid="editor-measures"] mark[data-thread="${ids.first}"]`).first();
    const passage2 = page.locator(`[data-testid="editor-measures"] mark[data-thread="${ids.second}"]`).first();
    await expect.poll(() => first.getAttribute('data-placed')).toBe('at');
    // The first balloon stands at its passage's line. The second passage is a line further down, nearer than the
    // first balloon is tall: its balloon goes right under the first (8 px apart), not over it.
    expect(Math.abs((await top(first)) - (await top(passage1)))).toBeLessThanOrEqual(3);
    expect(await top(passage2)).toBeGreaterThan(await top(passage1));
    expect(await top(passage2)).toBeLessThan(await bottom(first));
    expect(await second.getAttribute('data-placed')).toBe('pushed');
    expect(Math.abs((await top(second)) - ((await bottom(first)) + 8))).toBeLessThanOrEqual(2);
    // The balloons are to the right of the text, not over it.
    const paper = (await page.getByTestId('editor-measures').boundingBox())!;
    expect((await first.boundingBox())!.x).toBeGreaterThan(paper.x + paper.width);
    // The side panel stays beside the margin, and the margin carries no part's other threads.
    expect(await page.locator('.side-panel').isVisible()).toBe(true);
    expect(await margin.locator('[data-balloon]').count()).toBe(2);

    // A click on the balloon selects its passage in the text and marks it.
    await first.locator('.comment-body').click();
    await expect.poll(() => selected(page)).toBe('专题会议4次');
    await expect.poll(() => passage1.getAttribute('class')).toContain('active');
    expect(await first.getAttribute('class')).toContain('active');
    // A click on the other passage marks its balloon instead.
    await passage2.click();
    await expect.poll(() => second.getAttribute('class')).toContain('active');
    expect(await first.getAttribute('class')).not.toContain('active');
    // The picked balloon opens its reply box; it grows and nothing overlaps.
    await expect.poll(async () => (await top(second)) - (await bottom(first))).toBeGreaterThanOrEqual(0);
    await shot(page, 'margin-01-reviewer-1440');
    expect(await axeSerious(page)).toEqual([]);

    // A reply from the balloon goes through the same request as the side panel's and shows in both.
    await second.getByTestId(`reply-body-${ids.second}`).fill('已补充检查领域。');
    await second.getByTestId(`reply-add-${ids.second}`).click();
    await expect.poll(() => second.locator('.reply .comment-body').allTextContents()).toEqual(['已补充检查领域。']);
    expect(await page.locator('.side-panel').getByTestId(`thread-${ids.second}`).locator('.reply .comment-body').allTextContents()).toEqual(['已补充检查领域。']);

    // Switched off, the margin goes, and stays off after a reload; switched on again, it is back.
    await page.getByTestId('margin-switch').uncheck();
    await expect.poll(() => margin.count()).toBe(0);
    await page.reload();
    await page.getByTestId('editor-measures').waitFor();
    expect(await page.getByTestId('margin-switch').isChecked()).toBe(false);
    expect(await page.getByTestId('margin').count()).toBe(0);
    await page.getByTestId('margin-switch').check();
    await expect.poll(() => page.getByTestId('margin').count()).toBe(1);
    // The reviewer returns the report so the drafter may decide the suggestion.
    const returned = await page.request.post(`/api/reports/${reportId}/transitions`, { data: { transition: 'return', reason: '请按批注修改。' } });
    expect(returned.status(), await returned.text()).toBeLessThan(300);
    await page.context().close();
  });

  it('the drafter accepts the suggestion on part 二 from its balloon, and the server has the new text', async () => {
    const page = await own.open('qingshi', WIDE);
    await page.goto(editUrl);
    await page.getByTestId('nav-leaders').click();
    const balloon = page.getByTestId('margin').getByTestId(`balloon-suggestion-${ids.suggestion}`);
    const passage = page.locator(`[data-testid="editor-leaders"] del[data-suggestion="${ids.suggestion}"]`);
    await expect.poll(() => balloon.getAttribute('data-placed')).toBe('at');
    expect(Math.abs((await top(balloon)) - (await top(passage)))).toBeLessThanOrEqual(3);
    // Part 一's balloons are not beside part 二.
    expect(await page.getByTestId('margin').locator('[data-balloon]').count()).toBe(1);
    // A click on the passage marks the balloon beside it and leaves the side panel on the drafter's checklist.
    expect(await page.getByTestId('tab-checklist').getAttribute('aria-selected')).toBe('true');
    expect(await balloon.getAttribute('class')).not.toContain('active');
    await passage.click();
    await expect.poll(() => balloon.getAttribute('class')).toContain('active');
    await expect.poll(() => passage.getAttribute('class')).toContain('active');
    expect(await page.getByTestId('tab-checklist').getAttribute('aria-selected')).toBe('true');
    // A new line typed above the passage moves it down, and its balloon follows; taken away again, both go back.
    const aligned = async () => Math.abs((await top(balloon)) - (await top(passage)));
    // Measured from the editor's top: Enter may scroll the page.
    const inText = async () => (await top(passage)) - (await top(page.getByTestId('editor-leaders')));
    const before = await inText();
    // The caret at the very start of the part (the paragraph's top left corner, inside its indent).
    await page.getByTestId('editor-leaders').locator('p').first().click({ position: { x: 4, y: 6 } });
    await expect.poll(() => page.evaluate(() => [document.activeElement?.getAttribute('data-testid'), window.getSelection()?.anchorOffset])).toEqual(['editor-leaders', 0]);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await inText()) - before).toBeGreaterThan(20);
    await expect.poll(aligned).toBeLessThanOrEqual(3);
    await page.keyboard.press('Backspace');
    await expect.poll(async () => Math.abs((await inText()) - before)).toBeLessThan(2);
    await expect.poll(aligned).toBeLessThanOrEqual(3);
    // Keystrokes that leave the lines as they were read no layout for the margin: the margin's own position (read
    // once each time the balloons are placed) is not asked for while typing within a line, only when the window changes.
    await page.getByTestId('margin').evaluate((col) => {
      const w = window as unknown as { marginReads: number };
      w.marginReads = 0;
      const read = col.getBoundingClientRect.bind(col);
      col.getBoundingClientRect = () => (w.marginReads++, read());
    });
    const reads = () => page.evaluate(() => (window as unknown as { marginReads: number }).marginReads);
    await typeAt(page, 'leaders', ['Control+End'], '');
    await page.keyboard.type('另附台账', { delay: 30 });
    expect(await page.getByTestId('editor-leaders').textContent()).toContain('。另附台账');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace', { delay: 30 });
    await page.waitForTimeout(600);
    expect(await reads()).toBe(0);
    // A window a little narrower (the text rewraps) places the balloons again; one narrower than the margin needs
    // takes it away (the side panel stays); wide again, it is back in place.
    await page.setViewportSize({ width: 1420, height: 900 });
    await expect.poll(reads).toBeGreaterThan(0);
    await expect.poll(aligned).toBeLessThanOrEqual(3);
    await page.setViewportSize({ width: 1300, height: 900 });
    await expect.poll(() => page.getByTestId('margin').count()).toBe(0);
    expect(await page.locator('.side-panel').isVisible()).toBe(true);
    await page.setViewportSize(WIDE);
    await expect.poll(() => balloon.getAttribute('data-placed')).toBe('at');
    await expect.poll(aligned).toBeLessThanOrEqual(3);

    await balloon.locator('.suggestion-what').click();
    await expect.poll(() => selected(page)).toBe('述法1次');
    await shot(page, 'margin-02-drafter-1440');
    expect(await axeSerious(page)).toEqual([]);

    await balloon.getByTestId(`suggestion-accept-${ids.suggestion}`).click();
    await expect.poll(() => balloon.count()).toBe(0);
    const { suggestions } = (await (await page.request.get(`/api/reports/${reportId}/suggestions`)).json()) as { suggestions: Array<{ id: number; state: string }> };
    expect(suggestions.find((s) => s.id === ids.suggestion)?.state).toBe('accepted');
    const report = (await (await page.request.get(`/api/reports/${reportId}`)).json()) as { sections: Array<{ sectionKey: string; plainText: string }> };
    expect(report.sections.find((s) => s.sectionKey === 'leaders')?.plainText).toBe(LEADERS.replace('述法1次', '述法2次'));
    await expect.poll(() => page.getByTestId('editor-leaders').textContent()).toContain('述法2次');
    await page.context().close();
  });

  it('at 390 px there is no margin: the comments stay in the drawer, and axe finds nothing serious', async () => {
    const page = await own.open('qingshi', PHONE);
    await page.goto(editUrl);
    await page.getByTestId('editor-measures').waitFor();
    expect(await page.getByTestId('margin').count()).toBe(0);
    expect(await page.getByTestId('margin-switch').isVisible()).toBe(false);
    await page.getByTestId('side-panel-toggle').click();
    await page.getByTestId('tab-comments').click();
    expect(await page.getByTestId(`thread-${ids.first}`).isVisible()).toBe(true);
    await shot(page, 'margin-03-drafter-390');
    expect(await axeSerious(page)).toEqual([]);
    await page.context().close();
  });
});
