// A .docx whose 一、 and （一） come from Word's automatic numbering (numbering.xml), built here with the docx library
// as Word writes it: the numbers are not in the text, yet the import must find every part.
import { describe, expect, it } from 'vitest';
import { readReportFile } from '@/lib/import/read';
import { chineseCounting, numberedParagraphs } from '@/lib/import/docx-numbering';
import { previewImport } from '@/lib/import/service';
import { numberedDocx } from '../../support/numbered-docx';

const parts = (y: number) => [
  `${y}年度推进法治政府建设的主要举措和成效`,
  `${y}年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况`,
  `${y}年度推进法治政府建设存在的不足和原因`,
  `${y + 1}年度推进法治政府建设的主要安排`,
];

function autoNumberedDocx(): Promise<Buffer> {
  return numberedDocx([
    '关于新河镇2025年度法治政府建设情况的报告',
    '中共新河县委、新河县人民政府：',
    '2025年，新河镇坚持依法行政。现将我镇2025年度法治政府建设情况报告如下：',
    [0, parts(2025)[0]!],
    [1, '加强组织领导'],
    '镇党委召开专题会议研究法治建设4次，调整充实领导小组。',
    [2, '健全工作机制'],
    '建立重大行政决策合法性审查机制，审查文件12件。',
    [1, '深化普法宣传'],
    '全年开展普法活动20场，覆盖群众3000余人次。',
    [0, parts(2025)[1]!],
    '镇党委书记带头学法，主持专题会议5次。',
    [0, parts(2025)[2]!],
    '村级合同管理不够规范，原因是村干部依法办事意识不强。',
    [0, parts(2025)[3]!],
    '开展执法案卷评查，规范村级合同管理。',
    '中共新河镇委员会',
    '新河镇人民政府',
    '2026年1月20日',
  ]);
}

describe('Word automatic numbering on import', () => {
  it('counts in Chinese as Word does', () => {
    expect([1, 4, 10, 11, 20, 23, 99].map(chineseCounting)).toEqual(['一', '四', '十', '十一', '二十', '二十三', '九十九']);
  });

  it('gives each numbered paragraph its label, restarting deeper levels under a new heading', async () => {
    const labels = (await numberedParagraphs(await autoNumberedDocx())).filter((p) => p.label).map((p) => `${p.label}${p.text.slice(0, 6)}`);
    expect(labels).toEqual(['一、2025年度', '（一）加强组织领导', '1.健全工作机制', '（二）深化普法宣传', '二、2025年度', '三、2025年度', '四、2026年度']);
  });

  it('imports with every part in place and the sub-headings numbered', async () => {
    const text = await readReportFile(await autoNumberedDocx(), '新河镇.docx');
    const { parsed } = previewImport(text);
    expect(parsed).toMatchObject({ title: '关于新河镇2025年度法治政府建设情况的报告', recipient: '中共新河县委、新河县人民政府：' });
    expect(parsed.sections.measures).toContain('（一）加强组织领导');
    expect(parsed.sections.measures).toContain('全年开展普法活动20场');
    expect(parsed.sections.leaders).toContain('主持专题会议5次');
    expect(parsed.sections.shortcomings).toContain('村干部依法办事意识不强');
    expect(parsed.sections.plans).toContain('开展执法案卷评查');
    expect(parsed.unplaced).toEqual([]);
    expect(parsed.signature.organs).toEqual(['中共新河镇委员会', '新河镇人民政府']);
    expect(parsed.checks.filter((c) => c.code === 'missing-part')).toEqual([]);
  });
});
