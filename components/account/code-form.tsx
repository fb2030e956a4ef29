'use client';

import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/shared/action-state';

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  next?: string;
};

/** The second step of sign-in: a 6-digit code from the authenticator app, or (switched to) a recovery code. */
export function CodeForm({ action, next }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const [recovery, setRecovery] = useState(false);
  return (
    <form action={formAction} className="form login-form" data-testid="code-form">
      <input type="hidden" name="next" value={next ?? '/'} />
      {recovery ? (
        <label key="recovery">
          恢复码
          <input name="code" autoComplete="off" required maxLength={40} autoFocus placeholder="xxxx-xxxx-xxxx-xxxx" spellCheck={false} />
        </label>
      ) : (
        <label key="totp">
          验证码
          <input
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9 ]{6,7}"
            required
            maxLength={7}
            autoFocus
            placeholder="6 位数字"
            className="code-input"
          />
        </label>
      )}
      {state && !state.ok ? (
        <p role="alert" className="msg error">
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={pending}>
        {pending ? '验证中…' : '验证并登录'}
      </button>
      <button type="button" className="plain-link" onClick={() => setRecovery((r) => !r)} data-testid="toggle-recovery">
        {recovery ? '使用验证器上的 6 位数字' : '手机不在身边？使用恢复码'}
      </button>
    </form>
  );
}
