'use client';
// One suggestion (修订) as a card: what would change, why, its state, the drafter's accept / reject, and the replies
// in which the reviewer and the drafter talk it over.
import { useState } from 'react';
import { apiCall, refusalOf } from '@/components/ui/api-call';
import type { SuggestionView } from '@/lib/review/suggestions';
import type { SuggestionReplyCreated } from '@/lib/review/suggestion-replies';
import { SECTION_LABELS } from '@/lib/domain/sections';
import { formatDateTime } from '@/lib/shared/format';
import { WordMark } from './word-mark';

export type SuggestionFilter = 'all' | 'pending' | 'changed' | 'accepted' | 'rejected';
export type SuggestionStateKey = Exclude<SuggestionFilter, 'all'>;

export const STATE_LABELS: Record<SuggestionStateKey, string> = { pending: '待处理', changed: '原文已改动', accepted: '已接受', rejected: '已拒绝' };

export function suggestionState(s: SuggestionView): SuggestionStateKey {
  return s.state === 'pending' ? (s.changed ? 'changed' : 'pending') : s.state;
}

/** What a change does, in words: 在“…”后插入 / 删除 / 将…改为…. */
export function ChangeWords({ exact, replacement, before }: { exact: string; replacement: string; before: string }) {
  if (!exact)
    return (
      <>
        在“{before.slice(-8)}”后插入 <ins className="suggest-ins">{replacement}</ins>
      </>
    );
  if (!replacement)
    return (
      <>
        删除 <del className="suggest-del">{exact}</del>
      </>
    );
  return (
    <>
      将 <del className="suggest-del">{exact}</del> 改为 <ins className="suggest-ins">{replacement}</ins>
    </>
  );
}

type Props = {
  reportId: number;
  s: SuggestionView;
  mayDecide: boolean;
  mayReply: boolean;
  /** The one who wrote or filed it: may take it back while it is pending. */
  mayWithdraw: boolean;
  busy: boolean;
  onDecide: (s: SuggestionView, what: 'accept' | 'reject') => void;
  onOpen: (s: SuggestionView) => void;
  onChanged: () => Promise<void>;
  setError: (message: string | null) => void;
  /** Picked in the text or the margin. */
  active?: boolean;
  /** The card's own element: a list item in the 修订 tab, a block inside a margin balloon. */
  as?: 'li' | 'div';
};

export function SuggestionCard({ reportId, s, mayDecide, mayReply, mayWithdraw, busy, onDecide, onOpen, onChanged, setError, active = false, as: Tag = 'li' }: Props) {
  const [reply, setReply] = useState('');
  const [sending, setSending] = useState(false);
  const state = suggestionState(s);

  async function send() {
    setSending(true);
    const refused = refusalOf(await apiCall<SuggestionReplyCreated>(`/api/reports/${reportId}/suggestions/${s.id}/replies`, { method: 'POST', body: { body: reply } }));
    setSending(false);
    setError(refused);
    if (refused) return;
    setReply('');
    await onChanged();
  }

  async function withdraw() {
    if (!window.confirm('确定撤回这条修订吗？撤回后它将从报告中移除。')) return;
    setSending(true);
    const refused = refusalOf(await apiCall<{ ok: true }>(`/api/reports/${reportId}/suggestions/${s.id}/withdraw`, { method: 'POST' }));
    setSending(false);
    setError(refused);
    if (!refused) await onChanged();
  }

  return (
    <Tag className={`suggestion-card state-${state}${active ? ' active' : ''}`} data-testid={`suggestion-${s.id}`}>
      <button type="button" className="link" onClick={() => onOpen(s)}>
        {SECTION_LABELS[s.sectionKey]}
      </button>
      <p className="suggestion-what">
        <ChangeWords exact={s.anchor.exact} replacement={s.replacement} before={s.anchor.prefix} />
      </p>
      {s.reason ? <p className="muted">理由：{s.reason}</p> : null}
      {s.changed ? <p className="msg error">原文已改动{s.changed.now ? `，现在是“${s.changed.now}”` : '，原文已删除'}；不能直接接受。</p> : null}
      <p className="muted">
        {s.fromWord ? <WordMark testId={`suggestion-word-${s.id}`} /> : null}
        {s.authorName} · {formatDateTime(new Date(s.createdAt))} · <span data-testid={`suggestion-state-${s.id}`}>{STATE_LABELS[state]}</span>
        {s.decidedByName && s.decidedAt ? `（${s.decidedByName}，${formatDateTime(new Date(s.decidedAt))}）` : ''}
      </p>
      {s.replies.map((r) => (
        <div key={r.id} className="reply" data-testid={`suggestion-reply-${r.id}`}>
          <p className="muted">
            {r.authorName} · {formatDateTime(new Date(r.createdAt))}
          </p>
          <p className="reply-body">{r.body}</p>
        </div>
      ))}
      {mayDecide && s.state === 'pending' ? (
        <div className="suggestion-actions">
          <button type="button" disabled={busy || state === 'changed'} onClick={() => onDecide(s, 'accept')} data-testid={`suggestion-accept-${s.id}`}>
            接受
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => onDecide(s, 'reject')} data-testid={`suggestion-reject-${s.id}`}>
            拒绝
          </button>
        </div>
      ) : null}
      {mayWithdraw && s.state === 'pending' ? (
        <div className="suggestion-actions">
          <button type="button" className="secondary" disabled={busy || sending} onClick={() => void withdraw()} data-testid={`suggestion-withdraw-${s.id}`}>
            撤回
          </button>
        </div>
      ) : null}
      {mayReply ? (
        <div className="suggestion-reply">
          <textarea rows={1} placeholder="回复…" value={reply} maxLength={2000} onChange={(e) => setReply(e.target.value)} aria-label="回复修订" data-testid={`suggestion-reply-body-${s.id}`} />
          <button type="button" className="secondary" disabled={!reply.trim() || sending} onClick={() => void send()} data-testid={`suggestion-reply-add-${s.id}`}>
            回复
          </button>
        </div>
      ) : null}
    </Tag>
  );
}
