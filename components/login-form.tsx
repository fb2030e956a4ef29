'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/shared/action-state';

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  next?: string;
};

export function LoginForm({ action, next }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="form login-form">
      <input type="hidden" name="next" value={next ?? '/'} />
      <label>
        用户名
        <input name="username" autoComplete="username" required maxLength={64} autoFocus />
      </label>
      <label>
        密码
        <input name="password" type="password" autoComplete="current-password" required maxLength={128} />
      </label>
      {state && !state.ok ? (
        <p role="alert" className="msg error">
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={pending}>
        {pending ? '登录中…' : '登录'}
      </button>
    </form>
  );
}
