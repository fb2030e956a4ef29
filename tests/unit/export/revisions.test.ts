// The 修订稿: reviewers' pending suggestions written as Word tracked changes (w:del / w:ins with author and date);
// the 报送稿 and 公开稿 of the same report carry none of them.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '@/lib/export/docx';
import { markRevisions, type Revision } from '@/lib/export/revisions';
import { docFromReportText, docToText } from '@/lib/domain/tiptap-doc';
import { FIXTURE } from '../../fixtures/export-document';

const TEXT = '镇党委全年召开专题会议4次，研究法治政府建设工作。\n全年开展执法检查136次。';
const at = (q: string) => TEXT.indexOf(q);
const REVS: Revision[] = [
  { id: 1, start: at('4次'), end: at('4次') + 2, replacement: '5次', author: '县审核人', date: '2026-01-10T08:00:00.000Z' },
  { id: 2, start: at('，研究'), end: at('。'), replacement: '', author: '县审核人', date: '2026-01-10T08:01:00.000Z' },
  { id: 3, start: at('136次') + 4, end: at('136次') + 4, replacement: '（均已整改）', author: '县审核人', date: '2026-01-10T08:02:00.000Z' },
];

describe('markRevisions', () => {
  it('marks deleted text and adds inserted text after it, leaving the original text readable', () => {
    const marked = markRevisions(docFromReportText(TEXT), REVS);
    const runs = marked.content!.flatMap((p) => p.content ?? []).map((t) => [t.text, t.marks?.map((m) => m.type).join(',') ?? '']);
    expect(runs).toEqual([
      ['镇党委全年召开专题会议', ''],
      ['4次', 'revisionDel'],
      ['5次', 'revisionIns'],
      ['，研究法治政府建设工作', 'revisionDel'],
      ['。', ''],
      ['全年开展执法检查136次', ''],
      ['（均已整改）', 'revisionIns'],
      ['。', ''],
    ]);
  });
});

async function documentXml(buf: Buffer): Promise<string> {
  return (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
}

describe('the 修订稿 .docx', () => {
  const doc = { ...FIXTURE, sections: { ...FIXTURE.sections, measures: docFromReportText(TEXT) }, revisions: { measures: REVS } };

  it('holds w:ins and w:del with the reviewer as author; 报送稿 and 公开稿 hold none', async () => {
    const xml = await documentXml(await renderDocx(doc, 'revisions'));
    expect(xml.match(/<w:del /g)).toHaveLength(2);
    expect(xml.match(/<w:ins /g)).toHaveLength(2);
    expect(xml).toContain('w:author="县审核人"');
    expect(xml).toContain('<w:delText');
    for (const variant of ['submit', 'public'] as const) {
      const plain = await documentXml(await renderDocx(doc, variant));
      expect(plain).not.toMatch(/<w:(ins|del) /);
      expect(plain).toContain('4次');
    }
  });

  it('leaves the text itself alone: without the revisions it reads as the report does', () => {
    expect(docToText(markRevisions(docFromReportText(TEXT), [])).replace(/\n/g, '')).toBe(TEXT.replace(/\n/g, ''));
  });
});
