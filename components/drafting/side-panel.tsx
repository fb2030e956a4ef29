'use client';
// The panel beside the editor: the part's checklist, the checks of the whole report, and the comments.
import { CommentsPanel } from '@/components/review/comments-panel';
import { SuggestionsPanel } from '@/components/review/suggestions-panel';
import type { SuggestionView } from '@/lib/review/suggestions';
import type { VerdictView } from '@/lib/review/verdicts';
import type { ChecklistEntry } from '@/lib/drafting/types';
import type { Check } from '@/lib/domain/model';
import type { BodySectionKey } from '@/lib/domain/sections';
import type { ThreadView } from '@/lib/review/comments';
import { ChecklistPanel } from './checklist-panel';
import { ChecksPanel } from './checks-panel';
import type { TextSelectionInfo } from './section-editor';
import type { DraftingSuggestions } from '@/components/review/suggestions-panel';

export type SideTab = 'checklist' | 'checks' | 'comments' | 'suggestions';

const TABS: Array<[SideTab, string]> = [
  ['checklist', '清单'],
  ['checks', '检查'],
  ['comments', '批注'],
  ['suggestions', '修订'],
];

type Props = {
  reportId: number;
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  /** The part shown in the editor; null while the front matter is. */
  part: BodySectionKey | null;
  partText: string;
  editable: boolean;
  entries: ChecklistEntry[];
  onEntry: (e: ChecklistEntry) => void;
  checks: Check[];
  onJumpCheck: (c: Check) => void;
  onFixCheck: (c: Check) => void;
  threads: ThreadView[];
  selection: TextSelectionInfo;
  mayComment: boolean;
  activeThread: number | null;
  onThreadsChanged: () => Promise<void>;
  onOpenThread: (t: ThreadView) => void;
  /** Selects a stretch of the current part's text (a checklist item's evidence). */
  onShow: (start: number, end: number) => void;
  suggestions: SuggestionView[];
  mayDecide: boolean;
  onSuggestionsChanged: () => Promise<void>;
  onAcceptSuggestion: (s: SuggestionView) => Promise<string | null>;
  onOpenSuggestion: (s: SuggestionView) => void;
  drafting: DraftingSuggestions | null;
  /** Selects a stretch of a part's (edited) text: a typed change not yet sent. */
  onOpenDraft: (key: BodySectionKey, start: number, end: number) => void;
  verdicts: VerdictView[];
  mayReview: boolean;
  onVerdict: (itemId: string, verdict: VerdictView | null) => void;
};

export function SidePanel(p: Props) {
  const open = p.threads.filter((t) => !t.resolved).length;
  const pending = p.suggestions.filter((s) => s.state === 'pending').length;
  return (
    <aside className="side-panel">
      <div className="tabs" role="tablist">
        {TABS.map(([tab, label]) => {
          const count = { checklist: 0, checks: p.checks.length, comments: open, suggestions: pending }[tab];
          return (
            <button key={tab} type="button" role="tab" aria-selected={p.tab === tab} onClick={() => p.onTab(tab)} data-testid={`tab-${tab}`}>
              {label} {count ? <span className="badge">{count}</span> : null}
            </button>
          );
        })}
      </div>
      {p.tab === 'checklist' ? (
        p.part ? (
          <ChecklistPanel
            reportId={p.reportId}
            sectionKey={p.part}
            text={p.partText}
            entries={p.entries}
            editable={p.editable}
            onEntry={p.onEntry}
            onShow={p.onShow}
            verdicts={p.verdicts}
            mayReview={p.mayReview}
            onVerdict={p.onVerdict}
          />
        ) : (
          <p className="muted">请在左侧选择报告的一个部分。</p>
        )
      ) : p.tab === 'suggestions' ? (
        <SuggestionsPanel
          reportId={p.reportId}
          suggestions={p.suggestions}
          drafting={p.drafting}
          onOpenDraft={p.onOpenDraft}
          mayDecide={p.mayDecide}
          mayReply={p.mayComment}
          part={p.part}
          onChanged={p.onSuggestionsChanged}
          onAccept={p.onAcceptSuggestion}
          onOpen={p.onOpenSuggestion}
        />
      ) : p.tab === 'checks' ? (
        <ChecksPanel checks={p.checks} onJump={p.onJumpCheck} onFix={p.editable ? p.onFixCheck : undefined} />
      ) : (
        <CommentsPanel
          reportId={p.reportId}
          threads={p.threads}
          selection={p.selection}
          mayComment={p.mayComment}
          activeId={p.activeThread}
          onChanged={p.onThreadsChanged}
          onOpen={p.onOpenThread}
        />
      )}
    </aside>
  );
}
