'use client';
// Accepting and rejecting suggestions, for the 修订 tab and the margin's balloons alike: one after another, each
// accepted through the editor's versioned save; the first refusal stops the run and is shown.
import { useState } from 'react';
import { useDrafting } from '@/components/drafting/drafting-context';
import { apiCall, refusalOf } from '@/components/ui/api-call';
import type { Decision, SuggestionView } from '@/lib/review/suggestions';

export function useDecide() {
  const { reportId, onAcceptSuggestion: onAccept, onSuggestionsChanged: onChanged } = useDrafting();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function decide(list: SuggestionView[], what: 'accept' | 'reject') {
    setBusy(true);
    setError(null);
    try {
      for (const s of list) {
        const refused = what === 'accept' ? await onAccept(s) : refusalOf(await apiCall<Decision>(`/api/reports/${reportId}/suggestions/${s.id}/reject`, { method: 'POST' }));
        if (refused) {
          setError(refused);
          break;
        }
      }
      await onChanged();
    } catch {
      setError('无法连接服务器，请检查网络后重试。');
    } finally {
      setBusy(false);
    }
  }

  return { decide, busy, error, setError };
}
