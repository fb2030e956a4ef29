// The app's vocabulary, each list written once: the parts of a report, report states, roles, township kinds, promise
// ledger states and version kinds. The database schema, the template, the checks, the services and the UI import
// them from here; nothing else spells them out.

/** Parts whose body is rich text, stored one row each in report_sections, in document order (domain.md §2). */
export const BODY_SECTION_KEYS = ['preface', 'measures', 'leaders', 'shortcomings', 'plans', 'other'] as const;
export type BodySectionKey = (typeof BODY_SECTION_KEYS)[number];

/** Body sections that carry a numbered heading ("一、…" to "五、…"). */
export const PART_KEYS = ['measures', 'leaders', 'shortcomings', 'plans', 'other'] as const satisfies readonly BodySectionKey[];
export type PartKey = (typeof PART_KEYS)[number];

/** The four parts every report must have; 'other' is optional. They are also the parts with a checklist. */
export const REQUIRED_PART_KEYS = ['measures', 'leaders', 'shortcomings', 'plans'] as const satisfies readonly PartKey[];
export type RequiredPartKey = (typeof REQUIRED_PART_KEYS)[number];

/** Every part of the report in document order; title, recipient, signature and cc live on the report row. */
export const SECTION_KEYS = ['title', 'recipient', ...BODY_SECTION_KEYS, 'signature', 'cc'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const TOWNSHIP_KINDS = ['乡', '镇', '街道'] as const;
export type TownshipKind = (typeof TOWNSHIP_KINDS)[number];

export const ROLES = ['admin', 'reviewer', 'drafter'] as const;
export type Role = (typeof ROLES)[number];

export const REPORT_STATUSES = ['drafting', 'submitted', 'returned', 'approved', 'final', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** How far a measure promised in last year's part 四 was carried out. */
export const LEDGER_STATES = ['已落实', '部分落实', '未落实'] as const;
export type LedgerState = (typeof LEDGER_STATES)[number];

/** A reviewer's suggested change (修订): waiting for the drafter, taken into the text, or turned down. */
export const SUGGESTION_STATES = ['pending', 'accepted', 'rejected'] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

/** A reviewer's verdict on a checklist item: 通过, or 需修改 (the drafter's to-do once the report is returned). */
export const VERDICTS = ['pass', 'fix'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERSION_KINDS = ['transition', 'manual', 'auto', 'restore', 'import'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];
