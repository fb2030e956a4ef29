// The plain-text report model that structure checks run on, shared by the editor and the import parser.

import type { BodySectionKey } from './vocabulary';

export { PART_KEYS, REQUIRED_PART_KEYS, type BodySectionKey, type PartKey, type RequiredPartKey } from './vocabulary';

export interface ReportText {
  /** The year reported on (N); plans are for N+1. */
  year: number | null;
  title: string | null;
  recipient: string | null;
  /** Plain text of each part's body without its own heading line; paragraphs separated by \n. */
  sections: Record<BodySectionKey, string | null>;
  signature: {
    organs: string[];
    /** As written, e.g. '2025年1月9日', so the date-format check can see the original form. */
    date: string | null;
  };
  /** Part heading lines as written; only the year check reads them. */
  headings?: Partial<Record<BodySectionKey, string>>;
  /** Last year's report of the same township, part by part, when there is one (for the 套话 and stale-figure checks). */
  lastYear?: Partial<Record<BodySectionKey, string>> | null;
}

export type CheckCode =
  | 'missing-part'
  | 'no-causes'
  | 'year-mismatch'
  | 'numbering'
  | 'no-transition'
  | 'date-format'
  | 'no-recipient'
  | 'no-signature'
  | 'plans-no-year'
  | 'halfwidth-punctuation'
  | 'thin-part'
  | 'no-figures'
  | 'wrong-document-name'
  | 'stale-figures'
  | 'same-as-last-year'
  | 'recipient-department'
  | 'repeated-figures'
  | 'outdated-document'
  | 'personal-info';

/** One replacement in a section's plain text (UTF-16 offsets), as a one-click fix applies it in the editor. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export type CheckSeverity = 'error' | 'warning';

/** Where in a section's text the editor should jump to; offsets are UTF-16 indices into that text. */
export interface CheckLocation {
  section: BodySectionKey;
  start: number;
  end: number;
}

export interface Check {
  code: CheckCode;
  /** A SectionKey ('title', 'measures', 'signature', …) or null for the whole report. */
  section: string | null;
  /** Chinese, tells the drafter what to do. */
  message: string;
  severity: CheckSeverity;
  at?: CheckLocation;
  /** The words that triggered the finding where they are not at a place in a part's text (a 主送, figures); see findingOf. */
  evidence?: string;
  /** A safe correction the drafter can apply with one click (the text changes through the normal versioned save). */
  fix?: { label: string; section: BodySectionKey; edits: TextEdit[] };
}

/** An empty report skeleton, handy for callers that build a ReportText incrementally. */
export function emptyReportText(year: number | null = null): ReportText {
  return {
    year,
    title: null,
    recipient: null,
    sections: { preface: null, measures: null, leaders: null, shortcomings: null, plans: null, other: null },
    signature: { organs: [], date: null },
    headings: {},
  };
}
