'use client';
// The 需修改 items of the last review above the editor. For the drafter, the to-do list: an item is ticked 已修改 as
// soon as the passage its verdict points at reads otherwise in the editor (compared live with the passage kept with
// the verdict, lib/domain/verdict-passage.ts; a change elsewhere in the part does not tick it), or when the drafter
// marks it done with a word. For the reviewer on resubmission, what changed in each item's passage since the verdict.
import { useState } from 'react';
import { apiCall } from '@/components/ui/api-call';
import { ErrorLine } from '@/components/ui/error-line';
import { findChecklistItem, type Checklist } from '@/lib/domain/checklists';
import { limit, limitMessage } from '@/lib/shared/limits';
import { passageChanged } from '@/lib/domain/verdict-passage';
import type { VerdictDone, VerdictView } from '@/lib/review/verdicts';
import { DiffParts } from './diff-view';

type Props = {
  reportId: number;
  /** The season pack's checklist items the verdicts were given on. */
  checklist: Checklist;
  items: VerdictView[];
  reviewer: boolean;
  /** The drafter may mark items done (the text is editable). */
  editable: boolean;
  /** Each part's text as the editor holds it now. */
  texts: Record<string, string>;
  onOpen: (sectionKey: string) => void;
  onChanged: (v: VerdictView) => void;
};

/** Whether the item's passage reads otherwise now than when the verdict was given (live for the drafter). */
function changedNow(v: VerdictView, texts: Record<string, string>, checklist: Checklist): boolean {
  const item = findChecklistItem(checklist, v.itemId);
  const text = texts[v.sectionKey];
  return item && text !== undefined ? passageChanged(v.passage, text, item) : v.changed;
}

export function VerdictTodo({ reportId, checklist, items, reviewer, editable, texts, onOpen, onChanged }: Props) {
  if (!items.length) return null;
  const open = items.filter((v) => !changedNow(v, texts, checklist) && !v.done).length;
  return (
    <div className="todo-note" data-testid="verdict-todo">
      <strong>{reviewer ? '逐项审核意见（需修改）' : '审核人要求修改'}：</strong>
      {!reviewer ? <span className="muted">{open ? `还有 ${open} 项待修改` : '各项均已修改'}</span> : null}
      <ul>
        {items.map((v) => (
          <TodoItem key={v.itemId} reportId={reportId} v={v} changed={changedNow(v, texts, checklist)} reviewer={reviewer} editable={editable} onOpen={onOpen} onChanged={onChanged} />
        ))}
      </ul>
    </div>
  );
}

type ItemProps = { reportId: number; v: VerdictView; changed: boolean; reviewer: boolean; editable: boolean; onOpen: (key: string) => void; onChanged: (v: VerdictView) => void };

function TodoItem({ reportId, v, changed, reviewer, editable, onOpen, onChanged }: ItemProps) {
  const [marking, setMarking] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const done = changed || v.done !== null;

  async function send(body: { note: string | null }) {
    setBusy(true);
    setError('');
    const r = await apiCall<VerdictDone>(`/api/reports/${reportId}/verdicts/${encodeURIComponent(v.itemId)}/done`, { method: 'PUT', body });
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setMarking(false);
    setNote('');
    onChanged(r.data.verdict);
  }

  const state = changed ? (reviewer ? '（此项所指段落自提出意见后已修改）' : '（已修改）') : v.done ? '（起草人说明已修改）' : '（待修改）';
  return (
    <li className={done ? 'done' : ''} data-testid={`verdict-todo-${v.itemId}`} data-done={done ? 'true' : 'false'}>
      <button type="button" className="link-like" onClick={() => onOpen(v.sectionKey)}>
        {v.sectionLabel}
      </button>
      ·{v.label}——{v.note}
      <em>{state}</em>
      {v.done ? (
        <span className="todo-done-note" data-testid={`verdict-done-note-${v.itemId}`}>
          说明：{v.done.note}
          {editable && !reviewer ? (
            <button type="button" className="link-like" disabled={busy} onClick={() => void send({ note: null })}>
              撤销说明
            </button>
          ) : null}
        </span>
      ) : null}
      {editable && !reviewer && !done && !marking ? (
        <button type="button" className="link-like" onClick={() => setMarking(true)} data-testid={`verdict-mark-${v.itemId}`}>
          标为已修改
        </button>
      ) : null}
      {marking ? (
        <span className="todo-mark">
          <input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={limit('verdictDoneChars')}
            placeholder="一句话说明怎样修改的"
            aria-label={`${v.label}：修改说明`}
            data-testid={`verdict-mark-note-${v.itemId}`}
          />
          <button type="button" disabled={busy || !note.trim()} onClick={() => void send({ note })}>
            确定
          </button>
          <button type="button" className="secondary" onClick={() => setMarking(false)}>
            取消
          </button>
        </span>
      ) : null}
      <ErrorLine message={error} as="span" />
      {reviewer && v.changes ? (
        <details className="verdict-changes" data-testid={`verdict-changes-${v.itemId}`}>
          <summary>
            查看此项所指段落的修改（+{v.changes.inserted} / −{v.changes.deleted} 字）
          </summary>
          <DiffParts parts={v.changes.parts} />
          {v.changes.cut ? <p className="muted">{limitMessage('verdictChangesChars')}</p> : null}
        </details>
      ) : null}
    </li>
  );
}
