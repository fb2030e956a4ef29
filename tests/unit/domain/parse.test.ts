import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { findTownshipName, parseAndCheck, parseReport, toReportText, type CheckedReport } from '@/lib/domain/parse';
import { expectLeadersFirst } from '../../support/parsed';
import { runChecks } from '@/lib/domain/checks';

const FIXTURES = path.resolve(__dirname, '../../fixtures/reports');

function fixture(name: string) {
  return parseAndCheck(readFileSync(path.join(FIXTURES, name), 'utf8'));
}

function codes(parsed: CheckedReport) {
  return parsed.checks.map((c) => `${c.code}:${c.section ?? ''}`);
}

describe('parseReport: standard order with 其他 part (示例镇 2025)', () => {
  const p = fixture('shizhen-2025.txt');

  it('reads title, recipient, year and township', () => {
    expect(p).toMatchObject({ title: '中共示例镇委员会 示例镇人民政府关于示例镇2025年度法治政府建设情况的报告', recipient: '中共示例县委、示例县人民政府：', year: 2025, township: '示例镇' });
  });

  it('places every part, without heading lines', () => {
    expect(p.sections.preface?.endsWith('现将我镇2025年度法治政府建设情况报告如下：')).toBe(true);
    expect(p.sections.measures?.startsWith('（一）强化组织领导。')).toBe(true);
    expect(p.sections.measures).toContain('成功率97.2%');
    expect(p.sections.leaders).toContain('述法报告');
    expect(p.sections.shortcomings).toContain('（二）产生问题的原因');
    expect(p.sections.plans).toContain('每季度开展1次执法案卷评查');
    expect(p.sections.other).toBe('县委依法治县办年中督察反馈的2个问题已全部整改完毕。');
    for (const text of Object.values(p.sections)) expect(text ?? '').not.toMatch(/^[一二三四五]、/m);
    expect(p.headings.plans).toBe('四、2026年度推进法治政府建设的主要安排');
    expect(p.headings.other).toBe('五、其他需要报告的情况');
  });

  it('reads the signature block and the cc line', () => {
    expect(p.signature).toEqual({ organs: ['中共示例镇委员会', '示例镇人民政府'], date: '2026-01-16', dateText: '2026年1月16日' });
    expect(p.cc).toBe('抄送：示例县委全面依法治县委员会办公室。');
    expect(p.sections.other).not.toContain('示例镇人民政府');
  });

  it('has nothing unplaced and passes every check', () => {
    expect(p.unplaced).toEqual([]);
    expect(p.noise).toEqual([]);
    expect(p.checks).toEqual([]);
  });
});

describe('parseReport: swapped parts, half-width numbering and web noise (青石乡 2024)', () => {
  const p = fixture('qingshi-2024.txt');

  it('joins a two-line title and normalises the recipient colon', () => {
    expect(p).toMatchObject({ title: '中共青石乡委员会 青石乡人民政府关于青石乡2024年度法治政府建设情况的报告', recipient: '中共示例县委、示例县人民政府：', year: 2024, township: '青石乡' });
  });

  it('recognises parts by meaning when leaders come first', () => {
    expectLeadersFirst(p, { leaders: '中心组学法5次', notInLeaders: '办件', measures: '受理办件3860件', notInMeasures: '中心组学法' });
    expect(p.headings.plans).toBe('四、2025年度工作打算');
    expect(p.sections.plans).toContain('法治轻骑兵');
  });

  it('keeps half-width (一) and 1. sub-headings as body text, indentation stripped', () => {
    expect(p.sections.measures?.split('\n')).toEqual([
      '(一)依法履职',
      '1.便民服务中心全年受理办件3860件，按时办结率100%。',
      '2.乡法律顾问审查合同19份，参与处置征地纠纷4起。',
      '(二)矛盾纠纷化解',
      '1.完善“乡贤调解”机制，调处邻里、山林纠纷73件。',
      '2.信访件按期办结率100%，未发生行政复议案件。',
    ]);
    expect(p.sections.preface?.startsWith('2024年，')).toBe(true);
  });

  it('strips web lines, bookmarks and page numbers and reports them as noise', () => {
    expect(p.noise).toEqual([
      '日期:2025-03-10',
      '来源：示例县人民政府网',
      '浏览次数：128',
      '扫一扫在手机打开当前页',
      '[bookmark: _GoBack]',
      '- 2 -',
      '— 3 —',
    ]);
    const all = Object.values(p.sections).join('\n');
    expect(all).not.toMatch(/bookmark|扫一扫|浏览次数|- 2 -|— 3 —/);
    expect(p.unplaced).toEqual([]);
  });

  it('normalises a Chinese-numeral date and flags it and the half-width brackets', () => {
    expect(p.signature).toEqual({ organs: ['中共青石乡委员会', '青石乡人民政府'], date: '2025-01-15', dateText: '二〇二五年一月十五日' });
    expect(codes(p)).toEqual([
      'numbering:measures',
      'numbering:leaders',
      'numbering:shortcomings',
      'numbering:plans',
      'date-format:signature',
      // This invented fixture's last two parts are two short lines each.
      'thin-part:shortcomings',
      'thin-part:plans',
    ]);
  });
});

