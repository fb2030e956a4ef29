// A reviewed .docx as Word and WPS write it when a 分管领导 or a reviewer sends it back: tracked changes (w:ins, w:del
// with w:author, w:date and w:rsid*), comments on passages (commentRangeStart/End, a w:commentReference run) in
// comments.xml, and a reply threaded through commentsExtended.xml (w15:paraIdParent), each part with its relationship
// and content type. Written by hand, so the test says exactly what Word writes; the text is invented.
import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' +
  'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const DATE = '2026-01-12T09:30:00Z';
const run = (text: string) => `<w:r w:rsidRPr="00A1B2C3"><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;

let nextId = 100;
/** Plain text in a paragraph. */
export const text = run;
/** An insertion as Word writes it. */
export const ins = (t: string, author: string) => `<w:ins w:id="${nextId++}" w:author="${esc(author)}" w:date="${DATE}"><w:r w:rsidR="00B4C5D6">${`<w:t xml:space="preserve">${esc(t)}</w:t>`}</w:r></w:ins>`;
/** A deletion as Word writes it. */
export const del = (t: string, author: string) =>
  `<w:del w:id="${nextId++}" w:author="${esc(author)}" w:date="${DATE}"><w:r w:rsidDel="00B4C5D6"><w:delText xml:space="preserve">${esc(t)}</w:delText></w:r></w:del>`;
/** A comment's range around some runs, and its reference run after them. */
export const commented = (id: number, inner: string) =>
  `<w:commentRangeStart w:id="${id}"/>${inner}<w:commentRangeEnd w:id="${id}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${id}"/></w:r>`;
export const p = (inner: string) => `<w:p w:rsidR="00C1D2E3" w:rsidRDefault="00C1D2E3">${inner}</w:p>`;

export type WordComment = { id: number; author: string; body: string; replyTo?: number };
const paraId = (id: number) => (0x10000000 + id).toString(16).toUpperCase();

/** The .docx: its body paragraphs and its comments (a reply names the comment it answers). */
export async function reviewedDocx(paragraphs: string[], comments: WordComment[] = []): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('x')] }] })));
  // A reply has a range and a reference too, on the same passage (Word writes them so).
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${paragraphs.join('')}<w:sectPr/></w:body></w:document>`);
  if (comments.length) {
    const body = comments
      .map(
        (c) =>
          `<w:comment w:id="${c.id}" w:author="${esc(c.author)}" w:date="${DATE}" w:initials="${esc(c.author.slice(0, 1))}">` +
          `<w:p w14:paraId="${paraId(c.id)}" w14:textId="77777777"><w:r><w:annotationRef/></w:r>${run(c.body)}</w:p></w:comment>`,
      )
      .join('');
    zip.file('word/comments.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${NS}>${body}</w:comments>`);
    const ex = comments
      .map((c) => `<w15:commentEx w15:paraId="${paraId(c.id)}"${c.replyTo !== undefined ? ` w15:paraIdParent="${paraId(c.replyTo)}"` : ''} w15:done="0"/>`)
      .join('');
    zip.file('word/commentsExtended.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx ${NS}>${ex}</w15:commentsEx>`);
    const rels = (await zip.file('word/_rels/document.xml.rels')!.async('string')).replace(
      '</Relationships>',
      '<Relationship Id="rIdC1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>' +
        '<Relationship Id="rIdC2" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/></Relationships>',
    );
    zip.file('word/_rels/document.xml.rels', rels);
    const types = (await zip.file('[Content_Types].xml')!.async('string')).replace(
      '</Types>',
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>' +
        '<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/></Types>',
    );
    zip.file('[Content_Types].xml', types);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
