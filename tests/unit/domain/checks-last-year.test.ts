// Comparing with last year's report (invented pair): figures carried over unchanged and parts copied from last year.
import { describe, expect, it } from 'vitest';
import { checkSameAsLastYear, checkStaleFigures, textOverlap } from '@/lib/domain/checks-last-year';
import { emptyReportText, type ReportText } from '@/lib/domain/model';
import { expectLinear } from '../../support/linear';

const LAST_MEASURES =
  '2024年，全镇聘请法律顾问3名，审查合同41份，出具法律意见12件。开展普法活动20场，覆盖群众3000余人次。组织执法人员培训2次。';
const LAST_LEADERS =
  '镇党委书记履行第一责任人职责，全年主持专题会议5次，带头讲法治课2次，听取依法行政工作汇报3次，研究解决重大法治问题4个。镇长落实法治政府建设主体责任，组织政府常务会议学法6次，推动重大行政决策合法性审查全覆盖，督促各站所规范执法。';

function thisYear(patch: Partial<ReportText['sections']>): ReportText {
  const r = emptyReportText(2025);
  r.sections = { ...r.sections, ...patch };
  r.lastYear = { measures: LAST_MEASURES, leaders: LAST_LEADERS };
  return r;
}

describe('stale-figures', () => {
  it('flags a sentence with figures left exactly as last year wrote it (years moved on), and where it is', () => {
    const measures = '2025年，全镇聘请法律顾问3名，审查合同41份，出具法律意见12件。开展普法活动26场，覆盖群众4200余人次。';
    const found = checkStaleFigures(thisYear({ measures }));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('3名、41份、12件');
    expect(measures.slice(found[0]!.at!.start, found[0]!.at!.end)).toBe('2025年，全镇聘请法律顾问3名，审查合同41份，出具法律意见12件。');
  });

  it('is silent when the figures were updated, for sentences without figures, and without last year’s report', () => {
    expect(checkStaleFigures(thisYear({ measures: '2025年，全镇聘请法律顾问4名，审查合同53份，出具法律意见15件。' }))).toEqual([]);
    expect(checkStaleFigures(thisYear({ measures: '组织执法人员培训。' }))).toEqual([]);
    const r = thisYear({ measures: LAST_MEASURES });
    r.lastYear = null;
    expect(checkStaleFigures(r)).toEqual([]);
  });
});

describe('same-as-last-year', () => {
  it('flags a part that is mostly last year’s text and is silent on a rewritten one', () => {
    const copied = LAST_LEADERS.replace('5次', '6次');
    expect(checkSameAsLastYear(thisYear({ leaders: copied })).map((c) => c.section)).toEqual(['leaders']);
    const rewritten = '镇长作为第一责任人，推动出台重大行政决策目录，组织党政班子成员旁听庭审1次，述法评议结果在全镇通报，对两个村的合同纠纷督办化解。';
    expect(checkSameAsLastYear(thisYear({ leaders: rewritten }))).toEqual([]);
  });

  it('measures overlap in linear time: 4n characters cost about 4× n', () => {
    expectLinear((n) => {
      const a = LAST_MEASURES.repeat(n);
      textOverlap(a, a.split('').reverse().join(''));
    }, 100);
  });
});
