'use server';

import { redirect } from 'next/navigation';
import { INVALID_LOGIN_MESSAGE } from '@/lib/auth/authenticate';
import type { ActionState } from '@/lib/shared/action-state';
import { signInWithPassword } from '@/lib/server/auth-config';
import { CODE_PAGE } from '@/lib/server/session';
import { formToObject, loginSchema } from '@/lib/shared/validation';

export async function loginAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const parsed = loginSchema.safeParse(formToObject(form));
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? INVALID_LOGIN_MESSAGE };
  const next = form.get('next');
  const asked = typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
  const result = await signInWithPassword(parsed.data);
  if (!result.ok) return { ok: false, message: result.message };
  // No page asked for: the user's landing page (a reviewer's is the county dashboard).
  const redirectTo = asked ?? result.landing;
  // An account with a second factor enters its code next; the session is unusable until then.
  redirect(result.awaitingCode ? `${CODE_PAGE}?next=${encodeURIComponent(redirectTo)}` : redirectTo);
}
