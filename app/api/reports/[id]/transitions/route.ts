import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { parseId, readJson, withActor } from '@/lib/server/http';
import { transitionReport } from '@/lib/review/transitions';

export const POST = withActor<{ id: string }>(async (req, actor, params) => {
  const report = await transitionReport(getDb(), actor, parseId(params.id, '报告编号'), await readJson(req, 'smallBody'));
  return NextResponse.json({ status: report.status });
});
