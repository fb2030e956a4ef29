'use client';
// On a wide screen, the open comment threads and pending suggestions of the part shown stand in the margin beside
// their passages, as Word's balloons do. Each balloon is the same card as in the side panel (thread-card.tsx,
// suggestion-card.tsx), writing through the same requests; a click on a balloon selects its passage, a click on a
// passage marks its balloon. On narrower screens, or when switched off (批注显示在页边), the side panel alone shows them.
import { useRef, useState, type MouseEvent } from 'react';
import { SuggestionCard } from '@/components/review/suggestion-card';
import { ThreadCard } from '@/components/review/thread-card';
import { useDecide } from '@/components/review/use-decide';
import { ErrorLine } from '@/components/ui/error-line';
import type { ThreadView } from '@/lib/review/comments';
import type { SuggestionView } from '@/lib/review/suggestions';
import { useDrafting } from './drafting-context';
import { useMarginPref, useMarginShown } from './margin-pref';
import { useBalloonLayout } from './use-balloon-layout';

/** A click on the balloon itself (not on one of its buttons or boxes) goes to its passage. */
const onBalloon = (open: () => void) => (e: MouseEvent) => {
  if (!(e.target as HTMLElement).closest('button, a, textarea, input, select, label')) open();
};

function ThreadBalloon({ t }: { t: ThreadView }) {
  const { reportId, mayComment, activeThread, onOpenThread, onThreadsChanged } = useDrafting();
  const [error, setError] = useState('');
  const active = t.id === activeThread;
  return (
    <li className={`balloon balloon-thread${active ? ' active' : ''}`} data-balloon={`t${t.id}`} data-passage={`mark[data-thread="${t.id}"]`} data-testid={`balloon-thread-${t.id}`} onClick={onBalloon(() => onOpenThread(t))}>
      <ThreadCard as="div" t={t} active={active} reportId={reportId} mayComment={mayComment} onOpen={onOpenThread} onChanged={onThreadsChanged} setError={setError} />
      <ErrorLine message={error} />
    </li>
  );
}

function SuggestionBalloon({ s }: { s: SuggestionView }) {
  const { reportId, mayDecide, mayComment, userId, activeSuggestion, onOpenSuggestion, onSuggestionsChanged } = useDrafting();
  const { decide, busy, error, setError } = useDecide();
  const active = s.id === activeSuggestion;
  return (
    <li
      className={`balloon balloon-suggestion${active ? ' active' : ''}`}
      data-balloon={`s${s.id}`}
      data-passage={`[data-suggestion="${s.id}"]`}
      data-testid={`balloon-suggestion-${s.id}`}
      onClick={onBalloon(() => onOpenSuggestion(s))}
    >
      <SuggestionCard
        as="div"
        reportId={reportId}
        s={s}
        active={active}
        mayDecide={mayDecide}
        mayReply={mayComment}
        mayWithdraw={s.filedById === userId}
        busy={busy}
        onDecide={(x, what) => void decide([x], what)}
        onOpen={onOpenSuggestion}
        onChanged={onSuggestionsChanged}
        setError={setError}
      />
      <ErrorLine message={error} />
    </li>
  );
}

function Margin({ part }: { part: string }) {
  const { threads, suggestions, partText, activeThread, activeSuggestion } = useDrafting();
  const col = useRef<HTMLElement>(null);
  // What the margin shows: the threads still open and the suggestions that can still be decided, both drawn in the text.
  const shownThreads = threads.filter((t) => t.sectionKey === part && !t.resolved && t.position);
  const shownSuggestions = suggestions.filter((s) => s.sectionKey === part && s.state === 'pending' && !s.changed);
  const keys = [...shownThreads.map((t) => `t${t.id}:${t.replies.length}`), ...shownSuggestions.map((s) => `s${s.id}:${s.replies.length}`)];
  useBalloonLayout(col, part, `${keys.join(',')}|${activeThread}|${activeSuggestion}`, partText);
  return (
    <section className="margin-column" ref={col} aria-label="页边的批注与修订" data-testid="margin">
      <svg className="margin-leaders" aria-hidden="true">
        {keys.map((k) => (
          <path key={k} data-leader={k.slice(0, k.indexOf(':'))} />
        ))}
      </svg>
      <ol className="balloons">
        {shownThreads.map((t) => (
          <ThreadBalloon key={`t${t.id}`} t={t} />
        ))}
        {shownSuggestions.map((s) => (
          <SuggestionBalloon key={`s${s.id}`} s={s} />
        ))}
      </ol>
    </section>
  );
}

/** The margin column, where the screen is wide enough, the user wants it and a part (not the front matter) is shown. */
export function MarginBalloons() {
  const { part } = useDrafting();
  const shown = useMarginShown();
  return shown && part ? <Margin part={part} /> : null;
}

/** The switch for the margin, shown (by drafting.css) only where the margin can be. */
export function MarginSwitch() {
  const [on, setOn] = useMarginPref();
  return (
    <label className="check-label margin-switch">
      <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} data-testid="margin-switch" /> 批注显示在页边
    </label>
  );
}
