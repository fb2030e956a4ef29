import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { withActor } from '@/lib/server/http';
import { inboxApiItems } from '@/lib/inbox/service';

/** 待办 for scripts and the header count: what the 待办 page lists, newest first. */
export const GET = withActor(async (_req, actor) => NextResponse.json({ items: await inboxApiItems(getDb(), actor) }));
