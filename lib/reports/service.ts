// Reports: listing by township and year, creating a township's report for a year, and reading one with its sections.
import { one, withTx, found } from '@/db/tx';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { counties, reportChecklist, reportSections, reports, suggestions, townships, users, type Report, type ReportSection } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { can, type Actor, type Action } from '@/lib/domain/permissions';
import { AppError } from '@/lib/shared/errors';
import { preparedFor } from '@/db/prepared';
import { shiftDocYears, shiftYears } from '@/lib/domain/carry-over';
import { createLedger, ledgerLabel } from '@/lib/domain/checklists';
import { BODY_SECTION_KEYS } from '@/lib/domain/sections';
import { defaultCc, defaultPreface, defaultRecipient, defaultSignatureOrgans, defaultTitle } from '@/lib/domain/template';
import { docFromText, docToText, emptyDoc, type TiptapNode } from '@/lib/domain/tiptap-doc';
import { getTownship, listVisibleTownships, type TownshipWithCounty } from '@/lib/directory/townships';
import { createReportSchema, parseInput } from '@/lib/shared/validation';

/** The year a report would be written about now: drafting runs from the autumn of N to the spring of N+1. */
export function currentReportYear(now: Date = new Date()): number {
  return now.getMonth() < 6 ? now.getFullYear() - 1 : now.getFullYear();
}

export type ReportRow = Pick<Report, 'id' | 'year' | 'status' | 'title' | 'updatedAt'> & {
  updatedByName: string | null;
  /** Reviewers' suggestions waiting for the drafter. */
  openSuggestions: number;
};
export type TownshipReports = { township: TownshipWithCounty; reports: ReportRow[] };

export async function listReportsByTownship(db: Db, actor: Actor): Promise<TownshipReports[]> {
  const visible = await listVisibleTownships(db, actor);
  if (visible.length === 0) return [];
  const rows = await db
    .select({
      id: reports.id,
      townshipId: reports.townshipId,
      year: reports.year,
      status: reports.status,
      title: reports.title,
      updatedAt: reports.updatedAt,
      updatedByName: users.displayName,
    })
    .from(reports)
    .leftJoin(users, eq(users.id, reports.updatedBy))
    .where(
      inArray(
        reports.townshipId,
        visible.map((t) => t.id),
      ),
    )
    .orderBy(desc(reports.year));
  const pending = new Map(
    (
      await db
        .select({ reportId: suggestions.reportId, n: count() })
        .from(suggestions)
        .where(and(eq(suggestions.state, 'pending'), inArray(suggestions.reportId, rows.length ? rows.map((r) => r.id) : [0])))
        .groupBy(suggestions.reportId)
    ).map((r) => [r.reportId, r.n]),
  );
  return visible.map((township) => ({
    township,
    reports: rows
      .filter((r) => r.townshipId === township.id)
      .map((r) => ({ id: r.id, year: r.year, status: r.status, title: r.title, updatedAt: r.updatedAt, updatedByName: r.updatedByName, openSuggestions: pending.get(r.id) ?? 0 })),
  }));
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The township a new report (created or imported) goes to, when the actor may create reports there. */
export async function townshipForNewReport(db: Db, actor: Actor, townshipId: number, verb: '创建' | '导入'): Promise<TownshipWithCounty> {
  const township = await getTownship(db, townshipId);
  if (!township) throw new AppError('not_found', '该乡镇（街道）不存在。');
  if (!can(actor, 'report.create', { townshipId: township.id, countyId: township.countyId }))
    throw new AppError('forbidden', `您只能为本乡镇（街道）${verb}报告。`);
  return township;
}

/** The township's report of that year, if there is one. */
export async function reportOfYear(db: Db, townshipId: number, year: number): Promise<Report | undefined> {
  return await one(
    db
      .select()
      .from(reports)
      .where(and(eq(reports.townshipId, townshipId), eq(reports.year, year))),
  );
}

export async function createReport(db: Db, actor: Actor, raw: unknown, now: Date = new Date()): Promise<Report> {
  const input = parseInput(createReportSchema(now), raw);
  const township = await townshipForNewReport(db, actor, input.townshipId, '创建');
  const existing = await reportOfYear(db, township.id, input.year);
  if (existing) throw new AppError('conflict', `${township.name}${input.year}年度的报告已存在，请直接打开。`, { reportId: existing.id });
  const names = { townshipName: township.name, townshipKind: township.kind, countyName: township.countyName, year: input.year };
  const previous = input.from === 'last-year' ? await loadPrevious(db, township.id, input.year) : null;
  if (input.from === 'last-year' && !previous)
    throw new AppError('not_found', `没有找到${township.name}${input.year - 1}年度的报告，请从模板创建。`);

  // From the template: the defaults and the standard preface; from last year: its text with the years moved on.
  const fromYear = input.year - 1;
  const sectionsToInsert = BODY_SECTION_KEYS.map((sectionKey) => {
    const old = previous?.sections.find((s) => s.sectionKey === sectionKey);
    const content: TiptapNode = old
      ? shiftDocYears(old.content as TiptapNode, fromYear)
      : sectionKey === 'preface' && !previous
        ? docFromText(defaultPreface(names))
        : emptyDoc();
    return { sectionKey, content, plainText: docToText(content) };
  });
  const ledger = previous ? createLedger(previous.sections.find((s) => s.sectionKey === 'plans')?.plainText ?? '') : [];

  try {
    return await withTx(db, async (tx) => {
      const report = (await one(
        tx
          .insert(reports)
          .values({
            townshipId: township.id,
            year: input.year,
            title: previous ? shiftYears(previous.report.title, fromYear) : defaultTitle(names),
            recipient: previous ? previous.report.recipient : defaultRecipient(township.countyName),
            signatureOrgans: previous ? previous.report.signatureOrgans : defaultSignatureOrgans(names),
            cc: previous ? previous.report.cc : defaultCc(township.countyName),
            createdBy: actor.id,
            updatedBy: actor.id,
          })
          .returning(),
      ))!;
      await tx.insert(reportSections).values(sectionsToInsert.map((s) => ({ ...s, reportId: report.id, updatedBy: actor.id })));
      if (ledger.length) {
        await tx
          .insert(reportChecklist)
          .values(ledger.map((item) => ({ reportId: report.id, itemId: `ledger.${item.id}`, kind: 'ledger' as const, label: ledgerLabel(item) })));
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'report.create',
        reportId: report.id,
        detail: { year: input.year, townshipId: township.id, from: input.from, ...(previous ? { fromReportId: previous.report.id } : {}) },
      });
      return report;
    });
  } catch (e) {
    // Two creations racing: the unique index decides, the loser is told plainly.
    if (isUniqueViolation(e)) throw new AppError('conflict', `${township.name}${input.year}年度的报告已存在，请直接打开。`);
    throw e;
  }
}