describe('parseReport: 街道 report with 一. headings, inner lists and unplaced text (东湖街道 2025)', () => {
  const p = fixture('donghu-2025.txt');

  it('reads a 街道 title and organs on one line', () => {
    expect(p.township).toBe('东湖街道');
    expect(p.year).toBe(2025);
    expect(p.signature.organs).toEqual(['中共东湖街道工作委员会', '东湖街道办事处']);
    expect(p.signature.date).toBe('2026-01-08');
    expect(p.cc).toBe('抄送：示例县委全面依法治县委员会办公室。');
  });

  it('accepts half-width 一. part headings', () => {
    expect(p.headings.measures).toBe('一.2025年度推进法治政府建设的主要举措和成效');
    expect(p.sections.leaders).toBe('党工委书记、办事处主任带头学法4次，主持召开党工委会议研究法治建设3次。');
  });

  it('keeps a 一、…四、 list inside the shortcomings part and still finds the real part 四', () => {
    const lines = p.sections.shortcomings?.split('\n') ?? [];
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^四、社区法律顾问/);
    expect(p.headings.plans).toBe('四.2026年度推进法治政府建设的主要安排');
    expect(p.sections.plans).toContain('专职调解员');
  });

  it('places the 其他 part and sends what it cannot place to unplaced', () => {
    expect(p.sections.other).toBe('2025年街道未发生需向上级报告的重大涉法事件。');
    expect(p.unplaced).toEqual(['东工〔2026〕2号', '六.附表说明\n执法和调解数据以区统计口径为准。', '（此件公开发布）']);
  });

  it('flags the zero-padded date', () => {
    expect(codes(p)).toContain('date-format:signature');
    expect(codes(p)).not.toContain('no-causes:shortcomings');
  });
});

describe('parseReport: text without part headings', () => {
  const p = fixture('fragment-no-parts.txt');

  it('keeps the preface and puts the rest in unplaced, never dropping it', () => {
    expect(p.title).toBe('示例镇2025年法治工作情况');
    expect(p.sections.preface).toBe('2025年，示例镇扎实推进法治建设。现将有关情况报告如下：');
    expect(p.unplaced).toEqual(['全年开展普法宣传活动15场，调处矛盾纠纷88件。\n下一年将继续加强法治宣传。']);
    expect(codes(p).filter((c) => c.startsWith('missing-part'))).toHaveLength(4);
  });
});

