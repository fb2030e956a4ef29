import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { parseAndCheck, toReportText, type CheckedReport } from '@/lib/domain/parse';
import { checkRepeatedFigures } from '@/lib/domain/checks-last-year';
import type { ReportText } from '@/lib/domain/model';
import { packChecklist, suggestChecklist } from '@/lib/domain/checklists';
import { defaultPack } from '@/lib/domain/season/defaults';
import { expectLeadersFirst } from '../../support/parsed';

// Real published reports live beside the checkout, not in it; the project does not copy their text.
const SAMPLES = path.resolve(__dirname, '../../../../shared/samples');
const haveSamples = existsSync(SAMPLES);

function sample(name: string): CheckedReport {
  return parseAndCheck(readFileSync(path.join(SAMPLES, name), 'utf8'));
}

function codes(p: CheckedReport) {
  return p.checks.map((c) => `${c.code}:${c.section ?? ''}`);
}

const PAGE_NUMBER = /^[—–\-\s]*\d+[—–\-\s]*$/m;

describe.skipIf(!haveSamples)('corpus: jincheng-2023', () => {
  const p = haveSamples ? sample('jincheng-2023.txt') : (null as unknown as CheckedReport);

  it('reads title, recipient, year and township', () => {
    expect(p.title).toContain('金城乡');
    expect(p).toMatchObject({ year: 2023, township: '金城乡', recipient: '中共博爱县委、博爱县人民政府：' });
  });

  it('finds all four parts, each with its own content', () => {
    for (const key of ['measures', 'leaders', 'shortcomings', 'plans'] as const) expect(p.sections[key]).toBeTruthy();
    expect(p.sections.measures).toContain('法律顾问帮助调解信访');
    expect(p.sections.leaders).toContain('“三亮”活动');
    expect(p.sections.leaders).not.toContain('法律顾问帮助调解信访');
    expect(p.sections.shortcomings).toContain('运用法治方式解决复杂问题的能力');
    expect(p.sections.plans?.startsWith('（一）进一步推进政府职能转变')).toBe(true);
    expect(p.headings.plans).toBe('四、下步工作打算');
    expect(p.sections.preface?.endsWith('报告如下：')).toBe(true);
  });

  it('reads the signature and strips the page number', () => {
    expect(p.signature.organs).toEqual(['中共金城乡委员会', '金城乡人民政府']);
    expect(p.signature.date).toBe('2024-01-19');
    expect(p.noise).toContain('— - 1 - —');
    for (const text of Object.values(p.sections)) expect(text ?? '').not.toMatch(PAGE_NUMBER);
    expect(p.sections.plans).not.toContain('金城乡人民政府\n');
    expect(p.unplaced).toEqual([]);
  });

  it('flags the missing causes and the （1）（2）（三） numbering', () => {
    expect(codes(p)).toContain('no-causes:shortcomings');
    expect(codes(p)).toContain('numbering:leaders');
    const leaders = p.checks.find((c) => c.code === 'numbering' && c.section === 'leaders');
    expect(leaders?.message).toContain('（三）');
    expect(codes(p)).not.toContain('missing-part:shortcomings');
    expect(codes(p)).not.toContain('no-recipient:recipient');
    expect(codes(p)).not.toContain('year-mismatch:signature');
  });

  it('gives checklist suggestions on real text', () => {
    const s = suggestChecklist(packChecklist(defaultPack(2023)), 'measures', p.sections.measures ?? '');
    expect(s.find((x) => x.itemId === 'measures.legal-advisers')?.suggested).toBe(true);
    expect(s.find((x) => x.itemId === 'measures.training')?.suggested).toBe(true);
  });
});

