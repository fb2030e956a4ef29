import { describe, expect, it } from 'vitest';
import { currentReportYear } from '@/lib/reports/service';
import { shot, ownApp, writeReport } from './support';
import { PART_A, PART_B, PART_C } from '../support/similar-fixtures';

// Its own server and data: three townships of the demo county write part 一; two share a paragraph.
const own = ownApp('similar');
const as = (username: string, at?: string) => own.openAs(username, { at });
const year = currentReportYear();

describe('similarity', () => {
  it('puts the copied pair first on the dashboard, marks the paragraph in both, and tells the drafter only that it appears elsewhere', async () => {
    const a = await writeReport(await as('shili'), '示例镇', { measures: PART_A });
    const b = await writeReport(await as('qingshi'), '青石乡', { measures: PART_B });
    await writeReport(await as('donghu'), '东湖街道', { measures: PART_C });

    const reviewer = await as('shenhe', `/dashboard?year=${year}`);
    const first = reviewer.getByTestId('pair-0');
    expect(await first.textContent()).toMatch(/示例镇 ↔ 青石乡.*一、主要举措和成效/);
    const top = Number((await first.locator('.score').textContent())!.replace('%', ''));
    expect(top).toBeGreaterThan(60);
    expect(await reviewer.getByTestId('dash-similar-示例镇').textContent()).toBe(`${top}%`);
    expect(Number((await reviewer.getByTestId('dash-similar-东湖街道').textContent())!.replace('%', ''))).toBeLessThan(top / 2);
    await shot(reviewer, 'similarity-01-dashboard');

    await reviewer.getByTestId('pair-open-0').click();
    await reviewer.waitForURL(new RegExp(`/reports/${a}/similar\\?with=${b}`));
    const left = reviewer.getByTestId('sbs-measures-a-mark');
    const right = reviewer.getByTestId('sbs-measures-b-mark');
    expect((await left.allTextContents()).join('')).toContain('发放宣传资料3200余份');
    expect((await right.allTextContents()).join('')).toContain('发放宣传资料1500余份');
    await reviewer.getByTestId('sbs-measures').scrollIntoViewIfNeeded();
    await shot(reviewer, 'similarity-02-side-by-side-1280');
    await reviewer.setViewportSize({ width: 390, height: 844 });
    await shot(reviewer, 'similarity-03-side-by-side-390');

    // The drafter's tab: their own passage, never the other township's name or words.
    const shili = await as('shili', `/reports/${a}/edit`);
    await shili.getByTestId('tab-similar').click();
    const panel = shili.getByTestId('similar-others');
    await expect.poll(async () => (await panel.count()) > 0 && (await panel.textContent())).toContain('本段内容也出现在本县今年的其他报告中');
    const text = (await shili.getByTestId('similarity-panel').textContent())!;
    expect(text).toContain('3200余份');
    for (const word of ['青石乡', '1500余份', '东湖街道', '对照查看']) expect(text).not.toContain(word);
    await shot(shili, 'similarity-04-drafter-tab-1280');
    // On a phone the side panel is a drawer: opened, it shows the same tab.
    await shili.setViewportSize({ width: 390, height: 844 });
    await shili.getByTestId('side-panel-toggle').click();
    await shili.getByTestId('similarity-panel').waitFor();
    await shot(shili, 'similarity-05-drafter-tab-390');

    // The reviewer's tab names the township and opens the side-by-side view.
    await reviewer.setViewportSize({ width: 1280, height: 800 });
    await reviewer.goto(`/reports/${a}/edit`);
    await reviewer.getByTestId('tab-similar').click();
    await reviewer.getByTestId(`open-side-by-side-${b}`).click();
    await reviewer.waitForURL(new RegExp(`/reports/${a}/similar\\?with=${b}`));
  });
});
