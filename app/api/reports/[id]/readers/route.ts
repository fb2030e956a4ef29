import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';
import { mentionOptions } from '@/lib/review/mentions';

/** Whom a comment on the report may @mention: the people who may read it (for the comment box's picker). */
export const GET = withActor<{ id: string }>(async (_req, actor, params) =>
  NextResponse.json({ readers: await mentionOptions(getDb(), actor, parseId(params.id, '报告编号')) }),
);
