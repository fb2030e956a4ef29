'use client';

import { diffChars } from 'diff';
import { useMemo, useState } from 'react';
import type { SectionSnapshot } from '@/lib/drafting/types';
import { formatDateTime } from '@/lib/shared/format';
import { SECTION_LABELS } from '@/lib/domain/sections';
import { mergeParagraphs } from '@/lib/domain/paragraph-merge';
import { docToText, type TiptapNode } from '@/lib/domain/tiptap-doc';
import type { useSaving } from './use-saving';

type Props = {
  sectionLabel: string;
  mine: TiptapNode;
  current: SectionSnapshot;
  /** The other copy was saved by this same user (another window or device). */
  sameUser: boolean;
  /** Keeps this copy, with the other copy's extra paragraphs put in when `merged` is given. */
  onKeepMine: (merged: TiptapNode | null) => void;
  onTakeServer: () => void;
  onLater: () => void;
};

/** Both texts side by side with the differences marked; nothing is thrown away whichever the user picks. */
export function ConflictDialog({ sectionLabel, mine: mineDoc, current, sameUser, onKeepMine, onTakeServer, onLater }: Props) {
  const [copied, setCopied] = useState(false);
  const mine = docToText(mineDoc);
  // The other copy's paragraphs this one lacks, offered before the user chooses (taken in unless unticked).
  const { added, merged } = useMemo(() => mergeParagraphs(mineDoc, current.content), [mineDoc, current.content]);
  const [takeAdded, setTakeAdded] = useState(true);
  const parts = diffChars(current.plainText, mine);
  const other = sameUser ? '你在另一个窗口的修改' : '服务器上的版本';
  return (
    <div className="modal-backdrop">
      <div className="modal conflict" role="dialog" aria-label="保存冲突" data-testid="conflict-dialog">
        <h2>“{sectionLabel}”有冲突</h2>
        <p data-testid="conflict-who">
          {sameUser
            ? `你在另一个窗口（或另一台设备）于 ${formatDateTime(new Date(current.updatedAt))} 保存了这一部分。`
            : `在您编辑的同时，${current.updatedByName ?? '他人'}于 ${formatDateTime(new Date(current.updatedAt))} 保存了这一部分。`}
          这里的内容还没有保存，也不会丢失。请对照后选择，或从两边复制需要的段落。
        </p>
        <div className="conflict-panes">
          <div>
            <h3>我的版本（未保存）</h3>
            <div className="conflict-text" data-testid="conflict-mine">
              {parts.map((p, i) => (p.removed ? null : p.added ? <ins key={i}>{p.value}</ins> : <span key={i}>{p.value}</span>))}
            </div>
          </div>
          <div>
            <h3>
              {other}（第 {current.version} 版）
            </h3>
            <div className="conflict-text" data-testid="conflict-server">
              {parts.map((p, i) => (p.added ? null : p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>))}
            </div>
          </div>
        </div>
        {added.length ? (
          <label className="check-label conflict-merge">
            <input type="checkbox" checked={takeAdded} onChange={(e) => setTakeAdded(e.target.checked)} data-testid="conflict-merge" />
            保留我的版本时，把{other}中多出的 {added.length} 段一并放入（放在它在那边的位置）：
            {added
              .slice(0, 3)
              .map((n) => `“${docToText({ type: 'doc', content: [n] }).slice(0, 20)}…”`)
              .join('、')}
            {added.length > 3 ? ` 等` : ''}
          </label>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={() => onKeepMine(added.length && takeAdded ? merged : null)} data-testid="conflict-keep-mine">
            {added.length && takeAdded ? '保留我的版本并放入多出的段落' : '保留我的版本（覆盖保存）'}
          </button>
          <button type="button" className="secondary" onClick={onTakeServer} data-testid="conflict-take-server">
            {sameUser ? '采用另一个窗口的版本' : '采用服务器版本'}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(mine).then(() => setCopied(true));
            }}
          >
            {copied ? '已复制' : '复制我的全文'}
          </button>
          <button type="button" className="secondary" onClick={onLater}>
            稍后处理
          </button>
        </div>
        <p className="muted">采用服务器版本时，您的文字会另存在本机浏览器中，可随时用“复制我的全文”找回。</p>
      </div>
    </div>
  );
}

/** The conflict of a part's save, when there is one, with the choices that settle it. */
export function SavingConflict({ saving: { conflict, settle }, userId }: { saving: Pick<ReturnType<typeof useSaving>, 'conflict' | 'settle'>; userId: number }) {
  if (!conflict) return null;
  return (
    <ConflictDialog
      sectionLabel={SECTION_LABELS[conflict.key]}
      mine={conflict.mine}
      current={conflict.current}
      sameUser={conflict.current.updatedById === userId}
      onKeepMine={settle.keepMine}
      onTakeServer={settle.takeServer}
      onLater={settle.later}
    />
  );
}
