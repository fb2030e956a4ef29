// The browser's one client for the app's API: every answer, good or bad, is decoded here into one typed result, so
// components branch on an error's code and show the server's Chinese sentence instead of decoding responses by hand.
import { AppError, type ErrorCode } from '@/lib/shared/errors';

/**
 * What went wrong: the server's codes (lib/shared/errors.ts, plus `internal` for an unexpected failure), `network`
 * when no answer came at all, and `bad_response` when the answer was not the JSON the API sends.
 */
export type ApiErrorCode = ErrorCode | 'internal' | 'network' | 'bad_response';

/** D: the fields an error answer of the route may carry besides `error` and `code`; any of them may be missing. */
export type ApiFailure<D = Record<string, unknown>> = {
  ok: false;
  /** The HTTP status; 0 when no answer came. */
  status: number;
  code: ApiErrorCode;
  /** A Chinese sentence telling the user what happened and what to do. */
  message: string;
  /** The error answer's other fields (a conflict's `current`, a refused import's `losses`…), when it had any. */
  details?: Partial<D>;
};

/** T: the route's answer when it worked; D: what its error answers may carry besides `error` and `code`. */
export type ApiResult<T, D = Record<string, unknown>> = { ok: true; data: T } | ApiFailure<D>;

export type ApiOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON, or as multipart when it is a FormData (a file upload). */
  body?: unknown;
  /** Lets the request outlive the page (a save while the tab closes). */
  keepalive?: boolean;
};

export const NETWORK_MESSAGE = '无法连接服务器，请检查网络后重试。';

// Every server code once, so a code added to ErrorCode must be added here too.
const SERVER_CODES = Object.keys({
  bad_request: true,
  unauthorized: true,
  forbidden: true,
  not_found: true,
  conflict: true,
  payload_too_large: true,
  unsupported_media_type: true,
  rate_limited: true,
  busy: true,
} satisfies Record<ErrorCode, true>) as ErrorCode[];

const INTERNAL_MESSAGE = '服务器出错了，请稍后重试；如果一直出现，请联系管理员。';

function isCode(code: unknown): code is ApiErrorCode {
  return typeof code === 'string' && (code === 'internal' || (SERVER_CODES as string[]).includes(code));
}

/** The code and sentence for an error answer that did not say (not JSON, or JSON without a code: a proxy's page). */
function fromStatus(status: number): { code: ApiErrorCode; message: string } {
  const known = SERVER_CODES.find((c) => new AppError(c).status === status);
  if (known) return { code: known, message: new AppError(known).message };
  if (status === 500) return { code: 'internal', message: INTERNAL_MESSAGE };
  // A gateway in front of the app answers these while the app restarts or is overloaded.
  if (status === 502 || status === 504) return { code: 'busy', message: new AppError('busy').message };
  return { code: 'bad_response', message: `服务器的答复无法识别（${status}），请稍后重试。` };
}

async function readJson(res: Response): Promise<{ json: unknown } | null> {
  try {
    return { json: await res.json() };
  } catch {
    return null;
  }
}

function failure<D>(res: Response, body: { json: unknown } | null): ApiFailure<D> {
  const fallback = fromStatus(res.status);
  if (!body || typeof body.json !== 'object' || body.json === null || Array.isArray(body.json)) return { ok: false, status: res.status, ...fallback };
  const { error, code, ...rest } = body.json as Record<string, unknown>;
  return {
    ok: false,
    status: res.status,
    code: isCode(code) ? code : fallback.code,
    message: typeof error === 'string' && error.trim() ? error : fallback.message,
    ...(Object.keys(rest).length ? { details: rest as Partial<D> } : {}),
  };
}

/** Calls the app's API and decodes the answer; it never throws. */
export async function apiCall<T, D = Record<string, unknown>>(url: string, options: ApiOptions = {}): Promise<ApiResult<T, D>> {
  const { method = 'GET', body, keepalive } = options;
  const init: RequestInit = { method, keepalive };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    return { ok: false, status: 0, code: 'network', message: NETWORK_MESSAGE };
  }
  const parsed = await readJson(res);
  if (!res.ok) return failure<D>(res, parsed);
  if (!parsed) return { ok: false, status: res.status, code: 'bad_response', message: '服务器的答复无法识别，请刷新页面后重试。' };
  return { ok: true, data: parsed.json as T };
}

/** The sentence to show, or null when the call worked (for calls whose answer is not needed). */
export function refusalOf<T, D>(result: ApiResult<T, D>): string | null {
  return result.ok ? null : result.message;
}

/**
 * No answer, an answer that was not the app's (a captive portal's page), or the server could not answer now: worth
 * trying again later rather than showing as a refusal.
 */
export function isTransient<D>(result: ApiFailure<D>): boolean {
  return result.code === 'network' || result.code === 'bad_response' || result.status >= 500;
}
