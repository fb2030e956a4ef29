// The checks' input for a report as stored (front matter, each part's plain text, the township's part headings),
// built in one place for the editor, the dashboard and anything else that runs the checks on a saved report.
import { formatDocumentDate } from '@/lib/shared/format';
import type { ReportText } from './model';
import { BODY_SECTION_KEYS, type BodySectionKey } from './sections';
import { partHeadingLines, type PartHeadings, type TemplateHeadings } from './template';

export type StoredReport = {
  year: number;
  title: string | null;
  recipient: string | null;
  /** Plain text per part, as saved (blank means empty). */
  texts: Partial<Record<string, string | null>>;
  signatureOrgans: string[];
  /** 'YYYY-MM-DD'. */
  documentDate: string | null;
  partHeadings?: PartHeadings | null;
  /** The township's template headings (`templateHeadings` of its season pack); the national default when left out. */
  templateHeadings?: TemplateHeadings | undefined;
  lastYear?: ReportText['lastYear'];
};

export function storedReportText(r: StoredReport): ReportText {
  const sections = Object.fromEntries(BODY_SECTION_KEYS.map((k) => [k, r.texts[k]?.trim() ? r.texts[k]! : null])) as Record<BodySectionKey, string | null>;
  return {
    year: r.year,
    title: r.title,
    recipient: r.recipient,
    sections,
    signature: { organs: r.signatureOrgans.filter(Boolean), date: r.documentDate ? formatDocumentDate(r.documentDate) : null },
    headings: partHeadingLines(r.year, r.partHeadings, r.templateHeadings),
    lastYear: r.lastYear,
  };
}
