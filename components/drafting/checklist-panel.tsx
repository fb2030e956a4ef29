'use client';

import { useMemo, useState } from 'react';
import { apiCall } from '@/components/ui/api-call';
import type { ChecklistEntry, ChecklistSaved, LedgerState } from '@/lib/drafting/types';
import { formatDateTime } from '@/lib/shared/format';
import { checklistFor, findChecklistItem, LEDGER_STATES, suggestChecklist } from '@/lib/domain/checklists';
import { passageChanged } from '@/lib/domain/verdict-passage';
import type { BodySectionKey } from '@/lib/domain/sections';
import type { VerdictSaved, VerdictView } from '@/lib/review/verdicts';
import { useDrafting } from './drafting-context';

type Props = { sectionKey: BodySectionKey };
type OnVerdict = (itemId: string, verdict: VerdictView | null) => void;

/** A reviewer's 通过 / 需修改 on one item: shown to everyone; buttons and a note for the reviewer. */
function VerdictLine({ reportId, itemId, verdict, mayReview, onVerdict }: { reportId: number; itemId: string; verdict: VerdictView | undefined; mayReview: boolean; onVerdict: OnVerdict }) {
  const [note, setNote] = useState(verdict?.note ?? '');
  const [error, setError] = useState('');
  async function send(v: 'pass' | 'fix' | null) {
    setError('');
    const r = await apiCall<VerdictSaved>(`/api/reports/${reportId}/verdicts/${encodeURIComponent(itemId)}`, {
      method: 'PUT',
      body: { verdict: v, note: v === 'fix' ? note : '' },
    });
    if (r.ok) onVerdict(itemId, r.data.verdict ?? null);
    else setError(r.code === 'network' ? '审核意见没有保存，请检查网络后重试。' : r.message);
  }
  return (
    <div className={`verdict ${verdict ? `verdict-${verdict.verdict}` : ''}`} data-testid={`verdict-${itemId}`}>
      {verdict ? (
        <span className="verdict-state">
          审核：{verdict.verdict === 'pass' ? '通过' : `需修改——${verdict.note}`}
          {verdict.verdict === 'fix' ? <em className={verdict.changed ? 'done' : 'todo'}>{verdict.changed ? '（已修改）' : '（待修改）'}</em> : null}
        </span>
      ) : null}
      {mayReview ? (
        <span className="verdict-actions">
          <button type="button" className="secondary" onClick={() => void send('pass')} data-testid={`verdict-pass-${itemId}`}>
            通过
          </button>
          <textarea
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="需修改什么（写明要补充或改正的内容）"
            maxLength={500}
            aria-label="需修改的说明"
            data-testid={`verdict-note-${itemId}`}
          />
          <button type="button" className="secondary" disabled={!note.trim()} onClick={() => void send('fix')} data-testid={`verdict-fix-${itemId}`}>
            需修改
          </button>
          {verdict ? (
            <button type="button" className="link-like" onClick={() => void send(null)}>
              撤回
            </button>
          ) : null}
        </span>
      ) : null}
      {error ? <span className="msg error">{error}</span> : null}
    </div>
  );
}

function snippet(text: string, start: number, end: number) {
  const from = Math.max(0, start - 20);
  const to = Math.min(text.length, end + 20);
  return (
    <>
      {from > 0 ? '…' : ''}
      {text.slice(from, start)}
      <mark>{text.slice(start, end)}</mark>
      {text.slice(end, to)}
      {to < text.length ? '…' : ''}
    </>
  );
}

