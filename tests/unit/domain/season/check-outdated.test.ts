// outdated-document: the 纲要 cited as current in part 四 of a 2025 report is flagged; a 2024 report citing it is not;
// a document that ended before the report's year is flagged anywhere; a known successor is named and offered as a fix.
import { describe, expect, it } from 'vitest';
import { runChecks } from '@/lib/domain/checks';
import { emptyReportText, type ReportText } from '@/lib/domain/model';
import { checkOutdatedDocument } from '@/lib/domain/season/check-outdated';
import { layerPacks } from '@/lib/domain/season/layer';
import { shippedNationalPack } from '@/lib/domain/season/defaults';
import { parseSeasonPack } from '@/lib/domain/season/schema';
import { expectLinear } from '../../../support/linear';

const PLANS = '（一）持续深化依法行政。继续深入贯彻落实《法治政府建设实施纲要（2021—2025年）》，确保纲要各项任务全面完成，年底前完成镇级权责清单动态调整。';

function report(year: number, sections: Partial<ReportText['sections']>): ReportText {
  const r = emptyReportText(year);
  r.title = `关于示例镇${year}年度法治政府建设情况的报告`;
  Object.assign(r.sections, sections);
  return r;
}

describe('outdated-document', () => {
  it('flags a 2025 report citing the 纲要 as current in part 四, and the stale formulation beside it', () => {
    const found = checkOutdatedDocument(report(2025, { plans: PLANS }));
    expect(found.map((c) => c.code)).toEqual(['outdated-document', 'outdated-document']);
    expect(found[0]).toMatchObject({ section: 'plans', severity: 'warning' });
    expect(found[0]!.message).toContain('2025年12月31日期满');
    expect(PLANS.slice(found[0]!.at!.start, found[0]!.at!.end)).toBe('法治政府建设实施纲要（2021—2025年）');
    expect(found[1]!.message).toContain('确保纲要各项任务全面完成');
    // It flows through the checks list like every other check.
    expect(runChecks(report(2025, { plans: PLANS })).filter((c) => c.code === 'outdated-document')).toHaveLength(2);
  });

  it('raises nothing for a 2024 report citing it, nor for a 2025 report citing it among the year’s achievements', () => {
    expect(checkOutdatedDocument(report(2024, { plans: PLANS }))).toEqual([]);
    expect(checkOutdatedDocument(report(2025, { measures: '对照《法治政府建设实施纲要（2021—2025年）》开展总结评估。' }))).toEqual([]);
  });

  it('flags it anywhere in a 2026 report, the document having ended before that year', () => {
    const found = checkOutdatedDocument(report(2026, { measures: '深入落实《法治政府建设实施纲要（2021—2025年）》。' }));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('2026年度的报告');
  });

  it('names a successor the pack knows and offers it as a one-click fix', () => {
    const county = parseSeasonPack({
      season: 2026,
      scope: { level: 'county', county: '示例县' },
      documents: [{ title: '《示例县依法行政三年规划（2023—2025年）》', validFrom: '2023-01-01', validTo: '2025-12-31', successor: '《示例县依法行政规划（2026—2028年）》' }],
    });
    const pack = layerPacks([shippedNationalPack(2026), county]);
    const found = checkOutdatedDocument(report(2026, { plans: '落实《示例县依法行政三年规划（2023—2025年）》。' }), pack);
    expect(found[0]!.message).toContain('《示例县依法行政规划（2026—2028年）》');
    expect(found[0]!.fix?.edits[0]?.text).toBe('示例县依法行政规划（2026—2028年）');
  });

  it('works in time linear in the text', () => {
    expectLinear((n) => {
      checkOutdatedDocument(report(2025, { plans: `${PLANS}\n`.repeat(n), measures: '《法治政府建设实施纲要（2021—2025年》《'.repeat(n) }));
    }, 400);
  });
});
