'use client';
// The 需修改 items of the last review above the editor: for the drafter, the to-do list (ticked off as each item's
// part changes); for the reviewer on resubmission, what changed in each item's part since the verdict.
import type { VerdictView } from '@/lib/review/verdicts';
import { limitMessage } from '@/lib/shared/limits';
import { DiffParts } from './diff-view';

type Props = { items: VerdictView[]; reviewer: boolean; onOpen: (sectionKey: string) => void };

export function VerdictTodo({ items, reviewer, onOpen }: Props) {
  if (!items.length) return null;
  return (
    <div className="todo-note" data-testid="verdict-todo">
      <strong>{reviewer ? '逐项审核意见（需修改）' : '审核人要求修改'}：</strong>
      <ul>
        {items.map((v) => (
          <li key={v.itemId} className={v.changed ? 'done' : ''} data-testid={`verdict-todo-${v.itemId}`}>
            <button type="button" className="link-like" onClick={() => onOpen(v.sectionKey)}>
              {v.sectionLabel}
            </button>
            ·{v.label}——{v.note}
            <em>{v.changed ? (reviewer ? '（本部分自提出意见后已修改）' : '（已修改）') : '（待修改）'}</em>
            {reviewer && v.changes ? (
              <details className="verdict-changes" data-testid={`verdict-changes-${v.itemId}`}>
                <summary>
                  查看修改（+{v.changes.inserted} / −{v.changes.deleted} 字）
                </summary>
                <DiffParts parts={v.changes.parts} />
                {v.changes.cut ? <p className="muted">{limitMessage('verdictChangesChars')}</p> : null}
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
