import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';
import { compareVersions } from '@/lib/review/versions';

/** ?from=<versionId>&to=<versionId|current> */
export const GET = withActor<{ id: string }>(async (req, actor, params) => {
  const q = new URL(req.url).searchParams;
  const from = parseId(q.get('from') ?? undefined, '版本编号');
  const toRaw = q.get('to') ?? 'current';
  const to = toRaw === 'current' ? 'current' : parseId(toRaw, '版本编号');
  return NextResponse.json(await compareVersions(getDb(), actor, parseId(params.id, '报告编号'), from, to));
});
