import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { currentReportYear } from '@/lib/reports/service';
import { pressKeys, sharedBrowser, shot, typeAt } from './support';

const baseURL = inject('baseURL');
const year = currentReportYear();
let editUrl = '';

const b = sharedBrowser(baseURL);

const openAs = (username: string, at?: string): Promise<Page> => b.openAs(username, { at });

/** The report's editor open at one part, as that user, with the cursor in it. */
async function openEditor(username: string, part: string): Promise<{ page: Page; editor: Locator }> {
  const page = await openAs(username);
  await page.goto(editUrl);
  await page.getByTestId(`nav-${part}`).click();
  const editor = page.getByTestId(`editor-${part}`);
  await editor.click();
  return { page, editor };
}

async function waitSaved(page: Page) {
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toBe('已保存');
}

/** Types like a Chinese input method: a composition of pinyin, then the committed characters. */
async function typeWithIme(page: Page, pinyin: string, text: string) {
  const cdp = await page.context().newCDPSession(page);
  for (let i = 1; i <= pinyin.length; i++) {
    await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i });
  }
  await cdp.send('Input.insertText', { text });
  await cdp.detach();
}

const MEASURES = '全年聘请律师担任法律顾问，审查合同41份，出具法律意见12件。';
const LEADERS = '镇党委书记履行第一责任人职责，全年主持专题会议5次。';

