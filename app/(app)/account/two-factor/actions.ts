'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes, startEnrolment } from '@/lib/auth/two-factor';
import { actionWithActor } from '@/lib/server/actions';
import { formToObject } from '@/lib/shared/validation';

const PAGE = '/account/two-factor';

/** 开始设置: a new secret to scan (the page shows it as a QR code and as text). */
export const startEnrolmentAction = actionWithActor(
  async (actor) => {
    await startEnrolment(getDb(), actor);
    revalidatePath(PAGE);
    return '请用验证器应用扫描二维码，再输入它显示的 6 位数字。';
  },
  { allowEnrolment: true },
);

/** The first code confirms the secret; the recovery codes are answered this once. */
export const confirmEnrolmentAction = actionWithActor(
  async (actor, form) => {
    // No revalidation: the page would redraw without this form and the codes with it; 我已保存，完成 reloads it.
    const codes = await confirmEnrolment(getDb(), actor, formToObject(form));
    return { message: '两步验证已启用。以后登录时，输入密码后还需要输入验证器上的 6 位数字。', shownOnce: codes };
  },
  { allowEnrolment: true },
);

export const regenerateRecoveryCodesAction = actionWithActor(async (actor, form) => {
  const codes = await regenerateRecoveryCodes(getDb(), actor, formToObject(form));
  return { message: '已生成新的恢复码，原来的恢复码全部作废。', shownOnce: codes };
});

export const disableTwoFactorAction = actionWithActor(async (actor, form) => {
  await disableTwoFactor(getDb(), actor, formToObject(form));
  revalidatePath(PAGE);
  return '两步验证已关闭。';
});
