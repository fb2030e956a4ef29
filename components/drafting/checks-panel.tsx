'use client';

import { useDrafting } from './drafting-context';

/** The structure checks of the whole report, live; each one jumps to its place. */
export function ChecksPanel() {
  const { checks, onJumpCheck: onJump, onFixCheck, editable } = useDrafting();
  const onFix = editable ? onFixCheck : undefined;
  if (checks.length === 0) {
    return (
      <p className="msg ok" data-testid="checks-panel">
        结构检查未发现问题。
      </p>
    );
  }
  return (
    <ul className="checks" data-testid="checks-panel">
      {checks.map((c, i) => (
        <li key={i} className={c.severity}>
          <button type="button" className="link-like" onClick={() => onJump(c)} data-testid={`check-${c.code}`}>
            <span className="check-badge">{c.severity === 'error' ? '缺失' : '提示'}</span>
            {c.message}
          </button>
          {c.fix && onFix ? (
            <button type="button" className="small" onClick={() => onFix(c)} data-testid={`fix-${c.code}`}>
              {c.fix.label}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
