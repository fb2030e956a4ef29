// The data the editor page hands to the client editor, and the shapes the section/checklist routes answer with.
import type { EffectivePack } from '@/lib/domain/season/layer';
import type { PartHeadings } from '@/lib/domain/template';
import type { SuggestionView } from '@/lib/review/suggestions';
import type { VerdictView } from '@/lib/review/verdicts';
import type { ReportStatus, TownshipKind } from '@/lib/domain/vocabulary';
import type { ThreadView } from '@/lib/review/comments';
import type { TransitionName } from '@/lib/domain/workflow';

export type { LedgerState } from '@/lib/domain/checklists';
import type { LedgerState } from '@/lib/domain/checklists';

export type { SectionSnapshot } from '@/lib/reports/sections';
import type { SectionSnapshot } from '@/lib/reports/sections';

export type ChecklistEntry = {
  itemId: string;
  kind: 'item' | 'ledger';
  /** For ledger items: "去年计划：…"; null for template checklist items (their label comes from the season pack's checklist). */
  label: string | null;
  confirmed: boolean;
  state: LedgerState | null;
  note: string;
  updatedByName: string | null;
  updatedAt: string | null; // ISO
};

export type ReportMeta = {
  title: string;
  recipient: string | null;
  signatureOrgans: string[];
  documentDate: string | null; // YYYY-MM-DD
  cc: string | null;
  /** 文号 (发文字号), e.g. 鸡鸣委文〔2026〕3号. */
  docNumber: string | null;
  /** The township's own wording of part headings, without numbers; a part not named uses the template's. */
  partHeadings: PartHeadings;
  metaVersion: number;
};

export type ReviewData = {
  threads: ThreadView[];
  mayComment: boolean;
  /** Reviewers' suggestions (修订) on the report: every pending one placed in its part's current text, the latest decided ones. */
  suggestions: SuggestionView[];
  /** Not listed in `suggestions`: pending ones past a page (suggestionsPage), decided ones past the latest (decidedSuggestionsShown). */
  suggestionsHidden: { pending: number; decided: number };
  /** A reviewer of the county while the report waits for review. */
  maySuggest: boolean;
  /** Reviewers' per-item verdicts (通过 / 需修改). */
  verdicts: VerdictView[];
  /** May give verdicts now: a reviewer of the county (or an admin) while the report waits for review. */
  mayReview: boolean;
  /** The township's drafter (or an admin) while the report can be edited. */
  mayDecide: boolean;
  /** May file a reviewed Word file (its 修订 and 批注) onto the report now: POST /api/reports/:id/review-import. */
  mayFileWord: boolean;
  transitions: TransitionName[];
  /** The reason of the latest return, shown to the drafter until the report is submitted again. */
  returnReason: { reason: string; by: string | null; at: string } | null;
};

export type EditorInitialData = {
  report: { id: number; year: number; status: ReportStatus } & ReportMeta;
  township: { id: number; name: string; kind: TownshipKind; countyName: string };
  sections: SectionSnapshot[];
  checklist: ChecklistEntry[];
  editable: boolean;
  user: { id: number; displayName: string };
  limits: { sectionChars: number; sectionBytes: number };
  review: ReviewData;
  /** Last year's report of the township, part by part (plain text), for the checks that compare with it. */
  lastYear: Record<string, string> | null;
  /** The effective season pack of the report's year and county: what the checks read (cited documents, wording). */
  seasonPack: EffectivePack;
};

/** 200 from PUT /api/reports/:id/sections/:key */
export type SaveOk = { version: number; updatedAt: string; plainText: string };
/** 409 from the same route: the copy the server holds now. */
export type SaveConflict = { error: string; code: 'conflict'; current: SectionSnapshot };

/** 200 from PATCH /api/reports/:id (title, 主送, 落款…). */
export type MetaSaveOk = { metaVersion: number };
/** 409 from the same route, besides error and code: the copy the server holds now. */
export type MetaConflict = { current: ReportMeta };
/** 200 from PUT /api/reports/:id/checklist/:itemId. */
export type ChecklistSaved = { entry: ChecklistEntry };
