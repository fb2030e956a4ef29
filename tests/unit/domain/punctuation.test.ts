// The export's punctuation normaliser: half-width marks in Chinese text written full-width, numbers, dates, times,
// Latin words and addresses left as typed, every change one character for one, in time linear in the text.
import { describe, expect, it } from 'vitest';
import { normaliseDocPunctuation, normalisePunctuation, punctuationEdits } from '@/lib/domain/punctuation';
import { docToText, type TiptapNode } from '@/lib/domain/tiptap-doc';
import { expectLinear } from '../../support/linear';

describe('normalisePunctuation', () => {
  it('writes , ; : ? ! next to Chinese text full-width', () => {
    expect(normalisePunctuation('全年办理复议案件12件,其中纠错3件;会议议定:是否整改?立即整改!')).toBe(
      '全年办理复议案件12件，其中纠错3件；会议议定：是否整改？立即整改！',
    );
  });

  it('leaves numbers, decimals, times, dates and Latin words alone', () => {
    const text = '金额1,000元，增长3.5%，时间3:30，日期2025-01-09，研究Word文档A,B的格式。';
    expect(normalisePunctuation(text)).toBe(text);
    // A mark between a number and Chinese text is Chinese punctuation.
    expect(normalisePunctuation('共12件,其中')).toBe('共12件，其中');
  });

  it('writes bracket pairs that hold or touch Chinese text as （）, and leaves Latin ones', () => {
    expect(normalisePunctuation('开展调解(含诉前调解)20次')).toBe('开展调解（含诉前调解）20次');
    expect(normalisePunctuation('(一)加强组织领导')).toBe('（一）加强组织领导');
    expect(normalisePunctuation('call f(x) now')).toBe('call f(x) now');
    // An unmatched bracket stays, and brackets never pair across lines.
    expect(normalisePunctuation('说明(见附件\n另行)报送')).toBe('说明(见附件\n另行)报送');
  });

  it('writes <title> as 《title》 and a range of years with 一字线, as in 《…纲要（2021—2025年）》', () => {
    expect(normalisePunctuation('对照<法治政府建设实施纲要(2021-2025年)>逐项落实')).toBe('对照《法治政府建设实施纲要（2021—2025年）》逐项落实');
    expect(normalisePunctuation('2021~2025年期间')).toBe('2021—2025年期间');
    // Markup, comparisons, dates and longer digit runs are not titles or ranges.
    for (const same of ['a<b 且 c>d', '<br>', '2025-01-09', '2025-2021年', '电话0571-2025-2026', '版本1.2021-2025']) {
      expect(normalisePunctuation(same), same).toBe(same);
    }
  });

  it('leaves web and e-mail addresses exactly as typed', () => {
    const text = '详见网站:https://www.example.gov.cn/a?b=1&c=(2),或发邮件至fzb@example.gov.cn;也可访问www.example.cn:8080。';
    expect(normalisePunctuation(text)).toBe('详见网站：https://www.example.gov.cn/a?b=1&c=(2)，或发邮件至fzb@example.gov.cn；也可访问www.example.cn:8080。');
  });

  it('replaces one character by one, so the length and every offset stay', () => {
    const text = '对照<纲要(2021-2025年)>,逐项落实;共12件:';
    const edits = punctuationEdits(text);
    expect(edits.length).toBeGreaterThan(0);
    for (const e of edits) expect([e.end - e.start, e.text.length]).toEqual([1, 1]);
    expect(normalisePunctuation(text)).toHaveLength(text.length);
  });

  it('works in time linear in the text, also on nested and unmatched brackets', () => {
    const typed = '全年办理案件12件,其中纠错3件;开展调解(含诉前调解)20次,对照<纲要(2021-2025年)>。';
    expectLinear((n) => void normalisePunctuation(typed.repeat(n)), 500);
    expectLinear((n) => void normalisePunctuation('(((((中'.repeat(n)), 4000);
    expectLinear((n) => void normalisePunctuation('<中>>>>>)))))'.repeat(n)), 2000);
    expectLinear((n) => void normalisePunctuation('http://'.repeat(n)), 4000);
  });
});

describe('normaliseDocPunctuation', () => {
  it('normalises a paragraph as one text across marks and keeps each run’s length and marks', () => {
    const doc: TiptapNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '开展调解(含' },
            { type: 'text', text: '诉前调解)', marks: [{ type: 'bold' }] },
            { type: 'text', text: ',20次' },
          ],
        },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: '项目:数量' }] }] }] }] },
      ],
    };
    const out = normaliseDocPunctuation(doc);
    const runs = out.content![0]!.content!;
    expect(runs.map((r) => r.text)).toEqual(['开展调解（含', '诉前调解）', '，20次']);
    expect(runs[1]!.marks).toEqual([{ type: 'bold' }]);
    expect(docToText(out)).toContain('项目：数量');
    // The stored document is not touched.
    expect(doc.content![0]!.content![0]!.text).toBe('开展调解(含');
  });
});
