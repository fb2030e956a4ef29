import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';
import { restoreVersion } from '@/lib/review/versions';

export const POST = withActor<{ id: string; versionId: string }>(async (_req, actor, params) => {
  const version = await restoreVersion(getDb(), actor, parseId(params.id, '报告编号'), parseId(params.versionId, '版本编号'));
  return NextResponse.json({ version }, { status: 201 });
});