describe('drafting with autosave', () => {
  it('types Chinese into two sections, waits for 已保存, and finds the text after a reload', async () => {
    const page = await openAs('qingshi');
    await page.getByRole('button', { name: `创建${year}年度报告` }).click();
    await page.waitForURL(/\/reports\/\d+\/edit$/);
    editUrl = page.url();

    const measures = page.getByTestId('editor-measures');
    await measures.click();
    await typeWithIme(page, 'quannian', '全年');
    await page.keyboard.insertText(MEASURES.slice(2));
    await waitSaved(page);

    await page.getByTestId('nav-leaders').click();
    await page.getByTestId('editor-leaders').click();
    await page.keyboard.insertText(LEADERS);
    await expect.poll(() => page.getByTestId('section-status-leaders').getAttribute('title'), { timeout: 15_000 }).toBe('已保存');
    await waitSaved(page);
    await shot(page, 'drafting-01-typed');

    await page.reload();
    await expect.poll(() => page.getByTestId('editor-measures').textContent()).toBe(MEASURES);
    await page.getByTestId('nav-leaders').click();
    expect(await page.getByTestId('editor-leaders').textContent()).toBe(LEADERS);
    await page.context().close();
  });

  it('suggests checklist items from the text, separately from the confirmed tick, and keeps the tick', async () => {
    const page = await openAs('qingshi', editUrl);
    const suggestion = page.getByTestId('suggest-measures.legal-advisers');
    await expect.poll(() => suggestion.textContent()).toContain('法律顾问');
    await suggestion.click();
    expect(await page.locator('.suggestion-matches mark').first().textContent()).toContain('法律顾问');
    await shot(page, 'drafting-02-suggestion');
    const item = page.getByTestId('check-item-measures.legal-advisers');
    await item.getByRole('checkbox').check();
    await expect.poll(() => item.locator('.tick-by').textContent()).toContain('张静（青石乡）');
    await page.reload();
    await expect.poll(() => page.getByTestId('check-item-measures.legal-advisers').getByRole('checkbox').isChecked()).toBe(true);

    await page.getByTestId('tab-checks').click();
    const missing = page.getByTestId('checks-panel');
    await expect.poll(() => missing.textContent()).toContain('缺少“存在的不足和原因”部分');
    await shot(page, 'drafting-03-checks');
    await page.context().close();
  });

  it('a one-click fix turns half-width punctuation full-width, and the fix is saved like typing', async () => {
    const { page, editor } = await openEditor('qingshi', 'shortcomings');
    await page.keyboard.insertText('村级合同审查不到位,原因是法律顾问参与不够;共涉及合同1,000份(含续签)。');
    await waitSaved(page);
    await page.getByTestId('tab-checks').click();
    const fix = page.getByTestId('fix-halfwidth-punctuation');
    await expect.poll(() => fix.count(), { timeout: 10_000 }).toBe(1);
    // The checks ran in their worker (off the keystroke's thread), which the page's policy lets start.
    expect(page.workers().length).toBe(1);
    await shot(page, 'drafting-04-halfwidth-check');
    await fix.click();
    const fixed = '村级合同审查不到位，原因是法律顾问参与不够；共涉及合同1,000份（含续签）。';
    await expect.poll(() => editor.innerText()).toBe(fixed);
    await waitSaved(page);
    await expect.poll(() => page.getByTestId('fix-halfwidth-punctuation').count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByTestId('editor-shortcomings').innerText()).toBe(fixed);
    await page.context().close();
  });

  it('pasting from Word keeps headings, emphasis and tables and drops the styles', async () => {
    const { page, editor } = await openEditor('qingshi', 'plans');
    await editor.evaluate((el) => {
      const html =
        '<html><head><style>p{font-family:仿宋}</style></head><body><!--StartFragment-->' +
        "<h1 style='mso-outline-level:1'><span>（一）深化普法宣传</span></h1>" +
        "<p class=MsoNormal style='text-indent:32pt'><span style='font-size:16pt'>全年开展普法活动<b>20</b>场。<o:p></o:p></span></p>" +
        "<table class=MsoTableGrid style='border:solid'><tr><td style='width:100pt'><p>项目</p></td><td><p>目标</p></td></tr><tr><td><p>普法</p></td><td><p>20场</p></td></tr></table>" +
        '<!--EndFragment--></body></html>';
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', '（一）深化普法宣传\n全年开展普法活动20场。');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => editor.locator('h2').textContent()).toBe('（一）深化普法宣传');
    expect(await editor.locator('strong').textContent()).toBe('20');
    expect(await editor.locator('table td').allTextContents()).toEqual(['项目', '目标', '普法', '20场']);
    expect(await editor.innerHTML()).not.toMatch(/font-size|MsoNormal|mso-/);
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toBe('已保存');
    await shot(page, 'drafting-05-pasted');
    await page.context().close();
  });

  it('pasting a township draft reads its numbering as headings and lists, and the （一） button numbers at once', async () => {
    const { page, editor } = await openEditor('qingshi', 'leaders');
    // On a new line: pasted at the end of a paragraph, the first pasted line joins it, as in Word.
    await pressKeys(page, ['Control+End', 'Enter']);
    await editor.evaluate((el) => {
      const li = (label: string, text: string) =>
        `<p class=MsoListParagraph style='margin-left:18pt;text-indent:-18pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>${label}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span style='font-family:仿宋_GB2312'>${text}<o:p></o:p></span></p>`;
      const html =
        '<html><head><style>p{font-family:仿宋}</style></head><body><!--StartFragment-->' +
        "<p class=MsoNormal style='text-indent:32pt'><b><span style='font-family:楷体'>（一）压实述法责任<o:p></o:p></span></b></p>" +
        "<p class=MsoNormal style='text-indent:32pt'><span>镇党委书记年底向县委述法，接受评议。<o:p></o:p></span></p>" +
        "<p class=MsoNormal style='text-indent:32pt'><span>1.建立学法清单<o:p></o:p></span></p>" +
        li('1)', '中心组学法6次') +
        li('2)', '会前学法12次') +
        '<!--EndFragment--></body></html>';
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', '（一）压实述法责任');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => editor.locator('h2').allTextContents()).toEqual(['（一）压实述法责任']);
    expect(await editor.locator('h3').allTextContents()).toEqual(['1.建立学法清单']);
    expect(await editor.locator('ol > li').allTextContents()).toEqual(['中心组学法6次', '会前学法12次']);
    expect(await editor.innerText()).not.toMatch(/1\)|2\)/);

    // A new line made a （一） heading shows its number the moment the button is pressed.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('加强督促检查');
    // Each part has its own toolbar.
    const h2Button = page.locator('[data-section-editor="leaders"]').getByTestId('tb-h2');
    await h2Button.click();
    expect(await editor.locator('h2').allTextContents()).toEqual(['（一）压实述法责任', '（二）加强督促检查']);
    await waitSaved(page);
    await shot(page, 'drafting-06-numbered-paste-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'drafting-06-numbered-paste-390');

    // Pressing （一） again takes the heading and its number away; undo brings both back.
    await h2Button.click();
    expect(await editor.locator('h2').allTextContents()).toEqual(['（一）压实述法责任']);
    expect(await editor.locator('p', { hasText: /^加强督促检查$/ }).count()).toBe(1);
    await page.keyboard.press('Control+z');
    expect(await editor.locator('h2').allTextContents()).toEqual(['（一）压实述法责任', '（二）加强督促检查']);
    await waitSaved(page);
    await page.reload();
    await page.getByTestId('nav-leaders').click();
    await expect.poll(() => page.getByTestId('editor-leaders').locator('h2').allTextContents()).toEqual(['（一）压实述法责任', '（二）加强督促检查']);
    await page.context().close();
  });

  it('a second browser saving over a stale version gets the conflict dialog, and neither text is lost', async () => {
    const a = await openAs('qingshi');
    const b = await openAs('qingshi');
    await a.goto(editUrl);
    await b.goto(editUrl);
    await typeAt(a, 'measures', ['End'], '甲补充的一句。');
    await waitSaved(a);

    // B still holds the old version.
    await typeAt(b, 'measures', ['End'], '乙补充的另一句。');
    const dialog = b.getByTestId('conflict-dialog');
    await dialog.waitFor({ timeout: 15_000 });
    expect(await b.getByTestId('conflict-mine').textContent()).toContain('乙补充的另一句。');
    expect(await b.getByTestId('conflict-server').textContent()).toContain('甲补充的一句。');
    expect(await b.getByTestId('save-status').textContent()).toBe('有冲突');
    // The other save was this user's own other window, and the same paragraph was added to on both sides.
    expect(await b.getByTestId('conflict-who').textContent()).toContain('你在另一个窗口');
    expect(await b.getByTestId('conflict-merge').count()).toBe(0);
    await shot(b, 'drafting-04-conflict');

    await b.getByTestId('conflict-keep-mine').click();
    await waitSaved(b);
    await a.reload();
    await expect.poll(() => a.getByTestId('editor-measures').textContent()).toContain('乙补充的另一句。');
    // A's sentence, replaced by B's choice, is kept as a version and shows as deleted against the current text.
    const id = /reports\/(\d+)/.exec(editUrl)![1];
    const { versions } = await (await a.request.get(`/api/reports/${id}/versions`)).json();
    const kept = versions.find((v: { label: string }) => v.label.startsWith('冲突时被覆盖的内容'));
    expect(kept).toBeTruthy();
    const cmp = await (await a.request.get(`/api/reports/${id}/versions/compare?from=${kept.id}&to=current`)).json();
    const measures = cmp.sections.find((s: { key: string }) => s.key === 'measures');
    const oldText = measures.parts.filter((p: { type: string }) => p.type !== 'insert').map((p: { text: string }) => p.text).join('');
    expect(oldText).toContain('甲补充的一句。');
    expect(oldText).not.toContain('乙补充的另一句。');
    await a.context().close();
    await b.context().close();
  });

  it('keeping this window’s copy puts back the paragraph the other window added', async () => {
    const a = await openAs('qingshi', editUrl);
    const b = await openAs('qingshi', editUrl);
    await typeAt(a, 'measures', ['Control+End', 'Enter'], '另一个窗口新增的一段。');
    await waitSaved(a);

    await typeAt(b, 'measures', ['Control+Home'], '（本窗口）');
    await b.getByTestId('conflict-dialog').waitFor({ timeout: 15_000 });
    expect(await b.getByTestId('conflict-who').textContent()).toContain('你在另一个窗口');
    expect(await b.locator('label.conflict-merge').textContent()).toContain('多出的 1 段');
    await shot(b, 'drafting-05-conflict-merge');
    await b.getByTestId('conflict-keep-mine').click();
    await waitSaved(b);
    await a.reload();
    await expect.poll(() => a.getByTestId('editor-measures').locator('p').allTextContents()).toEqual([expect.stringMatching(/^（本窗口）/), '另一个窗口新增的一段。']);
    await a.context().close();
    await b.context().close();
  });
});
