'use client';

import type { Check } from '@/lib/domain/model';

type Props = { checks: Check[]; onJump: (check: Check) => void; onFix?: (check: Check) => void };

/** The structure checks of the whole report, live; each one jumps to its place. */
export function ChecksPanel({ checks, onJump, onFix }: Props) {
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
