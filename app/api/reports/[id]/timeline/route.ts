import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { parseId, withActor } from '@/lib/server/http';
import { reportTimeline } from '@/lib/review/transitions';

export const GET = withActor<{ id: string }>(async (_req, actor, params) =>
  NextResponse.json({ timeline: await reportTimeline(getDb(), actor, parseId(params.id, '报告编号')) }),
);
