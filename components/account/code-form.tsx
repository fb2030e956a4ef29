'use client';

import { useState } from 'react';
import { SignInForm } from '@/components/login-form';
import type { ActionState } from '@/lib/shared/action-state';

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  next?: string;
};

/** The second step of sign-in: a 6-digit code from the authenticator app, or (switched to) a recovery code. */
export function CodeForm({ action, next }: Props) {
  const [recovery, setRecovery] = useState(false);
  return (
    <SignInForm
      action={action}
      next={next}
      submitLabel="验证并登录"
      pendingLabel="验证中…"
      testId="code-form"
      after={
        <button type="button" className="plain-link" onClick={() => setRecovery((r) => !r)} data-testid="toggle-recovery">
          {recovery ? '使用验证器上的 6 位数字' : '手机不在身边？使用恢复码'}
        </button>
      }
    >
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
    </SignInForm>
  );
}
