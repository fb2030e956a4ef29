import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { rejectSuggestion } from '@/lib/review/suggestions';
import { withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';

export const POST = withActor<{ id: string; sid: string }>(async (_req, actor, params) =>
  NextResponse.json(await rejectSuggestion(getDb(), actor, parseId(params.id, '报告编号'), parseId(params.sid, '修订编号'))),
);
