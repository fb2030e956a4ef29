import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '@/lib/export/docx';
import { titleLines, titleWidth, TITLE_LINE_CHARS } from '@/lib/export/title';
import type { ExportDocument } from '@/lib/export/document';

const FIXTURE: ExportDocument = {
  year: 2025,
  townshipName: '示例镇',
  title: '关于示例镇2025年度法治政府建设情况的报告',
  recipient: null,
  sections: {},
  signatureOrgans: ['示例镇人民政府'],
  documentDate: '2026-01-09',
  cc: null,
};

describe('title lines (GB/T 9704: 词意完整，排列对称，长短适宜)', () => {
  it('breaks between words, never inside 法治政府, a township name or a year, and balances the lines', () => {
    expect(titleLines('关于网格镇2025年度法治政府建设情况的报告', ['网格镇'])).toEqual(['关于网格镇2025年度', '法治政府建设情况的报告']);
    expect(titleLines('关于某某县某某街道办事处2025年度法治政府建设情况的报告', ['某某街道'])).toEqual(['关于某某县某某街道办事处', '2025年度法治政府建设情况的报告']);
  });

  it('puts the issuing organs on their own line and starts the next at 关于', () => {
    expect(titleLines('中共湖头镇委员会 湖头镇人民政府关于湖头镇2023年度法治政府建设工作情况的报告', ['湖头镇'])).toEqual([
      '中共湖头镇委员会 湖头镇人民政府',
      '关于湖头镇2023年度',
      '法治政府建设工作情况的报告',
    ]);
    expect(titleLines('中共金城镇委员会金城镇人民政府关于2023年法治政府建设工作情况的报告', ['金城镇'])).toEqual([
      '中共金城镇委员会金城镇人民政府',
      '关于2023年法治政府建设工作情况的报告',
    ]);
  });

  it('keeps the drafter’s own line breaks and lines that fit', () => {
    expect(titleLines('第一行\n关于2025年度法治政府建设情况的报告')).toEqual(['第一行', '关于2025年度法治政府建设情况的报告']);
  });

  it('every line fits, even for text without any word break', () => {
    for (const line of titleLines('法'.repeat(150))) expect(titleWidth(line)).toBeLessThanOrEqual(TITLE_LINE_CHARS);
  });
});

describe('run-in sub-headings', () => {
  it('sets （一）…。 opening a paragraph in 楷体 and the rest of the paragraph in 仿宋', async () => {
    const doc: ExportDocument = {
      ...FIXTURE,
      sections: { measures: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '(一)加强组织领导。全年召开专题会4次。' }] }] } },
    };
    const xml = await (await JSZip.loadAsync(await renderDocx(doc, 'submit'))).file('word/document.xml')!.async('string');
    const p = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((x) => x.includes('加强组织领导'))!;
    const runs = [...p.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => m[0]);
    expect(runs[0]).toContain('>（一）加强组织领导。<');
    expect(runs[0]).toContain('w:eastAsia="楷体_GB2312"');
    expect(runs[1]).toContain('>全年召开专题会4次。<');
    expect(runs[1]).toContain('w:eastAsia="仿宋_GB2312"');
  });
});
