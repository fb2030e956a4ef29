// Coverage of the season's 事项 (lib/domain/season/coverage.ts) for one report, and the county map: townships ×
// items, blank where a township wrote nothing on an item. Both read the effective pack of the report's year and
// county. The map reads the county's part texts in one query and covers each report once (bounded by the text and
// pack limits: 40 townships under 200 ms, a bench row).
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { reportSections, reports, townships } from '@/db/schema';
import type { Actor } from '@/lib/domain/permissions';
import { coverReport, type CoverageSections } from '@/lib/domain/season/coverage';
import type { PackPart } from '@/lib/domain/season/schema';
import { getReportForActor } from '@/lib/reports/service';
import { effectivePack } from '@/lib/season/store';
import { dashboardCounty } from './service';
import { reportTownship } from '@/db/joins';

export type CoverageItem = { id: string; title: string; level: 1 | 2 | 3; part: PackPart; covered: boolean; evidence: string | null; keyword: string | null; section: PackPart | null };
export type ReportCoverage = { season: number; items: CoverageItem[] };

/** GET /api/reports/:id/coverage: which of the season's items the report covers, with the words that show it. */
export async function reportCoverage(db: Db, actor: Actor, reportId: number): Promise<ReportCoverage> {
  const { report, township, sections } = await getReportForActor(db, actor, reportId);
  const pack = await effectivePack(db, report.year, township.countyId);
  const texts: CoverageSections = {};
  for (const s of sections) texts[s.sectionKey as PackPart] = s.plainText;
  return { season: report.year, items: coverReport(texts, pack) };
}

export type CountyCoverage = {
  county: { id: number; name: string };
  year: number;
  items: Array<{ id: string; title: string; level: 1 | 2 | 3; part: PackPart }>;
  townships: Array<{ townshipId: number; name: string; reportId: number | null; covered: string[] }>;
};

/** GET /api/dashboard/coverage?county=&year=: the county map, one row per township (no report: nothing covered). */
export async function countyCoverage(db: Db, actor: Actor, countyId: number | undefined, year: number): Promise<CountyCoverage> {
  const county = await dashboardCounty(db, actor, countyId);
  const pack = await effectivePack(db, year, county.id);
  const ts = await db.select({ id: townships.id, name: townships.name }).from(townships).where(eq(townships.countyId, county.id)).orderBy(townships.id);
  const rs = await db
    .select({ id: reports.id, townshipId: reports.townshipId })
    .from(reports)
    .innerJoin(townships, reportTownship)
    .where(and(eq(townships.countyId, county.id), eq(reports.year, year)));
  const texts = await db
    .select({ reportId: reportSections.reportId, key: reportSections.sectionKey, text: reportSections.plainText })
    .from(reportSections)
    .innerJoin(reports, eq(reports.id, reportSections.reportId))
    .innerJoin(townships, reportTownship)
    .where(and(eq(townships.countyId, county.id), eq(reports.year, year)));
  const byReport = new Map<number, CoverageSections>();
  for (const t of texts) {
    const m = byReport.get(t.reportId) ?? {};
    m[t.key as PackPart] = t.text;
    byReport.set(t.reportId, m);
  }
  const reportOf = new Map(rs.map((r) => [r.townshipId, r.id]));
  return {
    county,
    year,
    items: pack.items.map(({ id, title, level, part }) => ({ id, title, level, part })),
    townships: ts.map((t) => {
      const reportId = reportOf.get(t.id) ?? null;
      const covered = reportId === null ? [] : coverReport(byReport.get(reportId) ?? {}, pack).filter((i) => i.covered).map((i) => i.id);
      return { townshipId: t.id, name: t.name, reportId, covered };
    }),
  };
}
