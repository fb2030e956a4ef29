// What the public may see, without signing in: reports registered as 已公开, as their 公开稿 (no 主送 or 抄送, no
// comments, suggestions or account names), a county's index by year, an Atom feed and a JSON record per report with
// the core fields of the 政府信息公开目录. Anything else answers the same 404 as an id that does not exist.
import { found, one } from '@/db/tx';
import { DEFAULT_GENRE_CATEGORY, DEFAULT_TOPIC_CATEGORY, RECORD_KEYWORDS } from '@/lib/domain/catalogue';
import { and, asc, desc, eq, inArray, like } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { counties, publications, reportSections, reports, townships } from '@/db/schema';
import type { ExportDocument } from '@/lib/export/document';
import { exportDocumentOf } from '@/lib/export/from-report';
import { BODY_SECTION_KEYS } from '@/lib/domain/sections';
import { getTownship } from '@/lib/directory/townships';
import { reportTownship } from '@/db/joins';
import { townshipHeadings } from '@/lib/season/store';
import { publicationsOf, summaryOf } from './snapshot';

const NOT_FOUND = '页面不存在。';

export type PublicReport = {
  id: number;
  year: number;
  title: string;
  townshipName: string;
  countyId: number;
  countyName: string;
  publishedDate: string | null;
  publishedUrl: string | null;
  documentDate: string | null;
  doc: ExportDocument;
  /** The SHA-256 of the frozen 公开稿 shown (null for a report published before snapshots were kept). */
  sha256: string | null;
  /** The date of the last 更正, when the text shown replaced an earlier publication. */
  correctedDate: string | null;
  /** The earlier published texts, oldest first, each with its date and hash. */
  earlier: Array<{ seq: number; publishedDate: string; sha256: string; doc: ExportDocument }>;
  topicCategory: string;
  genreCategory: string;
  /** 索引号: `代码/年份-5位流水号` when the township's 统一社会信用代码 is set, else `县编号-年度-报告编号`. */
  indexNumber: string;
};

/**
 * The 索引号 as county sites write it, 11500230008689762A/2026-00004: the publishing unit's 统一社会信用代码, the year
 * of its first publication and its place among the township's reports first published that year (by date, then id).
 */
async function indexNumberOf(db: Db, report: { id: number; townshipId: number; year: number }, countyId: number, creditCode: string | null, firstDate: string | null): Promise<string> {
  const plain = `${countyId}-${report.year}-${report.id}`;
  if (!creditCode || !firstDate) return plain;
  const year = firstDate.slice(0, 4);
  const firsts = await db
    .select({ reportId: publications.reportId, date: publications.publishedDate })
    .from(publications)
    .innerJoin(reports, eq(reports.id, publications.reportId))
    .where(and(eq(reports.townshipId, report.townshipId), eq(publications.seq, 1), like(publications.publishedDate, `${year}-%`)))
    .orderBy(asc(publications.publishedDate), asc(publications.reportId));
  const serial = firsts.findIndex((f) => f.reportId === report.id) + 1;
  return serial > 0 ? `${creditCode}/${year}-${String(serial).padStart(5, '0')}` : plain;
}

/** A published report as the public sees it; 404 for every other id (unpublished, taken back, or none). */
export async function publishedReport(db: Db, id: number): Promise<PublicReport> {
  const report = await found(
    db
      .select()
      .from(reports)
      .where(and(eq(reports.id, id), eq(reports.status, 'published'))),
    NOT_FOUND,
  );
  const township = (await getTownship(db, report.townshipId))!;
  const sections = await db.select().from(reportSections).where(eq(reportSections.reportId, report.id)).orderBy(asc(reportSections.id));
  const order = new Map<string, number>(BODY_SECTION_KEYS.map((k, i) => [k, i]));
  sections.sort((a, b) => (order.get(a.sectionKey) ?? 99) - (order.get(b.sectionKey) ?? 99));
  const frozen = await publicationsOf(db, report.id);
  const county = await one(db.select().from(counties).where(eq(counties.id, township.countyId)));
  const current = frozen.at(-1);
  // The frozen 公开稿 when there is one; a report published before snapshots were kept shows its stored text.
  const doc = current ? current.doc : exportDocumentOf({ report, township, sections }, await townshipHeadings(db, report.year, township));
  return {
    id: report.id,
    year: report.year,
    // As published: the frozen 公开稿's (masked) title.
    title: doc.title,
    townshipName: township.name,
    countyId: township.countyId,
    countyName: township.countyName,
    // The first publication's date stays the 发布日期; a correction is dated on its own.
    publishedDate: frozen[0]?.publishedDate ?? report.publishedDate,
    publishedUrl: report.publishedUrl,
    documentDate: report.documentDate,
    // The 公开稿 only: what the public variant prints.
    doc: { ...doc, recipient: null, cc: null },
    sha256: current?.sha256 ?? null,
    correctedDate: current && current.kind === 'correction' ? current.publishedDate : null,
    earlier: frozen.slice(0, -1).map((p) => ({ seq: p.seq, publishedDate: p.publishedDate, sha256: p.sha256, doc: p.doc })),
    topicCategory: county?.topicCategory || DEFAULT_TOPIC_CATEGORY,
    genreCategory: county?.genreCategory || DEFAULT_GENRE_CATEGORY,
    indexNumber: await indexNumberOf(db, report, township.countyId, township.creditCode, frozen[0]?.publishedDate ?? null),
  };
}

