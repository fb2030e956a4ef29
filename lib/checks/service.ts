// The checks of a saved report, computed on the server from the stored text: the findings the 检查 panel shows, with
// last year's report of the same township compared as the editor compares it. For anyone who may read the report.
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { one } from '@/db/tx';
import { reportSections, reports } from '@/db/schema';
import { findingsOf, type Finding } from '@/lib/domain/findings';
import type { Actor } from '@/lib/domain/permissions';
import { isBodySectionKey, type BodySectionKey } from '@/lib/domain/sections';
import { storedReportText } from '@/lib/domain/stored';
import { loadReportInScope } from '@/lib/reports/service';
import { effectivePack } from '@/lib/season/store';
import { templateHeadings } from '@/lib/domain/template';

export type { Finding } from '@/lib/domain/findings';

/** 200 from GET /api/reports/:id/checks. */
export type ReportChecks = { findings: Finding[] };

/** Each part's plain text of a report, as saved. */
async function partTexts(db: Db, reportId: number): Promise<Partial<Record<BodySectionKey, string>>> {
  const rows = await db
    .select({ key: reportSections.sectionKey, text: reportSections.plainText })
    .from(reportSections)
    .where(eq(reportSections.reportId, reportId));
  return Object.fromEntries(rows.filter((r) => isBodySectionKey(r.key)).map((r) => [r.key, r.text]));
}

/** The findings on a report the actor may read (drafters only their own township's; 403/404 otherwise). */
export async function reportChecks(db: Db, actor: Actor, reportId: number): Promise<ReportChecks> {
  const { report, township } = await loadReportInScope(db, actor, reportId, 'report.read');
  // The season pack of the report's year and county, as the editor's 检查 panel uses it.
  const pack = await effectivePack(db, report.year, township.countyId);
  // Last year's report of the same township: readable by whoever may read this one, as in the editor.
  const previous = await one(
    db
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.townshipId, report.townshipId), eq(reports.year, report.year - 1))),
  );
  const input = storedReportText({
    year: report.year,
    title: report.title,
    recipient: report.recipient,
    texts: await partTexts(db, report.id),
    signatureOrgans: report.signatureOrgans,
    documentDate: report.documentDate,
    partHeadings: report.partHeadings,
    templateHeadings: templateHeadings(report.year, pack, township.kind),
    lastYear: previous ? await partTexts(db, previous.id) : null,
  });
  return { findings: findingsOf(input, pack) };
}
