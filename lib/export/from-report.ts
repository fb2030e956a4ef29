// Builds the export document from a stored report, or from a parsed report text (import and the command line).
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/domain/permissions';
import type { ParsedReport } from '@/lib/domain/parse';
import { BODY_SECTION_KEYS, type BodySectionKey } from '@/lib/domain/sections';
import { docFromReportText, type TiptapNode } from '@/lib/domain/tiptap-doc';
import { getReportForActor, type ReportWithSections } from '@/lib/reports/service';
import { partHeadingLines } from '@/lib/domain/template';
import type { ExportDocument } from './document';
import { clampDocForRender } from '@/lib/editor/doc-limits';
import { listSuggestions } from '@/lib/review/suggestions';
import type { Revision } from './revisions';

/** Pending suggestions that still apply exactly, per part, as the 修订稿 writes them. */
async function pendingRevisions(db: Db, actor: Actor, reportId: number): Promise<Partial<Record<BodySectionKey, Revision[]>>> {
  const out: Partial<Record<BodySectionKey, Revision[]>> = {};
  for (const s of await listSuggestions(db, actor, reportId)) {
    if (s.state !== 'pending' || !s.position) continue;
    (out[s.sectionKey] ??= []).push({ id: s.id, start: s.position.start, end: s.position.end, replacement: s.replacement, author: s.authorName, date: s.createdAt });
  }
  return out;
}

export async function exportDocumentFromReport(db: Db, actor: Actor, reportId: number, opts: { revisions?: boolean } = {}): Promise<ExportDocument> {
  const found = await getReportForActor(db, actor, reportId);
  return {
    ...exportDocumentOf(found),
    ...(opts.revisions ? { revisions: await pendingRevisions(db, actor, found.report.id) } : {}),
  };
}

/** The export document of a report already loaded (the caller has decided who may see it). */
export function exportDocumentOf({ report, township, sections }: ReportWithSections): ExportDocument {
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
    headings: partHeadingLines(report.year, report.partHeadings),
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
