// Route-handler plumbing: who is asking, JSON bodies with a size limit, and errors mapped to a status and a Chinese message.
import 'server-only';
import { NextResponse } from 'next/server';
import type { Actor } from '@/lib/authz';
import { AppError, isAppError } from '@/lib/errors';
import { requireActor } from '@/lib/auth/session';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export function errorResponse(e: unknown): NextResponse {
  if (isAppError(e)) {
    const extra = typeof e.details === 'object' && e.details !== null ? e.details : {};
    return NextResponse.json({ ...extra, error: e.message, code: e.code }, { status: e.status });
  }
  console.error('Unhandled error in route handler', e);
  return NextResponse.json({ error: '服务器出错了，请稍后重试；如果一直出现，请联系管理员。', code: 'internal' }, { status: 500 });
}

/** Reads a JSON body, refusing one that is too large or not JSON before anything is changed. */
export async function readJson(req: Request, limit = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const text = await req.text();
  if (Buffer.byteLength(text, 'utf8') > limit) throw tooLarge(limit);
  if (!text.trim()) throw new AppError('bad_request', '请求内容为空，请提交 JSON 数据。');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request', '请求内容不是有效的 JSON，请检查后重试。');
  }
}

function tooLarge(limit: number) {
  return new AppError('payload_too_large', `提交的内容超过 ${Math.round(limit / 1024)} KB 上限，请删减后重试。`);
}

type RouteContext<P> = { params: Promise<P> };

/** Wraps a route handler: the actor is loaded first, and any error becomes a JSON answer with its status. */
export function withActor<P = Record<string, string>>(
  handler: (req: Request, actor: Actor, params: P) => Promise<Response> | Response,
) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await requireActor();
      return await handler(req, actor, await ctx.params);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export function parseId(raw: string | undefined, label = '编号'): number {
  const n = Number(raw);
  if (!raw || !/^\d{1,15}$/.test(raw) || !Number.isSafeInteger(n) || n <= 0) throw new AppError('bad_request', `${label}无效。`);
  return n;
}
