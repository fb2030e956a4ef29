// The Word round trip in the browser: the county reviewer downloads the 修订稿（含批注） of a submitted report from the
// read view, and files the file a 分管领导 sent back (tracked changes with author and date, a comment with a reply, and
// a change the report does not hold) from the 修订 tab; the counts and what could not be placed are shown, the items
// carry 来自 Word in the 修订 and 批注 tabs, filing it again adds nothing, a file that is no .docx is refused in
// Chinese, the reviewer withdraws one suggestion, and the 修订稿 downloaded from the editor now holds the Word comment.
// Screenshots at 1280 and 390 px, axe-core without serious violations at both.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { currentReportYear } from '@/lib/reports/service';
import { commented, del, ins, p, reviewedDocx, text } from '../support/reviewed-docx';
import { sharedBrowser, shot, submitReport } from './support';

const baseURL = inject('baseURL');
// A year no other browser test uses for 青石乡.
const year = currentReportYear() - 5;
const TEXT = '镇党委全年召开专题会议4次，研究法治政府建设工作。全年开展执法检查136次，办理行政复议案件2件。';
const AXE = path.resolve('node_modules/axe-core/axe.min.js');
let reportId = 0;

const b = sharedBrowser(baseURL);
const openAs = (username: string) => b.openAs(username, { onDialog: (d) => void d.accept() });

/** What the 分管领导 sent back: a replacement and a deletion by 张三, a comment with 王五's reply, and a change elsewhere. */
const returned = () =>
  reviewedDocx(
    [
      p(
        text('镇党委全年召开专题会议') +
          del('4', '张三') +
          ins('5', '张三') +
          text('次') +
          del('，研究法治政府建设工作', '张三') +
          text('。全年开展执法检查136次，') +
          commented(1, text('办理行政复议案件2件')) +
          text('。'),
      ),
      p(text('这一段不在报告中，') + del('旧的', '张三') + text('文字。')),
    ],
    [
      { id: 1, author: '张三', body: '请补充案件的办理结果。' },
      { id: 2, author: '王五', body: '已核实，2件均已审结。', replyTo: 1 },
    ],
  );

type Violation = { id: string; impact: string | null; nodes: string[] };
async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE });
  const all = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe.run;
    const result = await run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function download(page: Page, testId: string): Promise<{ name: string; zip: JSZip }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const saved = (await file.path())!;
  return { name: file.suggestedFilename(), zip: await JSZip.loadAsync(fs.readFileSync(saved)) };
}

