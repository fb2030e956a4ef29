import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { withdrawSuggestion } from '@/lib/review/word-review';
import { withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';

export const POST = withActor<{ id: string; sid: string }>(async (_req, actor, params) =>
  NextResponse.json(await withdrawSuggestion(getDb(), actor, parseId(params.id, '报告编号'), parseId(params.sid, '修订编号'))),
);
