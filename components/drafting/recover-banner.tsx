'use client';
// Unsaved text from an earlier visit (the server was unreachable, or the tab closed), offered back once.
import { useEffect, useState } from 'react';
import { LocalDrafts, type LocalDraft } from '@/lib/autosave/local-drafts';
import type { SectionSnapshot } from '@/lib/drafting/types';
import { SECTION_LABELS, type BodySectionKey } from '@/lib/domain/sections';
import type { TiptapNode } from '@/lib/domain/tiptap-doc';
import { formatDateTime } from '@/lib/shared/format';

type Props = {
  reportId: number;
  sections: SectionSnapshot[];
  /** Puts a recovered text into its section's editor (then saved like typing). */
  onRestore: (key: string, content: TiptapNode) => void;
};

export function RecoverBanner({ reportId, sections, onRestore }: Props) {
  const [recover, setRecover] = useState<Array<{ key: string; draft: LocalDraft<TiptapNode> }>>([]);
  useEffect(() => {
    const drafts = new LocalDrafts<TiptapNode>(window.localStorage, reportId);
    const found = drafts.recoverable(sections.map((s) => ({ key: s.key, content: s.content })));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration
    if (found.length) setRecover(found);
  }, [sections, reportId]);
  if (!recover.length) return null;
  return (
    <div className="recover-banner" data-testid="recover-banner">
      发现上次未保存的内容（{recover.map((r) => `${SECTION_LABELS[r.key as BodySectionKey]}，${formatDateTime(new Date(r.draft.savedAt))}`).join('；')}）。
      <button
        type="button"
        data-testid="recover-restore"
        onClick={() => {
          for (const r of recover) onRestore(r.key, r.draft.content);
          setRecover([]);
        }}
      >
        恢复
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          const drafts = new LocalDrafts<TiptapNode>(window.localStorage, reportId);
          for (const r of recover) drafts.clear(r.key);
          setRecover([]);
        }}
      >
        放弃
      </button>
    </div>
  );
}
