// A county's reporting season from nothing, in the browser: the administrator creates a county, a township, a
// drafter and a reviewer; each signs in and replaces the password the administrator set; the drafter writes and
// submits; the reviewer's 待办 shows it; the reviewer marks two checklist items 需修改 and returns; the drafter's
// 待办 and to-do list show them and are ticked off as the parts change; after resubmission the reviewer sees, per item,
// what changed.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { currentReportYear } from '@/lib/reports/service';
import { newPage, login, returnReport, sharedBrowser, shot, submitReport, createFromHome } from './support';

const baseURL = inject('baseURL');
const b = sharedBrowser(baseURL);
const year = currentReportYear();
const FIRST = 'Set-by-admin-2026';
const OWN = { 'liulin-qc': 'Liulin-drafter-2026', 'liulin-sh': 'Liulin-review-2026' } as const;
let editUrl = '';

/** An account the administrator just made: signs in with the set password and chooses its own. */
async function firstLogin(username: keyof typeof OWN): Promise<Page> {
  const page = await newPage(b.browser, baseURL);
  page.on('dialog', (d) => void d.accept());
  await login(page, username, FIRST);
  await page.waitForURL((u) => u.pathname === '/account/password');
  const form = page.getByTestId('password-form');
  await form.getByLabel('当前密码').fill(FIRST);
  await form.getByLabel('新密码', { exact: true }).fill(OWN[username]);
  await form.getByLabel('再输入一次新密码').fill(OWN[username]);
  await form.getByRole('button', { name: '保存新密码' }).click();
  // Then the landing page: the reviewer's is the county dashboard.
  await page.waitForURL((u) => u.pathname === (username === 'liulin-sh' ? '/dashboard' : '/'));
  return page;
}

const signIn = (username: keyof typeof OWN, at?: string): Promise<Page> => b.openAs(username, { password: OWN[username], onDialog: (d) => void d.accept(), at });

async function added(form: Locator, message: string) {
  await expect.poll(() => form.getByRole('status').textContent()).toBe(message);
}

async function typeInto(page: Page, key: string, text: string) {
  await page.getByTestId(`nav-${key}`).click();
  await page.getByTestId(`editor-${key}`).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toBe('已保存');
}

describe('a reporting season from a new county', () => {
  it('the administrator creates the county, its township, a drafter and a reviewer', async () => {
    const admin = await b.openAs('admin');
    await admin.goto('/admin');
    const county = admin.getByTestId('add-county');
    await county.getByLabel('名称').fill('柳林县');
    await county.getByRole('button', { name: '添加' }).click();
    await added(county, '已添加“柳林县”。');
    await admin.reload();
    const town = admin.getByTestId('add-township');
    await town.getByLabel('所属县').selectOption({ label: '柳林县' });
    await town.getByLabel('名称').fill('柳林镇');
    await town.getByRole('button', { name: '添加' }).click();
    await added(town, '已添加“柳林镇”。');
    await admin.reload();
    const user = admin.getByTestId('add-user');
    for (const [username, name, role, scope] of [
      ['liulin-qc', '柳起草', 'drafter', ['所属乡镇（起草人）', '柳林县 · 柳林镇']],
      ['liulin-sh', '柳审核', 'reviewer', ['所属县（审核人）', '柳林县']],
    ] as const) {
      await user.getByLabel('用户名').fill(username);
      await user.getByLabel('姓名').fill(name);
      await user.getByLabel('初始密码').fill(FIRST);
      await user.getByLabel('角色').selectOption(role);
      await user.getByLabel(scope[0]).selectOption({ label: scope[1] });
      await user.getByRole('button', { name: '添加账号' }).click();
      await expect.poll(() => user.getByRole('status').textContent()).toContain(username);
      await admin.reload();
    }
    await expect.poll(() => admin.getByTestId('user-liulin-sh').textContent()).toContain('柳林县');
    await shot(admin, 'season-01-admin');
    await admin.context().close();
  });

  it('the drafter signs in, writes parts 一 and 二, and submits', async () => {
    const page = await firstLogin('liulin-qc');
    ({ editUrl } = await createFromHome(page));
    await typeInto(page, 'measures', '全年组织干部参加法治培训，开展执法检查。');
    await typeInto(page, 'leaders', '镇党委书记履行第一责任人职责。');
    await submitReport(page);
    await page.context().close();
  });

  it('the reviewer’s 待办 shows it; two items are marked 需修改 and the report is returned', async () => {
    const page = await firstLogin('liulin-sh');
    await page.getByTestId('inbox-link').click();
    await page.waitForURL((u) => u.pathname === '/inbox');
    const waiting = page.getByTestId('inbox-review').first();
    expect(await waiting.textContent()).toContain(`柳林镇 ${year}年度报告待审核`);
    await shot(page, 'season-02-reviewer-inbox');
    await waiting.getByRole('button').click();
    await page.waitForURL((u) => u.pathname === editUrl);
    await page.getByTestId('tab-checklist').click();
    for (const [part, item, note] of [
      ['measures', 'measures.enforcement', '写明执法检查的次数和领域。'],
      ['leaders', 'leaders.study', '写明中心组学法的次数。'],
    ] as const) {
      await page.getByTestId(`nav-${part}`).click();
      await page.getByTestId(`verdict-note-${item}`).fill(note);
      await page.getByTestId(`verdict-fix-${item}`).click();
      await expect.poll(() => page.getByTestId(`verdict-${item}`).textContent()).toContain(`需修改——${note}`);
    }
    await returnReport(page, '请按逐项意见修改。');
    await page.context().close();
  });

  it('the drafter’s 待办 and to-do list show both items, ticked off as each part changes; then resubmits', async () => {
    const page = await signIn('liulin-qc', '/inbox');
    const returned = page.getByTestId('inbox-returned').first();
    expect(await returned.textContent()).toContain('退回原因：请按逐项意见修改。');
    await returned.getByRole('button').click();
    await page.waitForURL((u) => u.pathname === editUrl);
    const todo = page.getByTestId('verdict-todo');
    await expect.poll(() => todo.textContent()).toContain('写明执法检查的次数和领域。（待修改）');
    expect(await todo.textContent()).toContain('写明中心组学法的次数。（待修改）');
    await shot(page, 'season-03-drafter-todo');
    await typeInto(page, 'measures', '全年开展执法检查48次，涉及安全生产、市场监管。');
    await page.reload();
    await expect.poll(() => page.getByTestId('verdict-todo-measures.enforcement').textContent()).toContain('（已修改）');
    expect(await page.getByTestId('verdict-todo-leaders.study').textContent()).toContain('（待修改）');
    await typeInto(page, 'leaders', '党委理论学习中心组集体学法6次。');
    await submitReport(page);
    await page.context().close();
  });

  it('on resubmission the reviewer sees, per item, what changed in its part', async () => {
    const page = await signIn('liulin-sh', editUrl);
    const measures = page.getByTestId('verdict-changes-measures.enforcement');
    const leaders = page.getByTestId('verdict-changes-leaders.study');
    await measures.locator('summary').click();
    await leaders.locator('summary').click();
    expect(await measures.locator('ins').allTextContents()).toContain('全年开展执法检查48次，涉及安全生产、市场监管。');
    expect((await leaders.locator('ins').allTextContents()).join('')).toContain('学法6次');
    expect(await page.getByTestId('verdict-todo').textContent()).toContain('（此项所指段落自提出意见后已修改）');
    await shot(page, 'season-04-reviewer-changes');
    await page.context().close();
  });
});
