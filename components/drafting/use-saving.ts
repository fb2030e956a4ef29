'use client';
// Saving across the page: each part's state and the one the bar shows, a conflict to settle, and the leave guard.
import { useCallback, useState } from 'react';
import type { SaveStatus } from '@/lib/autosave/save-queue';
import type { SectionSnapshot } from '@/lib/drafting/types';
import type { BodySectionKey } from '@/lib/domain/sections';
import type { TiptapNode } from '@/lib/domain/tiptap-doc';
import { useLeaveGuard } from './use-leave-guard';
import type { SectionApis } from './use-navigation';
import { useSaveStatuses } from './use-save-statuses';

export type SectionConflict = { key: BodySectionKey; mine: TiptapNode; current: SectionSnapshot };

export function useSaving(apis: SectionApis) {
  const { statuses, onStatus, overall, unsaved } = useSaveStatuses();
  const [conflict, setConflict] = useState<SectionConflict | null>(null);

  const onConflict = useCallback((key: string, mine: TiptapNode, cur: SectionSnapshot) => {
    setConflict({ key: key as BodySectionKey, mine, current: cur });
  }, []);
  const onMetaStatus = useCallback((s: SaveStatus, m?: string) => onStatus('front', s, m), [onStatus]);

  useLeaveGuard(apis);

  const settle = {
    /** `merged`: this copy with the other's extra paragraphs put in (the dialog's paragraph merge), saved instead. */
    keepMine: (merged: TiptapNode | null = null) => {
      if (!conflict) return;
      setConflict(null);
      const api = apis.current.get(conflict.key);
      if (merged) api?.restore(merged);
      void api?.keepMine(conflict.current.version);
    },
    takeServer: () => {
      if (!conflict) return;
      setConflict(null);
      apis.current.get(conflict.key)?.takeServer(conflict.current);
    },
    later: () => setConflict(null),
  };

  return { statuses, onStatus, overall, unsaved, onMetaStatus, conflict, onConflict, settle };
}
