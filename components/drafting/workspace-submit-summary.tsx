'use client';
// The 提交审核 dialog's summary on the drafting page, from the drafting context: the checks still open, the checklist
// progress per part, the 批注 not answered and the 修订 not decided.

import { SubmitSummary } from '@/components/review/submit-summary';
import { checklistFor } from '@/lib/domain/checklists';
import { BODY_SECTION_KEYS, type BodySectionKey } from '@/lib/domain/sections';
import { useDrafting } from './drafting-context';

type Props = {
  /** Opens a part with its checklist beside it. */
  onOpenChecklist: (key: BodySectionKey) => void;
  /** Closes the dialog (before each link's own action). */
  onLeave: () => void;
};

export function WorkspaceSubmitSummary({ onOpenChecklist, onLeave }: Props) {
  const d = useDrafting();
  const progress = BODY_SECTION_KEYS.flatMap((k) => {
    const items = checklistFor(d.checklist, k).map((i) => i.id);
    const ledger = k === 'measures' ? d.entries.filter((e) => e.kind === 'ledger') : [];
    const total = items.length + ledger.length;
    return total ? [{ key: k, done: d.entries.filter((e) => items.includes(e.itemId) && e.confirmed).length + ledger.filter((e) => e.state).length, total }] : [];
  });
  return (
    <SubmitSummary
      checks={d.checks}
      progress={progress}
      // Unanswered: not resolved, and the last word in the thread is someone else's.
      unanswered={d.threads.filter((t) => !t.resolved && !t.deleted && !(t.replies.at(-1) ?? t).mine)}
      pending={d.suggestions.filter((s) => s.state === 'pending')}
      onJumpCheck={d.onJumpCheck}
      onOpenChecklist={onOpenChecklist}
      onOpenThread={d.onOpenThread}
      onOpenSuggestion={(s) => {
        d.onTab('suggestions');
        d.onOpenSuggestion(s);
      }}
      onLeave={onLeave}
    />
  );
}
