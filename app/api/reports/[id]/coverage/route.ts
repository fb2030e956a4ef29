import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { reportCoverage } from '@/lib/dashboard/coverage';
import { withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';

/** → { season, items: [{ id, title, level, part, covered, evidence }] }: the season's 事项 the report covers. */
export const GET = withActor<{ id: string }>(async (_req, actor, params) => {
  const c = await reportCoverage(getDb(), actor, parseId(params.id, '报告编号'));
  return NextResponse.json(c, { headers: { 'cache-control': 'no-store' } });
});
