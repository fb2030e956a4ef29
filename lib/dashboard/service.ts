// The county dashboard: every township's report for a year, its progress and the days left, in a fixed number of queries.
// At the length limit: one row per township from a fixed handful of queries, and the county's deadlines, together.
import { one, rows as queryRows, withTx } from '@/db/tx';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { counties, countyDeadlines, reportSections, reports, townships, users } from '@/db/schema';
import { REPORT_STATUSES, type ReportStatus } from '@/lib/domain/vocabulary';
import { recordAudit } from '@/lib/audit/record';
import { can, type Actor } from '@/lib/domain/permissions';
import { AppError } from '@/lib/shared/errors';
import { packChecklist } from '@/lib/domain/checklists';
import { runChecks } from '@/lib/domain/checks';
import { REQUIRED_PART_KEYS } from '@/lib/domain/model';
import { type BodySectionKey } from '@/lib/domain/sections';
import { storedReportText } from '@/lib/domain/stored';
import { idSchema, isoDateSchema, parseInput, yearSchema } from '@/lib/shared/validation';
import { z } from 'zod';
import { daysUntil, publicationDeadline, publicationOverdue, templateHeadings } from '@/lib/domain/template';
import { effectivePack } from '@/lib/season/store';
import { reportTownship } from '@/db/joins';

export type DashboardRow = {
  townshipId: number;
  townshipName: string;
  townshipKind: string;
  reportId: number | null;
  status: ReportStatus | 'none';
  partsFilled: number;
  partsTotal: number;
  checklistDone: number;
  checklistTotal: number;
  openChecks: number;
  openThreads: number;
  /** Reviewers' suggestions still waiting for the drafter. */
  openSuggestions: number;
  /** Where and when the report was made public (已公开), as registered. */
  published: { url: string | null; date: string | null } | null;
  /** Past 4月1日 of the next year and still not public: shown in red. */
  publicationOverdue: boolean;
  updatedAt: string | null;
  updatedByName: string | null;
};

export type Dashboard = {
  county: { id: number; name: string };
  year: number;
  collectionDate: string | null;
  /** Days until the county's collection date and until 4月1日 of the next year; negative when overdue. */
  daysToCollection: number | null;
  daysToPublication: number;
  publicationDate: string;
  counts: Record<ReportStatus | 'none', number>;
  rows: DashboardRow[];
};

/** The counties the actor may look at in the dashboard: all for an admin, a reviewer's own and further ones. */
export async function dashboardCounties(db: Db, actor: Actor): Promise<Array<{ id: number; name: string }>> {
  const all = await db.select({ id: counties.id, name: counties.name }).from(counties).orderBy(counties.id);
  return all.filter((c) => can(actor, 'county.dashboard', { countyId: c.id }));
}

/** Which county a reviewer or admin looks at: a reviewer's own by default; an admin picks (the first by default). */
export async function dashboardCounty(db: Db, actor: Actor, requested?: number): Promise<{ id: number; name: string }> {
  const all = await db.select({ id: counties.id, name: counties.name }).from(counties).orderBy(counties.id);
  if (requested !== undefined && !all.some((c) => c.id === requested)) throw new AppError('not_found', '该县不存在。');
  // A reviewer who names no county sees their own; naming another county is refused below, not silently replaced.
  const id = requested ?? (actor.role === 'reviewer' ? actor.countyId : all[0]?.id);
  const county = all.find((c) => c.id === id);
  if (!county) throw new AppError('not_found', '没有可以查看的县。');
  if (!can(actor, 'county.dashboard', { countyId: county.id })) throw new AppError('forbidden', '只有县级审核人和管理员可以查看进度。');
  return county;
}

