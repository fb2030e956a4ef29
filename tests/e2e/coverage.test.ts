// The season's 事项 in the browser: two townships write different things; the reviewer's dashboard map shows one
// covering 法律顾问 and the other not, and the reviewer's side panel lists 未涉及的事项; a report citing the 纲要 as
// current shows outdated-document in the 检查 panel. Screenshots at 1280 and 390 px.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentReportYear } from '@/lib/reports/service';
import { shot, ownApp, writeReport } from './support';

const own = ownApp('coverage');
const as = (username: string, at?: string) => own.openAs(username, { at });
const year = currentReportYear();


describe('coverage of the 事项', () => {
  it('shows the county map and the reviewer’s 未涉及的事项, at 1280 and 390 px', async () => {
    const shili = await as('shili');
    const a = await writeReport(shili, '示例镇', {
      measures: '（一）依法决策。聘请律师事务所担任法律顾问，审查合同和文件42份。\n（二）普法宣传。开展宪法宣传周等普法活动16场，发放资料3000余份。\n（三）行政执法。综合行政执法队开展执法检查136次。',
      plans: `${year + 1}年，继续深入贯彻落实《法治政府建设实施纲要（2021—2025年）》，确保纲要各项任务全面完成。`,
    });
    const qingshi = await as('qingshi');
    await writeReport(qingshi, '青石乡', { measures: '开展普法宣传活动8场。' });

    const reviewer = await as('shenhe', `/dashboard?year=${year}`);
    const map = reviewer.getByTestId('coverage-map');
    await expect.poll(() => map.isVisible()).toBe(true);
    expect(await reviewer.getByTestId('cov-示例镇-3.4').innerText()).toContain('●');
    expect(await reviewer.getByTestId('cov-青石乡-3.4').innerText()).not.toContain('●');
    expect(await reviewer.getByTestId('cov-青石乡-10.3').innerText()).toContain('●');
    await map.scrollIntoViewIfNeeded();
    await shot(reviewer, 'coverage-dashboard-1280');
    await reviewer.setViewportSize({ width: 390, height: 844 });
    await shot(reviewer, 'coverage-dashboard-390');

    await reviewer.setViewportSize({ width: 1280, height: 800 });
    await reviewer.goto(`/reports/${a}/edit`);
    await reviewer.getByTestId('tab-coverage').click();
    const panel = reviewer.getByTestId('coverage-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.innerText()).toContain('未涉及的事项');
    expect(await reviewer.getByTestId('missing-6.3').isVisible()).toBe(true);
    expect(await reviewer.getByTestId('missing-3.4').count()).toBe(0);
    await shot(reviewer, 'coverage-panel-1280');
    await reviewer.setViewportSize({ width: 390, height: 844 });
    await shot(reviewer, 'coverage-panel-390');

    // The drafter's 检查 panel shows the 纲要 cited as current.
    await shili.goto(`/reports/${a}/edit`);
    await shili.getByTestId('tab-checks').click();
    await expect.poll(() => shili.getByTestId('checks-panel').innerText()).toContain('期满');
    await shot(shili, 'coverage-checks-1280');
  });

  it('lets the administrator upload a county pack, download the effective one and compare two seasons', async () => {
    const admin = await as('admin', '/admin#season-packs');
    const section = admin.getByTestId('season-packs');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-pack-')), 'county.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        season: year,
        scope: { level: 'county', county: '示例县' },
        items: [{ id: '10.5', title: '村居法律顾问全覆盖', level: 2, parent: '10', part: 'measures', keywords: ['村居法律顾问'], needsFigure: true }],
      }),
    );
    const upload = admin.getByTestId('season-pack-upload');
    await upload.locator('input[type=file]').setInputFiles(file);
    await upload.getByRole('button', { name: '上传并导入' }).click();
    await expect.poll(() => upload.innerText()).toContain(`已导入${year}年度配置包`);
    await expect.poll(() => section.innerText()).toContain('示例县（县级）');
    const download = await admin.request.get(`/api/season-packs?season=${year}`);
    expect(download.status()).toBe(200);
    expect(((await download.json()) as { items: unknown[] }).items.length).toBeGreaterThan(40);
    const form = admin.getByTestId('season-pack-diff-form');
    await form.locator('select[name=diffFrom]').selectOption(String(year));
    await form.locator('select[name=diffTo]').selectOption(String(year === 2025 ? 2026 : 2025));
    await form.locator('select[name=diffCounty]').selectOption({ label: '示例县' });
    await form.getByRole('button', { name: '比较' }).click();
    await expect.poll(() => admin.getByTestId('season-pack-diff').innerText()).toContain('10.5');
    await admin.getByTestId('season-pack-diff').scrollIntoViewIfNeeded();
    await shot(admin, 'season-packs-admin-1280');
    await admin.setViewportSize({ width: 390, height: 844 });
    await shot(admin, 'season-packs-admin-390');
  });
});

