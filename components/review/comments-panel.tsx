'use client';
// The 批注 tab: a new comment on the selected passage, and the threads as cards (thread-card.tsx). Typing "@" in a
// box offers the people who may read the report; mentions show marked in the text.
import { useDrafting } from '@/components/drafting/drafting-context';
import { apiCall, refusalOf } from '@/components/ui/api-call';
import { ErrorLine } from '@/components/ui/error-line';
import { useEffect, useState } from 'react';
import type { CommentCreated } from '@/lib/review/comments';
import { ThreadCard } from './thread-card';
import { MentionBox } from './mention-box';

/** Threads in document order beside the text: add on a selection, reply, resolve and reopen. */
export function CommentsPanel() {
  const { reportId, threads, selection: selected, mayComment, activeThread: activeId, onThreadsChanged: onChanged, onOpenThread: onOpen } = useDrafting();
  // A caret is not a passage to comment on (it is where a reviewer may suggest an insertion).
  const selection = selected?.anchor.exact ? selected : null;
  const [body, setBody] = useState('');
  const [showResolved, setShowResolved] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const shown = threads.filter((t) => showResolved || !t.resolved);
  // The thread opened from the text or from a link (a 待办 item) is brought into view in the panel.
  useEffect(() => {
    if (activeId !== null) document.querySelector(`[data-testid="comments-panel"] [data-testid="thread-${activeId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  async function add() {
    if (!selection) return;
    setBusy(true);
    const err = refusalOf(
      await apiCall<CommentCreated>(`/api/reports/${reportId}/comments`, { method: 'POST', body: { sectionKey: selection.key, anchor: selection.anchor, body } }),
    );
    setBusy(false);
    if (err) setError(err);
    else {
      setError('');
      setBody('');
      await onChanged();
    }
  }

  return (
    <div className="comments" data-testid="comments-panel">
      {mayComment ? (
        <div className="new-comment">
          {selection ? (
            <p className="quote">
              对“<mark>{selection.anchor.exact.length > 60 ? `${selection.anchor.exact.slice(0, 60)}…` : selection.anchor.exact}</mark>”
            </p>
          ) : (
            <p className="muted">在正文中选中文字，即可对它批注。批注不会改动正文。</p>
          )}
          <MentionBox reportId={reportId} rows={3} value={body} onChange={setBody} label="批注内容（输入 @ 可提到能查看本报告的人）" placeholder="写下批注…（输入 @ 提到他人）" testId="comment-body" />
          <button type="button" disabled={!selection || !body.trim() || busy} onClick={() => void add()} data-testid="comment-add">
            添加批注
          </button>
        </div>
      ) : null}
      <ErrorLine message={error} />
      <label className="check-label">
        <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> 显示已解决的批注
      </label>
      {shown.length === 0 ? <p className="muted">暂无批注。</p> : null}
      <ol className="threads">
        {shown.map((t) => (
          <ThreadCard key={t.id} t={t} active={t.id === activeId} reportId={reportId} mayComment={mayComment} onOpen={onOpen} onChanged={onChanged} setError={setError} />
        ))}
      </ol>
    </div>
  );
}
