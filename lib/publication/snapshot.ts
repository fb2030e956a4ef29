// The frozen 公开稿: at 登记公开 the public text is built once from the report as it stands, with the masks chosen for
// the 公开前检查's findings applied, and stored with the SHA-256 of its JSON text. The public pages, the feed, the record
// and the 公开稿 export read the newest snapshot, never the live text; a later 登记公开 (after a reopen) stores a
// correction and keeps the earlier ones.
import { createHash } from 'node:crypto';
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { one, write } from '@/db/tx';
import { publications, reports, reportSections, type Publication, type PublicationMask } from '@/db/schema';
import type { Actor } from '@/lib/domain/permissions';
import { applyMasks, maskDoc, type Mask } from '@/lib/domain/redaction';
import { docToText } from '@/lib/domain/tiptap-doc';
import { getTownship } from '@/lib/directory/townships';
import type { ExportDocument } from '@/lib/export/document';
import { exportDocumentFromReport, exportDocumentOf } from '@/lib/export/from-report';
import { transitionReport, type PublicationSnapshot } from '@/lib/review/transitions';
import { townshipHeadings } from '@/lib/season/store';
import type { Report } from '@/db/schema';

/** The 公开稿 (no 主送, no 抄送) with the masks applied to every text it prints. */
export function maskedPublicDocument(doc: ExportDocument, masks: readonly Mask[]): ExportDocument {
  const headings = doc.headings ? Object.fromEntries(Object.entries(doc.headings).map(([k, h]) => [k, h === undefined ? h : applyMasks(h, masks)])) : undefined;
  return {
    year: doc.year,
    townshipName: doc.townshipName,
    title: applyMasks(doc.title, masks),
    recipient: null,
    sections: Object.fromEntries(Object.entries(doc.sections).map(([k, d]) => [k, d ? maskDoc(d, masks) : d])),
    ...(headings ? { headings } : {}),
    signatureOrgans: doc.signatureOrgans.map((o) => applyMasks(o, masks)),
    documentDate: doc.documentDate,
    cc: null,
    docNumber: doc.docNumber ? applyMasks(doc.docNumber, masks) : null,
  };
}

/** 内容概述: the 导语 of the 公开稿 as published (masked), at most 300 characters. */
export function summaryOf(doc: ExportDocument): string | null {
  const preface = doc.sections.preface ? docToText(doc.sections.preface).replace(/\s+/g, ' ').trim() : '';
  if (!preface) return null;
  const chars = Array.from(preface);
  return chars.length > 300 ? `${chars.slice(0, 299).join('')}…` : preface;
}

export const sha256Of = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The report's 公开稿 as it stands now, built inside the caller's transaction. */
async function publicDocumentOf(tx: Db, report: Report): Promise<ExportDocument> {
  const township = (await getTownship(tx, report.townshipId))!;
  const sections = await tx.select().from(reportSections).where(eq(reportSections.reportId, report.id)).orderBy(asc(reportSections.id));
  return exportDocumentOf({ report, township, sections }, await townshipHeadings(tx, report.year, township));
}

/** Freezes the 公开稿 of a report being published: the first snapshot is its publication, later ones corrections. */
export const storeSnapshot: PublicationSnapshot = async (tx, report, { url, date, masks, actorId, now }) => {
  const doc = maskedPublicDocument(await publicDocumentOf(tx, report), masks);
  const document = JSON.stringify(doc);
  const sha256 = sha256Of(document);
  const last = await one(tx.select({ seq: publications.seq }).from(publications).where(eq(publications.reportId, report.id)).orderBy(desc(publications.seq)).limit(1));
  const seq = (last?.seq ?? 0) + 1;
  const row = await write(tx, () =>
    tx
      .insert(publications)
      .values({ reportId: report.id, seq, kind: seq === 1 ? 'publish' : 'correction', publishedDate: date, url, title: doc.title, summary: summaryOf(doc), document, sha256, masks: masks as PublicationMask[], createdBy: actorId, createdAt: now })
      .returning({ id: publications.id }),
  );
  return { id: row[0]!.id, seq, sha256 };
};

/** A workflow transition; 登记公开 freezes the 公开稿 (with its masks) in the same transaction. */
export function transitionWithSnapshot(db: Db, actor: Actor, reportId: number, raw: unknown): Promise<Report> {
  return transitionReport(db, actor, reportId, raw, { snapshot: storeSnapshot });
}

export type FrozenPublication = Pick<Publication, 'seq' | 'kind' | 'publishedDate' | 'sha256' | 'masks'> & { doc: ExportDocument };

/** A report's snapshots, oldest first (none for a report published before snapshots were kept). */
export async function publicationsOf(db: Db, reportId: number): Promise<FrozenPublication[]> {
  const rows = await db.select().from(publications).where(eq(publications.reportId, reportId)).orderBy(asc(publications.seq));
  return rows.map((r) => ({ seq: r.seq, kind: r.kind, publishedDate: r.publishedDate, sha256: r.sha256, masks: r.masks, doc: JSON.parse(r.document) as ExportDocument }));
}


/**
 * The document a signed-in export prints: for the 公开稿 of a published report, the frozen (masked) text that was
 * published; otherwise the report as it stands. Authorised by exportDocumentFromReport.
 */
export async function exportDocumentForVariant(db: Db, actor: Actor, reportId: number, variant: string): Promise<ExportDocument> {
  const doc = await exportDocumentFromReport(db, actor, reportId, { revisions: variant === 'revisions' });
  if (variant !== 'public') return doc;
  const report = await one(db.select({ status: reports.status }).from(reports).where(eq(reports.id, reportId)));
  if (report?.status !== 'published') return doc;
  const newest = await one(db.select({ document: publications.document }).from(publications).where(eq(publications.reportId, reportId)).orderBy(desc(publications.seq)).limit(1));
  return newest ? (JSON.parse(newest.document) as ExportDocument) : doc;
}
