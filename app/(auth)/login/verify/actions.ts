'use server';

import { headers } from 'next/headers';
import { redirect, unstable_rethrow } from 'next/navigation';
import { getDb } from '@/db';
import { runWithRequestContext } from '@/lib/audit/request-context';
import { CODE_EXPIRED_MESSAGE, verifySignInCode } from '@/lib/auth/second-factor';
import { signOut } from '@/lib/server/auth-config';
import { clientAddress } from '@/lib/server/client-address';
import { CROSS_SITE_MESSAGE, isSameOrigin } from '@/lib/server/origin';
import { getPendingSignIn, TWO_FACTOR_PAGE } from '@/lib/server/session';
import type { ActionState } from '@/lib/shared/action-state';
import { limit, limitMessage } from '@/lib/shared/limits';
import { landingPath } from '@/lib/domain/permissions';
import type { Role } from '@/lib/domain/vocabulary';

/** The page asked for, or else the user's landing page (a reviewer's is the county dashboard). */
function safeNext(next: FormDataEntryValue | null, role: Role): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : landingPath(role);
}

/** The second step of sign-in: only a session a correct password opened, still waiting for its code, gets here. */
export async function verifyCodeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const h = await headers();
  const address = clientAddress(h);
  if (!isSameOrigin(h)) return { ok: false, message: CROSS_SITE_MESSAGE };
  let target: string;
  try {
    const pending = await getPendingSignIn();
    if (!pending) return { ok: false, message: CODE_EXPIRED_MESSAGE };
    const code = form.get('code');
    if (typeof code !== 'string' || !code.trim()) return { ok: false, message: '请输入验证码。' };
    if (code.length > limit('codeChars')) return { ok: false, message: limitMessage('codeChars') };
    const result = await runWithRequestContext({ address }, () => verifySignInCode(getDb(), { sessionId: pending.sessionId, code, ip: address }));
    if (!result.ok) return { ok: false, message: result.message };
    // After a recovery code the account page says how many are left (and offers new ones).
    target = result.recoveryLeft === null ? safeNext(form.get('next'), result.role) : `${TWO_FACTOR_PAGE}?recoveryLeft=${result.recoveryLeft}`;
  } catch (e) {
    unstable_rethrow(e);
    console.error('Unhandled error in the second-factor step', e);
    return { ok: false, message: '服务器出错了，请稍后重试；如果一直出现，请联系管理员。' };
  }
  redirect(target);
}

/** 换个账号登录: the half-open session ends and the login page shows again. */
export async function cancelSignInAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
