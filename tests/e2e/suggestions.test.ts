// Suggestions (修订) in the browser: the county reviewer, in 建议修改 mode, types a replacement, a deletion and an
// insertion in the text (the insertion through an input method's composition, as pinyin input sends it); the drafter accepts one, rejects one, types next
// to the third and accepts it; the text ends exactly as expected and the versions page records the acceptances.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { currentReportYear } from '@/lib/reports/service';
import { returnReport, sharedBrowser, shot, submitReport } from './support';

const baseURL = inject('baseURL');
// A year no other browser test uses for 青石乡.
const year = currentReportYear() - 3;
const TEXT = '镇党委全年召开专题会议4次，研究法治政府建设工作。全年开展执法检查136次，办理行政复议案件2件。';
const FINAL = '镇党委全年召开专题会议5次，研究法治政府建设工作。2025年全年开展执法检查136次，办理行政复议案件2件（均已结案）。';
let editUrl = '';

const b = sharedBrowser(baseURL);
const openAs = (username: string, at?: string) => b.openAs(username, { onDialog: (d) => void d.accept(), at });

/** Selects a passage of the editor's text (or puts the caret after it when `caret`), as a mouse would. */
async function select(page: Page, quote: string, caret = false) {
  await page.getByTestId('editor-measures').evaluate(
    (root, [q, c]) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf(q as string);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, c ? i + (q as string).length : i);
        range.setEnd(n, i + (q as string).length);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
      throw new Error(`text not found: ${q as string}`);
    },
    [quote, caret] as const,
  );
}

/** The part's text itself, without the suggested insertions drawn into it. */
const docText = (page: Page) =>
  page.getByTestId('editor-measures').evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('ins.suggest-ins').forEach((n) => n.remove());
    document.body.appendChild(copy);
    const text = copy.innerText;
    copy.remove();
    return text;
  });

async function waitSaved(page: Page) {
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toBe('已保存');
}

