// An autosave request (a part's PUT) and its decoded answer as the save queue reads it.
import { apiCall, isTransient, type ApiErrorCode, type ApiResult } from '@/components/ui/api-call';
import type { SaveConflict, SaveOk, SectionSnapshot } from '@/lib/drafting/types';
import type { TiptapNode } from '@/lib/domain/tiptap-doc';
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

/** Saves a part: its document, based on `version`; `overwrite` settles a conflict by keeping this copy. */
export async function sendSection(reportId: number, key: string, content: TiptapNode, version: number, overwrite: boolean): Promise<SaveResult<SectionSnapshot>> {
  const r = await apiCall<SaveOk, Pick<SaveConflict, 'current'>>(`/api/reports/${reportId}/sections/${key}`, {
    method: 'PUT',
    body: { content, version, ...(overwrite ? { overwrite: true } : {}) },
    // A request kept alive past the page may carry at most 64 KiB.
    keepalive: JSON.stringify(content).length < 60_000,
  });
  return saveResultOf(r, (ok) => ok.version, { unauthorized: '登录已失效，请在新标签页重新登录后回到这里，内容会自动保存。' });
}