export type PublicIndexEntry = { id: number; year: number; title: string; townshipName: string; publishedDate: string | null; summary?: string | null };

/** A county's published reports, newest year first; optionally one year. 404 for a county that does not exist. */
export async function publishedIndex(db: Db, countyId: number, year?: number): Promise<{ countyName: string; entries: PublicIndexEntry[] }> {
  const county = await found(db.select().from(counties).where(eq(counties.id, countyId)), NOT_FOUND);
  const entries = await db
    .select({ id: reports.id, year: reports.year, title: reports.title, townshipName: townships.name, publishedDate: reports.publishedDate })
    .from(reports)
    .innerJoin(townships, reportTownship)
    .where(and(eq(townships.countyId, countyId), eq(reports.status, 'published'), ...(year ? [eq(reports.year, year)] : [])))
    .orderBy(desc(reports.year), asc(townships.id))
    .limit(2_000);
  // The title as published (masked, frozen): the newest snapshot's, where there is one.
  const ids = entries.map((e) => e.id);
  const frozen = new Map<number, { title: string; summary: string | null }>();
  if (ids.length) {
    const rows = await db
      .select({ reportId: publications.reportId, title: publications.title, summary: publications.summary })
      .from(publications)
      .where(inArray(publications.reportId, ids))
      .orderBy(asc(publications.seq));
    for (const r of rows) frozen.set(r.reportId, { title: r.title, summary: r.summary });
  }
  return { countyName: county.name, entries: entries.map((e) => ({ ...e, title: frozen.get(e.id)?.title ?? e.title, summary: frozen.get(e.id)?.summary ?? null })) };
}

/** The 政府信息公开目录 fields of a published report, for a county's own site to link or import. */
export function publicRecord(r: PublicReport, origin: string) {
  return {
    索引号: r.indexNumber,
    发布机构: r.doc.signatureOrgans.join('、') || r.townshipName,
    名称: r.title.replace(/\n/g, ''),
    成文日期: r.documentDate,
    发布日期: r.publishedDate,
    主题分类: r.topicCategory,
    体裁分类: r.genreCategory,
    文号: r.doc.docNumber ?? null,
    有效性: '有效',
    年度: r.year,
    乡镇街道: r.townshipName,
    县区: r.countyName,
    所属县区: r.countyName,
    网址: `${origin}/public/reports/${r.id}`,
    政府网站网址: r.publishedUrl,
    内容概述: summaryOf(r.doc),
    关键词: [...RECORD_KEYWORDS, r.townshipName, `${r.year}年度`].join('；'),
    效力状态: '有效',
    公开稿SHA256: r.sha256,
    更正日期: r.correctedDate,
    更正次数: r.earlier.length,
  };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An Atom feed of a county's published reports. */
export async function publicFeed(db: Db, countyId: number, origin: string): Promise<string> {
  const { countyName, entries } = await publishedIndex(db, countyId);
  const updated = (e: PublicIndexEntry) => `${e.publishedDate ?? `${e.year + 1}-01-01`}T00:00:00+08:00`;
  const latest = entries.map(updated).sort().at(-1) ?? '2000-01-01T00:00:00+08:00';
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${xml(countyName)}法治政府建设年度报告</title>`,
    `  <id>${xml(`${origin}/public/counties/${countyId}`)}</id>`,
    `  <link rel="self" href="${xml(`${origin}/public/counties/${countyId}/feed`)}"/>`,
    `  <link href="${xml(`${origin}/public/counties/${countyId}`)}"/>`,
    `  <updated>${latest}</updated>`,
    ...entries.map((e) =>
      [
        '  <entry>',
        `    <title>${xml(e.title.replace(/\n/g, ''))}</title>`,
        `    <id>${xml(`${origin}/public/reports/${e.id}`)}</id>`,
        `    <link href="${xml(`${origin}/public/reports/${e.id}`)}"/>`,
        `    <updated>${updated(e)}</updated>`,
        `    <author><name>${xml(e.townshipName)}</name></author>`,
        `    <summary>${xml(e.summary ?? `${e.townshipName}${e.year}年度法治政府建设情况报告`)}</summary>`,
        '  </entry>',
      ].join('\n'),
    ),
    '</feed>',
    '',
  ].join('\n');
}
