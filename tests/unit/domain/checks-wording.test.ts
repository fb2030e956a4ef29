// The wording checks a county reviewer makes: each fires on an invented fixture with the defect and stays silent on a
// clean one; the fixes give the text the drafter would have typed.
import { describe, expect, it } from 'vitest';
import { runChecks } from '@/lib/domain/checks';
import {
  applyTextEdits,
  checkHalfwidthPunctuation,
  checkNoFigures,
  checkPlansNoYear,
  checkThinPart,
  checkWrongDocumentName,
  halfwidthEdits,
  THIN_PART_CHARS,
} from '@/lib/domain/checks-wording';
import { emptyReportText, type Check, type ReportText } from '@/lib/domain/model';
import { expectLinear, expectLinearInText } from '../../support/linear';

/** The check finds one thing in part 一's text, saying `saying`, and its fix makes the text `fixed`. */
function expectOneFix(check: (r: ReportText) => Check[], text: string, want: { saying: string; fixed: string }): void {
  const found = check(report({ measures: text }));
  expect(found).toHaveLength(1);
  expect(found[0]!.message).toContain(want.saying);
  expect(applyTextEdits(text, found[0]!.fix!.edits)).toBe(want.fixed);
}

function report(patch: Partial<ReportText['sections']> = {}, plansHeading = '四、2026年度推进法治政府建设的主要安排'): ReportText {
  const r = emptyReportText(2025);
  r.title = '关于示例镇2025年度法治政府建设情况的报告';
  r.sections = { ...r.sections, ...patch };
  r.headings = { plans: plansHeading };
  return r;
}

describe('plans-no-year', () => {
  it('fires when part 四 is headed 下步工作打算 and stays silent with the coming year', () => {
    const found = checkPlansNoYear(report({}, '四、下步工作打算'));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('2026年度');
    expect(checkPlansNoYear(report())).toEqual([]);
  });
});

describe('halfwidth-punctuation', () => {
  const typed = '全年办理行政复议案件12件,其中纠错3件;开展调解(含诉前调解)20次。2025-01-09,召开会议:研究Word文档A,B的格式,金额1,000元,时间3:30。';
  const expected = '全年办理行政复议案件12件，其中纠错3件；开展调解（含诉前调解）20次。2025-01-09，召开会议：研究Word文档A,B的格式，金额1,000元，时间3:30。';

  it('changes marks next to Chinese text and leaves numbers, dates, times and Latin words alone', () => {
    expect(applyTextEdits(typed, halfwidthEdits(typed))).toBe(expected);
  });

  it('reports a part once with a one-click fix, and is silent on full-width text and on (一) markers', () => {
    const found = checkHalfwidthPunctuation(report({ measures: typed }));
    expect(found).toHaveLength(1);
    expect(found[0]!.fix?.section).toBe('measures');
    expect(applyTextEdits(typed, found[0]!.fix!.edits)).toBe(expected);
    expect(checkHalfwidthPunctuation(report({ measures: expected }))).toEqual([]);
    // Half-width numbering markers are the numbering check's finding, not this one's.
    expect(checkHalfwidthPunctuation(report({ measures: '(一)加强组织领导。\n(二)抓实学法。' }))).toEqual([]);
  });

  it('works in time linear in the text: 4n characters cost about 4× n', () => {
    expectLinearInText(typed, halfwidthEdits, 4_000);
  });

  it('stays linear on hostile brackets: nested pairs round Chinese text, and many ( on one line after blanks', () => {
    for (const make of [(n: number) => `${'('.repeat(n)}中${')'.repeat(n)}`, (n: number) => `${' '.repeat(n)}${'(一'.repeat(n)}`]) {
      halfwidthEdits(make(80_000));
      expectLinear((n) => {
        halfwidthEdits(make(n));
      }, 20_000);
    }
  });
});

describe('thin-part', () => {
  it('fires on a part of a couple of short lines and is silent on a part that says something', () => {
    const found = checkThinPart(report({ shortcomings: '（一）学法不够。\n（二）原因是重视不够。' }));
    expect(found.map((c) => c.section)).toEqual(['shortcomings']);
    expect(checkThinPart(report({ shortcomings: '法'.repeat(THIN_PART_CHARS) }))).toEqual([]);
    // An absent part is missing-part's finding.
    expect(checkThinPart(report({}))).toEqual([]);
  });
});

