import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@/cli/seed';
import { currentReportYear } from '@/lib/reports/service';
import { launchChromium } from './chromium';
import { docxToPdf, pdfInfo, pdfPageText, pdfPageToPng } from './documents';
import { login, newPage, SCREENSHOT_DIR, shot } from './support';

const baseURL = inject('baseURL');
let browser: Browser;
let page: Page;
let reportId = 0;

beforeAll(async () => {
  browser = await launchChromium();
  page = await newPage(browser, baseURL);
  await login(page, 'shili', DEMO_PASSWORD);
  await page.waitForURL((u) => u.pathname === '/');
  // The demo report of last year, already published (other tests may add older years to 示例镇).
  const href = await page.locator(`[data-testid="report-row-${currentReportYear() - 1}"] a`).first().getAttribute('href');
  reportId = Number(/\/reports\/(\d+)/.exec(href ?? '')?.[1]);
  expect(reportId).toBeGreaterThan(0);
});
afterAll(async () => {
  await browser?.close();
});

describe('export and print', () => {
  it('the read view offers the exports and shows the report formatted', async () => {
    await page.goto(`/reports/${reportId}`);
    expect(await page.getByTestId('export-links').textContent()).toContain('Word 报送稿');
    expect(await page.locator('.doc-h1').count()).toBe(4);
    await shot(page, 'export-01-read-view');
  });

  it('downloads a .docx named after the township and year that LibreOffice lays out on A4 with page numbers', async () => {
    const res = await page.request.get(`/api/reports/${reportId}/export?format=docx&variant=submit`);
    expect(res.status()).toBe(200);
    const disposition = res.headers()['content-disposition'] ?? '';
    const name = decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '');
    expect(name).toMatch(/^示例镇\d{4}年度法治政府建设情况报告\.docx$/);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, 'export-report.docx');
    fs.writeFileSync(file, await res.body());

    const pdf = docxToPdf(file);
    const info = pdfInfo(pdf);
    expect(info.pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)$/);
    expect(info.pages).toBeGreaterThanOrEqual(2);
    // Odd pages carry the number on the right, even pages on the left.
    const p1 = pdfPageText(pdf, 1).split('\n').filter((l) => /—\s*1\s*—/.test(l));
    const p2 = pdfPageText(pdf, 2).split('\n').filter((l) => /—\s*2\s*—/.test(l));
    expect(p1).toHaveLength(1);
    expect(p2).toHaveLength(1);
    expect(p1[0]!.indexOf('—')).toBeGreaterThan(p2[0]!.indexOf('—') + 20);
    expect(pdfPageText(pdf, 1)).toContain('法治政府建设情况的报告');
    // The demo's （一） sub-headings are headings kept with the next line: none stands alone at the foot of a page.
    for (let n = 1; n <= info.pages; n++) {
      const lines = pdfPageText(pdf, n).split('\n').map((l) => l.trim()).filter((l) => l && !/^—\s*\d+\s*—$/.test(l));
      expect(lines.at(-1)).not.toMatch(/^[（(][一二三四五六七八九十]+[）)][^。]{1,30}$/);
    }
    pdfPageToPng(pdf, 1, path.join(SCREENSHOT_DIR, 'export-02-docx-page1'));
    pdfPageToPng(pdf, 2, path.join(SCREENSHOT_DIR, 'export-03-docx-page2'));
  });

  it('the public variant leaves out 主送 and 抄送', async () => {
    const res = await page.request.get(`/api/reports/${reportId}/export?format=txt&variant=public`);
    const text = await res.text();
    expect(text).not.toContain('抄送');
    expect(text).not.toContain('人民政府：');
    expect(decodeURIComponent(res.headers()['content-disposition'] ?? '')).toContain('（公开稿）.txt');
  });

  it('refuses an unknown format with a Chinese message', async () => {
    const res = await page.request.get(`/api/reports/${reportId}/export?format=pdf`);
    expect(res.status()).toBe(400);
    expect((await res.json()).error).toBe('导出格式只能是 docx、md 或 txt。');
  });

  it('the print view prints to A4 pages in Chromium', async () => {
    const print = await page.context().newPage();
    await print.goto(`/reports/${reportId}/print`);
    const pdfPath = path.join(SCREENSHOT_DIR, 'export-print.pdf');
    await print.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    const info = pdfInfo(pdfPath);
    expect(info.pageSize).toMatch(/^59[45]\.\d+ x 841\.\d+ pts \(A4\)$/);
    expect(info.pages).toBeGreaterThanOrEqual(2);
    expect(pdfPageText(pdfPath, 1)).toContain('法治政府建设情况的报告');
    pdfPageToPng(pdfPath, 1, path.join(SCREENSHOT_DIR, 'export-04-print-page1'));
    await print.close();
  });
});
