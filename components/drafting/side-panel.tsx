'use client';
// The panel beside the editor: the part's checklist, the checks of the whole report, the comments and the
// suggestions. Each reads what it needs from the drafting context.
import { CommentsPanel } from '@/components/review/comments-panel';
import { SuggestionsPanel } from '@/components/review/suggestions-panel';
import { ChecklistPanel } from './checklist-panel';
import { ChecksPanel } from './checks-panel';
import { SimilarityPanel } from '@/components/similarity/similarity-panel';
import { CoveragePanel } from './coverage-panel';
import { useDrafting, type SideTab } from './drafting-context';
import { MarginSwitch } from './margin-balloons';

const TABS: Array<[SideTab, string]> = [
  ['checklist', '清单'],
  ['checks', '检查'],
  ['comments', '批注'],
  ['suggestions', '修订'],
  ['coverage', '事项'],
  ['similar', '相似内容'],
];

export function SidePanel() {
  const { tab: shown, onTab, part, threads, suggestions, checks } = useDrafting();
  const open = threads.filter((t) => !t.resolved).length;
  const pending = suggestions.filter((s) => s.state === 'pending').length;
  return (
    <aside className="side-panel">
      <MarginSwitch />
      <div className="tabs" role="tablist">
        {TABS.map(([tab, label]) => {
          const count = { checklist: 0, checks: checks.length, comments: open, suggestions: pending, coverage: 0, similar: 0 }[tab];
          return (
            <button key={tab} type="button" role="tab" aria-selected={shown === tab} onClick={() => onTab(tab)} data-testid={`tab-${tab}`}>
              {label} {count ? <span className="badge">{count}</span> : null}
            </button>
          );
        })}
      </div>
      {shown === 'checklist' ? (
        part ? (
          <ChecklistPanel sectionKey={part} />
        ) : (
          <p className="muted">请在左侧选择报告的一个部分。</p>
        )
      ) : shown === 'suggestions' ? (
        <SuggestionsPanel />
      ) : shown === 'checks' ? (
        <ChecksPanel />
      ) : shown === 'coverage' ? (
        <CoveragePanel />
      ) : shown === 'similar' ? (
        <SimilarityPanel />
      ) : (
        <CommentsPanel />
      )}
    </aside>
  );
}
