// Server-action plumbing: every action loads the actor first and turns errors into a message for the form.
import 'server-only';
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { getDb } from '@/db';
import type { Actor } from '@/lib/domain/permissions';
import { recordRefusal } from '@/lib/audit/record';
import { requireActor, type Allow } from '@/lib/server/session';
import { clientAddress } from '@/lib/server/client-address';
import { isAppError } from '@/lib/shared/errors';
import { CROSS_SITE_MESSAGE, isSameOrigin } from '@/lib/server/origin';
import { runWithRequestContext } from '@/lib/audit/request-context';
import type { ActionState } from '@/lib/shared/action-state';

export type { ActionState };

/** What an action answers: a sentence, or a sentence and secrets the page shows this once (recovery codes). */
export type ActionReply = string | { message: string; shownOnce: string[] };

export function actionWithActor(run: (actor: Actor, form: FormData) => Promise<ActionReply> | ActionReply, opts: Allow = {}) {
  return async (_prev: ActionState, form: FormData): Promise<ActionState> => {
    const h = await headers();
    const address = clientAddress(h);
    return runWithRequestContext({ address }, async () => {
      let actor: Actor | null = null;
      try {
        // The proxy already refuses other origins with 403; this holds if the action is reached another way.
        if (!isSameOrigin(h)) return { ok: false, message: CROSS_SITE_MESSAGE };
        actor = await requireActor(opts);
        const reply = await run(actor, form);
        return typeof reply === 'string' ? { ok: true, message: reply } : { ok: true, ...reply };
      } catch (e) {
        // redirect() and notFound() work by throwing; they must pass through.
        unstable_rethrow(e);
        if (isAppError(e)) {
          if (e.status === 403)
            await recordRefusal(getDb(), { actorId: actor?.id ?? null, method: 'ACTION', path: h.get('next-url') ?? '(action)', address, reason: e.message });
          return { ok: false, message: e.message };
        }
        console.error('Unhandled error in server action', e);
        return { ok: false, message: '服务器出错了，请稍后重试；如果一直出现，请联系管理员。' };
      }
    });
  };
}