/** What the part must contain: suggestions from the text (dashed) beside the drafter's own confirmed ticks (solid). */
export function ChecklistPanel({ sectionKey }: Props) {
  const { reportId, partText: text, checklist, entries, editable, onEntry, onShow, verdicts, mayReview, onVerdict } = useDrafting();
  // 已修改, live: the passage the verdict points at reads otherwise in the editor now, or the drafter said it is done.
  // Both read the whole part, so they are worked out again when the text changes, not whenever the page re-renders.
  const verdictOf = useMemo(
    () =>
      new Map(
        verdicts.map((v) => {
          const item = findChecklistItem(checklist, v.itemId);
          const changed = item && item.section === sectionKey ? passageChanged(v.passage, text, item) : v.changed;
          return [v.itemId, { ...v, changed: changed || v.done !== null }];
        }),
      ),
    [verdicts, checklist, sectionKey, text],
  );
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState('');
  const items = checklistFor(checklist, sectionKey);
  const suggestions = useMemo(() => new Map(suggestChecklist(checklist, sectionKey, text).map((s) => [s.itemId, s])), [checklist, sectionKey, text]);
  const byId = new Map(entries.map((e) => [e.itemId, e]));
  const ledger = sectionKey === 'measures' ? entries.filter((e) => e.kind === 'ledger') : [];

  async function put(itemId: string, body: Partial<ChecklistEntry>) {
    setError('');
    const before = byId.get(itemId);
    // Shown at once; put back if the server refuses.
    onEntry({ itemId, kind: before?.kind ?? 'item', label: before?.label ?? null, confirmed: false, state: null, note: '', updatedByName: null, updatedAt: null, ...before, ...body });
    const r = await apiCall<ChecklistSaved>(`/api/reports/${reportId}/checklist/${encodeURIComponent(itemId)}`, { method: 'PUT', body });
    if (r.ok) {
      onEntry(r.data.entry);
      return;
    }
    if (before) onEntry(before);
    else onEntry({ itemId, kind: 'item', label: null, confirmed: false, state: null, note: '', updatedByName: null, updatedAt: null });
    setError(r.code === 'network' ? '勾选没有保存，请检查网络后重试。' : r.message);
  }

  if (items.length === 0 && ledger.length === 0) return <p className="muted">这一部分没有清单。</p>;
  return (
    <div className="checklist" data-testid="checklist-panel">
      {error ? <p className="msg error">{error}</p> : null}
      {ledger.length ? (
        <div className="ledger">
          <h4>去年承诺落实情况</h4>
          {ledger.map((e) => (
            <div key={e.itemId} className="ledger-item" data-testid={`ledger-${e.itemId}`}>
              <div>{e.label}</div>
              <div className="inline-form">
                <select
                  value={e.state ?? ''}
                  disabled={!editable}
                  aria-label="落实情况"
                  onChange={(ev) => void put(e.itemId, { state: (ev.target.value || null) as LedgerState | null, note: e.note })}
                >
                  <option value="">未标记</option>
                  {LEDGER_STATES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
                <input
                  defaultValue={e.note}
                  placeholder="在报告哪里写到"
                  disabled={!editable}
                  maxLength={500}
                  onBlur={(ev) => ev.target.value !== e.note && void put(e.itemId, { state: e.state, note: ev.target.value })}
                />
              </div>
            </div>
          ))}
        </div>
      ) : null}
      <ul>
        {items.map((item) => {
          const s = suggestions.get(item.id);
          const entry = byId.get(item.id);
          const confirmed = entry?.confirmed ?? false;
          return (
            <li key={item.id} className={confirmed ? 'confirmed' : ''} data-testid={`check-item-${item.id}`}>
              <label className="check-label">
                <input
                  type="checkbox"
                  checked={confirmed}
                  disabled={!editable}
                  onChange={(ev) => void put(item.id, { confirmed: ev.target.checked })}
                />
                <span>{item.label}</span>
                {item.needsFigure ? <small className="muted">（需写明数字）</small> : null}
              </label>
              <VerdictLine reportId={reportId} itemId={item.id} verdict={verdictOf.get(item.id)} mayReview={mayReview} onVerdict={onVerdict} />
              {confirmed && entry?.updatedAt ? (
                <div className="tick-by">
                  ✓ {entry.updatedByName ?? ''} 于 {formatDateTime(new Date(entry.updatedAt))} 确认
                </div>
              ) : null}
              {s?.suggested && !confirmed ? (
                <button
                  type="button"
                  className="suggestion"
                  data-testid={`suggest-${item.id}`}
                  onClick={() => {
                    setOpen(open === item.id ? null : item.id);
                    const m = s.matches[0];
                    if (m) onShow(m.start, m.figure ? Math.max(m.end, m.figure.end) : m.end);
                  }}
                >
                  建议勾选：发现“{[...new Set(s.matches.map((m) => m.keyword))].slice(0, 3).join('”“')}”
                </button>
              ) : null}
              {open === item.id && s ? (
                <ul className="suggestion-matches">
                  {s.matches.slice(0, 3).map((m, i) => (
                    <li key={i}>
                      <button type="button" className="link-like" onClick={() => onShow(m.start, m.end)}>
                        {snippet(text, Math.min(m.start, m.figure?.start ?? m.start), Math.max(m.end, m.figure?.end ?? m.end))}
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