describe('parseReport: small cases', () => {
  it('classifies headings by meaning, not by number', () => {
    const p = parseAndCheck(
      [
        '青石乡2025年度法治政府建设情况报告',
        '2025年，青石乡依法行政。现将我乡2025年度法治政府建设情况报告如下：',
        '一、主要工作措施和成效',
        '全年调解纠纷40件。',
        '二、存在问题',
        '执法力量不足，原因是编制紧张。',
        '三、2026年工作思路',
        '（一）充实执法力量。',
        '四、书记乡长履行法治建设第一责任人职责情况',
        '书记带头学法3次。',
      ].join('\n'),
    );
    expect(p.sections.measures).toBe('全年调解纠纷40件。');
    expect(p.sections.shortcomings).toBe('执法力量不足，原因是编制紧张。');
    expect(p.sections.plans).toBe('（一）充实执法力量。');
    expect(p.sections.leaders).toBe('书记带头学法3次。');
    expect(p.recipient).toBeNull();
  });

  it('merges two parts on the same topic, keeping the second heading', () => {
    const p = parseAndCheck('示例镇2025年法治政府建设情况报告\n一、主要举措\n举措甲。\n二、取得的成效\n成效乙。\n三、存在的不足和原因\n问题丙，原因丁。');
    expect(p.sections.measures).toBe('举措甲。\n二、取得的成效\n成效乙。');
    expect(p.sections.shortcomings).toBe('问题丙，原因丁。');
  });

  it('splits a run-in level-1 heading from its body', () => {
    const p = parseAndCheck(
      '示例镇2025年法治政府建设情况报告\n一、主要举措和成效。全年开展普法活动12场，发放资料3000份，覆盖全镇所有行政村和社区，群众法治意识明显提高。\n二、存在的不足和原因\n问题，原因。',
    );
    expect(p.headings.measures).toBe('一、主要举措和成效');
    expect(p.sections.measures?.startsWith('全年开展普法活动12场')).toBe(true);
  });

  it('reads an organ and date written on one line and a two-line issuer title', () => {
    const p = parseAndCheck(
      '中共示例镇委员会\n示例镇人民政府\n关于示例镇2025年度法治政府建设情况的报告\n一、主要举措和成效\n内容。\n示例镇人民政府 2026年2月3日',
    );
    expect(p.title).toBe('中共示例镇委员会 示例镇人民政府关于示例镇2025年度法治政府建设情况的报告');
    expect(p.signature).toEqual({ organs: ['示例镇人民政府'], date: '2026-02-03', dateText: '2026年2月3日' });
  });

  it('keeps every trailing 抄送 line', () => {
    const p = parseAndCheck('示例镇2025年法治政府建设情况报告\n一、主要举措和成效\n内容。\n示例镇人民政府\n2026年1月9日\n抄送：示例县司法局。\n抄送：示例县委依法治县办。');
    expect(p.cc).toBe('抄送：示例县司法局。\n抄送：示例县委依法治县办。');
    expect(p.signature.organs).toEqual(['示例镇人民政府']);
  });

  it('takes the year from the preface or headings when the title has none', () => {
    expect(parseAndCheck('法治政府建设情况报告\n2024年，示例镇推进法治。现将我镇2024年度法治政府建设情况报告如下：\n一、主要举措和成效\n内容。').year).toBe(2024);
    expect(parseAndCheck('法治政府建设情况报告\n一、主要举措和成效\n内容。\n二、2025年度工作安排\n计划。').year).toBe(2024);
  });

  it('finds township names in titles and organ names', () => {
    expect(findTownshipName('中共湖光镇委员会')).toBe('湖光镇');
    expect(findTownshipName('示例县桃源乡2025年度法治政府建设情况报告')).toBe('桃源乡');
    expect(findTownshipName('东湖街道办事处')).toBe('东湖街道');
    expect(findTownshipName('关于全镇法治政府建设情况的报告')).toBeNull();
  });

  it('converts to the ReportText model with the date as written', () => {
    const p = fixture('qingshi-2024.txt');
    const r = toReportText(p);
    expect(r.signature.date).toBe('二〇二五年一月十五日');
    expect(r.year).toBe(2024);
    expect(r.headings?.leaders).toBe(p.headings.leaders);
  });
});

// A report whose top-level headings are themes (invented fixture): the themes are achievements and go under part 一
// as its sub-headings with their own wording; the part the report really lacks is flagged.
describe('parseReport: thematic headings (青山镇 2025)', () => {
  const source = readFileSync(path.join(FIXTURES, 'qingshan-thematic-2025.txt'), 'utf8').split('\n');
  const p = fixture('qingshan-thematic-2025.txt');

  it('files the themes under 主要举措和成效 as （一）（二）（三）, keeping their wording', () => {
    // The three themes with their paragraphs, as the source has them, renumbered as sub-headings.
    const themes = source.slice(3, 9).map((line) => line.replace(/^([一二三])、/, '（$1）'));
    expect(themes[0]).toBe('（一）强化组织保障');
    expect(p.sections.measures?.split('\n')).toEqual(themes);
  });

  it('places the shortcomings and plans by meaning and leaves nothing unplaced', () => {
    expect(p.sections.shortcomings).toContain('原因是法律顾问人手不足');
    expect(p.sections.plans).toBe('完善村级合同审查机制，开展执法人员培训4次。');
    expect(p.sections.leaders).toBeNull();
    expect(p.unplaced).toEqual([]);
  });

  it('flags the part that is really missing, and only that one', () => {
    const missing = p.checks.filter((c) => c.code === 'missing-part').map((c) => c.section);
    expect(missing).toEqual(['leaders']);
  });
});

describe('parseReport and parseAndCheck: the checks run once, by the caller that shows them', () => {
  const text = readFileSync(path.join(FIXTURES, 'qingshi-2024.txt'), 'utf8');

  it('parseReport parses only; parseAndCheck adds the findings of runChecks on what it found', () => {
    const parsed = parseReport(text);
    expect(parsed).not.toHaveProperty('checks');
    const checked = parseAndCheck(text);
    expect({ ...checked, checks: undefined }).toEqual({ ...parsed, checks: undefined });
    expect(checked.checks).toEqual(runChecks(toReportText(parsed)).map(({ code, section, message }) => ({ code, section, message })));
    expect(checked.checks.length).toBeGreaterThan(0);
  });
});