describe('wrong-document-name', () => {
  it('fires on a cited document with wrong years, with a fix to the exact title', () => {
    expectOneFix(checkWrongDocumentName, '对照《法治政府建设实施纲要（2022—2025年）》，逐项落实。', { saying: '《法治政府建设实施纲要（2021—2025年）》', fixed: '对照《法治政府建设实施纲要（2021—2025年）》，逐项落实。' });
  });

  it('is silent on the exact title (also with half-width brackets) and on documents it does not know', () => {
    for (const t of ['《法治政府建设实施纲要（2021—2025年）》', '《法治政府建设实施纲要(2021-2025年)》', '《示例县法治政府建设实施方案（2021—2025年）》'])
      expect(checkWrongDocumentName(report({ measures: `落实${t}。` }))).toEqual([]);
  });
});

describe('no-figures', () => {
  const vague = '（二）深化普法宣传\n我镇高度重视普法宣传工作，通过多种形式广泛开展法治宣传，群众法治意识明显增强。';
  const counted = '（二）深化普法宣传\n全年开展普法宣传活动20场，发放资料3000余份。';

  it('fires when an item that asks for figures is written about without any, pointing at the words', () => {
    const found = checkNoFigures(report({ measures: vague }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'no-figures', section: 'measures', severity: 'warning' });
    expect(found[0]!.message).toContain('普法宣传');
    expect(vague.slice(found[0]!.at!.start, found[0]!.at!.end)).toBe(found[0]!.message.match(/写到了“(.+?)”/)![1]);
  });

  it('stays silent with figures in the paragraph (under the sub-heading too), elsewhere for the same item, or an explicit none', () => {
    expect(checkNoFigures(report({ measures: counted }))).toEqual([]);
    expect(checkNoFigures(report({ measures: `${vague}\n宪法宣传周期间开展普法活动5场。` }))).toEqual([]);
    expect(checkNoFigures(report({ measures: '全年未发生行政复议和行政诉讼案件。' }))).toEqual([]);
    // Items that need no figure (组织领导) and parts without such items (不足和原因) are not asked for numbers.
    expect(checkNoFigures(report({ measures: '成立法治建设领导小组，专题研究法治工作。', shortcomings: '普法宣传形式单一。' }))).toEqual([]);
    // A set phrase such as 行政执法三项制度 is not a figure.
    expect(checkNoFigures(report({ measures: '全面落实行政执法三项制度。' })).map((c) => c.message)).toEqual([expect.stringContaining('行政执法')]);
  });

  it('works in time linear in the text: 4n paragraphs cost about 4× n', () => {
    expectLinear((n) => {
      const text = `${vague}\n`.repeat(n);
      checkNoFigures(report({ measures: text, leaders: text }));
    }, 200);
  });
});

describe('no false alarms on web copies', () => {
  it('accepts 总结如下 (ASCII colon too) as the preface’s transition', () => {
    const codes = (preface: string) => runChecks({ ...report(), sections: { ...report().sections, preface } }).map((c) => c.code);
    expect(codes('2025年，示例镇坚持依法行政。现将有关工作总结如下:')).not.toContain('no-transition');
    expect(codes('2025年，示例镇坚持依法行政。现将有关工作总结如下：')).not.toContain('no-transition');
  });

  it('does not read 及2026年度工作思路 in the preface as a wrong year', () => {
    const r = report();
    r.sections.preface = '2025年，示例镇坚持依法行政。现将我镇2025年度法治政府建设情况及2026年度工作思路报告如下：';
    expect(runChecks(r).filter((c) => c.code === 'year-mismatch')).toEqual([]);
    r.sections.preface = '2024年，示例镇坚持依法行政。现将我镇2024年度法治政府建设情况报告如下：';
    expect(runChecks(r).filter((c) => c.code === 'year-mismatch').length).toBeGreaterThan(0);
  });
});

