// The 修订稿 as LibreOffice lays it out: the reviewer's deletions and insertions shown as tracked changes (both the
// struck text and the inserted text on the page), the page looked at as an image.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '@/lib/export/docx';
import { docFromReportText } from '@/lib/domain/tiptap-doc';
import { FIXTURE } from '../fixtures/export-document';
import { docxToPdf, pdfPageText, pdfPageToPng } from './documents';
import { SCREENSHOT_DIR } from './support';

const TEXT = '镇党委全年召开专题会议4次，研究法治政府建设工作。全年开展执法检查136次。';
const date = '2026-01-10T08:00:00.000Z';

describe('the 修订稿 in LibreOffice', () => {
  it('shows the deleted and the inserted words as tracked changes', async () => {
    const doc = {
      ...FIXTURE,
      sections: { ...FIXTURE.sections, measures: docFromReportText(TEXT) },
      revisions: {
        measures: [
          { id: 1, start: TEXT.indexOf('4次'), end: TEXT.indexOf('4次') + 2, replacement: '五次', author: '县审核人', date },
          { id: 2, start: TEXT.indexOf('136次') + 4, end: TEXT.indexOf('136次') + 4, replacement: '（均已整改）', author: '县审核人', date },
        ],
      },
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-rev-'));
    const file = path.join(dir, 'revisions.docx');
    fs.writeFileSync(file, await renderDocx(doc, 'revisions'));
    const pdf = docxToPdf(file);
    const text = pdfPageText(pdf, 1).replace(/\s/g, '');
    // Both sides of each change are on the page: LibreOffice shows the changes rather than applying them.
    expect(text).toContain('4次五次');
    expect(text).toContain('136次（均已整改）');
    pdfPageToPng(pdf, 1, path.join(SCREENSHOT_DIR, 'revisions-01-libreoffice'));
  });
});
