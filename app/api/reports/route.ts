import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { readJson, withActor } from '@/lib/server/http';
import { createReport, listReportsByTownship } from '@/lib/reports/service';

export const GET = withActor(async (_req, actor) => NextResponse.json({ townships: await listReportsByTownship(getDb(), actor) }));

export const POST = withActor(async (req, actor) => {
  const report = await createReport(getDb(), actor, await readJson(req, 'smallBody'));
  return NextResponse.json({ report }, { status: 201 });
});
