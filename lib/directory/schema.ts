// What the administration accepts: counties, townships, accounts and an account's role and scope, with the types
// the services take. The scope rule (a reviewer needs a county, a drafter a township) is written once for both.
import { z } from 'zod';
import { ROLES, TOWNSHIP_KINDS } from '@/lib/domain/vocabulary';
import { idSchema, nameField, passwordSchema, textField, usernameSchema } from '@/lib/shared/validation';

export const countyInputSchema = z.object({ name: nameField('县名称', 40) });

export const townshipInputSchema = z.object({
  countyId: idSchema('所属县'),
  name: nameField('乡镇（街道）名称', 40),
  kind: z.enum(TOWNSHIP_KINDS, { error: '类型只能是乡、镇或街道。' }),
});
export type TownshipInput = z.infer<typeof townshipInputSchema>;

const scopeFields = {
  role: z.enum(ROLES, { error: '角色只能是管理员、审核人或起草人。' }),
  countyId: idSchema('所属县').optional(),
  townshipId: idSchema('所属乡镇').optional(),
};

function requireScope(v: { role: string; countyId?: number; townshipId?: number }, ctx: z.RefinementCtx): void {
  if (v.role === 'reviewer' && v.countyId == null) ctx.addIssue({ code: 'custom', path: ['countyId'], message: '审核人需要选择所属县。' });
  if (v.role === 'drafter' && v.townshipId == null)
    ctx.addIssue({ code: 'custom', path: ['townshipId'], message: '起草人需要选择所属乡镇（街道）。' });
}

/** An account's role and where it works. */
export const scopeSchema = z.object(scopeFields).superRefine(requireScope);
export type ScopeInput = z.infer<typeof scopeSchema>;

export const userInputSchema = z
  .object({ username: usernameSchema, displayName: nameField('姓名', 40), password: passwordSchema, ...scopeFields })
  .superRefine(requireScope);
export type UserInput = z.infer<typeof userInputSchema>;

/** A reviewer's further counties: a list of ids (from the command line) or the form's checked boxes. */
export const furtherCountiesSchema = z.object({
  countyIds: z.array(idSchema('县'), { error: '请选择县。' }).max(500, { error: '最多选择 500 个县。' }),
});

/** A township's 统一社会信用代码 as typed (normalised and checked against GB 32100 by setTownshipCode); empty clears it. */
export const townshipCodeSchema = z.object({
  code: textField({ error: '请填写统一社会信用代码。' }).max(40, { error: '统一社会信用代码应为 18 位。' }),
});

/** The 主题分类 and 体裁分类 a county files its reports under; empty means the default. */
export const countyCategoriesSchema = z.object({
  topicCategory: textField({ error: '主题分类格式无效。' }).trim().max(40, { error: '主题分类不能超过 40 个字。' }),
  genreCategory: textField({ error: '体裁分类格式无效。' }).trim().max(40, { error: '体裁分类不能超过 40 个字。' }),
});
