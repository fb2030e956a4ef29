// personal-info: the 公开前检查's findings in the 检查 panel while drafting, each at its place in the part's text (the
// editor jumps there), the front matter's with the words as evidence; silent on a clean report; linear in the text.
import { describe, expect, it } from 'vitest';
import { checkPersonalInfo } from '@/lib/domain/checks-privacy';
import { runChecks } from '@/lib/domain/checks';
import { findingsOf } from '@/lib/domain/findings';
import { emptyReportText, type ReportText } from '@/lib/domain/model';
import { expectLinearInText } from '../../support/linear';

// Invented, with a correct check character: 11010519491231002X is the standard's own example.
const ID = '11010519491231002X';

function report(measures: string, front: Partial<Pick<ReportText, 'title' | 'recipient'>> = {}): ReportText {
  const r = emptyReportText(2025);
  r.sections.measures = measures;
  Object.assign(r, front);
  return r;
}

describe('personal-info', () => {
  it('lists each finding of a part with its place in that part’s text', () => {
    const text = `（一）严格执法\n依法查处当事人张小明非法占地案件，身份证号${ID}，联系电话13812345678。`;
    const found = checkPersonalInfo(report(text));
    expect(found.map((c) => [c.code, c.section, c.severity, text.slice(c.at!.start, c.at!.end)])).toEqual([
      ['personal-info', 'measures', 'warning', '张小明'],
      ['personal-info', 'measures', 'warning', ID],
      ['personal-info', 'measures', 'warning', '13812345678'],
    ]);
    expect(found.every((c) => c.at?.section === 'measures')).toBe(true);
    expect(found[1]!.message).toContain('居民身份证号码');
    expect(found[1]!.message).toContain('登记公开时遮盖');
  });

  it('names the words found in the front matter as evidence', () => {
    const found = checkPersonalInfo(report('', { recipient: '县司法局（联系电话13812345678）：' }));
    expect(found).toEqual([expect.objectContaining({ code: 'personal-info', section: 'recipient', evidence: '13812345678' })]);
    expect(found[0]!.at).toBeUndefined();
  });

  it('runs with every check and reaches the findings the checks API and the command line answer', () => {
    const r = report('其家住青山村3组12号。');
    expect(runChecks(r).filter((c) => c.code === 'personal-info')).toHaveLength(1);
    expect(findingsOf(r).find((f) => f.code === 'personal-info')).toEqual({
      code: 'personal-info',
      part: 'measures',
      message: expect.stringContaining('家庭住址'),
      evidence: '其家住青山村3组12号',
    });
  });

  it('stays silent on a clean report', () => {
    expect(checkPersonalInfo(report('依法查处当事人王某某非法占地案件，全年办理行政复议案件2件。\n加强保守国家秘密教育。'))).toEqual([]);
  });

  it('takes time linear in the text (4n about 4× n)', () => {
    expectLinearInText('当事人陈述申辩，青山村3组开展活动，联系13812345678，编号1234567890123456。', (t) => checkPersonalInfo(report(t)), 2_000);
  });
});
