'use client';
// The 修订 tab: a reviewer suggests a change to the selected passage (or an insertion at the caret); everyone who
// reads the report sees each suggestion with its state; the drafter accepts or rejects it.
import { useState } from 'react';
import { apiCall } from '@/components/ui/api-call';
import { ErrorLine } from '@/components/ui/error-line';
import type { TextAnchor } from '@/lib/review/anchor';
import type { SuggestionView } from '@/lib/review/suggestions';
import { SECTION_LABELS } from '@/lib/report/sections';
import { formatDateTime } from '@/lib/shared/format';

type Filter = 'all' | 'pending' | 'changed' | 'accepted' | 'rejected';

const STATE_LABELS: Record<Exclude<Filter, 'all'>, string> = { pending: '待处理', changed: '原文已改动', accepted: '已接受', rejected: '已拒绝' };

export function suggestionState(s: SuggestionView): Exclude<Filter, 'all'> {
  return s.state === 'pending' ? (s.changed ? 'changed' : 'pending') : s.state;
}

type Props = {
  reportId: number;
  suggestions: SuggestionView[];
  selection: { key: string; anchor: TextAnchor } | null;
  maySuggest: boolean;
  mayDecide: boolean;
  onChanged: () => Promise<void>;
  /** Accepting goes through the editor (its unsaved text first, then the server's new text into it). */
  onAccept: (s: SuggestionView) => Promise<string | null>;
  onOpen: (s: SuggestionView) => void;
};

function What({ s }: { s: SuggestionView }) {
  if (!s.anchor.exact)
    return (
      <>
        在“{s.anchor.prefix.slice(-8)}”后插入 <ins className="suggest-ins">{s.replacement}</ins>
      </>
    );
  if (!s.replacement)
    return (
      <>
        删除 <del className="suggest-del">{s.anchor.exact}</del>
      </>
    );
  return (
    <>
      将 <del className="suggest-del">{s.anchor.exact}</del> 改为 <ins className="suggest-ins">{s.replacement}</ins>
    </>
  );
}

export function SuggestionsPanel({ reportId, suggestions, selection, maySuggest, mayDecide, onChanged, onAccept, onOpen }: Props) {
  const [replacement, setReplacement] = useState('');
  const [reason, setReason] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function suggest() {
    if (!selection) return;
    setBusy(true);
    setError(null);
    const refused = await apiCall(`/api/reports/${reportId}/suggestions`, 'POST', { sectionKey: selection.key, anchor: selection.anchor, replacement, reason: reason || null });
    setBusy(false);
    if (refused) {
      setError(refused);
      return;
    }
    setReplacement('');
    setReason('');
    await onChanged();
  }

  async function decide(s: SuggestionView, what: 'accept' | 'reject') {
    setBusy(true);
    setError(null);
    try {
      const refused = what === 'accept' ? await onAccept(s) : await apiCall(`/api/reports/${reportId}/suggestions/${s.id}/reject`, 'POST');
      if (refused) setError(refused);
      await onChanged();
    } catch {
      setError('无法连接服务器，请检查网络后重试。');
    } finally {
      setBusy(false);
    }
  }

  const shown = suggestions.filter((s) => filter === 'all' || suggestionState(s) === filter);
  return (
    <div className="suggestions-panel" data-testid="suggestions-panel">
      {maySuggest ? (
        <div className="suggest-form">
          <p className="muted">
            {selection
              ? selection.anchor.exact
                ? `修改所选文字“${selection.anchor.exact.length > 40 ? `${selection.anchor.exact.slice(0, 40)}…` : selection.anchor.exact}”：`
                : `在光标处（“${selection.anchor.prefix.slice(-8)}”之后）插入：`
              : '在正文中选中要修改的文字，或把光标放在要插入的位置。'}
          </p>
          <textarea
            rows={2}
            value={replacement}
            onChange={(e) => setReplacement(e.target.value)}
            placeholder={selection?.anchor.exact ? '修改为（留空表示删除）' : '插入的文字'}
            aria-label="建议的文字"
            data-testid="suggest-text"
          />
          <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="理由（可不填）" aria-label="修订理由" maxLength={500} />
          <button type="button" disabled={!selection || busy || (!selection.anchor.exact && !replacement)} onClick={() => void suggest()} data-testid="suggest-add">
            提出修订
          </button>
        </div>
      ) : null}
      <ErrorLine message={error} />
      <label className="check-label">
        显示
        <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)} aria-label="修订筛选" data-testid="suggest-filter">
          <option value="all">全部（{suggestions.length}）</option>
          {(Object.keys(STATE_LABELS) as Array<keyof typeof STATE_LABELS>).map((k) => (
            <option key={k} value={k}>
              {STATE_LABELS[k]}（{suggestions.filter((s) => suggestionState(s) === k).length}）
            </option>
          ))}
        </select>
      </label>
      {shown.length === 0 ? <p className="muted">没有修订。</p> : null}
      <ol className="suggestion-list">
        {shown.map((s) => {
          const state = suggestionState(s);
          return (
            <li key={s.id} className={`suggestion-card state-${state}`} data-testid={`suggestion-${s.id}`}>
              <button type="button" className="link" onClick={() => onOpen(s)}>
                {SECTION_LABELS[s.sectionKey]}
              </button>
              <p className="suggestion-what">
                <What s={s} />
              </p>
              {s.reason ? <p className="muted">理由：{s.reason}</p> : null}
              {s.changed ? <p className="msg error">原文已改动{s.changed.now ? `，现在是“${s.changed.now}”` : '，原文已删除'}；不能直接接受。</p> : null}
              <p className="muted">
                {s.authorName} · {formatDateTime(new Date(s.createdAt))} · <span data-testid={`suggestion-state-${s.id}`}>{STATE_LABELS[state]}</span>
                {s.decidedByName && s.decidedAt ? `（${s.decidedByName}，${formatDateTime(new Date(s.decidedAt))}）` : ''}
              </p>
              {mayDecide && s.state === 'pending' ? (
                <div className="suggestion-actions">
                  <button type="button" disabled={busy || state === 'changed'} onClick={() => void decide(s, 'accept')} data-testid={`suggestion-accept-${s.id}`}>
                    接受
                  </button>
                  <button type="button" className="secondary" disabled={busy} onClick={() => void decide(s, 'reject')} data-testid={`suggestion-reject-${s.id}`}>
                    拒绝
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
