'use client';
// The review around the text: comment threads, suggestions (修订) and verdicts, kept fresh from the server, and the
// selection a new comment or suggestion starts from.
import { useCallback, useMemo, useState } from 'react';
import { apiCall } from '@/components/ui/api-call';
import type { ReviewData } from '@/lib/drafting/types';
import { BODY_SECTION_KEYS } from '@/lib/domain/sections';
import { limit } from '@/lib/shared/limits';
import type { ThreadList, ThreadView } from '@/lib/review/comments';
import type { Decision, DecisionConflict, SuggestionList, SuggestionView } from '@/lib/review/suggestions';
import type { VerdictView } from '@/lib/review/verdicts';
import type { SideTab } from './drafting-context';
import { useMarginShown } from './margin-pref';
import type { ActiveMark, SectionSuggestion, SectionThread, TextSelectionInfo } from './section-editor';
import type { SectionApis } from './use-navigation';

/** `focus`: the thread a link opened the page on (?comment=…, from a 待办 item about a mention). */
export function useReviewState(reportId: number, initial: ReviewData, apis: SectionApis, setTab: (tab: SideTab) => void, focus: number | null = null) {
  const [threads, setThreads] = useState<ThreadView[]>(initial.threads);
  const [suggestions, setSuggestions] = useState<SuggestionView[]>(initial.suggestions);
  const [suggestionsHidden, setSuggestionsHidden] = useState(initial.suggestionsHidden);
  const [verdicts, setVerdicts] = useState<VerdictView[]>(initial.verdicts);
  const [active, setActive] = useState<ActiveMark>(() => (focus !== null && initial.threads.some((t) => t.id === focus) ? { kind: 'thread', id: focus } : null));
  const [selection, setSelection] = useState<TextSelectionInfo>(null);

  const onSelectText = useCallback((sel: TextSelectionInfo) => setSelection(sel), []);
  // A mark clicked in the text: its thread or suggestion is picked (its card and balloon marked) and, unless its
  // balloon stands beside it in the margin, its tab shown.
  const marginShown = useMarginShown();
  const onMarkClick = useCallback(
    (mark: NonNullable<ActiveMark>) => {
      setActive(mark);
      if (!marginShown) setTab(mark.kind === 'thread' ? 'comments' : 'suggestions');
    },
    [setTab, marginShown],
  );
  const refreshThreads = useCallback(async () => {
    const r = await apiCall<ThreadList>(`/api/reports/${reportId}/comments`);
    if (r.ok) setThreads(r.data.threads);
  }, [reportId]);
  // As the page was drawn: every pending suggestion (a page of them) and the latest decided ones, the rest counted.
  const refreshSuggestions = useCallback(async () => {
    const base = `/api/reports/${reportId}/suggestions`;
    const [pending, decided] = await Promise.all([
      apiCall<SuggestionList>(`${base}?state=pending`),
      apiCall<SuggestionList>(`${base}?state=decided&order=newest&limit=${limit('decidedSuggestionsShown')}`),
    ]);
    if (!pending.ok || !decided.ok) return;
    setSuggestions([...pending.data.suggestions, ...decided.data.suggestions].sort((a, b) => a.id - b.id));
    setSuggestionsHidden({
      pending: pending.data.total - pending.data.suggestions.length,
      decided: decided.data.total - decided.data.suggestions.length,
    });
  }, [reportId]);

  // Accepting: the part's unsaved typing is saved first, then the server applies the change to that version and the
  // editor takes the new text (a newer version on the server answers a conflict and nothing changes).
  const acceptSuggestion = useCallback(
    async (s: SuggestionView): Promise<string | null> => {
      const api = apis.current.get(s.sectionKey);
      await api?.flush();
      const r = await apiCall<Decision, DecisionConflict>(`/api/reports/${reportId}/suggestions/${s.id}/accept`, {
        method: 'POST',
        body: api ? { version: api.version() } : {},
      });
      if (!r.ok) return r.message;
      if (r.data.section) api?.takeServer(r.data.section);
      return null;
    },
    [reportId, apis],
  );

  const onVerdict = useCallback(
    (itemId: string, v: VerdictView | null) => setVerdicts((prev) => [...prev.filter((x) => x.itemId !== itemId), ...(v ? [v] : [])]),
    [],
  );

  const threadsBySection = useMemo(() => {
    const m = new Map<string, SectionThread[]>(BODY_SECTION_KEYS.map((k) => [k, []]));
    for (const t of threads) m.get(t.sectionKey)?.push({ id: t.id, anchor: t.anchor, resolved: t.resolved });
    return m;
  }, [threads]);
  const suggestionsBySection = useMemo(() => {
    const m = new Map<string, SectionSuggestion[]>(BODY_SECTION_KEYS.map((k) => [k, []]));
    for (const s of suggestions) if (s.state === 'pending' && !s.changed) m.get(s.sectionKey)?.push({ id: s.id, anchor: s.anchor, replacement: s.replacement });
    return m;
  }, [suggestions]);

  return {
    threads,
    suggestions,
    suggestionsHidden,
    verdicts,
    active,
    setActive,
    activeThread: active?.kind === 'thread' ? active.id : null,
    activeSuggestion: active?.kind === 'suggestion' ? active.id : null,
    selection,
    onSelectText,
    onMarkClick,
    refreshThreads,
    refreshSuggestions,
    acceptSuggestion,
    onVerdict,
    threadsBySection,
    suggestionsBySection,
    pendingSuggestions: suggestions.filter((s) => s.state === 'pending').length,
    toDo: verdicts.filter((v) => v.verdict === 'fix'),
  };
}
