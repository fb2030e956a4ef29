import { describe, it, expect } from 'vitest';
import { SECTION_KEYS } from '@/lib/domain/sections';
import {
  REPORT_TEMPLATE,
  defaultCc,
  defaultPreface,
  defaultRecipient,
  defaultReportSkeleton,
  defaultSignatureOrgans,
  defaultTitle,
  fullTownshipName,
  ownPartHeadings,
  partHeadingLines,
  sectionHeading,
  sectionTemplate,
  templateHeadings,
} from '@/lib/domain/template';
import { defaultPack } from '@/lib/domain/season/defaults';
import { layerPacks } from '@/lib/domain/season/layer';
import type { SeasonPack } from '@/lib/domain/season/schema';

describe('sectionHeading', () => {
  it('puts year N on measures, leaders and shortcomings and N+1 on plans', () => {
    expect(sectionHeading('measures', 2025)).toBe('一、2025年度推进法治政府建设的主要举措和成效');
    expect(sectionHeading('leaders', 2025)).toBe(
      '二、2025年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
    );
    expect(sectionHeading('shortcomings', 2025)).toBe('三、2025年度推进法治政府建设存在的不足和原因');
    expect(sectionHeading('plans', 2025)).toBe('四、2026年度推进法治政府建设的主要安排');
    expect(sectionHeading('other', 2025)).toBe('五、其他需要报告的情况');
  });

  it('has no heading line for title, recipient, preface, signature and cc', () => {
    for (const key of ['title', 'recipient', 'preface', 'signature', 'cc'] as const) {
      expect(sectionHeading(key, 2025)).toBeNull();
    }
  });
});

