import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';
import { reportChecks } from '@/lib/checks/service';

/** The findings the 检查 panel shows, computed on the server: `{ findings: [{ code, part, message, evidence }] }`. */
export const GET = withActor<{ id: string }>(async (_req, actor, params) =>
  NextResponse.json(await reportChecks(getDb(), actor, parseId(params.id, '报告编号'))),
);
