import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { readJson, withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';
import { listVersions, saveNamedVersion } from '@/lib/review/versions';

export const GET = withActor<{ id: string }>(async (_req, actor, params) =>
  NextResponse.json({ versions: await listVersions(getDb(), actor, parseId(params.id, '报告编号')) }),
);

export const POST = withActor<{ id: string }>(async (req, actor, params) => {
  const version = await saveNamedVersion(getDb(), actor, parseId(params.id, '报告编号'), await readJson(req, 'smallBody'));
  return NextResponse.json({ version }, { status: 201 });
});
