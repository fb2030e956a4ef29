'use client';
// What the drafting page shares with the panels beside the editor: the part shown, the review state and what the
// panels may do. The workspace provides it; each panel reads what it needs instead of having it passed down.
import { createContext, useContext } from 'react';
import type { ChecklistEntry } from '@/lib/drafting/types';
import type { Checklist } from '@/lib/domain/checklists';
import type { Check } from '@/lib/domain/model';
import type { BodySectionKey } from '@/lib/domain/sections';
import type { DraftChange } from '@/lib/domain/suggest-draft';
import type { ThreadView } from '@/lib/review/comments';
import type { SuggestionView } from '@/lib/review/suggestions';
import type { VerdictView } from '@/lib/review/verdicts';
import type { TextSelectionInfo } from './section-editor';

export type SideTab = 'checklist' | 'checks' | 'comments' | 'suggestions' | 'coverage' | 'similar';

/** A reviewer's 建议修改 mode: the typed changes not yet sent, and sending or dropping them. */
export type DraftingSuggestions = {
  suggesting: boolean;
  changes: Array<{ key: BodySectionKey; change: DraftChange; removed: string }>;
  /** Sends the changes; a change's own reason (by `draftId`) goes before the batch's `reason`. */
  submit: (reason: string, reasons?: Readonly<Record<string, string>>) => Promise<string | null>;
  discard: () => void;
  /** The part's text as on the server, which the changes are placed in. */
  baseText: (key: BodySectionKey) => string;
};

export type DraftingContextValue = {
  reportId: number;
  editable: boolean;
  mayComment: boolean;
  /** The drafter may accept and reject suggestions. */
  mayDecide: boolean;
  /** May file a reviewed Word file's 修订 and 批注 onto the report now (the upload in the 修订 tab). */
  mayFileWord: boolean;
  /** The signed-in user: the one who filed a suggestion may withdraw it. */
  userId: number;
  /** A reviewer may mark checklist items 通过 / 需修改 now. */
  mayReview: boolean;
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  /** The part shown in the editor; null while the front matter is. */
  part: BodySectionKey | null;
  partText: string;
  /** Selects a stretch of the current part's text (a checklist item's evidence). */
  onShow: (start: number, end: number) => void;
  /** The checklist items of the season pack of the report's year and county. */
  checklist: Checklist;
  entries: ChecklistEntry[];
  onEntry: (e: ChecklistEntry) => void;
  checks: Check[];
  onJumpCheck: (c: Check) => void;
  onFixCheck: (c: Check) => void;
  threads: ThreadView[];
  selection: TextSelectionInfo;
  activeThread: number | null;
  /** The suggestion picked in the text or the margin. */
  activeSuggestion: number | null;
  onThreadsChanged: () => Promise<void>;
  onOpenThread: (t: ThreadView) => void;
  suggestions: SuggestionView[];
  /** Suggestions not listed: pending ones past a page, decided ones older than the latest shown. */
  suggestionsHidden: { pending: number; decided: number };
  onSuggestionsChanged: () => Promise<void>;
  /** Accepting goes through the editor (its unsaved text first, then the server's new text into it). */
  onAcceptSuggestion: (s: SuggestionView) => Promise<string | null>;
  onOpenSuggestion: (s: SuggestionView) => void;
  drafting: DraftingSuggestions | null;
  /** Selects a stretch of a part's (edited) text: a typed change not yet sent. */
  onOpenDraft: (key: BodySectionKey, start: number, end: number) => void;
  verdicts: VerdictView[];
  onVerdict: (itemId: string, verdict: VerdictView | null) => void;
};

/** A typed change's name while it is typed (its part and where it starts in the server's text): its own reason's key. */
export const draftId = (key: BodySectionKey, change: Pick<DraftChange, 'start'>) => `${key}:${change.start}`;

const DraftingContext = createContext<DraftingContextValue | null>(null);

export const DraftingProvider = DraftingContext.Provider;

/** The drafting page's shared state; only inside the workspace. */
export function useDrafting(): DraftingContextValue {
  const value = useContext(DraftingContext);
  if (!value) throw new Error('useDrafting is used outside the drafting workspace');
  return value;
}
