import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { countyCoverage } from '@/lib/dashboard/coverage';
import { withActor } from '@/lib/server/http';
import { idSchema, parseInput, yearSchema } from '@/lib/shared/validation';

/** ?county=ID&year=2025 → { items: [{ id, title, level, part }], townships: [{ townshipId, name, reportId, covered }] } */
export const GET = withActor(async (req, actor) => {
  const q = new URL(req.url).searchParams;
  const year = parseInput(yearSchema(), q.get('year'));
  const county = q.get('county') ? parseInput(idSchema('县'), q.get('county')) : undefined;
  const c = await countyCoverage(getDb(), actor, county, year);
  return NextResponse.json({ items: c.items, townships: c.townships }, { headers: { 'cache-control': 'no-store' } });
});
