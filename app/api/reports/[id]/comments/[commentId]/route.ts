import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { AppError } from '@/lib/shared/errors';
import { readJson, withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';
import { deleteComment, editComment, setResolved } from '@/lib/review/comments';

type Params = { id: string; commentId: string };

/** {body} edits one's own comment; {resolved: true|false} resolves or reopens a thread. */
export const PATCH = withActor<Params>(async (req, actor, params) => {
  const id = parseId(params.id, '报告编号');
  const commentId = parseId(params.commentId, '批注编号');
  const body = await readJson(req, 'smallBody');
  if (typeof body === 'object' && body !== null && 'resolved' in body) {
    const resolved = (body as { resolved: unknown }).resolved;
    if (typeof resolved !== 'boolean') throw new AppError('bad_request', '“已解决”状态无效。');
    await setResolved(getDb(), actor, id, commentId, resolved);
  } else {
    await editComment(getDb(), actor, id, commentId, body);
  }
  return NextResponse.json({ ok: true });
});

export const DELETE = withActor<Params>(async (_req, actor, params) => {
  await deleteComment(getDb(), actor, parseId(params.id, '报告编号'), parseId(params.commentId, '批注编号'));
  return NextResponse.json({ ok: true });
});
