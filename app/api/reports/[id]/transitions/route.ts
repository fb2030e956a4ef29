import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { readJson, withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';
import { transitionWithSnapshot } from '@/lib/publication/snapshot';

export const POST = withActor<{ id: string }>(async (req, actor, params) => {
  const report = await transitionWithSnapshot(getDb(), actor, parseId(params.id, '报告编号'), await readJson(req, 'smallBody'));
  return NextResponse.json({ status: report.status });
});
