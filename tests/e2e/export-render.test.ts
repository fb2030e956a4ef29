// The 报送稿 as LibreOffice lays it out (Noto CJK standing in for the official fonts), read back from the PDF with
// poppler: a long table's header row on every page it reaches, the 落款 kept with the report's last line, the 版记's
// three rules drawn at the foot of the last page, and half-width digits not spread over grid cells. A page break falls
// differently with every line added before the table, so the report is laid out with 0 … 21 lines more: one page of
// positions for the break against the table and against the 落款.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportDocument } from '@/lib/export/document';
import { IMPRINT_RULES, MARGINS_MM, renderDocx } from '@/lib/export/docx';
import type { TiptapNode } from '@/lib/domain/tiptap-doc';
import { FIXTURE } from '../fixtures/export-document';
import { docxToPdfs, pdfInfo, pdfPageGray, pdfPageText, pdfPageToPng, pdfPageWords, type PdfWord } from './documents';
import { SCREENSHOT_DIR } from './support';

const p = (text: string): TiptapNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const cell = (type: 'tableHeader' | 'tableCell', text: string): TiptapNode => ({ type, content: [p(text)] });
const ROWS = 40;
const TABLE: TiptapNode = {
  type: 'table',
  content: [
    { type: 'tableRow', content: ['序号', '检查事项', '次数'].map((t) => cell('tableHeader', t)) },
    ...Array.from({ length: ROWS }, (_, i) => ({ type: 'tableRow', content: [String(i + 1), `第${i + 1}项专项执法检查`, `${(i + 1) * 3}次`].map((t) => cell('tableCell', t)) })),
  ],
};
// Invented text: a paragraph opening with a year, then Chinese without punctuation so that its second line is full.
const WORDS = '坚持依法行政健全制度体系规范执法行为强化监督制约深化普法宣传化解矛盾纠纷';
const OPENING = `2025年${Array.from({ length: 80 }, (_, i) => WORDS[i % WORDS.length]).join('')}。`;
const LAST_LINE = '2026年开展普法活动20场。';
const DATE = '2026年1月9日';
const MAX_EXTRA = 21;

/** The fixture report with `extra` one-line paragraphs before a table of 40 rows; it ends with LAST_LINE. */
function report(extra: number): ExportDocument {
  return {
    ...FIXTURE,
    sections: {
      ...FIXTURE.sections,
      measures: {
        type: 'doc',
        content: [p(OPENING), ...Array.from({ length: extra }, (_, i) => p(`全年开展第${i + 1}次法治宣传活动。`)), TABLE, p('检查发现的问题均已整改。')],
      },
      plans: { type: 'doc', content: [p('（一）深化普法'), p(LAST_LINE)] },
    },
  };
}

type Layout = { extra: number; pdf: string; pages: number };
let layouts: Layout[] = [];

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-export-render-'));
  const files: string[] = [];
  for (let extra = 0; extra <= MAX_EXTRA; extra++) {
    const file = path.join(dir, `report-${extra}.docx`);
    fs.writeFileSync(file, await renderDocx(report(extra), 'submit', { imprint: true }));
    files.push(file);
  }
  const pdfs = docxToPdfs(files);
  layouts = pdfs.map((pdf, extra) => ({ extra, pdf, pages: pdfInfo(pdf).pages }));
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
}, 600_000);

/** A page's text lines with white space removed, the page number left out. */
function lines(pdf: string, page: number): string[] {
  return pdfPageText(pdf, page)
    .split('\n')
    .map((l) => l.replace(/\s/g, ''))
    .filter((l) => l && !/^—\d+—$/.test(l));
}

/** A row of data as its line reads without spaces: "12第12项专项执法检查36次". */
const DATA_ROW = /^(\d+)第\1项专项执法检查\d+次$/;
const HEADER_ROW = '序号检查事项次数';

