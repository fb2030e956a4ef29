import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';
import { reportSimilarity } from '@/lib/similarity/service';

/** → { others, earlier, specificity }: what the report's parts share with the county's year and the township's earlier years. */
export const GET = withActor<{ id: string }>(async (_req, actor, params) => {
  return NextResponse.json(await reportSimilarity(getDb(), actor, parseId(params.id, '报告编号')));
});
