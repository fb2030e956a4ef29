'use client';

import { diffChars } from 'diff';
import { useState } from 'react';
import type { SectionSnapshot } from '@/lib/drafting/types';
import { formatDateTime } from '@/lib/shared/format';
import { SECTION_LABELS } from '@/lib/domain/sections';
import { docToText } from '@/lib/domain/tiptap-doc';
import type { SectionConflict } from './use-saving';

type Props = {
  sectionLabel: string;
  mine: string;
  current: SectionSnapshot;
  onKeepMine: () => void;
  onTakeServer: () => void;
  onLater: () => void;
};

/** Both texts side by side with the differences marked; nothing is thrown away whichever the user picks. */
export function ConflictDialog({ sectionLabel, mine, current, onKeepMine, onTakeServer, onLater }: Props) {
  const [copied, setCopied] = useState(false);
  const parts = diffChars(current.plainText, mine);
  return (
    <div className="modal-backdrop">
      <div className="modal conflict" role="dialog" aria-label="保存冲突" data-testid="conflict-dialog">
        <h2>“{sectionLabel}”有冲突</h2>
        <p>
          在您编辑的同时，{current.updatedByName ?? '他人'}于 {formatDateTime(new Date(current.updatedAt))} 保存了这一部分。您的内容还没有保存，也不会丢失。请对照后选择，或从两边复制需要的段落。
        </p>
        <div className="conflict-panes">
          <div>
            <h3>我的版本（未保存）</h3>
            <div className="conflict-text" data-testid="conflict-mine">
              {parts.map((p, i) => (p.removed ? null : p.added ? <ins key={i}>{p.value}</ins> : <span key={i}>{p.value}</span>))}
            </div>
          </div>
          <div>
            <h3>服务器上的版本（第 {current.version} 版）</h3>
            <div className="conflict-text" data-testid="conflict-server">
              {parts.map((p, i) => (p.added ? null : p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>))}
            </div>
          </div>
        </div>
        <div className="form-actions">
          <button type="button" onClick={onKeepMine} data-testid="conflict-keep-mine">
            保留我的版本（覆盖保存）
          </button>
          <button type="button" className="secondary" onClick={onTakeServer} data-testid="conflict-take-server">
            采用服务器版本
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
export function SavingConflict({ saving: { conflict, settle } }: { saving: { conflict: SectionConflict | null; settle: Record<'keepMine' | 'takeServer' | 'later', () => void> } }) {
  if (!conflict) return null;
  return (
    <ConflictDialog
      sectionLabel={SECTION_LABELS[conflict.key]}
      mine={docToText(conflict.mine)}
      current={conflict.current}
      onKeepMine={settle.keepMine}
      onTakeServer={settle.takeServer}
      onLater={settle.later}
    />
  );
}
