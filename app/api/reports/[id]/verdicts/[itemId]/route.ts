import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { setVerdict } from '@/lib/review/verdicts';
import { readJson, withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';

/** A reviewer's 通过 / 需修改 (with a note) on one checklist item; {verdict: null} takes it back. */
export const PUT = withActor<{ id: string; itemId: string }>(async (req, actor, params) =>
  NextResponse.json({ verdict: await setVerdict(getDb(), actor, parseId(params.id, '报告编号'), params.itemId, await readJson(req, 'smallBody')) }),
);
