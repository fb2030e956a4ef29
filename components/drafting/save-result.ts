// An autosave request's decoded answer as the save queue reads it.
import { isTransient, type ApiErrorCode, type ApiResult } from '@/components/ui/api-call';
import type { SaveResult } from '@/lib/autosave/save-queue';

/**
 * Saved (at the version `version` reads from the answer), a conflict carrying the server's copy, offline (the queue
 * tries again later) or refused with the server's sentence, unless `messages` words that code for this form.
 */
export function saveResultOf<T, S>(
  r: ApiResult<T, { current: S }>,
  version: (data: T) => number,
  messages: Partial<Record<ApiErrorCode, string>> = {},
): SaveResult<S> {
  if (r.ok) return { kind: 'ok', version: version(r.data) };
  if (r.code === 'conflict' && r.details?.current) return { kind: 'conflict', current: r.details.current };
  if (isTransient(r)) return { kind: 'offline' };
  return { kind: 'error', status: r.status, message: messages[r.code] ?? r.message };
}