export async function loadDashboard(db: Db, actor: Actor, countyId: number | undefined, year: number, now = new Date()): Promise<Dashboard> {
  const county = await dashboardCounty(db, actor, countyId);
  const inCounty = and(eq(townships.countyId, county.id), eq(reports.year, year));
  const townshipRows = await db
    .select({ id: townships.id, name: townships.name, kind: townships.kind })
    .from(townships)
    .where(eq(townships.countyId, county.id))
    .orderBy(townships.id);
  const reportRows = await db
    .select({
      id: reports.id,
      townshipId: reports.townshipId,
      status: reports.status,
      title: reports.title,
      recipient: reports.recipient,
      organs: reports.signatureOrgans,
      documentDate: reports.documentDate,
      partHeadings: reports.partHeadings,
      publishedUrl: reports.publishedUrl,
      publishedDate: reports.publishedDate,
      updatedAt: reports.updatedAt,
      updatedByName: users.displayName,
    })
    .from(reports)
    .innerJoin(townships, reportTownship)
    .leftJoin(users, eq(users.id, reports.updatedBy))
    .where(inCounty);
  const sectionText = async (forYear: number) =>
    await db
      .select({ reportId: reportSections.reportId, townshipId: reports.townshipId, sectionKey: reportSections.sectionKey, plainText: reportSections.plainText })
      .from(reportSections)
      .innerJoin(reports, eq(reports.id, reportSections.reportId))
      .innerJoin(townships, reportTownship)
      .where(and(eq(townships.countyId, county.id), eq(reports.year, forYear)));
  const sections = await sectionText(year);
  // Last year's text per township, for the same checks the editor runs (stale figures, same as last year).
  const lastYearSections = await sectionText(year - 1);
  // Aggregates drizzle would only wrap in sql``: written as SQL (portable to both engines), their row types stated here.
  // The rule: each report is made public by the season pack's deadline (4月1日 of the following year, 督察规定); the
  // checklist is the pack's too, and a tick on an item the pack no longer has does not count.
  const pack = await effectivePack(db, year, county.id);
  const itemIds = packChecklist(pack).map((i) => i.id);
  const templateItems = itemIds.length;
  const inPack = itemIds.length ? sql`c.item_id in (${sql.join(itemIds.map((id) => sql`${id}`), sql`, `)})` : sql`1 = 0`;
  const checklist = await queryRows<{ reportId: number; done: number; ledger: number }>(
    db,
    sql`select c.report_id as "reportId", sum(case when c.confirmed and (c.kind = 'ledger' or ${inPack}) then 1 else 0 end) as done,
               sum(case when c.kind = 'ledger' then 1 else 0 end) as ledger
          from report_checklist c join reports r on r.id = c.report_id join townships t on t.id = r.township_id
         where t.county_id = ${county.id} and r.year = ${year} group by c.report_id`,
  );
  const threads = await queryRows<{ reportId: number; open: number }>(
    db,
    sql`select c.report_id as "reportId", count(*) as open
          from comments c join reports r on r.id = c.report_id join townships t on t.id = r.township_id
         where t.county_id = ${county.id} and r.year = ${year} and c.parent_id is null and c.resolved_at is null and c.deleted_at is null
         group by c.report_id`,
  );
  const openSuggestions = await queryRows<{ reportId: number; open: number }>(
    db,
    sql`select s.report_id as "reportId", count(*) as open
          from suggestions s join reports r on r.id = s.report_id join townships t on t.id = r.township_id
         where t.county_id = ${county.id} and r.year = ${year} and s.state = 'pending'
         group by s.report_id`,
  );
  const deadline = await one(
    db
      .select()
      .from(countyDeadlines)
      .where(and(eq(countyDeadlines.countyId, county.id), eq(countyDeadlines.year, year))),
  );

  const textByReport = new Map<number, Partial<Record<BodySectionKey, string>>>();
  for (const s of sections) {
    const m = textByReport.get(s.reportId) ?? {};
    m[s.sectionKey as BodySectionKey] = s.plainText;
    textByReport.set(s.reportId, m);
  }
  const lastYearBy = new Map<number, Partial<Record<BodySectionKey, string>>>();
  for (const s of lastYearSections) {
    const m = lastYearBy.get(s.townshipId) ?? {};
    m[s.sectionKey as BodySectionKey] = s.plainText;
    lastYearBy.set(s.townshipId, m);
  }
  const checklistBy = new Map(checklist.map((c) => [c.reportId, c]));
  const threadsBy = new Map(threads.map((t) => [t.reportId, t.open]));
  const suggestionsBy = new Map(openSuggestions.map((t) => [t.reportId, t.open]));
  const reportBy = new Map(reportRows.map((r) => [r.townshipId, r]));

  const overdue = publicationOverdue(year, now, pack);
  const rows: DashboardRow[] = townshipRows.map((t) => {
    const r = reportBy.get(t.id);
    if (!r) {
      return {
        townshipId: t.id,
        townshipName: t.name,
        townshipKind: t.kind,
        reportId: null,
        status: 'none',
        partsFilled: 0,
        partsTotal: REQUIRED_PART_KEYS.length,
        checklistDone: 0,
        checklistTotal: templateItems,
        openChecks: 0,
        openThreads: 0,
        openSuggestions: 0,
        published: null,
        publicationOverdue: overdue,
        updatedAt: null,
        updatedByName: null,
      };
    }
    const text = textByReport.get(r.id) ?? {};
    const input = storedReportText({
      year,
      title: r.title,
      recipient: r.recipient,
      texts: text,
      signatureOrgans: r.organs,
      documentDate: r.documentDate,
      partHeadings: r.partHeadings,
      templateHeadings: templateHeadings(year, pack, t.kind),
      lastYear: lastYearBy.get(t.id) ?? null,
    });
    const texts = input.sections;
    const checks = runChecks(input, pack);
    const c = checklistBy.get(r.id);
    return {
      townshipId: t.id,
      townshipName: t.name,
      townshipKind: t.kind,
      reportId: r.id,
      status: r.status,
      partsFilled: REQUIRED_PART_KEYS.filter((k) => texts[k]).length,
      partsTotal: REQUIRED_PART_KEYS.length,
      checklistDone: c?.done ?? 0,
      checklistTotal: templateItems + (c?.ledger ?? 0),
      openChecks: checks.length,
      openThreads: threadsBy.get(r.id) ?? 0,
      openSuggestions: suggestionsBy.get(r.id) ?? 0,
      published: r.status === 'published' ? { url: r.publishedUrl, date: r.publishedDate } : null,
      publicationOverdue: overdue && r.status !== 'published',
      updatedAt: r.updatedAt.toISOString(),
      updatedByName: r.updatedByName,
    };
  });

  const counts = Object.fromEntries([...REPORT_STATUSES, 'none'].map((s) => [s, 0])) as Dashboard['counts'];
  for (const row of rows) counts[row.status]++;
  const publicationDate = publicationDeadline(year, pack);
  const collectionDate = deadline?.collectionDate ?? pack.deadlines?.collection ?? null;
  return {
    county,
    year,
    collectionDate,
    daysToCollection: collectionDate ? daysUntil(collectionDate, now) : null,
    daysToPublication: daysUntil(publicationDate, now),
    publicationDate,
    counts,
    rows,
  };
}

const deadlineSchema = (now: Date) => z.object({ countyId: idSchema('县'), year: yearSchema(now), collectionDate: isoDateSchema('收集日期') });

export async function setCollectionDate(db: Db, actor: Actor, raw: unknown, now = new Date()): Promise<void> {
  const input = parseInput(deadlineSchema(now), raw);
  if (!can(actor, 'township.manage')) throw new AppError('forbidden', '只有管理员可以设置收集日期。');
  if (!(await one(db.select().from(counties).where(eq(counties.id, input.countyId))))) throw new AppError('not_found', '该县不存在。');
  await withTx(db, async (tx) => {
    await tx
      .insert(countyDeadlines)
      .values({ countyId: input.countyId, year: input.year, collectionDate: input.collectionDate, updatedBy: actor.id, updatedAt: now })
      .onConflictDoUpdate({
        target: [countyDeadlines.countyId, countyDeadlines.year],
        set: { collectionDate: input.collectionDate, updatedBy: actor.id, updatedAt: now },
      });
    await recordAudit(tx, { actorId: actor.id, action: 'county.deadline', detail: { ...input } });
  });
}
