import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { gridJson, publicationGrid } from '@/lib/publication/grid';
import { PUBLIC_CACHE, publicOrigin, publicRoute } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';

/** A county's year × township grid of published reports as JSON. No login. */
export const GET = publicRoute<{ id: string }>(async (req, params) =>
  NextResponse.json(gridJson(await publicationGrid(getDb(), parseId(params.id, '县编号')), publicOrigin(req)), { headers: { 'cache-control': PUBLIC_CACHE } }),
);