describe('suggestions (修订) between a county reviewer and a township drafter', () => {
  it('the drafter writes part 一 and submits', async () => {
    const page = await openAs('qingshi');
    // The township is looked up through the API (the home page's create form is gone once this year's report exists).
    const listed = (await (await page.request.get('/api/reports')).json()) as { townships: Array<{ township: { id: number } }> };
    const townshipId = listed.townships[0]!.township.id;
    const created = await page.request.post('/api/reports', { data: { townshipId: Number(townshipId), year } });
    expect(created.status()).toBe(201);
    editUrl = `/reports/${((await created.json()) as { report: { id: number } }).report.id}/edit`;
    await page.goto(editUrl);
    await page.getByTestId('editor-measures').click();
    await page.keyboard.insertText(TEXT);
    await waitSaved(page);
    await submitReport(page);
    await page.context().close();
  });

  it('the reviewer suggests a replacement, a deletion and an insertion by typing in the text, the insertion through an input method', async () => {
    const page = await openAs('shenhe', editUrl);
    const editor = page.getByTestId('editor-measures');
    await page.getByTestId('suggest-mode').click();
    await expect.poll(() => editor.getAttribute('contenteditable')).toBe('true');
    const drafts = page.getByTestId('suggest-drafts');

    // A replacement: the passage selected, the new words typed over it.
    await select(page, '4次');
    await page.waitForTimeout(200);
    await page.keyboard.type('5次');
    // A deletion: selected and deleted with the keyboard.
    await select(page, '，研究法治政府建设工作');
    await page.waitForTimeout(200);
    await page.keyboard.press('Backspace');
    // The insertion: the caret after 2件, the words composed as a Chinese input method sends them.
    await select(page, '2件', true);
    await page.waitForTimeout(200);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'jun', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.imeSetComposition', { text: '均已', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '（均已结案）' });
    await expect.poll(() => drafts.locator('li').count()).toBe(3);
    // Drawn while typing: the old words struck through beside the new ones; the text on the server is unchanged.
    expect(await editor.locator('del.suggest-del.draft').allTextContents()).toEqual(['4', '，研究法治政府建设工作']);
    await shot(page, 'suggestions-00-typing');
    const stored = (await (await page.request.get(editUrl.replace('/reports/', '/api/reports/').replace('/edit', ''))).json()) as {
      sections: Array<{ sectionKey: string; plainText: string }>;
    };
    expect(stored.sections.find((x) => x.sectionKey === 'measures')!.plainText).toBe(TEXT);

    await page.getByRole('textbox', { name: '修订理由' }).fill('数字以统计表为准');
    await page.getByTestId('suggest-submit').click();
    await expect.poll(() => page.locator('.suggestion-card').count()).toBe(3);
    await expect.poll(() => drafts.locator('li').count()).toBe(0);

    // Inline: the passages to go struck through, the words to come underlined; the editor holds the server's text.
    expect(await editor.locator('del.suggest-del').allTextContents()).toEqual(['4', '，研究法治政府建设工作']);
    expect(await editor.locator('ins.suggest-ins').allTextContents()).toEqual(['5', '（均已结案）']);
    await expect.poll(() => docText(page)).toBe(TEXT);
    expect(await page.getByTestId('nav-suggestions-measures').textContent()).toContain('3 条修订');
    await page.getByTestId('suggest-mode').click();
    await expect.poll(() => editor.getAttribute('contenteditable')).toBe('false');
    await shot(page, 'suggestions-01-reviewer');

    await returnReport(page, '请按修订修改。');
    await page.context().close();
  });

  it('the drafter accepts one, rejects one, types beside the third and accepts it; the versions page records it', async () => {
    const page = await openAs('qingshi', editUrl);
    await page.getByTestId('tab-suggestions').click();
    const cards = page.locator('.suggestion-card');
    await expect.poll(() => cards.count()).toBe(3);
    const ids = await cards.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-testid')!.replace('suggestion-', ''))));
    await page.getByTestId(`suggestion-accept-${ids[0]}`).click();
    await expect.poll(() => page.getByTestId(`suggestion-state-${ids[0]}`).textContent()).toBe('已接受');
    await expect.poll(() => docText(page)).toBe(TEXT.replace('4次', '5次'));

    await page.getByTestId(`suggestion-reject-${ids[1]}`).click();
    await expect.poll(() => page.getByTestId(`suggestion-state-${ids[1]}`).textContent()).toBe('已拒绝');
    // The drafter says why under the card.
    await page.getByTestId(`suggestion-reply-body-${ids[1]}`).fill('该表述为县里统一要求，保留。');
    await page.getByTestId(`suggestion-reply-add-${ids[1]}`).click();
    await expect.poll(() => page.getByTestId(`suggestion-${ids[1]}`).textContent()).toContain('该表述为县里统一要求，保留。');

    // Typing beside the insertion point: the suggestion follows the text.
    await select(page, '全年开展');
    // ProseMirror reads a selection made outside it on the next selectionchange.
    await page.waitForTimeout(200);
    await page.keyboard.insertText('2025年全年开展');
    await waitSaved(page);
    await page.getByTestId(`suggestion-accept-${ids[2]}`).click();
    await expect.poll(() => page.getByTestId(`suggestion-state-${ids[2]}`).textContent()).toBe('已接受');
    await expect.poll(() => docText(page)).toBe(FINAL);
    await waitSaved(page);
    await shot(page, 'suggestions-02-drafter');

    await page.reload();
    await expect.poll(() => page.getByTestId('editor-measures').innerText()).toBe(FINAL);
    await page.goto(editUrl.replace('/edit', '/versions'));
    expect(await page.locator('body').textContent()).toContain('接受修订：');
    // The timeline names every step in Chinese.
    expect(await page.getByTestId('timeline').textContent()).toMatch(/提出修订[\s\S]*接受修订[\s\S]*拒绝修订/);
    expect(await page.getByTestId('timeline').textContent()).not.toMatch(/suggestion\./);
    await shot(page, 'suggestions-03-versions');
    await page.context().close();
  });
});
