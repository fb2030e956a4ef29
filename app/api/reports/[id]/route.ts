import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { parseId, withActor } from '@/lib/http';
import { getReportForActor } from '@/lib/reports';

export const GET = withActor<{ id: string }>((_req, actor, params) =>
  NextResponse.json(getReportForActor(getDb(), actor, parseId(params.id, '报告编号'))),
);
