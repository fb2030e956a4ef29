// What a WPS user's hands do in the editor, on a server of its own: Ctrl+S saves at once (the browser's 网页另存为
// stays shut) and shows 已保存; Ctrl+Alt+1/2 make numbered headings; Ctrl+H finds "2019年" in two parts, replaces all
// of them and one Ctrl+Z takes a part's replacement back; the whole report's count follows; a reviewer in 建议修改
// mode replaces all as suggestions, the text untouched, sees no 已保存 on a page that saves nothing, and gives a typed
// change its own reason.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createFromHome, ownApp, shot, submitReport } from './support';

const own = ownApp('keys');
let editUrl = '';
let reportId = 0;
const openAs = (username: string, at?: string) => own.openAs(username, { onDialog: (d) => void d.accept(), at });

const saved = (page: Page) => expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toBe('已保存');
const partText = async (page: Page, key: string) => (await page.request.get(`/api/reports/${reportId}`)).json().then((r: { sections?: Array<{ sectionKey: string; plainText: string }> }) => r.sections?.find((s) => s.sectionKey === key)?.plainText);

async function axeSerious(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: path.resolve('node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe.run;
    return (await run(document)).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('keys and find and replace', () => {
  it('Ctrl+S saves at once without the browser dialog; Ctrl+Alt+1/2 number headings', async () => {
    const page = await openAs('qingshi');
    ({ editUrl, reportId } = await createFromHome(page));
    const editor = page.getByTestId('editor-measures');
    await editor.click();
    await page.keyboard.insertText('加强组织领导');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('2019年全年开展培训4次。');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('规范执法');
    await saved(page);

    // Whether the page kept the browser from handling Ctrl+S (its 网页另存为 dialog).
    await page.evaluate(() => {
      window.addEventListener('keydown', (e) => {
        if (e.code === 'KeyS') setTimeout(() => ((window as unknown as { ctrlS: boolean }).ctrlS = e.defaultPrevented));
      });
    });
    await page.keyboard.insertText('工作');
    // The save goes at once, not after the autosave's pause.
    const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().includes('/sections/measures'), { timeout: 700 });
    await page.keyboard.press('Control+s');
    await put;
    await saved(page);
    expect(await page.evaluate(() => (window as unknown as { ctrlS: boolean }).ctrlS)).toBe(true);
    expect(await page.getByTestId('save-status').getAttribute('class')).toContain('save-flash');

    await editor.locator('p', { hasText: '加强组织领导' }).click();
    await page.keyboard.press('Control+Alt+1');
    await expect.poll(() => editor.locator('h2').allTextContents()).toEqual(['（一）加强组织领导']);
    await editor.locator('p', { hasText: '规范执法工作' }).click();
    await page.keyboard.press('Control+Alt+1');
    await expect.poll(() => editor.locator('h2').allTextContents()).toEqual(['（一）加强组织领导', '（二）规范执法工作']);
    await page.keyboard.press('Control+Alt+2');
    await expect.poll(() => editor.locator('h3').allTextContents()).toEqual(['1.规范执法工作']);
    await saved(page);
    await shot(page, 'keys-01-headings');

    // The small things around: a favicon, and a banner that does not name the demo accounts to a drafter.
    const icon = await page.request.get('/favicon.ico');
    expect([icon.status(), icon.headers()['content-type']]).toEqual([200, 'image/x-icon']);
    expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThan(0);
    const banner = await page.getByTestId('demo-banner').textContent();
    expect(banner).toContain('演示账号');
    expect(banner).not.toMatch(/admin|qingshi|shenhe/);
    await page.context().close();
  });

  it('replaces "2019年" across two parts in one go, counts the report, and one Ctrl+Z takes a part back', async () => {
    const page = await openAs('qingshi', editUrl);
    const count = page.getByTestId('report-count');
    const counted = async () => Number((await count.textContent())!.replace(/[^\d]/g, ''));
    const before = await counted();
    await page.getByTestId('nav-leaders').click();
    await page.getByTestId('editor-leaders').click();
    const LEADERS = '主要负责人2019年主持会议5次，2019年底前完成述法。';
    await page.keyboard.insertText(LEADERS);
    await saved(page);
    // Characters without spaces, over every part (the preface the template wrote included).
    await expect.poll(counted).toBe(before + LEADERS.length);

    await page.keyboard.press('Control+h');
    const dialog = page.getByTestId('find-replace');
    await dialog.waitFor();
    await page.getByTestId('find-query').fill('2019年');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('共 3 处：一、主要举措和成效 1，二、第一责任人履职情况 2');
    await page.getByTestId('find-next').click();
    await page.getByTestId('find-next').click();
    // Going to a place in another part selects it once that part is shown (the frame after the switch).
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('2019年');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toContain('第 2 处');
    await page.getByTestId('find-replacement').fill('2020年');
    await shot(page, 'keys-02-find-replace');
    expect(await axeSerious(page)).toEqual([]);
    await page.getByTestId('replace-all').click();
    await expect.poll(() => page.getByTestId('find-message').textContent()).toBe('已替换 3 处（2 个部分），在各部分中按 Ctrl+Z 可撤销');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('全文没有找到');
    await saved(page);
    expect(await partText(page, 'measures')).toContain('2020年全年开展培训4次。');
    expect(await partText(page, 'leaders')).toBe('主要负责人2020年主持会议5次，2020年底前完成述法。');

    // One undo in part 二 brings back both of its places, and only those.
    await page.getByTestId('editor-leaders').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('editor-leaders').textContent()).toBe('主要负责人2019年主持会议5次，2019年底前完成述法。');
    await saved(page);
    expect(await partText(page, 'leaders')).toBe('主要负责人2019年主持会议5次，2019年底前完成述法。');
    expect(await partText(page, 'measures')).toContain('2020年全年开展培训4次。');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.keyboard.press('Control+f');
    await shot(page, 'keys-03-find-390');
    expect(await axeSerious(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await submitReport(page);
    await page.context().close();
  });

  it('a reviewer in 建议修改 mode replaces all as suggestions, sees no 已保存, and gives one typed change its own reason', async () => {
    const page = await openAs('shenhe', editUrl);
    await page.getByTestId('editor-measures').waitFor();
    expect(await page.getByTestId('save-status').count()).toBe(0);
    await page.getByTestId('suggest-mode').click();
    await page.getByTestId('open-find').click();
    await page.getByTestId('find-query').fill('2019年');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('共 2 处：二、第一责任人履职情况 2');
    await page.getByTestId('find-replacement').fill('2020年');
    await page.getByTestId('replace-all').click();
    await expect.poll(() => page.getByTestId('find-message').textContent()).toBe('已提出 2 条修订，请在“修订”中查看');
    const listed = (await (await page.request.get(`/api/reports/${reportId}/suggestions`)).json()) as { suggestions: Array<{ state: string; replacement: string; sectionKey: string }> };
    expect(listed.suggestions.filter((s) => s.state === 'pending').map((s) => [s.sectionKey, s.replacement])).toEqual([
      ['leaders', '2020年'],
      ['leaders', '2020年'],
    ]);
    // The text is the drafter's until they accept.
    expect(await partText(page, 'leaders')).toBe('主要负责人2019年主持会议5次，2019年底前完成述法。');
    await shot(page, 'keys-04-suggested');

    // A change typed in the text carries its own reason; the batch's reason stays the default for the others.
    await page.getByTestId('find-replace').getByRole('button', { name: '关闭' }).click();
    await page.getByTestId('editor-measures').locator('p', { hasText: '全年开展培训' }).click();
    await page.keyboard.press('End');
    await page.keyboard.insertText('（另）');
    await expect.poll(() => page.getByTestId('suggest-drafts').locator('li').count()).toBe(1);
    await page.getByTestId('draft-reason-0').fill('本处单独写的理由');
    await page.getByLabel('修订理由', { exact: true }).fill('统一的理由');
    await page.getByTestId('suggest-submit').click();
    await expect.poll(() => page.getByTestId('suggest-drafts').locator('li').count()).toBe(0);
    const after = (await (await page.request.get(`/api/reports/${reportId}/suggestions`)).json()) as { suggestions: Array<{ replacement: string; reason: string | null }> };
    expect(after.suggestions.find((s) => s.replacement === '（另）')?.reason).toBe('本处单独写的理由');
    await page.context().close();
  });
  it('the admin page opens on its contents and finds an account; the audit log hides sign-ins unless asked', async () => {
    const page = await openAs('admin', '/admin?q=qingshi#users');
    expect(await page.locator('nav.admin-toc a').allTextContents()).toEqual(expect.arrayContaining(['账号', '乡镇（街道）', '年度配置包', '操作记录']));
    await expect.poll(() => page.locator('[data-testid^="user-"]').filter({ has: page.locator('td') }).count()).toBe(1);
    expect(await page.getByTestId('user-qingshi').count()).toBe(1);
    // Row actions are not the red primary button.
    const stop = page.getByTestId('user-qingshi').getByRole('button', { name: '停用' });
    expect(await stop.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    await shot(page, 'keys-05-admin-1280');
    expect(await axeSerious(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'keys-06-admin-390');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.goto('/admin/audit');
    const table = page.getByTestId('audit-table');
    expect(await table.textContent()).not.toContain('登录成功');
    await page.getByTestId('audit-logins').check();
    await page.getByRole('button', { name: '筛选' }).click();
    await expect.poll(() => table.textContent()).toContain('登录成功');
    await page.context().close();
  });
});
