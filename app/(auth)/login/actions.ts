'use server';

import { AuthError } from 'next-auth';
import { redirect, unstable_rethrow } from 'next/navigation';
import type { ActionState } from '@/lib/server/actions';
import { signIn } from '@/lib/server/auth-config';
import { INVALID_LOGIN_MESSAGE } from '@/lib/admin/accounts';
import { formatWait } from '@/lib/auth/login-throttle';
import { formToObject, loginSchema } from '@/lib/shared/validation';

function messageFor(code: string | undefined): string {
  if (code?.startsWith('locked:')) return `登录失败次数过多，请 ${formatWait(Number(code.slice(7)) || 60)}后再试。`;
  if (code === 'inactive') return '该账号已停用，请联系管理员。';
  return INVALID_LOGIN_MESSAGE;
}

export async function loginAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const parsed = loginSchema.safeParse(formToObject(form));
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? INVALID_LOGIN_MESSAGE };
  const next = form.get('next');
  const redirectTo = typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  try {
    // No absolute URL from Auth.js: the redirect below is a path, so the browser stays on the host it used
    // (an absolute one was built from the listening address, such as http://0.0.0.0:3000).
    await signIn('credentials', { ...parsed.data, redirect: false });
  } catch (e) {
    unstable_rethrow(e);
    if (e instanceof AuthError) {
      const code = 'code' in e && typeof e.code === 'string' ? e.code : undefined;
      return { ok: false, message: messageFor(code) };
    }
    throw e;
  }
  redirect(redirectTo);
}
