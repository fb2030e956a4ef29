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
  /** What stands in the form's place once the action has answered, if anything (e.g. codes shown this once). */
  replaceWith?: (state: NonNullable<ActionState>) => ReactNode;
};

/** A form posting to a server action, showing its Chinese result message beside the button. */
export function ActionForm({ action, submitLabel, pendingLabel, children, className, testId, confirm, replaceWith }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const replacement = state && replaceWith ? replaceWith(state) : null;
  if (replacement) return replacement;
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
