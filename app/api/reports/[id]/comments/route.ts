import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { readJson, withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';
import { addThread, listThreads, reply } from '@/lib/review/comments';

export const GET = withActor<{ id: string }>(async (_req, actor, params) =>
  NextResponse.json({ threads: await listThreads(getDb(), actor, parseId(params.id, '报告编号')) }),
);

/** A body with parentId is a reply; otherwise a new thread anchored on selected text. */
export const POST = withActor<{ id: string }>(async (req, actor, params) => {
  const id = parseId(params.id, '报告编号');
  const body = await readJson(req, 'smallBody');
  const isReply = typeof body === 'object' && body !== null && 'parentId' in body;
  const created = isReply ? await reply(getDb(), actor, id, body) : await addThread(getDb(), actor, id, body);
  return NextResponse.json({ comment: created }, { status: 201 });
});
