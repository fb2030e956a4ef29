'use client';
// The 查找和替换 panel (Ctrl+F, Ctrl+H, or the bar's button): beside the text, not over it, so the place found stays
// in sight. Counts per part; next and previous go round the whole report.
import { useEffect, useRef } from 'react';
import { SECTION_LABELS } from '@/lib/domain/sections';
import { limit } from '@/lib/shared/limits';
import type { FindReplaceState } from './use-find-replace';

export function FindReplace({ fr }: { fr: FindReplaceState }) {
  const input = useRef<HTMLInputElement>(null);
  const { mode } = fr;
  useEffect(() => {
    if (mode) input.current?.select();
  }, [mode]);
  if (!mode) return null;
  const replacing = mode === 'replace' && fr.mayReplace;
  const partsWith = fr.parts.filter((p) => p.matches.length);
  return (
    <div
      className="find-replace"
      role="dialog"
      aria-label="查找和替换"
      data-testid="find-replace"
      onKeyDown={(e) => {
        if (e.key === 'Escape') fr.close();
      }}
    >
      <div className="find-row">
        <label>
          查找
          <input
            ref={input}
            value={fr.query}
            maxLength={limit('findQueryChars')}
            onChange={(e) => fr.setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                e.preventDefault();
                if (e.shiftKey) fr.previous();
                else fr.next();
              }
            }}
            data-testid="find-query"
          />
        </label>
        <button type="button" className="secondary" onClick={fr.previous} disabled={!fr.total}>
          上一个
        </button>
        <button type="button" className="secondary" onClick={fr.next} disabled={!fr.total} data-testid="find-next">
          下一个
        </button>
      </div>
      {replacing ? (
        <div className="find-row">
          <label>
            替换为
            <input value={fr.replacement} maxLength={limit('findQueryChars')} onChange={(e) => fr.setReplacement(e.target.value)} data-testid="find-replacement" />
          </label>
          <button type="button" className="secondary" onClick={fr.replaceOne} disabled={!fr.total || fr.busy} data-testid="replace-one">
            替换
          </button>
          <button type="button" onClick={fr.replaceAll} disabled={!fr.total || fr.busy} data-testid="replace-all">
            全部替换
          </button>
        </div>
      ) : null}
      <p className="find-count" aria-live="polite" data-testid="find-count">
        {!fr.query ? '输入要查找的文字' : fr.total ? `共 ${fr.total} 处${fr.at >= 0 ? `，第 ${fr.at + 1} 处` : ''}：${partsWith.map((p) => `${SECTION_LABELS[p.key]} ${p.matches.length}`).join('，')}` : '全文没有找到'}
      </p>
      {replacing && fr.suggesting ? <p className="muted">建议修改模式：替换作为修订提出，不改动原文，由起草人接受。</p> : null}
      {fr.message ? (
        <p className="msg" role="status" data-testid="find-message">
          {fr.message}
        </p>
      ) : null}
      <div className="find-row find-foot">
        {fr.mayReplace ? (
          <button type="button" className="plain-link" onClick={() => fr.show(replacing ? 'find' : 'replace')}>
            {replacing ? '只查找' : '替换…'}
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={fr.close}>
          关闭
        </button>
      </div>
    </div>
  );
}