describe('the Word round trip from the page', () => {
  it('the drafter writes part 一 and submits', async () => {
    const page = await openAs('qingshi');
    const listed = (await (await page.request.get('/api/reports')).json()) as { townships: Array<{ township: { id: number } }> };
    const created = await page.request.post('/api/reports', { data: { townshipId: listed.townships[0]!.township.id, year } });
    expect(created.status()).toBe(201);
    reportId = ((await created.json()) as { report: { id: number } }).report.id;
    await page.goto(`/reports/${reportId}/edit`);
    await page.getByTestId('editor-measures').click();
    await page.keyboard.insertText(TEXT);
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toBe('已保存');
    await submitReport(page);
    await page.context().close();
  });

  it('the reviewer downloads the 修订稿（含批注） from the read view', async () => {
    const page = await openAs('shenhe');
    await page.goto(`/reports/${reportId}`);
    expect(await page.getByTestId('export-links').textContent()).toContain('Word 修订稿（含批注）');
    const { name, zip } = await download(page, 'export-revisions');
    expect(name).toMatch(/^青石乡\d{4}年度法治政府建设情况报告（修订稿）\.docx$/);
    expect(await zip.file('word/document.xml')!.async('string')).toContain('镇党委全年召开专题会议4次');
    await page.context().close();
  });

  it('files the returned file from the 修订 tab, sees the counts, the 来自 Word marks, files it again, and withdraws one', async () => {
    const page = await openAs('shenhe');
    await page.goto(`/reports/${reportId}/edit`);
    await page.getByTestId('tab-suggestions').click();
    const upload = page.getByTestId('word-review-upload');
    await upload.waitFor();
    const buf = await returned();
    const docx = { name: '青石乡报告（分管领导审阅）.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: buf };

    // A file that is not a .docx: refused in Chinese, by its code.
    await page.getByTestId('word-review-file').setInputFiles({ name: '说明.docx', mimeType: 'text/plain', buffer: Buffer.from('这不是 Word 文件') });
    await page.getByTestId('word-review-submit').click();
    await expect.poll(() => page.getByTestId('word-review-error').textContent()).toMatch(/^无法读取这个文件：这不是 Word（\.docx）文件/);

    await page.getByTestId('word-review-file').setInputFiles(docx);
    await page.getByTestId('word-review-submit').click();
    const result = page.getByTestId('word-review-result');
    await expect.poll(() => result.textContent()).toContain('新增修改建议 2 条、批注 2 条、重复 0 条');
    expect(await page.getByTestId('word-review-error').count()).toBe(0);
    expect(await page.getByTestId('word-review-unplaced').locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^张三：删除“旧的”（在报告现在的正文中找不到/),
    ]);

    // The suggestions, refreshed: signed with the Word author, marked 来自 Word, drawn in the text.
    const cards = page.locator('.suggestion-card');
    await expect.poll(() => cards.count()).toBe(2);
    expect(await cards.locator('.word-mark').allTextContents()).toEqual(['来自 Word', '来自 Word']);
    expect(await cards.first().textContent()).toContain('张三（Word 修订）');
    expect(await page.getByTestId('editor-measures').locator('del.suggest-del').allTextContents()).toEqual(['4', '，研究法治政府建设工作']);
    await shot(page, 'word-review-01-filed-1280');
    expect(await seriousViolations(page)).toEqual([]);

    // The comment and its reply in the 批注 tab.
    await page.getByTestId('tab-comments').click();
    const thread = page.locator('.thread').first();
    await thread.waitFor();
    expect(await thread.locator('.word-mark').count()).toBe(2);
    expect(await thread.textContent()).toContain('张三（Word 批注）');
    expect(await thread.textContent()).toContain('王五（Word 批注）');
    expect(await thread.textContent()).toContain('已核实，2件均已审结。');
    await shot(page, 'word-review-02-comments-1280');

    // Filed again: nothing added, everything counted as a duplicate.
    await page.getByTestId('tab-suggestions').click();
    await page.getByTestId('word-review-file').setInputFiles(docx);
    await page.getByTestId('word-review-submit').click();
    await expect.poll(() => page.getByTestId('word-review-result').textContent()).toContain('新增修改建议 0 条、批注 0 条、重复 4 条');
    expect(await cards.count()).toBe(2);

    // The reviewer who filed it withdraws the deletion.
    const ids = await cards.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-testid')!.replace('suggestion-', ''))));
    await page.getByTestId(`suggestion-withdraw-${ids[1]}`).click();
    await expect.poll(() => cards.count()).toBe(1);
    expect(await page.getByTestId('editor-measures').locator('del.suggest-del').allTextContents()).toEqual(['4']);

    // At 390 px: the panel is a drawer; the upload, the cards and the marks fit.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('side-panel-toggle').click();
    await page.locator('#side-drawer').waitFor();
    await page.getByTestId('tab-suggestions').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'word-review-03-drawer-390');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('tab-comments').click();
    await shot(page, 'word-review-04-comments-390');
    await page.getByTestId('side-panel-close').click();
    await page.setViewportSize({ width: 1280, height: 800 });

    // The 修订稿 from the editor's button now carries the Word change and the Word comment with its reply.
    const { zip } = await download(page, 'export-revisions');
    expect(await zip.file('word/document.xml')!.async('string')).toMatch(/<w:del\b[^>]*w:author="张三（Word 修订）"/);
    const comments = await zip.file('word/comments.xml')!.async('string');
    expect(comments).toContain('请补充案件的办理结果。');
    expect(comments).toContain('已核实，2件均已审结。');
    await page.context().close();
  });

  it('the read view at 390 px shows the export links without sideways scroll and without serious axe violations', async () => {
    const page = await openAs('shenhe');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/reports/${reportId}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'word-review-05-read-view-390');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot(page, 'word-review-06-read-view-1280');
    await page.context().close();
  });
});
