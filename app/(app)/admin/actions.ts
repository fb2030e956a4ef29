'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createUser, deactivateDemoAccounts, endUserSessions, resetPassword, setFurtherCounties, setUserActive, setUserScope, unlockUser } from '@/lib/directory/accounts';
import { actionWithActor } from '@/lib/server/actions';
import { setRequiredRoles } from '@/lib/auth/two-factor';
import { ROLE_LABELS } from '@/lib/domain/labels';
import { setCollectionDate } from '@/lib/dashboard/service';
import { formatDocumentDate } from '@/lib/shared/format';
import { createCounty, createTownship, renameCounty, renameTownship, setCountyCategories, setTownshipCode } from '@/lib/directory/townships';
import { formToObject, idSchema, parseInput } from '@/lib/shared/validation';
import { importPack } from '@/lib/season/store';
import { limit, overLimit } from '@/lib/shared/limits';
import { AppError } from '@/lib/shared/errors';

export const addCountyAction = actionWithActor(async (actor, form) => {
  const c = await createCounty(getDb(), actor, formToObject(form));
  revalidatePath('/admin');
  return `已添加“${c.name}”。`;
});

export const renameCountyAction = actionWithActor(async (actor, form) => {
  const countyId = parseInput(idSchema('县'), form.get('countyId'));
  const c = await renameCounty(getDb(), actor, countyId, formToObject(form));
  revalidatePath('/admin');
  return `已改名为“${c.name}”。`;
});

export const addTownshipAction = actionWithActor(async (actor, form) => {
  const t = await createTownship(getDb(), actor, formToObject(form));
  revalidatePath('/admin');
  return `已添加“${t.name}”。`;
});

export const addUserAction = actionWithActor(async (actor, form) => {
  const fields = formToObject(form);
  const user = await createUser(getDb(), actor, {
    ...fields,
    countyId: fields.countyId || undefined,
    townshipId: fields.townshipId || undefined,
  });
  revalidatePath('/admin');
  return `已添加账号“${user.username}”。`;
});

export const resetPasswordAction = actionWithActor(async (actor, form) => {
  const userId = parseInput(idSchema('账号'), form.get('userId'));
  await resetPassword(getDb(), actor, userId, form.get('password'));
  revalidatePath('/admin');
  return '密码已重置。';
});

export const setUserActiveAction = actionWithActor(async (actor, form) => {
  const userId = parseInput(idSchema('账号'), form.get('userId'));
  const active = form.get('active') === 'true';
  await setUserActive(getDb(), actor, userId, active);
  revalidatePath('/admin');
  return active ? '账号已启用。' : '账号已停用。';
});

export const setCollectionDateAction = actionWithActor(async (actor, form) => {
  const fields = formToObject(form);
  await setCollectionDate(getDb(), actor, fields);
  revalidatePath('/admin');
  return `已设置：${fields.year}年度报告的收集日期为${formatDocumentDate(fields.collectionDate)}。`;
});

export const setUserScopeAction = actionWithActor(async (actor, form) => {
  const userId = parseInput(idSchema('账号'), form.get('userId'));
  const fields = formToObject(form);
  await setUserScope(getDb(), actor, userId, { role: fields.role, countyId: fields.countyId || undefined, townshipId: fields.townshipId || undefined });
  revalidatePath('/admin');
  return '角色和范围已更新。';
});

export const setFurtherCountiesAction = actionWithActor(async (actor, form) => {
  const userId = parseInput(idSchema('账号'), form.get('userId'));
  await setFurtherCounties(getDb(), actor, userId, { countyIds: form.getAll('countyIds').filter((v) => typeof v === 'string') });
  revalidatePath('/admin');
  return '负责的县已更新。';
});

export const renameTownshipAction = actionWithActor(async (actor, form) => {
  const id = parseInput(idSchema('乡镇（街道）'), form.get('townshipId'));
  const t = await renameTownship(getDb(), actor, id, { name: form.get('name'), kind: form.get('kind') });
  revalidatePath('/admin');
  return `已改为“${t.name}”。`;
});

export const setCountyCategoriesAction = actionWithActor(async (actor, form) => {
  const countyId = parseInput(idSchema('县'), form.get('countyId'));
  const c = await setCountyCategories(getDb(), actor, countyId, { topicCategory: form.get('topicCategory'), genreCategory: form.get('genreCategory') });
  revalidatePath('/admin');
  return `${c.name}的目录分类已保存。`;
});

export const setTownshipCodeAction = actionWithActor(async (actor, form) => {
  const id = parseInput(idSchema('乡镇（街道）'), form.get('townshipId'));
  const t = await setTownshipCode(getDb(), actor, id, { code: form.get('code') });
  revalidatePath('/admin');
  return t.creditCode ? `已设置统一社会信用代码 ${t.creditCode}。` : '已清除统一社会信用代码。';
});

export const unlockUserAction = actionWithActor(async (actor, form) => {
  const userId = parseInput(idSchema('账号'), form.get('userId'));
  const n = await unlockUser(getDb(), actor, userId);
  revalidatePath('/admin');
  return n ? `已解除 ${n} 个地址的登录锁定。` : '该账号当前没有被锁定。';
});

export const endSessionsAction = actionWithActor(async (actor, form) => {
  const userId = parseInput(idSchema('账号'), form.get('userId'));
  const n = await endUserSessions(getDb(), actor, userId);
  revalidatePath('/admin');
  return n ? `已让该账号在 ${n} 处的登录下线。` : '该账号当前没有登录。';
});

/** Which roles must sign in with a second factor (none ticked: none). */
export const setTwoFactorRolesAction = actionWithActor(async (actor, form) => {
  const roles = await setRequiredRoles(getDb(), actor, { roles: form.getAll('roles').filter((v) => typeof v === 'string') });
  revalidatePath('/admin');
  return roles.length ? `已要求${roles.map((r) => ROLE_LABELS[r]).join('、')}使用两步验证。` : '已取消两步验证的强制要求。';
});

export const deactivateDemoAction = actionWithActor(async (actor) => {
  const n = await deactivateDemoAccounts(getDb(), actor);
  revalidatePath('/admin');
  return `已停用 ${n} 个演示账号。`;
});

/** 上传年度配置包: a JSON file (or its text), as the national default or, with a county chosen, that county's pack. */
export const importSeasonPackAction = actionWithActor(async (actor, form) => {
  const raw = form.get('pack');
  let text: string;
  if (typeof raw === 'string') text = raw;
  else if (raw && typeof raw === 'object' && 'text' in raw) {
    if (raw.size > limit('seasonPackBytes')) throw overLimit('seasonPackBytes');
    text = await raw.text();
  } else throw new AppError('bad_request', '请选择年度配置包文件（JSON）。');
  if (!text.trim()) throw new AppError('bad_request', '请选择年度配置包文件（JSON）。');
  if (text.length > limit('seasonPackBytes')) throw overLimit('seasonPackBytes');
  const county = form.get('countyId');
  const countyId = county ? parseInput(idSchema('县'), county) : null;
  const r = await importPack(getDb(), actor, text, { countyId });
  revalidatePath('/admin');
  return `已导入${r.season}年度配置包：${r.items} 个事项，${r.documents} 份文件${r.replaced ? '（替换了原有配置）' : ''}。SHA-256 ${r.sha256.slice(0, 12)}…`;
});
