// .docx files with Word's tracked changes written as XML directly, so a test can hold tens of thousands of them: the
// package around document.xml comes from the docx library, the body is the test's.
import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** A w:p of plain text. */
export const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
/** An insertion of `text` by `author`. */
export const ins = (text: string, author = '王审核', id = 1) =>
  `<w:ins w:id="${id}" w:author="${esc(author)}" w:date="2026-01-10T08:00:00Z"><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:ins>`;
/** A deletion of `text` by `author`. */
export const del = (text: string, author = '王审核', id = 1) =>
  `<w:del w:id="${id}" w:author="${esc(author)}" w:date="2026-01-10T08:00:00Z"><w:r><w:delText xml:space="preserve">${esc(text)}</w:delText></w:r></w:del>`;
/** A paragraph of runs written as XML. */
export const rawPara = (inner: string) => `<w:p>${inner}</w:p>`;

/** The four part headings and a title, so the file reads as a report. */
export function reportBody(measures: string): string {
  return [
    para('关于甲一镇2025年度法治政府建设情况的报告'),
    para('一、2025年度推进法治政府建设的主要举措和成效'),
    measures,
    para('二、2025年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况'),
    para('镇党委书记主持专题会议5次。'),
    para('三、2025年度推进法治政府建设存在的不足和原因'),
    para('执法力量不足。'),
    para('四、2026年度推进法治政府建设的主要安排'),
    para('开展案卷评查。'),
  ].join('');
}

let base: Promise<Buffer> | null = null;

/** A .docx whose body is the given XML (paragraphs), compressed as Word would. */
export async function docxWithBody(body: string): Promise<Buffer> {
  base ??= Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('x')] }] }));
  const zip = await JSZip.loadAsync(await base);
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
