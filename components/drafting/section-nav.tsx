'use client';
// The list of the report's parts beside the editor: filled or not, checklist progress, open comments and checks,
// and each part's saving state.
import { STATUS_LABELS } from '@/lib/autosave/save-queue';
import type { ChecklistEntry } from '@/lib/drafting/types';
import { checklistFor, type Checklist } from '@/lib/domain/checklists';
import type { Check } from '@/lib/domain/model';
import { BODY_SECTION_KEYS, type BodySectionKey } from '@/lib/domain/sections';
import { partHeadingLines, type PartHeadings, type TemplateHeadings } from '@/lib/domain/template';
import type { ThreadView } from '@/lib/review/comments';
import type { SuggestionView } from '@/lib/review/suggestions';
import type { StatusMap } from './use-save-statuses';

export type Nav = BodySectionKey | 'front';

/** A part's name in the navigation and above the editor: its heading as the report words it, else the township's template's. */
export function navLabel(key: BodySectionKey, year: number, own: PartHeadings, template: TemplateHeadings): string {
  if (key === 'preface') return '导语';
  const h = partHeadingLines(year, own, template)[key];
  return key === 'other' ? `${h}（可选）` : h;
}

type Props = {
  current: Nav;
  onSelect: (nav: Nav) => void;
  year: number;
  partHeadings: PartHeadings;
  /** The township's template headings (its season pack's). */
  template: TemplateHeadings;
  texts: Partial<Record<string, string>>;
  statuses: StatusMap;
  checks: Check[];
  /** The season pack's checklist items. */
  checklist: Checklist;
  entries: ChecklistEntry[];
  threads: ThreadView[];
  suggestions: SuggestionView[];
};

export function SectionNav({ current, onSelect, year, partHeadings, template, texts, statuses, checks, checklist, entries, threads, suggestions }: Props) {
  const pendingSuggestions = (k: string) => suggestions.filter((s) => s.sectionKey === k && s.state === 'pending').length;
  const progress = (k: BodySectionKey) => {
    const items = checklistFor(checklist, k).map((i) => i.id);
    const ledger = k === 'measures' ? entries.filter((e) => e.kind === 'ledger') : [];
    const done = entries.filter((e) => items.includes(e.itemId) && e.confirmed).length + ledger.filter((e) => e.state).length;
    return { done, total: items.length + ledger.length };
  };
  const openThreads = (k: string) => threads.filter((t) => t.sectionKey === k && !t.resolved).length;
  const front = statuses.front?.status ?? 'saved';
  return (
    <nav className="section-nav" aria-label="报告各部分">
      <button type="button" className={current === 'front' ? 'current' : ''} onClick={() => onSelect('front')} data-testid="nav-front">
        <span className="nav-title">标题、主送与落款</span>
        <span className={`dot save-${front}`} data-testid="section-status-front" title={STATUS_LABELS[front]} />
      </button>
      {BODY_SECTION_KEYS.map((k) => {
        const filled = Boolean(texts[k]?.trim());
        const c = progress(k);
        const open = checks.filter((x) => (x.at?.section ?? x.section) === k).length;
        const st = statuses[k]?.status ?? 'saved';
        return (
          <button key={k} type="button" className={current === k ? 'current' : ''} onClick={() => onSelect(k)} data-testid={`nav-${k}`}>
            <span className="nav-title">
              <span className={filled ? 'filled' : 'empty'}>{filled ? '●' : '○'}</span> {navLabel(k, year, partHeadings, template)}
            </span>
            <span className="nav-meta">
              {c.total ? `清单 ${c.done}/${c.total}` : ''}
              {openThreads(k) ? <span className="nav-comments" data-testid={`nav-comments-${k}`}> · {openThreads(k)} 条批注</span> : null}
              {open ? <span className="nav-checks"> · {open} 项检查</span> : null}
              {pendingSuggestions(k) ? <span className="nav-suggestions" data-testid={`nav-suggestions-${k}`}> · {pendingSuggestions(k)} 条修订</span> : null}
            </span>
            <span className={`dot save-${st}`} data-testid={`section-status-${k}`} title={STATUS_LABELS[st]} />
          </button>
        );
      })}
    </nav>
  );
}
