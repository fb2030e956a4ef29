'use client';
// One comment thread as a card: the quoted passage (a button to it), the comments and replies, and reply and
// resolve. The 批注 tab lists these cards and the margin shows them as balloons beside their passages; both write
// through the same requests here. A comment filed from a reviewed Word file is marked 来自 Word with the Word
// author's name; the one who filed it may withdraw it (the comment's own delete), not rewrite the Word author's words.
// The boxes offer the people who may read the report after "@"; mentions show marked in the text.
import { useState } from 'react';
import { apiCall, refusalOf, type ApiOptions } from '@/components/ui/api-call';
import { formatDateTime } from '@/lib/shared/format';
import type { CommentChanged, CommentCreated, CommentView, ThreadView } from '@/lib/review/comments';
import { SECTION_LABELS, type BodySectionKey } from '@/lib/domain/sections';
import { WordMark } from './word-mark';
import { CommentText, MentionBox } from './mention-box';

type Outcome = { setError: (m: string) => void; onChanged: () => Promise<void> };

/** Sends a comment API request: its refusal shown, or `then` and the threads read again. */
export async function sendComment(url: string, options: ApiOptions, { setError, onChanged }: Outcome, then: () => void = () => undefined): Promise<void> {
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
                await sendComment(`/api/reports/${reportId}/comments/${c.id}`, { method: 'PATCH', body: { body: text } }, { setError, onChanged }, () => setEditing(false));
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
              await sendComment(`/api/reports/${reportId}/comments/${c.id}`, { method: 'DELETE' }, { setError, onChanged });
            }}
          >
            {c.fromWord ? '撤回' : '删除'}
          </button>
        </div>
      ) : null}
    </div>
  );
}

type Props = {
  t: ThreadView;
  active: boolean;
  reportId: number;
  mayComment: boolean;
  onOpen: (t: ThreadView) => void;
  onChanged: () => Promise<void>;
  setError: (m: string) => void;
  /** The card's own element: a list item in the 批注 tab, a block inside a margin balloon. */
  as?: 'li' | 'div';
};

export function ThreadCard({ t, active, reportId, mayComment, onOpen, onChanged, setError, as: Tag = 'li' }: Props) {
  const [reply, setReply] = useState('');
  return (
    <Tag className={`thread${t.resolved ? ' resolved' : ''}${active ? ' active' : ''}`} data-testid={`thread-${t.id}`}>
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
            <div className="reply-form">
              <MentionBox reportId={reportId} rows={2} label="回复（输入 @ 可提到他人）" placeholder="回复…" value={reply} onChange={setReply} testId={`reply-body-${t.id}`} />
              <button
                type="button"
                disabled={!reply.trim()}
                data-testid={`reply-add-${t.id}`}
                onClick={async () => {
                  await sendComment(`/api/reports/${reportId}/comments`, { method: 'POST', body: { parentId: t.id, body: reply } }, { setError, onChanged }, () => setReply(''));
                }}
              >
                回复
              </button>
            </div>
          ) : null}
          <button
            type="button"
            className="secondary"
            data-testid={`resolve-${t.id}`}
            onClick={async () => {
              await sendComment(`/api/reports/${reportId}/comments/${t.id}`, { method: 'PATCH', body: { resolved: !t.resolved } }, { setError, onChanged });
            }}
          >
            {t.resolved ? '重新打开' : '标记为已解决'}
          </button>
        </div>
      ) : null}
    </Tag>
  );
}
