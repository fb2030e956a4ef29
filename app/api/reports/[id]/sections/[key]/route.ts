import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { saveSection } from '@/lib/drafting/service';
import { readJson, withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';

export const PUT = withActor<{ id: string; key: string }>(async (req, actor, params) => {
  const id = parseId(params.id, '报告编号');
  return NextResponse.json(await saveSection(getDb(), actor, id, params.key, await readJson(req, 'sectionBody')));
});
