// What a signed-in account must do before anything else, shared by pages (a redirect) and actions and handlers (a
// 403): choose its own password (an administrator set it), then enrol a second factor (its role requires one).
import type { Actor } from '@/lib/domain/permissions';

/** What a page, action or handler lets through of an account with something to do first. */
export type Allow = { allowPasswordChange?: boolean; allowEnrolment?: boolean };

export const MUST_CHANGE_PASSWORD_MESSAGE = '请先设置新密码（管理员设置的初始密码需要在首次登录时修改）。';
export const MUST_ENROL_MESSAGE = '管理员要求您的角色使用两步验证，请先在“两步验证”页面完成设置。';

/** The step this request may not skip, or null when it may go ahead. The password comes first. */
export function pendingStep(actor: Actor, opts: Allow = {}): 'password' | 'enrol' | null {
  if (actor.mustChangePassword) return opts.allowPasswordChange ? null : 'password';
  if (actor.mustEnrolSecondFactor) return opts.allowEnrolment ? null : 'enrol';
  return null;
}
