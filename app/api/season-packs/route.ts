import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { exportPackFor } from '@/lib/season/store';
import { withActor } from '@/lib/server/http';
import { idSchema, parseInput } from '@/lib/shared/validation';
import { z } from 'zod';

const seasonSchema = z.coerce.number({ error: '年度无效。' }).int('年度无效。').min(2000, '年度无效。').max(2100, '年度无效。');

/** ?season=2025[&county=ID] → the effective season pack of that scope, as a JSON file to download (administrators). */
export const GET = withActor(async (req, actor) => {
  const q = new URL(req.url).searchParams;
  const season = parseInput(seasonSchema, q.get('season'));
  const county = q.get('county') ? parseInput(idSchema('县'), q.get('county')) : null;
  const pack = await exportPackFor(getDb(), actor, season, county);
  const name = `season-pack-${season}${county ? `-county-${county}` : ''}.json`;
  return new NextResponse(`${JSON.stringify(pack, null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' },
  });
});