async function loadPrevious(db: Db, townshipId: number, year: number) {
  const report = await one(
    db
      .select()
      .from(reports)
      .where(and(eq(reports.townshipId, townshipId), eq(reports.year, year - 1))),
  );
  if (!report) return null;
  const sections = await db.select().from(reportSections).where(eq(reportSections.reportId, report.id));
  return { report, sections };
}

export type ReportWithSections = {
  report: Report;
  township: TownshipWithCounty;
  sections: ReportSection[];
};

/** A report by id with its township and county name, in one hot statement (db/prepared.ts): every report route asks. */
const reportInTownship = preparedFor('report_in_township', (db) =>
  db
    .select({ r: reports, t: townships, countyName: counties.name })
    .from(reports)
    .innerJoin(townships, eq(townships.id, reports.townshipId))
    .innerJoin(counties, eq(counties.id, townships.countyId))
    .where(eq(reports.id, sql.placeholder('id'))),
);

/**
 * Loads a report the actor may read and, if another action is given, may also do that on; a report outside their
 * scope is refused (403) and nothing of it is returned.
 */
export async function loadReportInScope(db: Db, actor: Actor, reportId: number, action: Action = 'report.read') {
  const row = await found(reportInTownship(db).execute({ id: reportId }), '报告不存在。');
  const report: Report = row.r;
  const township: TownshipWithCounty = { ...row.t, countyName: row.countyName };
  const resource = { townshipId: township.id, countyId: township.countyId };
  if (!can(actor, 'report.read', resource)) throw new AppError('forbidden', '您无权查看该报告。');
  if (action !== 'report.read' && !can(actor, action, resource)) throw new AppError('forbidden', '您没有权限进行此操作。');
  return { report, township };
}

export async function getReportForActor(db: Db, actor: Actor, reportId: number, action: Action = 'report.read'): Promise<ReportWithSections> {
  const { report, township } = await loadReportInScope(db, actor, reportId, action);
  const sections = await db.select().from(reportSections).where(eq(reportSections.reportId, report.id)).orderBy(asc(reportSections.id));
  const order = new Map<string, number>(BODY_SECTION_KEYS.map((k, i) => [k, i]));
  sections.sort((a, b) => (order.get(a.sectionKey) ?? 99) - (order.get(b.sectionKey) ?? 99));
  return { report, township, sections };
}
