'use client';

import { useActionState, type ReactNode } from 'react';
import type { ActionState } from '@/lib/shared/action-state';

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

type SignInProps = {
  action: Action;
  next?: string;
  submitLabel: string;
  pendingLabel: string;
  testId?: string;
  /** The fields. */
  children: ReactNode;
  /** Below the button (a switch to another way of signing in). */
  after?: ReactNode;
};

/** A step of signing in: its fields, the page to go on to, the refusal as an alert above the button. */
export function SignInForm({ action, next, submitLabel, pendingLabel, testId, children, after }: SignInProps) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="form login-form" data-testid={testId}>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {children}
      {state && !state.ok ? (
        <p role="alert" className="msg error">
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
      {after}
    </form>
  );
}

export function LoginForm({ action, next }: { action: Action; next?: string }) {
  return (
    <SignInForm action={action} next={next} submitLabel="登录" pendingLabel="登录中…">
      <label>
        用户名
        <input name="username" autoComplete="username" required maxLength={64} autoFocus />
      </label>
      <label>
        密码
        <input name="password" type="password" autoComplete="current-password" required maxLength={128} />
      </label>
    </SignInForm>
  );
}
