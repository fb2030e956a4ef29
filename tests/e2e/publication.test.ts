// Personal data caught while drafting and masked at 登记公开, in the browser: the drafter sees the personal-info check in
// the 检查 panel, the report goes through review once, and at 登记公开 on a phone each finding is offered a mask in the
// 公开稿; the public page shows the masked, frozen text with its SHA-256; the county's grid links to it; screenshots.
import { describe, expect, it } from 'vitest';
import { chinaDate } from '@/lib/shared/format';
import { ownApp, shot, writeReport } from './support';

const { open } = ownApp('publication');

// Invented, with a correct check character: 11010519491231002X is the standard's own example.
const ID = '11010519491231002X';
const MEASURES = `（一）严格规范执法\n依法查处当事人张小明非法占地案件，身份证号${ID}，已责令整改。`;
const PHONE = { width: 390, height: 844 };

describe('登记公开 with masks', () => {
  it('shows personal-info while drafting, masks it in the 公开稿 only, and freezes the public text', async () => {
    const drafter = await open('shili', { width: 1280, height: 900 });
    const reportId = await writeReport(drafter, '示例镇', { measures: MEASURES, leaders: '主要负责人履行第一责任人职责。', shortcomings: '仍有不足，原因是培训不够。', plans: '继续推进依法行政。' });
    await drafter.goto(`/reports/${reportId}/edit`);
    await drafter.getByTestId('editor-measures').waitFor();
    await drafter.getByTestId('tab-checks').click();
    const panel = drafter.getByTestId('checks-panel');
    await expect.poll(() => panel.textContent()).toContain('疑似当事人姓名“张小明”');
    expect(await panel.textContent()).toContain(`疑似居民身份证号码“${ID}”`);
    await shot(drafter, 'publication-01-checks-personal-info');

    // Once through review: submitted, approved, finalised.
    const post = (page: typeof drafter, transition: string) => page.request.post(`/api/reports/${reportId}/transitions`, { data: { transition } });
    expect((await post(drafter, 'submit')).status()).toBe(200);
    const reviewer = await open('shenhe', { width: 1280, height: 900 });
    expect((await post(reviewer, 'approve')).status()).toBe(200);
    expect((await post(drafter, 'finalise')).status()).toBe(200);

    // 登记公开 on a phone: the findings come back with a mask proposed for each.
    const phone = await open('shili', PHONE);
    await phone.goto(`/reports/${reportId}/edit`);
    await phone.getByTestId('editor-measures').waitFor();
    await phone.getByTestId('transition-publish').click();
    await phone.getByLabel('公开网址').fill('https://www.example.gov.cn/fzzfjs/2026/0301.html');
    await phone.getByLabel('发布日期').fill(chinaDate(new Date()));
    await phone.getByTestId('transition-confirm').click();
    await phone.getByTestId('publish-findings').waitFor();
    expect(await phone.getByTestId('publish-mask-0').inputValue()).toBe('张某某');
    expect(await phone.getByTestId('publish-mask-1').inputValue()).toBe('110＊＊＊＊＊＊＊＊＊＊＊＊＊2X');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(phone, 'publication-02-mask-dialog-390');
    await phone.getByTestId('transition-confirm').click();
    await expect.poll(() => phone.getByTestId('report-status').textContent()).toBe('已公开');
    // The report's page links to its public page.
    await phone.goto(`/reports/${reportId}`);
    await phone.getByTestId('public-page-link').click();
    await phone.waitForURL(new RegExp(`/public/reports/${reportId}$`));
    // As a citizen opens it from a link: not signed in, a fresh page.
    const citizen = await open(null, PHONE);
    expect((await citizen.goto(`/public/reports/${reportId}`))?.status()).toBe(200);
    const text = await citizen.getByTestId('report-view').textContent();
    expect(text).toContain('当事人张某某非法占地案件');
    expect(text).not.toContain('张小明');
    expect(await citizen.content()).not.toContain(ID);
    expect(await citizen.getByTestId('public-hash').textContent()).toMatch(/SHA-256：[0-9a-f]{64}$/);
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(citizen, 'publication-03-public-page-390');
    await citizen.context().close();

    // The drafted text is unchanged: the 报送稿 still holds what was written.
    const submitted = await (await drafter.request.get(`/api/reports/${reportId}/export?format=txt&variant=submit`)).text();
    expect(submitted).toContain('当事人张小明');

    // The county's grid links to it, and fits a phone.
    await phone.goto('/public/counties/1');
    await phone.getByTestId('public-grid').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await phone.locator(`[data-testid="public-grid"] a[href="/public/reports/${reportId}"]`).count()).toBe(1);
    await shot(phone, 'publication-04-county-grid-390');
    const csv = await phone.request.get('/public/counties/1/reports.csv');
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');

    // A correction: reopened, the name taken out of the text, through review again and published again.
    const admin = await open('admin', { width: 1280, height: 900 });
    expect((await post(admin, 'reopen')).status()).toBe(200);
    const { sections } = await (await drafter.request.get(`/api/reports/${reportId}`)).json();
    const version = sections.find((x: { sectionKey: string }) => x.sectionKey === 'measures').version;
    const content = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '依法查处非法占地案件1件，已责令整改。' }] }] };
    expect((await drafter.request.put(`/api/reports/${reportId}/sections/measures`, { data: { content, version } })).status()).toBe(200);
    expect((await post(drafter, 'submit')).status()).toBe(200);
    expect((await post(reviewer, 'approve')).status()).toBe(200);
    expect((await post(drafter, 'finalise')).status()).toBe(200);
    const republished = await drafter.request.post(`/api/reports/${reportId}/transitions`, { data: { transition: 'publish', url: 'https://www.example.gov.cn/fzzfjs/2026/0302.html', date: chinaDate(new Date()) } });
    expect(republished.status(), await republished.text()).toBe(200);
    const reader = await open(null, PHONE);
    await reader.goto(`/public/reports/${reportId}`);
    expect(await reader.getByTestId('public-correction').textContent()).toContain('更正');
    expect(await reader.getByTestId('report-view').first().textContent()).toContain('依法查处非法占地案件1件');
    const earlier = reader.getByTestId('public-earlier');
    expect(await earlier.textContent()).toContain('第 1 次公开');
    await earlier.locator('summary').first().click();
    expect(await earlier.textContent()).toContain('当事人张某某非法占地案件');
    expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(reader, 'publication-05-correction-390');
    for (const p of [drafter, reviewer, phone, admin, reader]) await p.context().close();
  });
});