describe.skipIf(!haveSamples)('corpus: hutou-2023', () => {
  const p = haveSamples ? sample('hutou-2023.txt') : (null as unknown as CheckedReport);

  it('reads the joint-issuer title over two lines', () => {
    expect(p).toMatchObject({ title: '中共湖头镇委员会 湖头镇人民政府关于湖头镇2023年法治政府建设情况的报告', year: 2023, township: '湖头镇', recipient: '县委、县政府：' });
  });

  it('finds measures, leaders and plans but no shortcomings part', () => {
    expect(p.sections.measures).toContain('行政服务中心第二中心');
    expect(p.sections.leaders).toContain('谁执法谁普法');
    expect(p.sections.leaders).not.toContain('行政服务中心第二中心');
    expect(p.headings.plans).toBe('三、2024年推进法治政府建设的规划');
    expect(p.sections.plans).toContain('加强机关工作人员培训');
    expect(p.sections.plans).not.toContain('谁执法谁普法');
    expect(p.sections.shortcomings).toBeNull();
    expect(p.sections.preface?.endsWith('汇报如下：')).toBe(true);
  });

  it('flags the missing part and signature, and nothing about years', () => {
    expect(codes(p)).toContain('missing-part:shortcomings');
    expect(codes(p).filter((c) => c.startsWith('missing-part'))).toEqual(['missing-part:shortcomings']);
    expect(codes(p)).toContain('no-signature:signature');
    expect(codes(p).some((c) => c.startsWith('year-mismatch'))).toBe(false);
    expect(codes(p)).not.toContain('no-transition:preface');
    expect(p.unplaced).toEqual([]);
  });
});

describe.skipIf(!haveSamples)('corpus: wording checks a reviewer makes', () => {
  it('part 四 headed without the coming year (下步工作打算, 下阶段工作措施) and 1、 for 1. are flagged where they occur', () => {
    expect(codes(sample('jincheng-2023.txt'))).toContain('plans-no-year:plans');
    expect(codes(sample('yanxi-2024.txt'))).toContain('plans-no-year:plans');
    expect(codes(sample('hutou-2023.txt'))).not.toContain('plans-no-year:plans');
    expect(sample('jincheng-2023.txt').checks.some((c) => c.code === 'numbering' && c.message.includes('“1、”应写作“1.”'))).toBe(true);
  });

  it('none of the published samples is flagged for half-width punctuation, a thin part or a wrong document name', () => {
    for (const f of ['jincheng-2023.txt', 'yanxi-2024.txt', 'hutou-2023.txt']) {
      expect(codes(sample(f)).filter((c) => /^(halfwidth-punctuation|thin-part|wrong-document-name):/.test(c)), f).toEqual([]);
    }
  });
});

describe.skipIf(!haveSamples)('corpus: yanxi-2024', () => {
  const p = haveSamples ? sample('yanxi-2024.txt') : (null as unknown as CheckedReport);

  it('joins the two-line title', () => {
    expect(p).toMatchObject({ title: '烟溪镇2024年度法治政府建设工作情况报告', year: 2024, township: '烟溪镇', recipient: null });
  });

  it('swaps parts by meaning: part 一 is leaders, part 二 is measures', () => {
    expectLeadersFirst(p, { leaders: '依法治镇领导小组', notInLeaders: '反诈骗普法大讲堂', measures: '反诈骗普法大讲堂', notInMeasures: '依法治镇领导小组' });
    expect(p.sections.shortcomings).toContain('农村基层群众法律素质仍然偏低');
    expect(p.sections.plans).toContain('镇村两级法律顾问全覆盖');
  });

  it('strips full-width indentation', () => {
    for (const text of Object.values(p.sections)) expect(text ?? '').not.toMatch(/^[\u3000 ]/m);
    expect(p.sections.preface?.startsWith('2024年，烟溪镇')).toBe(true);
  });

  it('flags the missing recipient and signature', () => {
    expect(codes(p)).toContain('no-recipient:recipient');
    expect(codes(p)).toContain('no-signature:signature');
    expect(codes(p).some((c) => c.startsWith('missing-part'))).toBe(false);
    expect(p.unplaced).toEqual([]);
  });
});

describe.skipIf(!haveSamples)('corpus: the Documents II checks raise no false alarm on published reports', () => {
  const files = ['jincheng-2023.txt', 'yanxi-2024.txt', 'hutou-2023.txt'];

  it('finds no department as 主送, no 1) numbering, no trailing "." and no wrong document name', () => {
    for (const f of files) {
      const found = sample(f).checks;
      expect(codes(sample(f)).filter((c) => /^(recipient-department|wrong-document-name|halfwidth-punctuation):/.test(c)), f).toEqual([]);
      expect(found.filter((c) => c.message.includes('后半个括号')), f).toEqual([]);
    }
  });

  it('finds no repeated figures between two different townships’ reports taken as "last year"', () => {
    for (const f of files) {
      for (const other of files.filter((o) => o !== f)) {
        const r = toReportText(sample(f));
        r.lastYear = Object.fromEntries(Object.entries(sample(other).sections).filter(([, t]) => t)) as ReportText['lastYear'];
        expect(checkRepeatedFigures(r), `${f} against ${other}`).toEqual([]);
      }
    }
  });
});
