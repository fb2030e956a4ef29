import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { withActor } from '@/lib/server/http';
import { idSchema, parseInput, yearSchema } from '@/lib/shared/validation';
import { countySimilarity } from '@/lib/similarity/service';

/** ?year=2025[&county=ID] → { pairs }: the county's closest pairs of parts, highest score first. */
export const GET = withActor(async (req, actor) => {
  const q = new URL(req.url).searchParams;
  const year = parseInput(yearSchema(), q.get('year'));
  const county = q.get('county') ? parseInput(idSchema('县'), q.get('county')) : undefined;
  return NextResponse.json(await countySimilarity(getDb(), actor, county, year));
});
