'use client';

import type { ReactNode } from 'react';
import { ActionForm } from '@/components/action-form';
import type { ActionState } from '@/lib/shared/action-state';

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  submitLabel: string;
  testId: string;
  children?: ReactNode;
};

/** Recovery codes shown this once (the server keeps only their hashes), with a button to copy them. */
function ShownOnce({ message, codes, testId }: { message: string; codes: string[]; testId: string }) {
  return (
    <div data-testid={`${testId}-codes`}>
      <p role="status" className="msg ok">
        {message}
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

/** A form whose answer may carry recovery codes: once they are shown, the form itself is gone. */
export function RecoveryCodesForm({ action, submitLabel, testId, children }: Props) {
  return (
    <ActionForm
      action={action}
      submitLabel={submitLabel}
      testId={testId}
      replaceWith={(state) => (state.ok && state.shownOnce?.length ? <ShownOnce message={state.message ?? ''} codes={state.shownOnce} testId={testId} /> : null)}
    >
      {children}
    </ActionForm>
  );
}
