import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { setChecklistEntry } from '@/lib/drafting/service';
import { readJson, withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';

export const PUT = withActor<{ id: string; itemId: string }>(async (req, actor, params) => {
  const id = parseId(params.id, '报告编号');
  const entry = await setChecklistEntry(getDb(), actor, id, params.itemId.slice(0, 100), await readJson(req, 'smallBody'));
  return NextResponse.json({ entry });
});
