import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { replyToSuggestion } from '@/lib/review/suggestion-replies';
import { readJson, withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';

export const POST = withActor<{ id: string; sid: string }>(async (req, actor, params) => {
  const reply = await replyToSuggestion(getDb(), actor, parseId(params.id, '报告编号'), parseId(params.sid, '修订编号'), await readJson(req, 'smallBody'));
  return NextResponse.json({ reply }, { status: 201 });
});
