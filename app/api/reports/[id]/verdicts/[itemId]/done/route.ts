import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { markVerdictDone } from '@/lib/review/verdicts';
import { readJson, withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';

/** The drafter marks a 需修改 item done with a word ({note}); {note: null} takes the mark back. */
export const PUT = withActor<{ id: string; itemId: string }>(async (req, actor, params) =>
  NextResponse.json({ verdict: await markVerdictDone(getDb(), actor, parseId(params.id, '报告编号'), params.itemId, await readJson(req, 'smallBody')) }),
);
