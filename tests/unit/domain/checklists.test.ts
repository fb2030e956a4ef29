import { describe, it, expect } from 'vitest';
import {
  FIGURE_WINDOW,
  checklistFor,
  createLedger,
  extractPlanMeasures,
  findChecklistItem,
  findFigures,
  ledgerLabel,
  packChecklist,
  suggestChecklist,
} from '@/lib/domain/checklists';
import { checkNoFigures } from '@/lib/domain/checks-wording';
import { emptyReportText } from '@/lib/domain/model';
import { defaultPack } from '@/lib/domain/season/defaults';
import type { SeasonPack } from '@/lib/domain/season/schema';

/** The shipped default pack's checklist: what a report of 2025 is checked against with no pack of its own. */
const CL = packChecklist(defaultPack(2025));

function suggestion(section: string, text: string, id: string) {
  const found = suggestChecklist(CL, section, text).find((s) => s.itemId === id);
  if (!found) throw new Error(`no suggestion for ${id}`);
  return found;
}

describe('checklist items', () => {
  it('have unique, section-prefixed ids and Chinese labels', () => {
    const all = CL;
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    for (const i of all) {
      expect(i.id.startsWith(`${i.section}.`)).toBe(true);
      expect(i.label).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(findChecklistItem(CL, 'measures.legal-advisers')?.needsFigure).toBe(true);
    expect(findChecklistItem(CL, 'leaders.report-on-law')?.hints).toContain('述法');
  });

  it('covers the four body parts only', () => {
    expect(checklistFor(CL, 'measures').length).toBeGreaterThanOrEqual(11);
    expect(checklistFor(CL, 'shortcomings').map((i) => i.id)).toContain('shortcomings.causes');
    expect(checklistFor(CL, 'preface')).toEqual([]);
    expect(suggestChecklist(CL, 'other', '法律顾问审查合同5份')).toEqual([]);
  });
});

describe('the checklist comes from the season pack', () => {
  // An invented pack whose part 一 item on legal advisers is worded otherwise and listens to other words.
  const changed: SeasonPack = {
    ...defaultPack(2025),
    checklist: [
      { id: 'measures.legal-advisers', section: 'measures', label: '村居法律顾问：联系村（社区）的次数', hints: ['村居法律顾问'], needsFigure: true },
      { id: 'leaders.report-on-law', section: 'leaders', label: '向县委述法', hints: ['述法'], needsFigure: false },
    ],
  };

  it("lists the pack's items, labels and words, not the default's", () => {
    const own = packChecklist(changed);
    expect(checklistFor(own, 'measures').map((i) => i.label)).toEqual(['村居法律顾问：联系村（社区）的次数']);
    expect(findChecklistItem(own, 'measures.training')).toBeUndefined();
    const text = '聘请法律顾问审查合同5份。村居法律顾问每月进村1次。';
    expect(suggestChecklist(own, 'measures', text)[0]!.matches.map((m) => m.keyword)).toEqual(['村居法律顾问']);
    expect(suggestChecklist(CL, 'measures', text).find((s) => s.itemId === 'measures.legal-advisers')!.matches.map((m) => m.keyword)).toEqual(['法律顾问', '法律顾问']);
  });

  it('a pack without a checklist takes the shipped default of its season', () => {
    const bare = { ...defaultPack(2026), checklist: undefined };
    expect(packChecklist(bare)).toEqual(defaultPack(2026).checklist);
    expect(packChecklist(undefined, 2026)).toEqual(defaultPack(2026).checklist);
  });

  it("the no-figures check names the pack's item", () => {
    const report = { ...emptyReportText(), year: 2025, sections: { ...emptyReportText().sections, measures: '全面推行村居法律顾问制度。' } };
    expect(checkNoFigures(report, changed).map((c) => c.message)).toEqual([expect.stringContaining('“村居法律顾问”：写到了“村居法律顾问”')]);
    expect(checkNoFigures(report, defaultPack(2025)).map((c) => c.message)).toEqual([expect.stringContaining('“法律顾问”：写到了“法律顾问”')]);
  });
});

describe('findFigures', () => {
  it('finds Arabic and Chinese figures with units', () => {
    const text = '举办培训4期，参训320人次，发放资料3000余份，成功率98.5%，制定规范性文件零件，开展三场讲座。';
    expect(findFigures(text).map((f) => f.text)).toEqual(['4期', '320人次', '3000余份', '98.5%', '零件', '三场']);
  });

  it('ignores years, lone 一 and political set phrases', () => {
    expect(findFigures('2025年一起推进，增强四个意识，落实行政执法三项制度。')).toEqual([]);
  });
});

describe('suggestChecklist', () => {
  it('suggests an item when a keyword has a figure in the same sentence, with correct offsets', () => {
    const text = '聘请律师担任镇法律顾问，全年审查合同26份。';
    const s = suggestion('measures', text, 'measures.legal-advisers');
    expect(s.suggested).toBe(true);
    const m = s.matches[0]!;
    expect(m.keyword).toBe('法律顾问');
    expect(text.slice(m.start, m.end)).toBe('法律顾问');
    expect(m.figure?.text).toBe('26份');
    expect(text.slice(m.figure!.start, m.figure!.end)).toBe('26份');
  });

  it('does not suggest when the only figure is far away in another sentence', () => {
    const filler = '镇里持续完善相关工作机制，各项制度运行总体平稳有序，干部群众普遍认可当前的做法和成效。';
    const text = `镇政府聘请了法律顾问。${filler}${filler}全年接待群众来访300人次。`;
    const s = suggestion('measures', text, 'measures.legal-advisers');
    expect(s.matches).toHaveLength(1);
    expect(s.matches[0]!.figure).toBeUndefined();
    expect(s.suggested).toBe(false);
  });

  it('accepts a figure just across a sentence boundary within the window', () => {
    const text = '落实法律顾问制度。审查合同12份。';
    const s = suggestion('measures', text, 'measures.legal-advisers');
    expect(s.suggested).toBe(true);
    expect(s.matches[0]!.figure?.text).toBe('12份');
    expect(FIGURE_WINDOW).toBe(40);
  });

  it('counts an explicit zero for normative documents', () => {
    expect(suggestion('measures', '本年度制定规范性文件0件。', 'measures.normative-documents').suggested).toBe(true);
    expect(suggestion('measures', '本年度制定规范性文件零件。', 'measures.normative-documents').suggested).toBe(true);
    expect(suggestion('measures', '严格规范性文件管理。', 'measures.normative-documents').suggested).toBe(false);
  });

  it('accepts an explicit "none" for reconsideration and litigation', () => {
    const s = suggestion('measures', '全年未发生行政复议和行政诉讼案件。', 'measures.reconsideration');
    expect(s.suggested).toBe(true);
    expect(s.matches.map((m) => m.keyword)).toEqual(['行政复议', '行政诉讼']);
    expect(s.matches[0]!.figure?.text).toBe('未发生');
  });

  it('suggests keyword-only items without a figure and never suggests items without hints', () => {
    const text = '一是村级合同管理不规范；二是执法力量薄弱。原因在于培训不足。';
    expect(suggestion('shortcomings', text, 'shortcomings.problems').suggested).toBe(true);
    expect(suggestion('shortcomings', text, 'shortcomings.causes').suggested).toBe(true);
    expect(suggestion('shortcomings', text, 'shortcomings.concrete').suggested).toBe(false);
    expect(suggestion('shortcomings', '一是执法力量薄弱。', 'shortcomings.causes').suggested).toBe(false);
  });

  it('prefers the longest keyword so overlapping hints are one match', () => {
    const s = suggestion('leaders', '书记带头参加中心组学法6次。', 'leaders.study');
    expect(s.matches.map((m) => m.keyword)).toEqual(['中心组学法']);
    expect(s.suggested).toBe(true);
  });

  it('does not treat a numeral inside the keyword as its figure', () => {
    const s = suggestion('measures', '严格落实行政执法三项制度。', 'measures.enforcement');
    expect(s.matches.map((m) => m.keyword)).toEqual(['行政执法三项制度']);
    expect(s.suggested).toBe(false);
  });
});

describe('extractPlanMeasures', () => {
  it('takes one title per （一） sub-heading, up to the first full stop', () => {
    const plans = '（一）加强干部学法。每季度组织1次集中学法。\n(二)规范合同管理\n全面审查村级合同。\n（三）深化矛盾纠纷化解：推广乡贤调解。';
    expect(extractPlanMeasures(plans)).toEqual(['加强干部学法', '规范合同管理', '深化矛盾纠纷化解']);
  });

  it('falls back to 一是…二是… enumerations', () => {
    const plans = '明年我们将重点抓好三件事：一是健全法律顾问制度；二是开展执法案卷评查，每季度1次；三是推进政务公开。';
    expect(extractPlanMeasures(plans)).toEqual(['健全法律顾问制度', '开展执法案卷评查，每季度1次', '推进政务公开']);
  });

  it('falls back to numbered items when there are no sub-headings', () => {
    const plans = '1.完善村规民约。\n2、加强普法宣传，每月进村一次。\n3．推进复议应诉规范化';
    expect(extractPlanMeasures(plans)).toEqual(['完善村规民约', '加强普法宣传，每月进村一次', '推进复议应诉规范化']);
  });

  it('returns nothing for prose without a list', () => {
    expect(extractPlanMeasures('明年继续做好法治政府建设各项工作。')).toEqual([]);
  });

  it('builds unmarked ledger items', () => {
    const ledger = createLedger('（一）加强干部学法。\n（二）规范合同管理。');
    expect(ledger).toEqual([
      { id: 'plan-1', text: '加强干部学法', state: null, note: '' },
      { id: 'plan-2', text: '规范合同管理', state: null, note: '' },
    ]);
    expect(ledgerLabel(ledger[0]!)).toBe('去年计划：加强干部学法');
  });
});
