// Word structure on import: heading styles without typed numbers, a real table and a bulleted list, built here with
// the docx library as Word writes them. The parts must be found and the table and list arrive as a table and a list.
import { Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, AlignmentType } from 'docx';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '@/lib/editor/extensions';
import { docxBlocks } from '@/lib/import/docx-structure';
import { readReportFile } from '@/lib/import/read';
import { previewImport } from '@/lib/import/service';
import { docFromReportText, docToText } from '@/lib/domain/tiptap-doc';

const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const h = (level: 1 | 2, text: string) => new Paragraph({ heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(text)] });
const bullet = (text: string) => new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: [new TextRun(text)] });
const cell = (text: string) => new TableCell({ children: [p(text)] });

async function styledDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: { config: [{ reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT }] }] },
    sections: [
      {
        children: [
          h(1, '关于石门镇2025年度法治政府建设情况的报告'),
          p('中共石门县委、石门县人民政府：'),
          p('2025年，石门镇坚持依法行政。现将有关情况报告如下：'),
          h(1, '2025年度推进法治政府建设的主要举措和成效'),
          h(2, '加强组织领导'),
          p('镇党委召开专题会议研究法治建设4次。'),
          new Table({
            rows: [
              new TableRow({ children: [cell('项目'), cell('2024年'), cell('2025年')] }),
              new TableRow({ children: [cell('普法活动（场）'), cell(''), cell('20')] }),
              new TableRow({ children: [cell('合法性审查（件）'), cell('9'), cell('12')] }),
            ],
          }),
          h(2, '深化普法宣传'),
          bullet('宪法宣传周集中宣传3场'),
          bullet('民法典进村入户15场'),
          h(1, '党政主要负责人履行推进法治建设第一责任人职责情况'),
          p('镇党委书记带头学法，主持专题会议5次。'),
          h(1, '存在的不足和原因'),
          p('村级合同管理不够规范，原因是村干部依法办事意识不强。'),
          h(1, '2026年度推进法治政府建设的主要安排'),
          p('开展执法案卷评查，规范村级合同管理。'),
          p('石门镇人民政府'),
          p('2026年1月20日'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('Word structure on import', () => {
  it('reads heading styles, table rows and bulleted paragraphs through mammoth', async () => {
    const blocks = await docxBlocks(await styledDocx());
    expect(blocks.filter((b) => b.kind === 'paragraph' && b.headingLevel === 1)).toHaveLength(5);
    expect(blocks.find((b) => b.kind === 'table')).toEqual({ kind: 'table', rows: [['项目', '2024年', '2025年'], ['普法活动（场）', '', '20'], ['合法性审查（件）', '9', '12']] });
    expect(blocks.filter((b) => b.kind === 'paragraph' && b.bullet)).toHaveLength(2);
  });

  it('numbers unnumbered heading-style paragraphs as parts and sub-headings, the title excepted', async () => {
    const text = await readReportFile(await styledDocx(), '石门镇.docx');
    const { parsed } = previewImport(text);
    expect(parsed).toMatchObject({ title: '关于石门镇2025年度法治政府建设情况的报告', recipient: '中共石门县委、石门县人民政府：' });
    expect(parsed.headings).toMatchObject({ measures: '一、2025年度推进法治政府建设的主要举措和成效', plans: '四、2026年度推进法治政府建设的主要安排' });
    expect(parsed.sections.leaders).toContain('主持专题会议5次');
    expect(parsed.sections.shortcomings).toContain('意识不强');
    expect(parsed.unplaced).toEqual([]);
    expect(parsed.checks.filter((c) => c.code === 'missing-part')).toEqual([]);
    expect(parsed.sections.measures).toContain('（一）加强组织领导');
    expect(parsed.sections.measures).toContain('（二）深化普法宣传');
  });

  it('turns the table into an editor table (empty cells kept in place) and the bullets into a list', async () => {
    const { parsed } = previewImport(await readReportFile(await styledDocx(), '石门镇.docx'));
    const doc = docFromReportText(parsed.sections.measures!);
    expect(() => reportSchema().nodeFromJSON(doc).check()).not.toThrow();
    expect(doc.content?.map((n) => n.type)).toEqual(['heading', 'paragraph', 'table', 'heading', 'bulletList']);
    const table = doc.content![2]!;
    const cells = table.content!.map((row) => row.content!.map((c) => docToText(c)));
    expect(cells).toEqual([['项目', '2024年', '2025年'], ['普法活动（场）', '', '20'], ['合法性审查（件）', '9', '12']]);
    expect(docToText(doc.content![4])).toBe('宪法宣传周集中宣传3场\n民法典进村入户15场');
  });

  it('keeps text with tabs in a paragraph, leading indentation and oversized tables as plain text', () => {
    expect(docFromReportText('\t　　正文缩进。').content?.[0]?.type).toBe('paragraph');
    const wide = Array.from({ length: 31 }, (_, i) => `c${i}`).join('\t');
    expect(docFromReportText(wide).content?.[0]).toMatchObject({ type: 'paragraph', content: [{ text: wide.replace(/\t/g, ' ') }] });
  });
});
