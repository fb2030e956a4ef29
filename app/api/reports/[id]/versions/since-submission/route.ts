import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { parseId, withActor } from '@/lib/server/http';
import { changesSinceLastSubmission } from '@/lib/review/versions';

export const GET = withActor<{ id: string }>(async (_req, actor, params) =>
  NextResponse.json({ changes: await changesSinceLastSubmission(getDb(), actor, parseId(params.id, '报告编号')) }),
);
