'use client';
// 建议修改 mode (reviewers): what each part's typing reads back as, not yet sent, and sending it as suggestions.
import { useCallback, useMemo, useState } from 'react';
import { apiCall, refusalOf } from '@/components/ui/api-call';
import { BODY_SECTION_KEYS, type BodySectionKey } from '@/lib/domain/sections';
import { draftAnchor, type DraftChange } from '@/lib/domain/suggest-draft';
import type { SuggestionCreated } from '@/lib/review/suggestions';
import { draftId, type DraftingSuggestions, type SideTab } from './drafting-context';
import type { TextStore } from './text-store';
import type { ReportEditors } from './use-navigation';

type Options = ReportEditors & {
  maySuggest: boolean;
  store: TextStore;
  setTab: (tab: SideTab) => void;
};

export function useSuggesting({ reportId, maySuggest, store, apis, refreshSuggestions, setTab }: Options) {
  const [suggesting, setSuggesting] = useState(false);
  const [drafts, setDrafts] = useState<Partial<Record<BodySectionKey, DraftChange[]>>>({});

  const onDraft = useCallback((key: string, changes: DraftChange[]) => setDrafts((prev) => ({ ...prev, [key]: changes })), []);
  const draftList = useMemo(
    () => BODY_SECTION_KEYS.flatMap((key) => (drafts[key] ?? []).map((change) => ({ key, change, removed: (store.get()[key] ?? '').slice(change.start, change.end) }))),
    [drafts, store],
  );

  // Each typed change is sent as one suggestion through the stable API, anchored in the server's text. The typing is
  // read back at the moment of sending (not the last read-back) and the editors are held still meanwhile; a refusal
  // stops there and the changes not yet sent stay typed, so nothing is lost or sent twice.
  const submitDrafts = useCallback(
    async (reason: string, reasons: Readonly<Record<string, string>> = {}): Promise<string | null> => {
      const fresh: Array<[BodySectionKey, DraftChange[]]> = [];
      for (const key of BODY_SECTION_KEYS) {
        const api = apis.current.get(key);
        if (!api) continue;
        const changes = api.readDraft();
        if (changes === null) return '输入法仍在输入中，请先完成输入再提交。';
        const problem = changes.find((c) => c.problem)?.problem;
        if (problem) return problem;
        if (changes.length) fresh.push([key, changes]);
      }
      fresh.forEach(([key]) => apis.current.get(key)?.holdDraft(true));
      try {
        for (const [key, changes] of fresh) {
          const base = store.get()[key] ?? '';
          for (let i = 0; i < changes.length; i++) {
            const c = changes[i]!;
            const refused = refusalOf(
              await apiCall<SuggestionCreated>(`/api/reports/${reportId}/suggestions`, {
                method: 'POST',
                body: { sectionKey: key, anchor: draftAnchor(base, c), replacement: c.replacement, reason: reasons[draftId(key, c)]?.trim() || reason || null },
              }),
            );
            if (refused) {
              apis.current.get(key)?.resetDraft(changes.slice(i));
              return refused;
            }
          }
          apis.current.get(key)?.resetDraft([]);
        }
        return null;
      } finally {
        fresh.forEach(([key]) => apis.current.get(key)?.holdDraft(false));
        await refreshSuggestions();
      }
    },
    [store, reportId, refreshSuggestions, apis],
  );

  const toggleSuggesting = () => {
    if (suggesting && draftList.length && !window.confirm(`还有 ${draftList.length} 处修改没有提交为修订，结束建议修改将放弃这些修改。确定吗？`)) return;
    setSuggesting(!suggesting);
    if (!suggesting) setTab('suggestions');
  };

  const drafting: DraftingSuggestions | null = maySuggest
    ? {
        suggesting,
        changes: draftList,
        submit: submitDrafts,
        discard: () => BODY_SECTION_KEYS.forEach((k) => apis.current.get(k)?.resetDraft([])),
        baseText: (key) => store.get()[key] ?? '',
      }
    : null;

  return { suggesting, toggleSuggesting, onDraft, unsent: draftList.length, drafting };
}
