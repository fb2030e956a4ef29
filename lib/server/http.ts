// Route-handler plumbing: who is asking, same-origin checks, bodies read with a limit while they stream in, and
// errors mapped to a status and a Chinese message.
import 'server-only';
import { NextResponse } from 'next/server';
import type { Actor } from '@/lib/domain/permissions';
import { AppError, isAppError } from '@/lib/shared/errors';
import { limit, overLimit, type LimitName } from '@/lib/shared/limits';
import { CROSS_SITE_MESSAGE, isSameOrigin, requestOrigin, SAFE_METHODS } from '@/lib/server/origin';
import { requireActor } from '@/lib/server/session';
import { recordRefusal } from '@/lib/audit/record';
import { clientAddress } from '@/lib/server/client-address';
import { getDb } from '@/db';
import { runWithRequestContext } from '@/lib/audit/request-context';

/** What a private answer (anything a signed-in user asked for, and every error) says to caches: keep nothing. */
export const PRIVATE_CACHE = 'no-store';
/**
 * What the public pages' feed and records say: any cache must ask again before reusing them, so a report taken back
 * disappears at once (the answer is small; a conditional request costs little).
 */
export const PUBLIC_CACHE = 'no-cache';

/** The same response with Cache-Control: no-store (a copy when its headers cannot be changed, as a redirect's). */
export function noStore(res: Response): Response {
  try {
    res.headers.set('cache-control', PRIVATE_CACHE);
    return res;
  } catch {
    const copy = new Response(res.body, res);
    copy.headers.set('cache-control', PRIVATE_CACHE);
    return copy;
  }
}

export function errorResponse(e: unknown): NextResponse {
  const headers = { 'cache-control': PRIVATE_CACHE };
  if (isAppError(e)) {
    const extra = typeof e.details === 'object' && e.details !== null ? e.details : {};
    return NextResponse.json({ ...extra, error: e.message, code: e.code }, { status: e.status, headers });
  }
  console.error('Unhandled error in route handler', e);
  return NextResponse.json({ error: '服务器出错了，请稍后重试；如果一直出现，请联系管理员。', code: 'internal' }, { status: 500, headers });
}

/**
 * The body, counted as it streams in: a request past the limit is cut off at the limit, whether or not it declared
 * its length (a chunked upload has none).
 */
export async function readBody(req: Request, name: LimitName): Promise<Buffer> {
  const max = limit(name);
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) throw overLimit(name);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw overLimit(name);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function isJsonType(req: Request): boolean {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}

/** Reads a JSON body (Content-Type application/json only), refusing one that is too large or not JSON. */
export async function readJson(req: Request, name: LimitName = 'jsonBody'): Promise<unknown> {
  if (!isJsonType(req)) throw new AppError('unsupported_media_type');
  const text = (await readBody(req, name)).toString('utf8');
  if (!text.trim()) throw new AppError('bad_request', '请求内容为空，请提交 JSON 数据。');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request', '请求内容不是有效的 JSON，请检查后重试。');
  }
}

/** A JSON body that may be left out altogether (no body: an empty object); one that is sent is read as readJson does. */
export async function readOptionalJson(req: Request, name: LimitName = 'jsonBody'): Promise<unknown> {
  const length = req.headers.get('content-length');
  if (!req.body || (length !== null && Number(length) === 0 && !isJsonType(req))) return {};
  if (!isJsonType(req)) {
    const text = (await readBody(req, name)).toString('utf8');
    if (!text.trim()) return {};
    throw new AppError('unsupported_media_type');
  }
  const text = (await readBody(req, name)).toString('utf8');
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request', '请求内容不是有效的 JSON，请检查后重试。');
  }
}

/** Multipart bodies (file uploads) under the same streaming limit. */
export async function readForm(req: Request, name: LimitName): Promise<FormData> {
  const body = await readBody(req, name);
  try {
    return await new Response(new Uint8Array(body), { headers: { 'content-type': req.headers.get('content-type') ?? '' } }).formData();
  } catch {
    throw new AppError('bad_request', '上传的内容无法读取，请重新选择文件。');
  }
}

type RouteContext<P> = { params: Promise<P> };

/** A route handler anyone may call without signing in (the public pages' feed and records): errors answered as JSON. */
export function publicRoute<P = Record<string, string>>(handler: (req: Request, params: P) => Promise<Response> | Response) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      return await handler(req, await ctx.params);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/**
 * The address the public pages link to: NIANBAO_ORIGIN when the deployer set it, else the address the request was
 * made to (its Host, or X-Forwarded-Host/-Proto from a trusted proxy) — never the address the server listens on,
 * which is what the request's URL carries behind our server (http://0.0.0.0:PORT).
 */
export function publicOrigin(req: Request, env: NodeJS.ProcessEnv = process.env): string {
  return requestOrigin(req.headers, req.url, env);
}

/**
 * Wraps a route handler: a state-changing request from another origin is refused, the actor is loaded, and any
 * error becomes a JSON answer with its status (a refusal of a signed-in user is written to the audit log).
 */
export function withActor<P = Record<string, string>>(
  handler: (req: Request, actor: Actor, params: P) => Promise<Response> | Response,
) {
  return (req: Request, ctx: RouteContext<P>): Promise<Response> =>
    runWithRequestContext({ address: clientAddress(req.headers) }, () => handle(req, ctx));

  async function handle(req: Request, ctx: RouteContext<P>): Promise<Response> {
    let actor: Actor | null = null;
    try {
      if (!SAFE_METHODS.has(req.method) && !isSameOrigin(req.headers)) throw new AppError('forbidden', CROSS_SITE_MESSAGE);
      actor = await requireActor();
      // A signed-in user's answer, whatever it is (data, a file, a redirect): no cache keeps it.
      return noStore(await handler(req, actor, await ctx.params));
    } catch (e) {
      if (isAppError(e) && e.status === 403) {
        await recordRefusal(getDb(), {
          actorId: actor?.id ?? null,
          method: req.method,
          path: new URL(req.url).pathname,
          address: clientAddress(req.headers),
          reason: e.message,
        });
      }
      return errorResponse(e);
    }
  }
}

