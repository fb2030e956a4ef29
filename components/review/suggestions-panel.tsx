'use client';
// The 修订 tab. A reviewer in 建议修改 mode sees here what the typing in the text reads back as and sends it as
// suggestions (each with its own reason or the batch's); everyone who reads the report sees each suggestion with its state and
// replies; the drafter accepts or rejects them, one by one, all in the part shown, or all. Whoever may file a reviewed
// Word file uploads it here; its changes show marked 来自 Word, and the one who filed (or wrote) a pending one may withdraw it.
import Link from 'next/link';
import { useState } from 'react';
import { draftId, useDrafting, type DraftingSuggestions } from '@/components/drafting/drafting-context';
import { ErrorLine } from '@/components/ui/error-line';
import { SECTION_LABELS, type BodySectionKey } from '@/lib/domain/sections';
import { limitMessage } from '@/lib/shared/limits';
import { ChangeWords, STATE_LABELS, SuggestionCard, suggestionState, type SuggestionFilter } from './suggestion-card';
import { useDecide } from './use-decide';
import { WordReviewUpload } from './word-review-upload';


export { suggestionState } from './suggestion-card';

type OnOpenDraft = (key: BodySectionKey, start: number, end: number) => void;

function Drafts({ drafting, onOpenDraft }: { drafting: DraftingSuggestions; onOpenDraft: OnOpenDraft }) {
  const [reason, setReason] = useState('');
  // Each change may carry its own reason, as a Word reviewer comments each change; the batch's stays the default.
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { changes } = drafting;
  const blocked = changes.some((c) => c.change.problem);

  async function submit() {
    setBusy(true);
    const refused = await drafting.submit(reason.trim(), reasons);
    setBusy(false);
    setError(refused);
    if (!refused) {
      setReason('');
      setReasons({});
    }
  }

  if (!drafting.suggesting)
    return <p className="muted suggest-hint">点击正文上方的“建议修改”，在正文中直接修改：选中文字后输入替换、删除，或在光标处输入插入的文字；原文不会改动，修改在这里提交为修订。</p>;
  return (
    <div className="suggest-form" data-testid="suggest-drafts">
      <strong>待提交的修改（{changes.length} 处）</strong>
      {changes.length === 0 ? <p className="muted">在正文中修改后，修改会列在这里。</p> : null}
      <ol className="draft-list">
        {changes.map(({ key, change, removed }, i) => (
          <li key={`${key}-${change.start}-${i}`} className={change.problem ? 'problem' : ''}>
            <button type="button" className="link-like" onClick={() => onOpenDraft(key, change.at, change.at + Math.max(1, change.replacement.length))}>
              {SECTION_LABELS[key]}
            </button>
            ：<ChangeWords exact={removed} replacement={change.replacement} before={drafting.baseText(key).slice(0, change.start)} />
            {change.problem ? <p className="msg error">{change.problem}</p> : null}
            <input
              className="draft-reason"
              value={reasons[draftId(key, change)] ?? ''}
              onChange={(e) => setReasons((r) => ({ ...r, [draftId(key, change)]: e.target.value }))}
              placeholder="本处理由（可不填，不填用下方的理由）"
              aria-label={`第 ${i + 1} 处修改的理由`}
              maxLength={500}
              data-testid={`draft-reason-${i}`}
            />
          </li>
        ))}
      </ol>
      <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="理由（可不填，用于没有单独写理由的各处修订）" aria-label="修订理由" maxLength={500} />
      <div className="suggestion-actions">
        <button type="button" disabled={!changes.length || blocked || busy} onClick={() => void submit()} data-testid="suggest-submit">
          提交修订
        </button>
        <button type="button" className="secondary" disabled={!changes.length || busy} onClick={drafting.discard} data-testid="suggest-discard">
          放弃修改
        </button>
      </div>
      <ErrorLine message={error} />
    </div>
  );
}

export function SuggestionsPanel() {
  const {
    reportId,
    suggestions,
    suggestionsHidden: hidden,
    drafting,
    onOpenDraft,
    mayDecide,
    mayComment: mayReply,
    part,
    onSuggestionsChanged: onChanged,
    onOpenSuggestion: onOpen,
    activeSuggestion,
    mayFileWord,
    onThreadsChanged,
    userId,
  } = useDrafting();
  const [filter, setFilter] = useState<SuggestionFilter>('all');
  const { decide, busy, error, setError } = useDecide();

  const acceptable = suggestions.filter((s) => suggestionState(s) === 'pending');
  const inPart = acceptable.filter((s) => s.sectionKey === part);
  const shown = suggestions.filter((s) => filter === 'all' || suggestionState(s) === filter);
  return (
    <div className="suggestions-panel" data-testid="suggestions-panel">
      {drafting ? <Drafts drafting={drafting} onOpenDraft={onOpenDraft} /> : null}
      {mayFileWord ? <WordReviewUpload reportId={reportId} onFiled={async () => void (await Promise.all([onChanged(), onThreadsChanged()]))} /> : null}
      <ErrorLine message={error} />
      <label className="check-label">
        显示
        <select value={filter} onChange={(e) => setFilter(e.target.value as SuggestionFilter)} aria-label="修订筛选" data-testid="suggest-filter">
          <option value="all">全部（{suggestions.length}）</option>
          {(Object.keys(STATE_LABELS) as Array<keyof typeof STATE_LABELS>).map((k) => (
            <option key={k} value={k}>
              {STATE_LABELS[k]}（{suggestions.filter((s) => suggestionState(s) === k).length}）
            </option>
          ))}
        </select>
      </label>
      {mayDecide && acceptable.length ? (
        <div className="suggestion-actions">
          {part && inPart.length ? (
            <button type="button" className="secondary" disabled={busy} onClick={() => void decide(inPart, 'accept')} data-testid="suggest-accept-part">
              接受本部分全部（{inPart.length}）
            </button>
          ) : null}
          <button type="button" className="secondary" disabled={busy} onClick={() => void decide(acceptable, 'accept')} data-testid="suggest-accept-all">
            全部接受（{acceptable.length}）
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => void decide(acceptable, 'reject')} data-testid="suggest-reject-all">
            全部拒绝
          </button>
        </div>
      ) : null}
      {shown.length === 0 ? <p className="muted">没有修订。</p> : null}
      {hidden.pending ? (
        <p className="muted" data-testid="suggest-hidden-pending">
          另有 {hidden.pending} 条待处理的修订未列出，处理上面的修订后会依次列出。
        </p>
      ) : null}
      <ol className="suggestion-list">
        {shown.map((s) => (
          <SuggestionCard
            key={s.id}
            reportId={reportId}
            s={s}
            mayDecide={mayDecide}
            mayReply={mayReply}
            mayWithdraw={s.filedById === userId}
            busy={busy}
            onDecide={(x, what) => void decide([x], what)}
            onOpen={onOpen}
            active={s.id === activeSuggestion}
            onChanged={onChanged}
            setError={setError}
          />
        ))}
      </ol>
      {hidden.decided && filter !== 'pending' ? (
        <p className="muted" data-testid="suggest-hidden-decided">
          {limitMessage('decidedSuggestionsShown')}更早的 {hidden.decided} 条已处理的修订未列出；每次接受修订都记有版本，可在
          <Link href={`/reports/${reportId}/versions`}>版本与记录</Link>中查看。
        </p>
      ) : null}
    </div>
  );
}
