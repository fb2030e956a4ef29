// Server-action plumbing: every action loads the actor first and turns errors into a message for the form.
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { Actor } from '@/lib/authz';
import { requireActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';

export type ActionState = { ok: boolean; message: string } | null;

export function actionWithActor(run: (actor: Actor, form: FormData) => Promise<string> | string) {
  return async (_prev: ActionState, form: FormData): Promise<ActionState> => {
    try {
      const actor = await requireActor();
      return { ok: true, message: await run(actor, form) };
    } catch (e) {
      // redirect() and notFound() work by throwing; they must pass through.
      unstable_rethrow(e);
      if (isAppError(e)) return { ok: false, message: e.message };
      console.error('Unhandled error in server action', e);
      return { ok: false, message: '服务器出错了，请稍后重试；如果一直出现，请联系管理员。' };
    }
  };
}
