// Builds the export document from a stored report, or from a parsed report text (import and the command line).
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { comments, suggestions } from '@/db/schema';
import { displayNames } from '@/lib/directory/accounts';
import { findAnchor, locateSuggestion } from '@/lib/domain/anchor';
import type { Actor } from '@/lib/domain/permissions';
import type { ParsedReport } from '@/lib/domain/parse';
import { BODY_SECTION_KEYS, isBodySectionKey, type BodySectionKey } from '@/lib/domain/sections';
import { docFromReportText, type TiptapNode } from '@/lib/domain/tiptap-doc';
import { getReportForActor, type ReportWithSections } from '@/lib/reports/service';
import { authorLabel } from '@/lib/review/suggestions';
import { partHeadingLines, type TemplateHeadings } from '@/lib/domain/template';
import { townshipHeadings } from '@/lib/season/store';
import type { ExportComment, ExportDocument, ExportNote } from './document';
import { clampDocForRender } from '@/lib/editor/doc-limits';
import type { Revision } from './revisions';

/**
 * Pending suggestions that still apply exactly, per part, as the 修订稿 writes them: placed in the report's texts
 * already loaded, as the review panel places them (listSuggestions in lib/review/suggestions.ts), without loading the
 * report again or reading the replies.
 */
async function pendingRevisions(db: Db, { report, sections }: ReportWithSections): Promise<Partial<Record<BodySectionKey, Revision[]>>> {
  const pending = await db
    .select({
      id: suggestions.id,
      sectionKey: suggestions.sectionKey,
      anchor: suggestions.anchor,
      replacement: suggestions.replacement,
      authorId: suggestions.authorId,
      authorName: suggestions.authorName,
      reason: suggestions.reason,
      createdAt: suggestions.createdAt,
    })
    .from(suggestions)
    .where(and(eq(suggestions.reportId, report.id), eq(suggestions.state, 'pending')))
    .orderBy(asc(suggestions.id));
  const out: Partial<Record<BodySectionKey, Revision[]>> = {};
  if (pending.length === 0) return out;
  const texts = new Map(sections.map((s) => [s.sectionKey, s.plainText]));
  const names = await displayNames(db, pending.map((s) => s.authorId));
  for (const s of pending) {
    const position = locateSuggestion(texts.get(s.sectionKey) ?? '', s.anchor).exact;
    if (!position) continue;
    // The author as the review panel names them: an imported Word change by the name its tracked change carried.
    const author = authorLabel(s, names.get(s.authorId) ?? '');
    (out[s.sectionKey as BodySectionKey] ??= []).push({ id: s.id, start: position.start, end: position.end, replacement: s.replacement, author, date: s.createdAt.toISOString(), reason: s.reason });
  }
  return out;
}

/**
 * Open comments (批注) that are still found in their part's text, with their replies, as the 修订稿 writes them:
 * resolved and deleted ones left out, a comment filed from Word signed with the name it carried.
 */
async function openComments(db: Db, { report, sections }: ReportWithSections): Promise<Partial<Record<BodySectionKey, ExportComment[]>>> {
  const rows = await db
    .select()
    .from(comments)
    .where(and(eq(comments.reportId, report.id), isNull(comments.deletedAt)))
    .orderBy(asc(comments.id));
  const out: Partial<Record<BodySectionKey, ExportComment[]>> = {};
  const threads = rows.filter((c) => c.parentId === null && c.anchor && c.resolvedAt === null && isBodySectionKey(c.sectionKey));
  if (threads.length === 0) return out;
  const texts = new Map(sections.map((s) => [s.sectionKey, s.plainText]));
  const names = await displayNames(db, rows.map((c) => c.authorId));
  const note = (c: (typeof rows)[number]) => ({ author: c.authorName ?? names.get(c.authorId) ?? '', date: c.createdAt.toISOString(), body: c.body });
  const replies = new Map<number, ExportNote[]>();
  for (const c of rows) if (c.parentId !== null) (replies.get(c.parentId) ?? replies.set(c.parentId, []).get(c.parentId)!).push(note(c));
  for (const c of threads) {
    const at = findAnchor(texts.get(c.sectionKey) ?? '', c.anchor!);
    if (!at) continue;
    (out[c.sectionKey as BodySectionKey] ??= []).push({ ...note(c), start: at.start, end: at.end, replies: replies.get(c.id) ?? [] });
  }
  return out;
}

/** A stored report as an export document; the 修订稿 (`revisions`) also carries the pending suggestions. */
export async function exportDocumentFromReport(db: Db, actor: Actor, reportId: number, opts: { revisions?: boolean } = {}): Promise<ExportDocument> {
  const found = await getReportForActor(db, actor, reportId);
  return {
    ...exportDocumentOf(found, await townshipHeadings(db, found.report.year, found.township)),
    ...(opts.revisions ? { revisions: await pendingRevisions(db, found), comments: await openComments(db, found) } : {}),
  };
}

/**
 * The export document of a report already loaded (the caller has decided who may see it); `templates`: the township's
 * template headings of the report's year (`townshipHeadings`), for the parts it words as the template does.
 */
export function exportDocumentOf({ report, township, sections }: ReportWithSections, templates: TemplateHeadings): ExportDocument {
  return {
    year: report.year,
    townshipName: township.name,
    title: report.title,
    recipient: report.recipient,
    // Rendered by the read view, the print view and the exports: clamped so no stored document can make them run away.
    sections: Object.fromEntries(sections.map((s) => [s.sectionKey, clampDocForRender(s.content as TiptapNode)])),
    signatureOrgans: report.signatureOrgans,
    documentDate: report.documentDate,
    cc: report.cc,
    docNumber: report.docNumber,
    headings: partHeadingLines(report.year, report.partHeadings, templates),
  };
}

export function exportDocumentFromParsed(p: ParsedReport, fallbackName = '报告'): ExportDocument {
  const sections: Partial<Record<BodySectionKey, TiptapNode | null>> = {};
  for (const key of BODY_SECTION_KEYS) {
    const text = p.sections[key];
    sections[key] = text ? docFromReportText(text) : null;
  }
  return {
    year: p.year ?? new Date().getFullYear() - 1,
    townshipName: p.township ?? fallbackName,
    title: p.title ?? `${p.township ?? ''}${p.year ?? ''}年度法治政府建设情况的报告`,
    recipient: p.recipient,
    sections,
    // Keep the report's own part headings: the text says what the township wrote, only the layout changes.
    headings: p.headings,
    signatureOrgans: p.signature.organs,
    documentDate: p.signature.date,
    cc: p.cc ?? null,
  };
}
