// Comparing with last year's report (invented pair): figures carried over unchanged and parts copied from last year.
import { describe, expect, it } from 'vitest';
import { checkRepeatedFigures, checkSameAsLastYear, checkStaleFigures, textOverlap } from '@/lib/domain/checks-last-year';
import { runChecks } from '@/lib/domain/checks';
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

/** Last year's text again, as the first report of its township: there is nothing to compare with. */
const firstReport = (): ReportText => ({ ...thisYear({ measures: LAST_MEASURES }), lastYear: null });

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
    expect(checkStaleFigures(firstReport())).toEqual([]);
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

describe('repeated-figures', () => {
  it('flags last year’s figures with their units stated again in reworded sentences, naming them', () => {
    // Every sentence reworded, the counts (3名 aside: small counts coincide by chance) are last year's.
    const measures = '今年我镇继续发挥法律顾问作用，共审查各类合同41份，提供法律意见12件。普法方面，组织活动20场，受益群众达3000人次。';
    const found = checkRepeatedFigures(thisYear({ measures }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'repeated-figures', section: 'measures', severity: 'warning', evidence: '41份、12件、20场、3000人次' });
    expect(measures.slice(found[0]!.at!.start, found[0]!.at!.end)).toBe('41份');
    expect(runChecks(thisYear({ measures })).map((c) => c.code)).toContain('repeated-figures');
  });

  it('is silent on this year’s own figures, on a couple that coincide, on small counts and without last year', () => {
    expect(checkRepeatedFigures(thisYear({ measures: '共审查各类合同53份，提供法律意见15件。组织普法活动26场，受益群众4200人次。' }))).toEqual([]);
    // Two of eight coincide: chance, not copying.
    expect(checkRepeatedFigures(thisYear({ measures: '审查合同41份，法律意见12件，普法活动26场，受益群众4200人次，调解纠纷37件，培训执法人员58人次，公开信息164条，办理信访9件。' }))).toEqual([]);
    expect(checkRepeatedFigures(thisYear({ leaders: '书记主持专题会议5次以外，还带头讲法治课2次，听取汇报3次，研究问题4个。' }))).toEqual([]);
    expect(checkRepeatedFigures(firstReport())).toEqual([]);
  });

  it('leaves word-for-word sentences to stale-figures and copied parts to same-as-last-year', () => {
    const r = thisYear({ measures: LAST_MEASURES.replace('2024年', '2025年') });
    expect(runChecks(r).map((c) => c.code).filter((c) => c.includes('figures') || c.includes('last-year'))).toEqual(['stale-figures']);
    const before = '2024年，全镇聘请法律顾问3名，审查合同41份，出具法律意见12件。开展普法活动20场，覆盖群众3000余人次。组织执法人员培训2次，参训58人次。调处矛盾纠纷37件，成功化解35件。公开政务信息164条，办理群众来信来访事项29件。';
    const touched = '2025年，全镇聘任法律顾问3名，审核合同41份，出具法律意见12件。开展普法宣传活动20场，覆盖群众3000余人次。组织执法人员集中培训2次，参训58人次。排查调处矛盾纠纷37件，成功化解35件。主动公开政务信息164条，办理群众来信来访事项29件。';
    const copied = thisYear({ measures: touched });
    copied.lastYear = { measures: before };
    expect(runChecks(copied).map((c) => c.code).filter((c) => c.includes('figures') || c.includes('last-year'))).toEqual(['same-as-last-year']);
  });

  it('compares figures in linear time: 4n characters cost about 4× n', () => {
    // Timed a few times at each size, the fastest counting: the machine is shared.
    const run = (n: number) => {
      const measures = Array.from({ length: n }, (_, i) => `组织活动${i + 5}场，审查合同${i * 3 + 5}份。`).join('');
      const r = thisYear({ measures });
      r.lastYear = { measures: measures.split('').reverse().join('') + measures.slice(0, n) };
      checkRepeatedFigures(r);
    };
    expectLinear(run, 400);
  });
});
