import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { currentReportYear } from '@/lib/reports/service';
import { SCREENSHOT_DIR, shot, ownApp } from './support';

// Its own server and data, so the states on the dashboard are exactly the ones set up here.
const { openAs: as } = ownApp('dash');
const year = currentReportYear();

async function api(page: Page, method: 'POST' | 'PUT', url: string, data: unknown) {
  const res = method === 'POST' ? await page.request.post(url, { data }) : await page.request.put(url, { data });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

async function createAndWrite(page: Page, townshipName: string): Promise<number> {
  const { townships } = await (await page.request.get('/api/reports')).json();
  const t = townships.find((g: { township: { name: string } }) => g.township.name === townshipName).township;
  const { report } = await api(page, 'POST', '/api/reports', { townshipId: t.id, year });
  const content = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '全年开展执法检查136次，聘请法律顾问1名。' }] }] };
  await api(page, 'PUT', `/api/reports/${report.id}/sections/measures`, { content, version: 1 });
  return report.id;
}

describe('county dashboard', () => {
  it('shows the demo county’s townships with their states, filters, opens one and downloads the zip', async () => {
    const shili = await as('shili');
    const a = await createAndWrite(shili, '示例镇');
    await api(shili, 'POST', `/api/reports/${a}/transitions`, { transition: 'submit' });
    const qingshi = await as('qingshi');
    await createAndWrite(qingshi, '青石乡');
    const donghu = await as('donghu');
    const c = await createAndWrite(donghu, '东湖街道');
    await api(donghu, 'POST', `/api/reports/${c}/transitions`, { transition: 'submit' });
    const reviewer = await as('shenhe');
    await api(reviewer, 'POST', `/api/reports/${c}/transitions`, { transition: 'approve' });
    await api(donghu, 'POST', `/api/reports/${c}/transitions`, { transition: 'finalise' });

    await reviewer.goto(`/dashboard?year=${year}`);
    const row = (name: string) => reviewer.getByTestId(`dash-row-${name}`);
    expect(await row('示例镇').locator('.status').textContent()).toBe('待审核');
    expect(await row('青石乡').locator('.status').textContent()).toBe('起草中');
    expect(await row('东湖街道').locator('.status').textContent()).toBe('已定稿');
    expect(await row('示例镇').textContent()).toContain('部分 1/4');
    for (const [state, n] of [['submitted', '1'], ['drafting', '1'], ['final', '1'], ['none', '0']] as const) {
      expect(await reviewer.getByTestId(`count-${state}`).textContent()).toBe(n);
    }
    expect(await reviewer.getByTestId(/days-向社会公开/).textContent()).toMatch(/还有 \d+ 天|已逾期 \d+ 天/);
    await shot(reviewer, 'dashboard-01-all');

    await reviewer.getByTestId('status-chart').getByRole('link', { name: /待审核/ }).click();
    await reviewer.waitForURL(/status=submitted/);
    expect(await reviewer.locator('[data-testid^="dash-row-"]').count()).toBe(1);
    await shot(reviewer, 'dashboard-02-submitted');
    await row('示例镇').getByRole('link', { name: '示例镇' }).click();
    await reviewer.waitForURL(new RegExp(`/reports/${a}/edit$`));
    await expect.poll(() => reviewer.getByTestId('report-status').textContent()).toBe('待审核');

    const zip = await reviewer.request.get(`/api/dashboard/zip?year=${year}`);
    expect(zip.status()).toBe(200);
    const files = Object.keys((await JSZip.loadAsync(await zip.body())).files);
    expect(files).toEqual([`东湖街道${year}年度法治政府建设情况报告.docx`]);
    fs.writeFileSync(path.join(SCREENSHOT_DIR, 'dashboard-reports.zip'), await zip.body());

    // Drafters have no dashboard.
    expect((await shili.goto('/dashboard'))?.status()).toBe(403);
    expect((await shili.request.get(`/api/dashboard/zip?year=${year}`)).status()).toBe(403);
  });
});
