'use client';

import type { Check } from '@/lib/report/model';

type Props = { checks: Check[]; onJump: (check: Check) => void };

/** The structure checks of the whole report, live; each one jumps to its place. */
export function ChecksPanel({ checks, onJump }: Props) {
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
        </li>
      ))}
    </ul>
  );
}