describe('the exported 报送稿 in LibreOffice', () => {
  it('repeats the table header row on every page the table reaches, and never leaves it alone at the foot of a page', () => {
    let continued = 0;
    for (const { extra, pdf, pages } of layouts) {
      for (let page = 1; page <= pages; page++) {
        const text = lines(pdf, page);
        const rows = text.flatMap((l, i) => (DATA_ROW.test(l) ? [{ at: i, n: Number(DATA_ROW.exec(l)![1]) }] : []));
        const header = text.indexOf(HEADER_ROW);
        const where = `${extra} lines more, page ${page}: ${text.join(' | ')}`;
        // The header row is followed by a row of data on its page, and every page with rows of data has it above them.
        if (header >= 0) expect(text[header + 1], where).toMatch(DATA_ROW);
        if (!rows.length) continue;
        expect(header, where).toBeGreaterThanOrEqual(0);
        expect(header, where).toBeLessThan(rows[0]!.at);
        // A page the table continues on: the repeated header row is the first line of the page.
        if (rows[0]!.n > 1) {
          continued++;
          expect(header, where).toBe(0);
        }
      }
    }
    // The table, 40 rows long, does run over a page in every layout.
    expect(continued).toBeGreaterThanOrEqual(layouts.length);
    const shown = layouts.find((l) => l.extra === 6)!;
    pdfPageToPng(shown.pdf, 2, path.join(SCREENSHOT_DIR, 'export-render-01-table-header-repeated'));
  });

  it('keeps the 落款 (organs and 成文日期) together and on the page of the report’s last line', () => {
    const pagesOfLast = new Set<number>();
    for (const { extra, pdf, pages } of layouts) {
      const where = `${extra} lines more`;
      const page = Array.from({ length: pages }, (_, i) => i + 1).find((n) => lines(pdf, n).includes(DATE));
      expect(page, `${where}: no 成文日期 line`).toBeDefined();
      const text = lines(pdf, page!);
      const [organ1, organ2] = FIXTURE.signatureOrgans;
      const at = (l: string) => text.indexOf(l);
      // Organs then date, on one page, after the report's last line, which is on that page too.
      expect(at(LAST_LINE), `${where}, page ${page}: ${text.join(' | ')}`).toBeGreaterThanOrEqual(0);
      expect(at(organ1!), where).toBeGreaterThan(at(LAST_LINE));
      expect(at(organ2!), where).toBeGreaterThan(at(organ1!));
      expect(at(DATE), where).toBeGreaterThan(at(organ2!));
      pagesOfLast.add(page!);
    }
    // The sweep moved the end of the report across a page break.
    expect(pagesOfLast.size).toBeGreaterThanOrEqual(2);
  });

  it('draws the 版记: a thick rule above 抄送, a thin one between it and the 印发 line, a thick one below, at the foot of the last page', () => {
    const dpi = 300;
    const px = (pt: number) => (pt * dpi) / 72;
    const mmToPt = 72 / 25.4;
    const left = px(MARGINS_MM.left * mmToPt);
    const right = px((210 - MARGINS_MM.right) * mmToPt);
    const typeBottom = (297 - MARGINS_MM.bottom) * mmToPt;
    for (const { extra, pdf, pages } of layouts) {
      const where = `${extra} lines more`;
      const words = pdfPageWords(pdf, pages);
      const cc = words.find((w) => w.text.startsWith('抄送'));
      const imprint = words.find((w) => w.text.endsWith('印发'));
      expect(cc, `${where}: no 抄送 on the last page`).toBeDefined();
      expect(imprint, `${where}: no 印发 line on the last page`).toBeDefined();
      // Below the 落款 (a page full to the 成文日期 leaves the 版记 a page of its own, GB/T 9704's 版记页): rows of pixels
      // dark across 90 % of the type area's width are the rules, grouped.
      const above = words.filter((w) => w.yMax < cc!.yMin).at(-1)?.yMax ?? 0;
      const { width, pixels } = pdfPageGray(pdf, pages, dpi);
      const rules: Array<{ top: number; rows: number }> = [];
      for (let y = Math.ceil(px(above)); y < px(typeBottom + 20); y++) {
        let dark = 0;
        for (let x = Math.ceil(left); x < Math.floor(right); x++) if (pixels[y * width + x]! < 128) dark++;
        if (dark < 0.9 * (right - left)) continue;
        const lastRule = rules.at(-1);
        if (lastRule && lastRule.top + lastRule.rows === y) lastRule.rows++;
        else rules.push({ top: y, rows: 1 });
      }
      expect(rules, `${where}: ${JSON.stringify(rules)}`).toHaveLength(3);
      const [top, middle, bottom] = rules as [(typeof rules)[0], (typeof rules)[0], (typeof rules)[0]];
      // The lines between the rules; the last rule on the type area's bottom edge (within a millimetre and a half).
      expect(top.top + top.rows).toBeLessThanOrEqual(px(cc!.yMin));
      expect(middle.top).toBeGreaterThanOrEqual(px(cc!.yMax));
      expect(middle.top + middle.rows).toBeLessThanOrEqual(px(imprint!.yMin));
      expect(bottom.top).toBeGreaterThanOrEqual(px(imprint!.yMax));
      expect(Math.abs(bottom.top + bottom.rows / 2 - px(typeBottom))).toBeLessThan(px(1.5 * mmToPt));
      // 1 pt against 0.75 pt: the first and last rules drawn thicker than the one between.
      expect(IMPRINT_RULES.thick).toBeGreaterThan(IMPRINT_RULES.thin);
      expect(top.rows, `${where}: ${JSON.stringify(rules)}`).toBeGreaterThan(middle.rows);
      expect(bottom.rows, `${where}: ${JSON.stringify(rules)}`).toBeGreaterThan(middle.rows);
    }
    const shown = layouts.find((l) => l.extra === 0)!;
    pdfPageToPng(shown.pdf, shown.pages, path.join(SCREENSHOT_DIR, 'export-render-02-signature-and-imprint'));
  });

  it('sets half-width digits at their own width, with no grid cell’s gap before the next Chinese character, and 28 characters a full line', () => {
    const { pdf, pages } = layouts[0]!;
    const gaps: Array<{ after: string; before: string; gap: number; height: number }> = [];
    for (let page = 1; page <= pages; page++) {
      const words = pdfPageWords(pdf, page);
      words.forEach((w: PdfWord, i) => {
        const next = words[i + 1];
        if (next && Math.abs(next.yMin - w.yMin) < 1 && /[0-9]$/.test(w.text) && /^[\u4e00-\u9fff]/.test(next.text)) gaps.push({ after: w.text, before: next.text, gap: next.xMin - w.xMax, height: w.yMax - w.yMin });
      });
    }
    // "2025年", "12次", "1月9日", … were found: on the grid each took whole cells (a 12 pt gap after "2025", half a
    // cell after an odd "9"). Off it, what is left is LibreOffice's space between Chinese and Western text, a fifth of
    // the font size (3.2 pt for the body, 4.4 pt in the 22 pt title), under a quarter of the line's box.
    expect(gaps.length).toBeGreaterThanOrEqual(10);
    for (const g of gaps) expect(g.gap, JSON.stringify(g)).toBeLessThan(g.height / 4);
    expect(gaps.some((g) => g.after.endsWith('9') && g.before.startsWith('日'))).toBe(true);
    // The opening paragraph, off the grid for its "2025", still sets 28 Chinese characters on its full second line.
    const text = lines(pdf, 1);
    const second = text[text.findIndex((l) => l.startsWith('2025年坚持')) + 1]!;
    expect(second).toHaveLength(28);
    pdfPageToPng(pdf, 1, path.join(SCREENSHOT_DIR, 'export-render-03-digits'));
  });
});
