'use client';

import { useActionState, type ReactNode } from 'react';
import type { ActionState } from '@/lib/shared/action-state';

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  submitLabel: string;
  testId: string;
  children?: ReactNode;
};

/**
 * A form whose answer may carry recovery codes: they are shown here this once (the server keeps only their hashes),
 * with a button to copy them; once the codes are shown the form itself is gone.
 */
export function RecoveryCodesForm({ action, submitLabel, testId, children }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok && state.shownOnce?.length) {
    const codes = state.shownOnce;
    return (
      <div data-testid={`${testId}-codes`}>
        <p role="status" className="msg ok">
          {state.message}
        </p>
        <p className="notice">
          请把下面 {codes.length} 个恢复码抄下或打印，保存在安全的地方。手机丢失时，每个恢复码可代替验证码登录一次。
          <strong>离开本页后不再显示。</strong>
        </p>
        <ul className="recovery-codes" data-testid="recovery-codes">
          {codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <div className="form-actions">
          <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(codes.join('\n'))}>
            复制恢复码
          </button>
          <a className="button-link" href="/account/two-factor">
            我已保存，完成
          </a>
        </div>
      </div>
    );
  }
  return (
    <form action={formAction} className="form" data-testid={testId}>
      {children}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? '处理中…' : submitLabel}
        </button>
        {state?.message ? (
          <span role={state.ok ? 'status' : 'alert'} className={state.ok ? 'msg ok' : 'msg error'}>
            {state.message}
          </span>
        ) : null}
      </div>
    </form>
  );
}