describe('Documents II: false alarms removed', () => {
  it('does not "correct" a regional regulation to the national one, and still flags known wrong forms', () => {
    for (const t of ['内蒙古自治区重大行政决策程序规定', '示例省重大行政决策程序办法', '示例市重大行政决策程序条例', '法治政府建设实施纲要（2015—2020年）', '示例省法治政府建设实施纲要（2022—2025年）'])
      expect(checkWrongDocumentName(report({ measures: `严格执行《${t}》。` })), t).toEqual([]);
    const flagged = (t: string) => checkWrongDocumentName(report({ measures: `严格执行《${t}》。` })).map((c) => c.fix!.edits[0]!.text);
    expect(flagged('重大行政决策程序条例')).toEqual(['重大行政决策程序暂行条例']);
    expect(flagged('法治政府建设与责任落实督查工作规定')).toEqual(['法治政府建设与责任落实督察工作规定']);
    expect(flagged('法治政府建设实施纲要（2021年-2026年）')).toEqual(['法治政府建设实施纲要（2021—2025年）']);
  });

  it('counts figures written with ASCII full stops, also on a numbered line', () => {
    for (const measures of ['1. 开展学法培训12次. 覆盖300人.', '（二）干部学法培训\n1. 开展学法培训12次. 覆盖300人.\n2. 宪法宣传周开展普法宣传8场.'])
      expect(checkNoFigures(report({ measures })), measures).toEqual([]);
  });

  it('does not read a keyword inside a cited title as the work written about', () => {
    expect(checkNoFigures(report({ measures: '严格执行《重大行政决策程序暂行条例》，规范决策程序。' }))).toEqual([]);
    expect(checkNoFigures(report({ measures: '严格执行《重大行政决策程序暂行条例》，重大行政决策均经合法性审查。' })).map((c) => c.code)).toEqual(['no-figures']);
  });

  it('counts figures in a table row, with the unit in the column heading, for the paragraph that introduces the table', () => {
    const measures = '（二）抓实干部学法\n全年干部学法培训情况见下表。\n项目\t次数\t人数\n学法培训\t12\t300';
    expect(checkNoFigures(report({ measures }))).toEqual([]);
    // A table that holds no number leaves the paragraph without figures.
    const noNumbers = '全年干部学法培训情况见下表。\n项目\t形式\n学法培训\t集中学习';
    expect(checkNoFigures(report({ measures: noNumbers })).map((c) => c.code)).toEqual(['no-figures']);
  });

  it('reads table rows and numbered lines in linear time: 4n lines cost about 4× n', () => {
    // Timed a few times at each size, the fastest counting: the machine is shared.
    const run = (n: number) => {
      const text = '（二）干部学法培训\n1. 开展学法培训12次. 覆盖300人.\n项目\t次数\n学法培训\t12\n'.repeat(n);
      checkNoFigures(report({ measures: text, leaders: text }));
    };
    expectLinear(run, 200);
  });

  it('judges citations in linear time: 4n citations cost about 4× n', () => {
    // Timed a few times at each size, the fastest counting: the machine is shared.
    const run = (n: number) => {
      checkWrongDocumentName(report({ measures: '落实《内蒙古自治区重大行政决策程序规定》《法治政府建设实施纲要（2022—2025年）》。'.repeat(n) }));
    };
    expectLinear(run, 2000);
  });
});

describe('Documents II: a trailing half-width full stop', () => {
  it('fires on "." ending Chinese sentences, with a fix to 。', () => {
    expectOneFix(checkHalfwidthPunctuation, '开展培训12次. 覆盖300人.\n（一）强化组织领导.', { saying: '“.”', fixed: '开展培训12次。覆盖300人。\n（一）强化组织领导。' });
  });

  it('finds brackets in linear time, on one long line and nested deep: 4n characters cost about 4× n', () => {
    // Timed a few times at each size, the fastest counting: the machine is shared.
    const run = (n: number) => {
      halfwidthEdits('开展调解(含诉前调解)20次,'.repeat(n));
      halfwidthEdits(`${'('.repeat(n)}中${')'.repeat(n)}`);
    };
    expectLinear(run, 2000);
  });

  it('leaves decimals, numbering, Latin words and ASCII ellipses alone', () => {
    const text = '落实经费2.5万元。\n1.制定工作要点。\n使用Word.\n网址为www.example.gov.cn。\n等等...';
    expect(halfwidthEdits(text)).toEqual([]);
  });
});
