import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { publicRecord, publishedReport } from '@/lib/publication/service';
import { PUBLIC_CACHE, publicOrigin, publicRoute } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';

/** The 政府信息公开目录 record of a published report, as JSON; 404 for any other id. No login. */
export const GET = publicRoute<{ id: string }>(async (req, params) =>
  NextResponse.json(publicRecord(await publishedReport(getDb(), parseId(params.id, '报告编号')), publicOrigin(req)), {
    headers: { 'cache-control': PUBLIC_CACHE },
  }),
);
