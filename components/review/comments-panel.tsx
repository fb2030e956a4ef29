'use client';
// The 批注 tab: threads beside the text. A comment filed from a reviewed Word file is marked 来自 Word with the Word
// author's name; the one who filed it may withdraw it (the comment's own delete), not rewrite the Word author's words.
// Typing "@" in a box offers the people who may read the report; mentions show marked in the text.
import { useDrafting } from '@/components/drafting/drafting-context';
import { apiCall, refusalOf, type ApiOptions } from '@/components/ui/api-call';
import { WordMark } from './word-mark';
import { CommentText, MentionBox } from './mention-box';
import { ErrorLine } from '@/components/ui/error-line';
import { useEffect, useState } from 'react';
import { formatDateTime } from '@/lib/shared/format';
import type { CommentChanged, CommentCreated, CommentView } from '@/lib/review/comments';
import { SECTION_LABELS, type BodySectionKey } from '@/lib/domain/sections';



type Outcome = { setError: (m: string) => void; onChanged: () => Promise<void> };

/** Sends a comment API request: its refusal shown, or `then` and the threads read again. */
async function send(url: string, options: ApiOptions, { setError, onChanged }: Outcome, then: () => void = () => undefined): Promise<void> {
  const err = refusalOf(await apiCall<CommentChanged | CommentCreated>(url, options));
  if (err) return setError(err);
  then();
  await onChanged();
}

function Comment({ c, reportId, onChanged, setError }: { c: CommentView; reportId: number; onChanged: () => Promise<void>; setError: (m: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(c.body);
  if (c.deleted) return <p className="comment-body muted">（批注已删除）</p>;
  return (
    <div className="comment">
      <div className="comment-head">
        {c.fromWord ? <WordMark testId={`comment-word-${c.id}`} /> : null}
        <strong>{c.authorName}</strong> <span className="muted">{formatDateTime(new Date(c.createdAt))}{c.editedAt ? '（已修改）' : ''}</span>
      </div>
      {editing ? (
        <>
          <MentionBox reportId={reportId} rows={3} value={text} onChange={setText} label="修改批注" placeholder="" testId={`comment-edit-${c.id}`} />
          <div className="inline-form">
            <button
              type="button"
              onClick={async () => {
                await send(`/api/reports/${reportId}/comments/${c.id}`, { method: 'PATCH', body: { body: text } }, { setError, onChanged }, () => setEditing(false));
              }}
            >
              保存
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              取消
            </button>
          </div>
        </>
      ) : (
        <CommentText body={c.body} mentions={c.mentions} />
      )}
      {c.mine && !editing ? (
        <div className="comment-actions">
          {c.fromWord ? null : (
            <button type="button" className="link-like" onClick={() => setEditing(true)}>
              修改
            </button>
          )}
          <button
            type="button"
            className="link-like"
            data-testid={c.fromWord ? `comment-withdraw-${c.id}` : undefined}
            onClick={async () => {
              if (!window.confirm(c.fromWord ? '确定撤回这条从 Word 登记的批注吗？' : '确定删除这条批注吗？')) return;
              await send(`/api/reports/${reportId}/comments/${c.id}`, { method: 'DELETE' }, { setError, onChanged });
            }}
          >
            {c.fromWord ? '撤回' : '删除'}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** Threads in document order beside the text: add on a selection, reply, resolve and reopen. */
export function CommentsPanel() {
  const { reportId, threads, selection: selected, mayComment, activeThread: activeId, onThreadsChanged: onChanged, onOpenThread: onOpen } = useDrafting();
  // A caret is not a passage to comment on (it is where a reviewer may suggest an insertion).
  const selection = selected?.anchor.exact ? selected : null;
  const [body, setBody] = useState('');
  const [replies, setReplies] = useState<Record<number, string>>({});
  const [showResolved, setShowResolved] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const shown = threads.filter((t) => showResolved || !t.resolved);
  // The thread opened from the text or from a link (a 待办 item) is brought into view in the panel.
  useEffect(() => {
    if (activeId !== null) document.querySelector(`[data-testid="thread-${activeId}"]`)?.scrollIntoView({ block: 'nearest' });
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
          <li key={t.id} className={`thread${t.resolved ? ' resolved' : ''}${t.id === activeId ? ' active' : ''}`} data-testid={`thread-${t.id}`}>
            <button type="button" className="link-like thread-quote" onClick={() => onOpen(t)}>
              <span className="muted">{SECTION_LABELS[t.sectionKey as BodySectionKey]}</span>
              {t.position ? null : <span className="detached">原文已删除</span>}
              <q>{t.anchor.exact}</q>
            </button>
            <Comment c={t} reportId={reportId} onChanged={onChanged} setError={setError} />
            {t.replies.map((r) => (
              <div key={r.id} className="reply">
                <Comment c={r} reportId={reportId} onChanged={onChanged} setError={setError} />
              </div>
            ))}
            {t.resolved ? <p className="muted">已由 {t.resolvedByName ?? ''} 标记为已解决</p> : null}
            {mayComment ? (
              <div className="thread-actions">
                {!t.resolved ? (
                  <>
                    <MentionBox
                      reportId={reportId}
                      rows={2}
                      label="回复（输入 @ 可提到他人）"
                      placeholder="回复…"
                      value={replies[t.id] ?? ''}
                      onChange={(v) => setReplies((r) => ({ ...r, [t.id]: v }))}
                      testId={`reply-body-${t.id}`}
                    />
                    <button
                      type="button"
                      disabled={!replies[t.id]?.trim()}
                      data-testid={`reply-add-${t.id}`}
                      onClick={async () => {
                        await send(`/api/reports/${reportId}/comments`, { method: 'POST', body: { parentId: t.id, body: replies[t.id] } }, { setError, onChanged }, () =>
                          setReplies((r) => ({ ...r, [t.id]: '' })),
                        );
                      }}
                    >
                      回复
                    </button>
                  </>
                ) : null}
                <button
                  type="button"
                  className="secondary"
                  data-testid={`resolve-${t.id}`}
                  onClick={async () => {
                    await send(`/api/reports/${reportId}/comments/${t.id}`, { method: 'PATCH', body: { resolved: !t.resolved } }, { setError, onChanged });
                  }}
                >
                  {t.resolved ? '重新打开' : '标记为已解决'}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
