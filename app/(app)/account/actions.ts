'use server';

import { redirect } from 'next/navigation';
import { landingPath } from '@/lib/domain/permissions';
import { getDb } from '@/db';
import { changeOwnPassword, logoutEverywhere } from '@/lib/directory/accounts';
import { actionWithActor } from '@/lib/server/actions';
import { signOut } from '@/lib/server/auth-config';
import { formToObject } from '@/lib/shared/validation';
import { setOwnEmail } from '@/lib/mail/outbox';
import { revalidatePath } from 'next/cache';

export const changePasswordAction = actionWithActor(
  async (actor, form) => {
    await changeOwnPassword(getDb(), actor, formToObject(form));
    if (actor.mustChangePassword) redirect(landingPath(actor.role));
    return '密码已修改。其他设备上的登录已退出。';
  },
  { allowPasswordChange: true },
);

/** 退出所有设备: every session of this account ends, this one included. */
export const logoutEverywhereAction = actionWithActor(
  async (actor) => {
    await logoutEverywhere(getDb(), actor);
    await signOut({ redirectTo: '/login' });
    return '';
  },
  { allowPasswordChange: true, allowEnrolment: true },
);

/** The address 待办 items are also mailed to (when the server sends mail); empty: none. */
export const setEmailAction = actionWithActor(async (actor, form) => {
  const email = await setOwnEmail(getDb(), actor, formToObject(form));
  revalidatePath('/account/password');
  return email ? `通知邮箱已设为 ${email}。` : '已清空通知邮箱，不再发送邮件。';
});
