// Pasting from Word, WPS and web pages: manual numbering (bold or plain) and Word's list paragraphs (mso-list) read as
// the report's headings and lists. Invented text throughout.
import { describe, expect, it } from 'vitest';
import { cleanPastedHtml, headingLike, pastedTextSlice } from '@/lib/editor/paste';
import { reportSchema } from '@/lib/editor/extensions';
import { expectLinear } from '@/tests/support/linear';

/** Word's clipboard HTML around a fragment, as Word 2016+ puts it on the clipboard. */
const word = (body: string) =>
  `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8"><style><!-- p.MsoNormal{font-family:仿宋_GB2312} --></style><!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head><body lang=ZH-CN><!--StartFragment-->${body}<!--EndFragment--></body></html>`;
const p = (inner: string) => `<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>${inner}<o:p></o:p></span></p>\n`;
/** A Word list paragraph: its number in <![if !supportLists]>, its level in mso-list. */
const li = (level: number, label: string, inner: string, list = 'l0') =>
  `<p class=MsoListParagraph style='margin-left:${18 * level}pt;text-indent:-18.0pt;mso-list:${list} level${level} lfo1'><![if !supportLists]><span lang=EN-US style='font-family:仿宋_GB2312'><span style='mso-list:Ignore'>${label}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:仿宋_GB2312'>${inner}<o:p></o:p></span></p>\n`;

/** Word paragraphs pasted together, each beside the HTML it becomes. */
const expectPasted = (pairs: Array<[string, string]>) => expect(cleanPastedHtml(word(pairs.map(([from]) => p(from)).join('')))).toBe(pairs.map(([, to]) => to).join(''));

describe('manual numbering pasted from a township draft', () => {
  it('bold numbered lines become the headings of their level; body text stays body text', () => {
    expectPasted([
      ['<b>（一）加强组织领导</b>', '<h2>（一）加强组织领导</h2>'],
      ['　　镇党委把法治建设列入年度重点工作，全年召开专题会议<b>4</b>次。', '<p>镇党委把法治建设列入年度重点工作，全年召开专题会议<b>4</b>次。</p>'],
      ["<span style='font-weight:bold'>1.健全重大决策机制</span>", '<h3>1.健全重大决策机制</h3>'],
      ['<b>（1）合法性审查</b>', '<h4>（1）合法性审查</h4>'],
      ['<strong>(二)</strong><strong>规范行政执法</strong>', '<h2>(二)规范行政执法</h2>'],
      ['<b>2、落实执法公示</b>', '<h3>2、落实执法公示</h3>'],
    ]);
  });

  it('plain numbered lines are headings when they read as one; numbered sentences stay paragraphs', () => {
    expectPasted([
      ['（一）深化普法宣传', '<h2>（一）深化普法宣传</h2>'],
      ['1.开展“法律进村”活动', '<h3>1.开展“法律进村”活动</h3>'],
      ['（3）建立学法清单', '<h4>（3）建立学法清单</h4>'],
      ['1.全年开展执法检查36次，办结案件9件。', '<p>1.全年开展执法检查36次，办结案件9件。</p>'],
      ['（二）化解矛盾纠纷。全年受理纠纷42件，调解成功40件。', '<p>（二）化解矛盾纠纷。全年受理纠纷42件，调解成功40件。</p>'],
      ['2024年全镇未发生行政复议纠错案件。', '<p>2024年全镇未发生行政复议纠错案件。</p>'],
    ]);
  });

  it('1) lines become a numbered list starting at their first number; 一、 part headings stay text', () => {
    const html = word(p('一、主要举措和成效') + p('3)排查隐患12处') + p('4）整改到位11处') + p('正文继续。'));
    expect(cleanPastedHtml(html)).toBe('<p>一、主要举措和成效</p><ol start="3"><li><p>排查隐患12处</p></li><li><p>整改到位11处</p></li></ol><p>正文继续。</p>');
  });

  it('a bold run-in heading followed by body text stays one paragraph (the export sets its head in 楷体)', () => {
    const html = word(p('<b>（一）加强组织领导。</b>镇党委书记主持召开专题会议，研究部署法治政府建设工作，明确责任分工和完成时限。'));
    expect(cleanPastedHtml(html)).toBe('<p><b>（一）加强组织领导。</b>镇党委书记主持召开专题会议，研究部署法治政府建设工作，明确责任分工和完成时限。</p>');
  });

  it('reads headings the way a drafter writes them', () => {
    expect(headingLike('（一）加强组织领导', false)).toBe(true);
    expect(headingLike('（一）坚持依法决策，提升治理水平', false)).toBe(true);
    expect(headingLike('1.全年开展执法检查36次，办结案件9件。', false)).toBe(false);
    expect(headingLike('1.全年开展执法检查36次，办结案件9件。', true)).toBe(true);
    expect(headingLike('（一）加强组织领导。镇党委全年召开会议4次', true)).toBe(false);
    expect(headingLike(`（一）${'长'.repeat(60)}`, true)).toBe(false);
  });
});

