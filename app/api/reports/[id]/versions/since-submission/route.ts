import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';
import { changesSinceLastSubmission } from '@/lib/review/versions';

export const GET = withActor<{ id: string }>(async (_req, actor, params) =>
  NextResponse.json({ changes: await changesSinceLastSubmission(getDb(), actor, parseId(params.id, '报告编号')) }),
);
