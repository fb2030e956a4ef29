import { describe, expect, it } from 'vitest';
import { renumberHeadings } from '@/lib/editor/numbering';
import { cleanPastedHtml } from '@/lib/editor/paste';
import { docToText, type TiptapNode } from '@/lib/domain/tiptap-doc';

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><style>p.MsoNormal{font-family:仿宋_GB2312}</style></head>
<body lang=ZH-CN><!--StartFragment--><p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>全年开展执法检查<b>136</b>次。<o:p></o:p></span></p>
<h1 style='mso-outline-level:1'><span lang=EN-US>（一）加强领导</span></h1>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<!--[if !supportLists]--><span>1.</span><!--[endif]-->
<table class=MsoTableGrid border=1 style='border-collapse:collapse'><tr><td width=200 colspan=2 style='width:100pt'><p class=MsoNormal><span>合计</span></p></td></tr><tr><td><p>执法检查</p></td><td><p><font face="宋体">136次</font></p></td></tr></table>
<!--EndFragment--></body></html>`;

describe('paste from Word/WPS', () => {
  const out = cleanPastedHtml(WORD_HTML);
  it('drops styles, classes, Office tags, comments and fonts', () => {
    for (const gone of ['style', 'class=', 'mso-', '<o:p', '<span', '<font', '<!--', 'MsoNormal', '<meta', '<head']) expect(out).not.toContain(gone);
  });
  it('keeps paragraphs, emphasis, headings (mapped to report levels) and tables with spans', () => {
    expect(out).toContain('<p>全年开展执法检查<b>136</b>次。</p>');
    expect(out).toContain('<h2>（一）加强领导</h2>');
    expect(out).toContain('<td colspan="2"><p>合计</p></td>');
    expect(out).toContain('<td><p>136次</p></td>');
  });
  it('drops empty paragraphs', () => {
    expect(out).not.toMatch(/<p>\s*<\/p>/);
  });
});

describe('renumbering sub-headings', () => {
  const h = (level: number, text: string): TiptapNode => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });
  const p = (text: string): TiptapNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

  it('numbers each level in sequence with full-width brackets and restarts deeper levels', () => {
    const doc: TiptapNode = {
      type: 'doc',
      content: [h(2, '(一)加强领导'), p('正文（1）不是标题'), h(3, '1、健全机构'), h(3, '3.落实责任'), h(2, '（1）规范执法'), h(3, '一、持证上岗'), h(4, '(2)培训'), h(2, '化解纠纷')],
    };
    expect(docToText(renumberHeadings(doc)).split('\n')).toEqual([
      '（一）加强领导',
      '正文（1）不是标题',
      '1.健全机构',
      '2.落实责任',
      '（二）规范执法',
      '1.持证上岗',
      '（1）培训',
      '（三）化解纠纷',
    ]);
  });
});
