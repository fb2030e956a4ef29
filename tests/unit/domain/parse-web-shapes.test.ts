// Web copies in the shapes a drafter pastes (invented fixtures): bracketed metadata printed twice, "- 标 题:" bullets, a
// pipe table of metadata, page chrome, a repeated title, a district prefix before the township, a page on one line,
// and a thematic part one written as achievements (一是…四是).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAndCheck, type CheckedReport } from '@/lib/domain/parse';
import { splitRunOn } from '@/lib/domain/parse/lines';
import { findTownshipName } from '@/lib/domain/parse/front';
import { expectLinear } from '../../support/linear';

const fixture = (name: string) => parseAndCheck(fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/reports', name), 'utf8'));
const codes = (p: CheckedReport) => p.checks.map((c) => `${c.code}:${c.section ?? ''}`);

describe('metadata in any shape is metadata: never the title, never the year', () => {
  const cases = [
    { file: 'dayuan-web-brackets-2025.txt', title: '临江区大园镇2025年法治政府建设情况报告', docNumber: '大园府发〔2026〕2号', writtenDate: '2026-01-16', township: '大园镇' },
    { file: 'songlin-web-bullets-2025.txt', title: '关于2025年度法治政府建设工作情况的报告', docNumber: '新塘府〔2026〕5号', writtenDate: '2026-01-12', township: '新塘乡' },
    { file: 'baisha-web-table-2025.txt', title: '白沙镇2025年度法治政府建设工作报告', docNumber: '白政发〔2026〕1号', writtenDate: '2026-01-08', township: '白沙镇' },
  ];
  for (const c of cases) {
    it(`${c.file}: title, 文号, 成文日期, year and township`, () => {
      const p = fixture(c.file);
      expect(p).toMatchObject({ title: c.title, docNumber: c.docNumber, writtenDate: c.writtenDate, year: 2025, township: c.township });
      expect(p.unplaced).toEqual([]);
      expect(p.sections.preface?.endsWith('报告如下：')).toBe(true);
      for (const key of ['measures', 'leaders', 'shortcomings', 'plans'] as const) expect(p.sections[key], key).toBeTruthy();
      // The 2026 of the 成文日期 never makes the correct "2025年" look wrong.
      expect(codes(p).filter((x) => /^(year-mismatch|missing-part|plans-no-year)/.test(x))).toEqual([]);
    });
  }

  it('strips the bracket block printed twice, the breadcrumb and the 大 / 中 / 小 / 分享到 chrome, and keeps them as noise', () => {
    const p = fixture('dayuan-web-brackets-2025.txt');
    expect(p.noise).toEqual(expect.arrayContaining(['大 / 中 / 小 / 分享到', '首页 > 政务公开 > 法定主动公开内容', '[ 文号 ] 大园府发〔2026〕2号']));
    expect(p.noise.filter((l) => l.startsWith('[ 索引号 ]'))).toHaveLength(2);
  });

  it('reads a label alone in brackets with its value on the next line', () => {
    const p = parseAndCheck(['[ 文号 ]', '东坪府发〔2026〕7号', '[ 成文日期 ]', '2026年1月9日', '东坪镇2025年度法治政府建设情况报告', '2025年，东坪镇依法行政。'].join('\n'));
    expect(p).toMatchObject({ docNumber: '东坪府发〔2026〕7号', writtenDate: '2026-01-09', title: '东坪镇2025年度法治政府建设情况报告', year: 2025 });
  });
});

describe('a repeated title', () => {
  it('is dropped, before the 主送 and after it, and does not open the 导语', () => {
    const p = fixture('dayuan-web-brackets-2025.txt');
    expect(p.sections.preface?.startsWith('2025年，大园镇')).toBe(true);
    const q = parseAndCheck(['东坪镇2025年度法治政府建设', '情况报告', '东坪县人民政府：', '东坪镇2025年度法治政府建设情况报告', '2025年，东坪镇依法行政。现将有关情况报告如下：', '一、主要举措和成效', '开展培训3次。'].join('\n'));
    expect(q.title).toBe('东坪镇2025年度法治政府建设情况报告');
    expect(q.sections.preface).toBe('2025年，东坪镇依法行政。现将有关情况报告如下：');
  });
});

describe('the township without county or district prefixes', () => {
  it.each([
    ['渝北区大盛镇2025年法治政府建设情况报告', '大盛镇'],
    ['重庆市渝北区大盛镇人民政府', '大盛镇'],
    ['某某省临江市南溪县白沙镇', '白沙镇'],
    ['达拉特旗树林召镇人民政府', '树林召镇'],
    ['东岭县河西街道办事处', '河西街道'],
  ])('%s → %s', (text, name) => {
    expect(findTownshipName(text)).toBe(name);
  });

  it('is read from the body when the title, 落款 and metadata do not name it', () => {
    const p = parseAndCheck(
      ['关于2025年度法治政府建设情况的报告', '北山县人民政府：', '今年以来，我们坚持依法行政。现将有关情况报告如下：', '一、主要举措和成效', '全年东坪镇党委召开会议4次，东坪镇坚持重大决策合法性审查。'].join('\n'),
    );
    expect(p.township).toBe('东坪镇');
  });
});

describe('a page copied on one line', () => {
  const p = fixture('shimen-one-line-2025.txt');

  it('is split into title, 主送, parts and 落款', () => {
    expect(p).toMatchObject({ title: '关于石门镇2025年度法治政府建设情况的报告', recipient: '中共北山县委、北山县人民政府：', year: 2025, township: '石门镇' });
    expect(p.headings).toEqual({
      measures: '一、2025年度推进法治政府建设的主要举措和成效',
      leaders: '二、2025年度党政主要负责人履行推进法治建设第一责任人职责情况',
      shortcomings: '三、2025年度推进法治政府建设存在的不足和原因',
      plans: '四、2026年度推进法治政府建设的主要安排',
    });
    expect(p.sections.measures?.split('\n')).toHaveLength(2);
    expect(p.sections.plans?.split('\n')).toEqual(['1.充实执法力量，开展执法人员培训2次。', '2.完善合法性审查机制。']);
    expect(p.signature).toMatchObject({ organs: ['中共石门镇委员会', '石门镇人民政府'], date: '2026-01-15' });
    expect(p.unplaced).toEqual([]);
    expect(codes(p).filter((x) => x.startsWith('missing-part'))).toEqual([]);
  });

  it('cuts a long run of sentences into paragraphs and leaves ordinary lines alone', () => {
    const sentence = '镇政府组织开展执法人员培训，提升依法行政能力。';
    const split = splitRunOn(`一、主要举措和成效 ${sentence.repeat(40)}二、存在的不足 ${sentence}`).split('\n');
    expect(Math.max(...split.map((l) => l.length))).toBeLessThanOrEqual(400);
    const normal = `${sentence.repeat(20)}\n一、主要举措`;
    expect(splitRunOn(normal)).toBe(normal);
  });

  it('takes time linear in the line', () => {
    const unit = '一、统一规范执法。（一）开展培训3次。1.完善机制！';
    splitRunOn(unit.repeat(20_000));
    expectLinear((n) => {
      splitRunOn(unit.repeat(n));
    }, 5_000);
  });
});

describe('a thematic part one written as achievements', () => {
  const p = fixture('hexi-thematic-2025.txt');

  it('is filed under 主要举措和成效, not as plans, with one （一） series', () => {
    expect(p.sections.measures?.split('\n').filter((l) => /^（[一二三四五六七八九十]+）/.test(l))).toEqual(['（一）提高政治站位，健全法治政府建设体制机制', '（二）创新普法宣传']);
    expect(p.sections.measures).toContain('1.强化组织领导');
    expect(p.sections.measures).toContain('2.培育法律明白人');
    expect(p.sections.plans).toBe('完善村级合同审查机制，开展执法人员培训4次。');
    expect(p.headings.plans).toBe('四、2026年工作打算');
  });

  it('raises no false missing part 一 and no false plans-no-year', () => {
    expect(codes(p)).not.toContain('missing-part:measures');
    expect(codes(p)).not.toContain('plans-no-year:plans');
    expect(codes(p).filter((x) => x.startsWith('missing-part'))).toEqual(['missing-part:leaders']);
  });

  it('still files a thematic part about next year’s 计划 and 将… as plans', () => {
    const q = parseAndCheck(
      ['关于2025年度法治政府建设情况的报告', '2025年，河西镇依法行政。现将有关情况报告如下：', '一、强化组织保障', '召开会议4次。', '二、深化法治建设', '2026年，将进一步完善机制，计划开展培训4次，将继续推进普法。'].join('\n'),
    );
    expect(q.sections.plans).toContain('计划开展培训4次');
  });
});
