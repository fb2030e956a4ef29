import { describe, it, expect } from 'vitest';
import {
  checkDateFormat,
  checkMissingPart,
  checkNoCauses,
  checkNoRecipient,
  checkNoSignature,
  checkNoTransition,
  checkNumbering,
  checkYearMismatch,
  runChecks,
} from '@/lib/domain/checks';
import type { Check, ReportText } from '@/lib/domain/model';
import { applyTextEdits } from '@/lib/domain/checks-wording';
import { expectLinear } from '../../support/linear';

/** A clean 2025 report for 示例镇; each test breaks one thing. */
function goodReport(): ReportText {
  return {
    year: 2025,
    title: '中共示例镇委员会 示例镇人民政府关于示例镇2025年度法治政府建设情况的报告',
    recipient: '中共示例县委、示例县人民政府：',
    sections: {
      preface: '2025年，示例镇坚持依法行政，对照《示例县法治政府建设实施方案（2021—2025年）》推进各项工作。现将我镇2025年度法治政府建设情况报告如下：',
      measures: '（一）强化组织领导。召开领导小组会议3次。\n1.制定工作要点。\n2.细化责任分工。\n（二）抓实干部学法。组织集中学法12次。\n1.会前学法。党委会会前学法8次，覆盖全体班子成员，学习宪法、民法典和行政复议法等法律法规。',
      leaders: '（一）带头学法。书记、镇长参加中心组学法6次。\n（二）研究部署。党委会研究法治议题4次，听取法治政府建设工作汇报2次，协调解决综合执法力量不足、执法装备短缺等问题3个。',
      shortcomings: '（一）存在的问题。村级合同管理不规范，部分合同未经合法性审查。\n（二）产生问题的原因。村干部依法办事意识不强，法律顾问参与不够，合法性审查机制没有覆盖到村一级，日常监督检查也不到位。',
      plans: '（一）规范村级合同管理。建立村级合同合法性审查清单，年内完成存量合同清理。\n（二）开展执法案卷评查。每季度抽查执法案卷，评查结果纳入年度考核，并对发现的问题逐项整改到位。',
      other: null,
    },
    signature: { organs: ['中共示例镇委员会', '示例镇人民政府'], date: '2026年1月16日' },
    headings: {
      measures: '一、2025年度推进法治政府建设的主要举措和成效',
      leaders: '二、2025年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
      shortcomings: '三、2025年度推进法治政府建设存在的不足和原因',
      plans: '四、2026年度推进法治政府建设的主要安排',
    },
  };
}

function withSections(patch: Partial<ReportText['sections']>): ReportText {
  const r = goodReport();
  return { ...r, sections: { ...r.sections, ...patch } };
}

/** The single numbering finding for these parts (fails when there is none or more than one). */
function oneNumbering(sections: Partial<ReportText['sections']>): Check {
  const results = checkNumbering(withSections(sections));
  expect(results).toHaveLength(1);
  return results[0]!;
}

