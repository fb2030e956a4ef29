import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { acceptSuggestion } from '@/lib/review/suggestions';
import { readOptionalJson, withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';

export const POST = withActor<{ id: string; sid: string }>(async (req, actor, params) =>
  NextResponse.json(
    await acceptSuggestion(getDb(), actor, parseId(params.id, '报告编号'), parseId(params.sid, '修订编号'), await readOptionalJson(req, 'smallBody')),
  ),
);
