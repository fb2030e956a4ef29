// A county's reports as the county site and evaluators read them: a year × township grid with, for each published
// report, the date it was sent (报送, its last submission before publication), the date it was first published, and
// 按时 or 逾期 against the season's publication deadline (4月1日 by default) — as a page, CSV and JSON. Only published
// reports fill a cell; a township without one shows an empty cell, and nothing of an unpublished report is given.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { found } from '@/db/tx';
import { auditEvents, counties, publications, reports, townships } from '@/db/schema';
import { csvCell } from '@/lib/audit/log';
import { publicationDeadline } from '@/lib/domain/template';
import { chinaDate } from '@/lib/shared/format';
import { effectivePack } from '@/lib/season/store';

export type GridCell = {
  year: number;
  townshipId: number;
  townshipName: string;
  reportId: number;
  title: string;
  /** 报送日期: the last submission before the first 登记公开 (China date), null when none was recorded. */
  submittedDate: string | null;
  publishedDate: string | null;
  deadline: string;
  /** 按时 when first published before the deadline day, 逾期 otherwise. */
  timeliness: '按时' | '逾期' | null;
  path: string;
};

export type PublicationGrid = { countyId: number; countyName: string; years: number[]; townships: Array<{ id: number; name: string }>; cells: GridCell[] };

/** The grid of a county (404 for one that does not exist), newest year first, townships in their order. */
export async function publicationGrid(db: Db, countyId: number): Promise<PublicationGrid> {
  const county = await found(db.select().from(counties).where(eq(counties.id, countyId)), '页面不存在。');
  const towns = await db.select({ id: townships.id, name: townships.name }).from(townships).where(eq(townships.countyId, countyId)).orderBy(asc(townships.id));
  const published = await db
    .select({ id: reports.id, year: reports.year, title: reports.title, townshipId: reports.townshipId, publishedDate: reports.publishedDate })
    .from(reports)
    .innerJoin(townships, eq(townships.id, reports.townshipId))
    .where(and(eq(townships.countyId, countyId), eq(reports.status, 'published')))
    .limit(5_000);
  const ids = published.map((r) => r.id);
  const firsts = new Map<number, { date: string; title: string; at: Date }>();
  const submitted = new Map<number, Date[]>();
  if (ids.length) {
    for (const p of await db.select({ reportId: publications.reportId, date: publications.publishedDate, title: publications.title, at: publications.createdAt }).from(publications).where(inArray(publications.reportId, ids)).orderBy(asc(publications.seq))) {
      // The first publication's date, the newest one's (masked) title.
      const prev = firsts.get(p.reportId);
      firsts.set(p.reportId, { date: prev?.date ?? p.date, at: prev?.at ?? p.at, title: p.title });
    }
    const events = await db
      .select({ reportId: auditEvents.reportId, at: auditEvents.at, detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(inArray(auditEvents.reportId, ids), eq(auditEvents.action, 'report.transition')))
      .orderBy(asc(auditEvents.at));
    for (const e of events) {
      if ((e.detail as { transition?: unknown } | null)?.transition === 'submit' && e.reportId !== null) (submitted.get(e.reportId) ?? submitted.set(e.reportId, []).get(e.reportId)!).push(e.at);
    }
  }
  const deadlines = new Map<number, string>();
  for (const year of new Set(published.map((r) => r.year))) deadlines.set(year, publicationDeadline(year, await effectivePack(db, year, countyId)));
  const names = new Map(towns.map((t) => [t.id, t.name]));
  const cells = published.map((r): GridCell => {
    const first = firsts.get(r.id);
    const publishedDate = first?.date ?? r.publishedDate;
    // The submission that led to the first publication: the last one before 登记公开 was pressed.
    const sent = (submitted.get(r.id) ?? []).filter((at) => !first || at <= first.at).map(chinaDate);
    const deadline = deadlines.get(r.year)!;
    return {
      year: r.year,
      townshipId: r.townshipId,
      townshipName: names.get(r.townshipId) ?? '',
      reportId: r.id,
      title: (first?.title ?? r.title).replace(/\n/g, ''),
      submittedDate: sent.at(-1) ?? null,
      publishedDate,
      deadline,
      timeliness: publishedDate ? (publishedDate < deadline ? '按时' : '逾期') : null,
      path: `/public/reports/${r.id}`,
    };
  });
  const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => b - a);
  return { countyId, countyName: county.name, years, townships: towns, cells };
}

/** The grid as the JSON download: one entry per published report, with its public address. */
export function gridJson(g: PublicationGrid, origin: string) {
  return {
    县区: g.countyName,
    年度: g.years,
    乡镇街道: g.townships.map((t) => t.name),
    报告: g.cells.map((c) => ({
      年度: c.year,
      乡镇街道: c.townshipName,
      名称: c.title,
      报送日期: c.submittedDate,
      发布日期: c.publishedDate,
      公开期限: c.deadline,
      是否按时: c.timeliness,
      网址: `${origin}${c.path}`,
    })),
  };
}

/** The grid as CSV (UTF-8 with BOM, CRLF, formulas defused): one row per township and year, empty where none is published. */
export function gridCsv(g: PublicationGrid, origin: string): string {
  const head = ['年度', '乡镇（街道）', '名称', '报送日期', '发布日期', '公开期限', '是否按时', '网址'];
  const byKey = new Map(g.cells.map((c) => [`${c.year}:${c.townshipId}`, c]));
  const rows = g.years.flatMap((year) =>
    g.townships.map((t) => {
      const c = byKey.get(`${year}:${t.id}`);
      return [year, t.name, c?.title ?? '', c?.submittedDate ?? '', c?.publishedDate ?? '', c?.deadline ?? '', c?.timeliness ?? '未公开', c ? `${origin}${c.path}` : ''];
    }),
  );
  return '\uFEFF' + [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
