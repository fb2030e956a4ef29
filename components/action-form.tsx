'use client';

import { useActionState, type ReactNode } from 'react';
import type { ActionState } from '@/lib/shared/action-state';

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  submitLabel: string;
  pendingLabel?: string;
  children?: ReactNode;
  className?: string;
  testId?: string;
  confirm?: string;
};

/** A form posting to a server action, showing its Chinese result message beside the button. */
export function ActionForm({ action, submitLabel, pendingLabel, children, className, testId, confirm }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      className={className ?? 'form'}
      data-testid={testId}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {children}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? (pendingLabel ?? '处理中…') : submitLabel}
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
