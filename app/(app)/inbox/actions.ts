'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { markAllRead, markRead } from '@/lib/inbox/service';
import { actionWithActor } from '@/lib/server/actions';
import { AppError } from '@/lib/shared/errors';

/** Opens a 待办 item: marked read, then to the place it is about (a path of this site only). */
export const openInboxItemAction = actionWithActor(async (actor, form) => {
  const key = form.get('key');
  const href = form.get('href');
  if (typeof href !== 'string' || !/^\/(?!\/)[\w\-/?=&.%]*$/.test(href)) throw new AppError('bad_request', '链接无效。');
  await markRead(getDb(), actor, [typeof key === 'string' ? key : '']);
  // The header's unread count is drawn by the layout, which a redirect keeps: it is drawn again.
  revalidatePath('/', 'layout');
  redirect(href);
});

export const markAllReadAction = actionWithActor(async (actor) => {
  const n = await markAllRead(getDb(), actor);
  revalidatePath('/', 'layout');
  return n ? `已将 ${n} 项标为已读。` : '没有未读的待办。';
});
