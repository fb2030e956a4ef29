import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { createSuggestion, listSuggestions } from '@/lib/review/suggestions';
import { readJson, withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';

export const GET = withActor<{ id: string }>(async (_req, actor, params) =>
  NextResponse.json({ suggestions: await listSuggestions(getDb(), actor, parseId(params.id, '报告编号')) }),
);

export const POST = withActor<{ id: string }>(async (req, actor, params) => {
  const id = parseId(params.id, '报告编号');
  const created = await createSuggestion(getDb(), actor, id, await readJson(req, 'smallBody'));
  return NextResponse.json({ suggestion: created }, { status: 201 });
});