describe("Word's list paragraphs (mso-list)", () => {
  it('a numbered list becomes a list, nested by its level, its number dropped from the text', () => {
    const html = word(li(1, '1)', '排查矛盾纠纷<span lang=EN-US>32</span>件') + li(2, 'a)', '其中邻里纠纷12件') + li(2, 'b)', '土地纠纷8件') + li(1, '2)', '调解成功30件'));
    expect(cleanPastedHtml(html)).toBe(
      '<ol><li><p>排查矛盾纠纷32件</p><ol><li><p>其中邻里纠纷12件</p></li><li><p>土地纠纷8件</p></li></ol></li><li><p>调解成功30件</p></li></ol>',
    );
  });

  it('a list numbered （一） / 1. / （1） becomes the headings of those levels, the number written into the text', () => {
    const html = word(li(1, '（一）', '<b>强化依法行政</b>', 'l1') + p('全年审查规范性文件3件。') + li(2, '1.', '严格执法程序', 'l1') + li(3, '（1）', '落实“三项制度”', 'l1') + li(1, '（二）', '推进基层治理', 'l1'));
    expect(cleanPastedHtml(html)).toBe(
      '<h2>（一）强化依法行政</h2><p>全年审查规范性文件3件。</p><h3>1.严格执法程序</h3><h4>（1）落实“三项制度”</h4><h2>（二）推进基层治理</h2>',
    );
  });

  it('a numbered list of sentences stays a list; bullets (Symbol font, Wingdings, o) become a bulleted list', () => {
    const html = word(
      li(1, '1.', '全年开展执法检查36次，办结案件9件。', 'l2') +
        li(1, '2.', '全年组织学法活动6次，参学干部120人次。', 'l2') +
        li(1, "<span style='font-family:Symbol'>·</span>", '建立法律顾问制度', 'l3') +
        li(2, 'o', '聘请律师1名', 'l3') +
        li(1, '§', '完善议事规则', 'l3'),
    );
    expect(cleanPastedHtml(html)).toBe(
      '<ol><li><p>全年开展执法检查36次，办结案件9件。</p></li><li><p>全年组织学法活动6次，参学干部120人次。</p></li></ol>' +
        '<ul><li><p>建立法律顾问制度</p><ul><li><p>聘请律师1名</p></li></ul></li><li><p>完善议事规则</p></li></ul>',
    );
  });

  it("reads WPS's comment form of the number and a list paragraph without one", () => {
    const wps =
      "<p style='mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span>（一）</span><!--[endif]--><b>加强队伍建设</b></p>" +
      "<p style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>（二）</span>完善考核机制</p>" +
      "<p style='mso-list:l5 level1 lfo6'>没有编号的列表项</p>";
    expect(cleanPastedHtml(wps)).toBe('<h2>（一）加强队伍建设</h2><h2>（二）完善考核机制</h2><ol><li><p>没有编号的列表项</p></li></ol>');
  });
});

describe('everything else in pasted HTML', () => {
  it('web-page blocks are paragraphs of their own, not run together', () => {
    expect(cleanPastedHtml('<div>（一）深化改革</div><div>第一句。</div><section><span>第二句。</span></section>')).toBe('<h2>（一）深化改革</h2><p>第一句。</p><p>第二句。</p>');
  });

  it('tables keep their cells and spans; numbering inside a cell is left alone', () => {
    expect(cleanPastedHtml(word("<table class=MsoTableGrid border=1><tr><td colspan=2 style='width:100pt'><p><b>1.合计</b></p></td></tr><tr><td><h1>执法</h1></td><td><p>36次</p></td></tr></table>"))).toBe(
      '<table><tr><td colspan="2"><p><b>1.合计</b></p></td></tr><tr><td><p>执法</p></td><td><p>36次</p></td></tr></table>',
    );
  });

  it('hostile or broken HTML gives text, never markup it did not mean', () => {
    expect(cleanPastedHtml('<p>a &lt;script&gt; b</p><script>alert(1)</script><img src=x onerror=alert(1)><p>c<d</p>')).toBe('<p>a &lt;script&gt; b</p><p>c&lt;d</p>');
    expect(cleanPastedHtml('</ol></table></p>正文<![endif]><![if !supportLists]>x<!--[if gte vml 1]>hidden')).toBe('<p>正文x</p>');
    expect(cleanPastedHtml('<p>&#0;&#xD800;&amp;&nbsp;&unknown;</p>')).toBe('<p>\uFFFD\uFFFD&amp; &amp;unknown;</p>');
  });

  // Sizes chosen so that the time at n is well above the machine's noise: many small tokens cost more than a long text.
  it.each([
    ['<a', 50_000],
    ['<!--x-->', 100_000],
    ['<![if !supportLists]>', 100_000],
    ["<p style='mso-list:l0 level9'><![if !supportLists]>1)<![endif]>项", 10_000],
    ["<p style='mso-list:l0 level1'>·项</p><p style='mso-list:l0 level9'>·深</p>", 10_000],
    ['<b><span style="font-weight:bold"><i>（一）', 20_000],
    ['<style>x</style>y', 100_000],
    ['<table><tr><td>', 20_000],
    ['&#x1F600;&nbsp;', 100_000],
  ] as const)('takes time linear in the size of the HTML: %s repeated', (unit, n) => {
    expectLinear((k) => cleanPastedHtml(unit.repeat(k)), n);
  });
});

describe('plain text pasted', () => {
  it('short numbered lines become headings, the rest paragraphs', () => {
    const slice = pastedTextSlice('（一）加强组织领导\n镇党委全年召开专题会议4次。\n1.健全决策机制', reportSchema());
    expect(slice.content.toJSON()).toEqual([
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '（一）加强组织领导' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '镇党委全年召开专题会议4次。' }] },
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: '1.健全决策机制' }] },
    ]);
  });

  it('one line pasted inside a paragraph joins it', () => {
    const slice = pastedTextSlice('（一）', reportSchema());
    expect(slice.openStart).toBe(1);
    expect(slice.openEnd).toBe(1);
  });
});