describe('REPORT_TEMPLATE', () => {
  it('covers every section key in document order', () => {
    expect(REPORT_TEMPLATE.map((t) => t.key)).toEqual([...SECTION_KEYS]);
  });

  it('marks only other and cc as optional', () => {
    expect(REPORT_TEMPLATE.filter((t) => t.optional).map((t) => t.key)).toEqual(['other', 'cc']);
  });

  it('gives every part a Chinese guide text', () => {
    for (const t of REPORT_TEMPLATE) {
      expect(t.guide.length).toBeGreaterThan(10);
      expect(t.guide).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(sectionTemplate('shortcomings').guide).toContain('原因');
    expect(sectionTemplate('plans').heading?.(2024)).toBe('四、2025年度推进法治政府建设的主要安排');
  });
});

describe('default wording', () => {
  const zhen = { townshipName: '示例镇', townshipKind: '镇' as const, countyName: '示例县', year: 2025 };
  const xiang = { townshipName: '青石', townshipKind: '乡' as const, countyName: '示例县', year: 2024 };
  const jiedao = { townshipName: '东湖街道', townshipKind: '街道' as const, countyName: '示例县', year: 2025 };

  it('builds the joint title for 镇, 乡 and 街道', () => {
    expect(defaultTitle(zhen)).toBe('中共示例镇委员会 示例镇人民政府关于示例镇2025年度法治政府建设情况的报告');
    expect(defaultTitle(xiang)).toBe('中共青石乡委员会 青石乡人民政府关于青石乡2024年度法治政府建设情况的报告');
    expect(defaultTitle(jiedao)).toBe(
      '中共东湖街道工作委员会 东湖街道办事处关于东湖街道2025年度法治政府建设情况的报告',
    );
  });

  it('appends the township kind only when missing', () => {
    expect(fullTownshipName('示例镇', '镇')).toBe('示例镇');
    expect(fullTownshipName('示例', '镇')).toBe('示例镇');
    expect(fullTownshipName('东湖', '街道')).toBe('东湖街道');
  });

  it('names the issuing organs, party committee first', () => {
    expect(defaultSignatureOrgans(zhen)).toEqual(['中共示例镇委员会', '示例镇人民政府']);
    expect(defaultSignatureOrgans(jiedao)).toEqual(['中共东湖街道工作委员会', '东湖街道办事处']);
  });

  it('addresses the county and copies its 依法治县办', () => {
    // With or without 县 in the name as stored.
    for (const county of ['示例县', '示例']) expect(defaultRecipient(county)).toBe('中共示例县委、示例县人民政府：');
    const cc: Array<[string, string]> = [
      ['示例县', '抄送：示例县委全面依法治县委员会办公室。'],
      ['南湖区', '抄送：南湖区委全面依法治区委员会办公室。'],
    ];
    for (const [county, line] of cc) expect(defaultCc(county)).toBe(line);
  });

  it('ends the preface with the transition naming the township kind', () => {
    expect(defaultPreface(zhen).endsWith('现将我镇2025年度法治政府建设情况报告如下：')).toBe(true);
    expect(defaultPreface(xiang).endsWith('现将我乡2024年度法治政府建设情况报告如下：')).toBe(true);
    expect(defaultPreface(jiedao).endsWith('现将我街道2025年度法治政府建设情况报告如下：')).toBe(true);
    expect(defaultPreface(zhen).startsWith('2025年，')).toBe(true);
  });

  it('assembles a skeleton with next-year plans heading', () => {
    const s = defaultReportSkeleton(zhen);
    expect(s.headings.plans).toBe('四、2026年度推进法治政府建设的主要安排');
    expect(s.signatureOrgans).toHaveLength(2);
    expect(s.cc).toBe(defaultCc('示例县'));
  });
});

describe('templateHeadings: the headings of the pack that applies to the township', () => {
  // Invented packs: a province pack with a longer part one for its streets, a county pack with its own part 四.
  const province: SeasonPack = {
    ...defaultPack(2025),
    scope: { level: 'province', province: '示例省' },
    documents: [],
    items: [],
    sources: [],
    wordings: [],
    checklist: undefined,
    requiredParts: undefined,
    deadlines: undefined,
    outline: {
      headings: { shortcomings: '三、{year}年度法治政府建设存在的短板和原因' },
      otherOptional: true,
      variants: [{ province: '示例', townshipKind: '街道', headings: { measures: '一、{year}年度街道推进法治政府建设、落实示例省法治建设部署的主要举措和成效' } }],
    },
  };
  const county = (headings: NonNullable<SeasonPack['outline']>['headings']): SeasonPack => ({ ...province, scope: { level: 'county', county: '示例县' }, outline: { headings, otherOptional: true, variants: [] } });

  it('takes the national default without a pack', () => {
    expect(templateHeadings(2025)).toEqual(partHeadingLines(2025, null));
    expect(templateHeadings(2025).plans).toBe('四、2026年度推进法治政府建设的主要安排');
  });

  it("takes the province's headings and its variant for the township's kind", () => {
    const pack = layerPacks([defaultPack(2025), province]);
    const street = templateHeadings(2025, pack, '街道');
    expect(street.measures).toBe('一、2025年度街道推进法治政府建设、落实示例省法治建设部署的主要举措和成效');
    expect(street.shortcomings).toBe('三、2025年度法治政府建设存在的短板和原因');
    expect(street.leaders).toBe(templateHeadings(2025).leaders);
    const town = templateHeadings(2025, pack, '镇');
    expect(town.measures).toBe(templateHeadings(2025).measures);
    expect(town.shortcomings).toBe('三、2025年度法治政府建设存在的短板和原因');
  });

  it('lets the county pack override the province, part by part, its variant included', () => {
    const pack = layerPacks([county({ plans: '四、{next}年度法治政府建设工作打算', measures: '一、{year}年度主要工作和成效' }), defaultPack(2025), province]);
    const street = templateHeadings(2025, pack, '街道');
    expect(street).toMatchObject({
      measures: '一、2025年度主要工作和成效',
      shortcomings: '三、2025年度法治政府建设存在的短板和原因',
      plans: '四、2026年度法治政府建设工作打算',
    });
    // A county pack that words nothing keeps the province's variant.
    expect(templateHeadings(2025, layerPacks([defaultPack(2025), province, county({})]), '街道').measures).toContain('落实示例省法治建设部署');
  });

  it('applies a variant only in its province', () => {
    const elsewhere = layerPacks([defaultPack(2025), { ...province, scope: { level: 'province', province: '另一省' } }]);
    expect(templateHeadings(2025, elsewhere, '街道').measures).toBe(templateHeadings(2025).measures);
  });

  it("feeds the township's own headings, the skeleton and what an import keeps", () => {
    const pack = layerPacks([defaultPack(2025), province, county({ plans: '四、{next}年度法治政府建设工作打算' })]);
    const t = templateHeadings(2025, pack, '街道');
    expect(partHeadingLines(2025, { leaders: '主要负责人履职情况' }, t)).toMatchObject({ plans: '四、2026年度法治政府建设工作打算', leaders: '二、主要负责人履职情况' });
    expect(sectionHeading('plans', 2025, t)).toBe('四、2026年度法治政府建设工作打算');
    expect(defaultReportSkeleton({ townshipName: '示例', townshipKind: '街道', countyName: '示例县', year: 2025 }, t).headings.plans).toBe('四、2026年度法治政府建设工作打算');
    // Written as the county's template: not the township's own; written as the national one: its own here.
    expect(ownPartHeadings(2025, { plans: '四、2026年度法治政府建设工作打算' }, t)).toEqual({});
    expect(ownPartHeadings(2025, { plans: templateHeadings(2025).plans }, t)).toEqual({ plans: '2026年度推进法治政府建设的主要安排' });
  });
});
