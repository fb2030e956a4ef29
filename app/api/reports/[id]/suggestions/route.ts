import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { createSuggestion, listSuggestionPage } from '@/lib/review/suggestions';
import { readJson, withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';

// ?state=&order=&limit=&after= page the list (lib/review/suggestions.ts); without them, a report within its cap comes whole.
export const GET = withActor<{ id: string }>(async (req, actor, params) => {
  const id = parseId(params.id, '报告编号');
  const q = new URL(req.url).searchParams;
  const query = Object.fromEntries(['state', 'order', 'limit', 'after'].flatMap((k) => (q.has(k) ? [[k, q.get(k)]] : [])));
  return NextResponse.json(await listSuggestionPage(getDb(), actor, id, query));
});

export const POST = withActor<{ id: string }>(async (req, actor, params) => {
  const id = parseId(params.id, '报告编号');
  const created = await createSuggestion(getDb(), actor, id, await readJson(req, 'smallBody'));
  return NextResponse.json({ suggestion: created }, { status: 201 });
});