describe('runChecks', () => {
  it('finds nothing wrong with a clean report', () => {
    expect(runChecks(goodReport())).toEqual([]);
  });

  it('collects results of every check with Chinese messages', () => {
    const r = withSections({ shortcomings: null, preface: '2025年，示例镇推进法治建设。' });
    r.recipient = null;
    r.signature = { organs: [], date: null };
    const codes = runChecks(r).map((c) => c.code);
    expect(codes).toEqual(['missing-part', 'no-transition', 'no-recipient', 'no-signature']);
    for (const c of runChecks(r)) expect(c.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('missing-part', () => {
  it('reports one error per absent or empty part', () => {
    const results = checkMissingPart(withSections({ leaders: null, shortcomings: '  \n ' }));
    expect(results.map((c) => c.section)).toEqual(['leaders', 'shortcomings']);
    expect(results.every((c) => c.code === 'missing-part' && c.severity === 'error')).toBe(true);
    expect(results[1]!.message).toContain('存在的不足和原因');
  });

  it('does not require the optional other part or the preface', () => {
    expect(checkMissingPart(withSections({ other: null, preface: null }))).toEqual([]);
  });
});

describe('no-causes', () => {
  it('flags shortcomings that only list problems', () => {
    const text = '一是干部法治意识有待增强；二是执法文书不够规范。';
    const results = checkNoCauses(withSections({ shortcomings: text }));
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ code: 'no-causes', section: 'shortcomings', at: { section: 'shortcomings', start: 0, end: text.length } });
  });

  it.each([
    '执法文书不规范，主要原因是培训不足。',
    '问题的根源在于队伍不稳定。',
    '由于人员调整频繁，业务衔接不畅。',
    '（二）产生问题的原因\n培训针对性不强。',
  ])('accepts causes written as: %s', (text) => {
    expect(checkNoCauses(withSections({ shortcomings: text }))).toEqual([]);
  });

  it('leaves an absent part to missing-part', () => {
    expect(checkNoCauses(withSections({ shortcomings: null }))).toEqual([]);
  });
});

describe('year-mismatch', () => {
  it('flags a title naming the wrong year', () => {
    const r = goodReport();
    r.title = '中共示例镇委员会 示例镇人民政府关于示例镇2024年度法治政府建设情况的报告';
    const results = checkYearMismatch(r);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ code: 'year-mismatch', section: 'title', severity: 'error' });
    expect(results[0]!.message).toContain('2025年度');
  });

  it('flags part headings with the wrong year and a plans heading not naming N+1', () => {
    const r = goodReport();
    r.headings = {
      ...r.headings,
      measures: '一、2024年度推进法治政府建设的主要举措和成效',
      plans: '四、2025年度推进法治政府建设的主要安排',
    };
    const results = checkYearMismatch(r);
    expect(results.map((c) => c.section)).toEqual(['measures', 'plans']);
    expect(results[1]!.message).toContain('2026年度');
  });

  it('flags a wrong year in the preface opening and transition, with offsets, but not cited plan years', () => {
    const preface = '2024年，示例镇对照《实施方案（2021—2025年）》推进工作。现将我镇2024年度法治政府建设情况报告如下：';
    const r = withSections({ preface });
    const results = checkYearMismatch(r);
    expect(results).toHaveLength(2);
    for (const c of results) {
      expect(c.section).toBe('preface');
      expect(preface.slice(c.at!.start, c.at!.end)).toBe('2024年');
    }
    expect(results[1]!.at!.start).toBe(preface.lastIndexOf('2024年'));
  });

  it('wants the document date in January to March of N+1', () => {
    const late = goodReport();
    late.signature.date = '2026年4月10日';
    expect(checkYearMismatch(late)).toMatchObject([{ code: 'year-mismatch', section: 'signature', severity: 'warning' }]);
    const early = goodReport();
    early.signature.date = '2025年12月28日';
    expect(checkYearMismatch(early)).toHaveLength(1);
    const ok = goodReport();
    ok.signature.date = '2026年3月31日';
    expect(checkYearMismatch(ok)).toEqual([]);
  });

  it('falls back to the title year and stays silent without any year', () => {
    const r = goodReport();
    r.year = null;
    r.headings = { ...r.headings, leaders: '二、2023年度党政主要负责人履职情况' };
    expect(checkYearMismatch(r).map((c) => c.section)).toEqual(['leaders']);
    r.title = '关于法治政府建设情况的报告';
    expect(checkYearMismatch(r)).toEqual([]);
  });
});

describe('numbering', () => {
  it('flags （1）（2）（三） mixing with the position of the offender', () => {
    const leaders = '（1）带头学法。\n（2）带头落实。\n（三）带头抓队伍。';
    const found = oneNumbering({ leaders });
    expect(found).toMatchObject({ code: 'numbering', section: 'leaders' });
    expect(found.message).toContain('（2）');
    expect(found.message).toContain('（三）');
    expect(leaders.slice(found.at!.start, found.at!.end)).toBe('（三）');
  });

  it.each([
    ['a skipped （二）', { plans: '（一）规范合同管理。\n（三）开展案卷评查。' }, '（二）'],
    ['a skipped 二、 in a list inside a part body', { shortcomings: '一、合同管理不规范，原因是意识不强。\n三、执法文书不规范，原因是培训不足。' }, '二、'],
  ])('flags %s', (_, sections, missing) => {
    expect(oneNumbering(sections).message).toContain(missing);
  });

  it('asks to normalise half-width brackets once per part', () => {
    const measures = '(一)强化组织领导。\n（二）抓实干部学法。\n(三)深化普法宣传。';
    const found = oneNumbering({ measures });
    expect(found.message).toContain('全角');
    expect(found.at).toEqual({ section: 'measures', start: 0, end: 3 });
  });

  it('flags 1、 where 1. is meant, also when mixed with 1. in one part', () => {
    const measures = '（一）组织领导。\n1.制定要点。\n2、细化分工。';
    const found = oneNumbering({ measures });
    expect(found.message).toContain('“2、”');
    expect(found.message).toContain('“2.”');
    const only = checkNumbering(withSections({ measures: '（一）组织领导。\n1、制定要点。\n2、细化分工。' }));
    expect(only.map((c) => c.message)).toEqual(['“主要举措和成效”部分的序号“1、”应写作“1.”（阿拉伯数字后用下脚点，不用顿号）。']);
  });

  it('allows numbered lists to restart under each sub-heading and ignores years and decimals', () => {
    const measures = '（一）组织领导。\n1.要点。\n2.分工。\n（二）学法。\n1.会前学法。\n2025年，共学法12次。\n2.5万元经费到位。';
    expect(checkNumbering(withSections({ measures }))).toEqual([]);
  });
});

describe('no-transition', () => {
  it.each(['现将我镇2025年度法治政府建设情况报告如下：', '现将有关情况汇报如下:'])('accepts a preface ending with %s', (ending) => {
    expect(checkNoTransition(withSections({ preface: `2025年，示例镇推进法治建设。${ending}` }))).toEqual([]);
  });

  it('flags a preface without the transition and points at its last paragraph', () => {
    const preface = '2025年，示例镇推进法治建设。\n全年工作成效明显。';
    const results = checkNoTransition(withSections({ preface }));
    expect(results).toHaveLength(1);
    expect(preface.slice(results[0]!.at!.start, results[0]!.at!.end)).toBe('全年工作成效明显。');
  });

  it('flags a missing preface', () => {
    expect(checkNoTransition(withSections({ preface: null }))[0]?.message).toContain('缺少导语');
  });
});

describe('date-format', () => {
  function withDate(date: string | null): ReportText {
    const r = goodReport();
    r.signature = { ...r.signature, date };
    return r;
  }

  it('accepts Arabic numerals without padding and ignores a missing date', () => {
    expect(checkDateFormat(withDate('2026年1月9日'))).toEqual([]);
    expect(checkDateFormat(withDate(null))).toEqual([]);
  });

  it('flags zero padding with the corrected form', () => {
    const results = checkDateFormat(withDate('2026年01月09日'));
    expect(results).toMatchObject([{ code: 'date-format', section: 'signature' }]);
    expect(results[0]!.message).toContain('2026年1月9日');
  });

  it('flags Chinese numerals and other forms', () => {
    expect(checkDateFormat(withDate('二〇二六年一月九日'))[0]!.message).toContain('阿拉伯数字');
    expect(checkDateFormat(withDate('2026-01-09'))[0]!.message).toContain('2026年1月9日');
    expect(checkDateFormat(withDate('一月上旬'))[0]!.message).toContain('无法识别');
  });
});

describe('no-recipient and no-signature', () => {
  it('flags a missing recipient', () => {
    const r = goodReport();
    expect(checkNoRecipient(r)).toEqual([]);
    r.recipient = ' ';
    expect(checkNoRecipient(r)).toMatchObject([{ code: 'no-recipient', section: 'recipient' }]);
  });

  it('flags a missing signature block, and says which half is missing', () => {
    const r = goodReport();
    expect(checkNoSignature(r)).toEqual([]);
    r.signature = { organs: [], date: null };
    expect(checkNoSignature(r)[0]!.message).toContain('缺少落款和成文日期');
    r.signature = { organs: ['示例镇人民政府'], date: null };
    expect(checkNoSignature(r)[0]!.message).toContain('缺少成文日期');
    r.signature = { organs: [], date: '2026年1月9日' };
    expect(checkNoSignature(r)[0]!.message).toContain('缺少发文机关');
  });
});

describe('Documents II: preface transitions, 1) numbering and the date hints', () => {
  it('accepts a preface ending 报告如下。 and still checks the year in that sentence', () => {
    expect(checkNoTransition(withSections({ preface: '2025年，示例镇推进法治建设。现将我镇2025年度法治政府建设情况报告如下。' }))).toEqual([]);
    const wrong = checkYearMismatch(withSections({ preface: '示例镇推进法治建设。现将我镇2024年度法治政府建设情况报告如下。' }));
    expect(wrong.map((c) => c.section)).toEqual(['preface']);
  });

  it('flags 1) and 一) list numbering once per part, with a fix to （1） and （一）', () => {
    const measures = '（一）强化组织领导\n1)制定工作要点。\n2) 细化责任分工。\n（二）抓实学法\n一)会前学法。';
    const found = checkNumbering(withSections({ measures }));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('“1)”');
    expect(found[0]!.message).toContain('（1）');
    expect(measures.slice(found[0]!.at!.start, found[0]!.at!.start + 2)).toBe('1)');
    expect(applyTextEdits(measures, found[0]!.fix!.edits)).toBe('（一）强化组织领导\n（1）制定工作要点。\n（2）细化责任分工。\n（二）抓实学法\n（一）会前学法。');
    expect(checkNumbering(withSections({ measures: '（一）强化组织领导\n（1）制定工作要点。\n（2）细化责任分工。' }))).toEqual([]);
  });

  it('numbers half-bracket lists in linear time: 4n lines cost about 4× n', () => {
    // Timed a few times at each size, the fastest counting: the machine is shared.
    const run = (n: number) => {
      checkNumbering(withSections({ measures: '（一）组织领导\n1)制定要点。\n2)细化分工。\n'.repeat(n) }));
    };
    expectLinear(run, 1000);
  });

  it('proposes a 成文日期 in the year after the report’s year', () => {
    const r = goodReport();
    r.signature = { organs: ['示例镇人民政府'], date: '一月上旬' };
    expect(checkDateFormat(r)[0]!.message).toContain('“2026年1月9日”');
    r.signature.date = '2025年01月09日';
    const padded = checkDateFormat(r)[0]!.message;
    expect(padded).toContain('“2026年1月9日”');
    expect(padded).not.toContain('“2025年1月9日”');
    r.signature = { organs: [], date: null };
    expect(checkNoSignature(r)[0]!.message).toContain('2026年1月9日');
    r.signature = { organs: ['示例镇人民政府'], date: null };
    expect(checkNoSignature(r)[0]!.message).toContain('2026年1月9日');
    r.year = null;
    r.title = '关于法治政府建设情况的报告';
    expect(checkNoSignature(r)[0]!.message).toContain('××××年1月9日');
  });
});
