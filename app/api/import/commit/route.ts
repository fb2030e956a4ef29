import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { readJson, withActor } from '@/lib/server/http';
import { commitImport } from '@/lib/import/service';

export const POST = withActor(async (req, actor) => {
  const result = await commitImport(getDb(), actor, await readJson(req, 'sectionBody'));
  return NextResponse.json(result, { status: result.replaced ? 200 : 201 });
});
