import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { saveMeta } from '@/lib/drafting/service';
import { readJson, withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';
import { getReportForActor } from '@/lib/reports/service';

export const GET = withActor<{ id: string }>(async (_req, actor, params) =>
  NextResponse.json(await getReportForActor(getDb(), actor, parseId(params.id, '报告编号'))),
);

export const PATCH = withActor<{ id: string }>(async (req, actor, params) => {
  const id = parseId(params.id, '报告编号');
  return NextResponse.json(await saveMeta(getDb(), actor, id, await readJson(req, 'smallBody')));
});
