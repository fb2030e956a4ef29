// The exported .docx judged as rendered: LibreOffice lays it out to PDF (Noto CJK standing in for the official fonts),
// and a full page must hold 22 lines of body text with 28 characters on every full line (GB/T 9704: 版心 156 × 225 mm).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ExportDocument } from '@/lib/export/document';
import { renderDocx } from '@/lib/export/docx';
import type { TiptapNode } from '@/lib/domain/tiptap-doc';
import { docxToPdf, pdfInfo, pdfPageToPng } from './documents';
import { SCREENSHOT_DIR } from './support';

const para = (text: string): TiptapNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
// Invented text without punctuation, so every line but a paragraph's last is full.
const WORDS = '坚持依法行政健全制度体系规范执法行为强化监督制约深化普法宣传化解矛盾纠纷';
const long = (n: number, shift: number) => Array.from({ length: n }, (_, i) => WORDS[(i + shift) % WORDS.length]).join('');

const DOC: ExportDocument = {
  year: 2025,
  townshipName: '网格镇',
  title: '中共网格镇委员会 网格镇人民政府\n关于网格镇2025年度法治政府建设情况的报告',
  recipient: '中共网格县委、网格县人民政府：',
  sections: {
    preface: { type: 'doc', content: [para(long(120, 0))] },
    measures: { type: 'doc', content: Array.from({ length: 10 }, (_, i) => para(long(330, i))) },
    leaders: { type: 'doc', content: [para(long(200, 3))] },
    shortcomings: { type: 'doc', content: [para(long(200, 5))] },
    plans: { type: 'doc', content: [para(long(200, 7))] },
  },
  signatureOrgans: ['中共网格镇委员会', '网格镇人民政府'],
  documentDate: '2026-01-20',
  cc: null,
};

/** The text lines of one PDF page, page number line left out, white space removed. */
function bodyLines(pdf: string, page: number): string[] {
  const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return text
    .split('\n')
    .map((l) => l.replace(/\s/g, ''))
    .filter((l) => l && !/^[—–-]\d+[—–-]$/.test(l));
}

describe('the .docx on the GB/T 9704 grid, as LibreOffice lays it out', () => {
  it('a full page holds 22 lines, a full line 28 characters', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-grid-'));
    const file = path.join(dir, 'grid.docx');
    return renderDocx(DOC, 'submit').then((buf) => {
      fs.writeFileSync(file, buf);
      const pdf = docxToPdf(file);
      const { pages } = pdfInfo(pdf);
      expect(pages).toBeGreaterThanOrEqual(4);
      // Pages 2 and 3 are all body text.
      for (const page of [2, 3]) {
        const lines = bodyLines(pdf, page);
        expect(lines, `page ${page}`).toHaveLength(22);
        const lengths = lines.map((l) => l.length);
        expect(Math.max(...lengths), `page ${page}: ${lengths.join(',')}`).toBe(28);
        // Only a paragraph's last line (or first, indented two characters) is shorter.
        expect(lengths.filter((n) => n === 28).length, `page ${page}: ${lengths.join(',')}`).toBeGreaterThanOrEqual(18);
      }
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      pdfPageToPng(pdf, 1, path.join(SCREENSHOT_DIR, 'grid-page-1'));
      pdfPageToPng(pdf, 2, path.join(SCREENSHOT_DIR, 'grid-page-2'));
      pdfPageToPng(pdf, pages, path.join(SCREENSHOT_DIR, 'grid-page-last'));
    });
  });
});
