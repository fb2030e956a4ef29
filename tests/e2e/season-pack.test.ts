// A county's own season pack in the browser: the administrator uploads one that rewords a checklist item and words
// part 四's heading its own way; the drafter's 清单 panel shows the county's item, the part list and the editor show
// the county's heading, and the 检查 panel names the item as the county words it. At 1280 and 390 px, with axe-core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@/cli/seed';
import { packChecklist } from '@/lib/domain/checklists';
import { defaultPack } from '@/lib/domain/season/defaults';
import { currentReportYear } from '@/lib/reports/service';
import { startApp, type AppServer } from './app-server';
import { launchChromium } from './chromium';
import { login, newPage, shot } from './support';

let app: AppServer;
let browser: Browser;
const year = currentReportYear();
const LABEL = '村居法律顾问：联系村（社区）次数、审查村规民约份数';
const PLANS = `四、${year + 1}年度法治政府建设工作打算`;
const AXE = path.resolve('node_modules/axe-core/axe.min.js');

beforeAll(async () => {
  app = await startApp(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-season-pack-')));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function as(username: string): Promise<Page> {
  const page = await newPage(browser, app.url);
  await login(page, username, DEMO_PASSWORD);
  await page.waitForURL((u) => u.pathname === '/');
  return page;
}

async function serious(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[]; failureSummary?: string }> }> };
    const run = (window as unknown as { axe: { run: (ctx: Document) => Promise<Result> } }).axe.run;
    return (await run(document)).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('; ')}`);
  });
}

describe("a county's own checklist and headings", () => {
  it('reach the drafter’s checklist, part list and checks, at 1280 and 390 px', async () => {
    const admin = await as('admin');
    await admin.goto('/admin#season-packs');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-pack-')), 'county.json');
    const checklist = packChecklist(defaultPack(year)).map((i) => (i.id === 'measures.legal-advisers' ? { ...i, label: LABEL, hints: ['村居法律顾问'] } : i));
    fs.writeFileSync(file, JSON.stringify({ season: year, scope: { level: 'county', county: '示例县' }, checklist, outline: { headings: { plans: '四、{next}年度法治政府建设工作打算' } } }));
    const upload = admin.getByTestId('season-pack-upload');
    await upload.locator('input[type=file]').setInputFiles(file);
    await upload.getByRole('button', { name: '上传并导入' }).click();
    await expect.poll(() => upload.innerText()).toContain(`已导入${year}年度配置包`);

    const drafter = await as('qingshi');
    const { townships } = await (await drafter.request.get('/api/reports')).json();
    const t = townships.find((g: { township: { name: string } }) => g.township.name === '青石乡').township;
    const { report } = await (await drafter.request.post('/api/reports', { data: { townshipId: t.id, year } })).json();
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '全面推行村居法律顾问制度，实现村（社区）全覆盖。' }] }] };
    expect((await drafter.request.put(`/api/reports/${report.id}/sections/measures`, { data: { content: doc, version: 1 } })).status()).toBeLessThan(300);

    await drafter.goto(`/reports/${report.id}/edit`);
    await expect.poll(() => drafter.getByTestId('nav-plans').innerText()).toContain(PLANS);
    await drafter.getByTestId('nav-measures').click();
    await drafter.getByTestId('tab-checklist').click();
    const panel = drafter.getByTestId('checklist-panel');
    await expect.poll(() => panel.innerText()).toContain(LABEL);
    expect(await panel.innerText()).not.toContain('法律顾问：聘请情况');
    await shot(drafter, 'season-pack-checklist-1280');
    await drafter.getByTestId('tab-checks').click();
    await expect.poll(() => drafter.getByTestId('checks-panel').innerText()).toContain('“村居法律顾问”：写到了“村居法律顾问”');
    expect(await serious(drafter)).toEqual([]);

    await drafter.setViewportSize({ width: 390, height: 844 });
    await drafter.reload();
    await drafter.getByTestId('nav-plans').waitFor();
    expect(await drafter.getByTestId('nav-plans').innerText()).toContain(PLANS);
    await drafter.getByTestId('side-panel-toggle').click();
    await drafter.getByTestId('tab-checklist').click();
    await expect.poll(() => drafter.getByTestId('checklist-panel').innerText()).toContain(LABEL);
    expect(await drafter.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await serious(drafter)).toEqual([]);
    await shot(drafter, 'season-pack-checklist-390');
  });
});
