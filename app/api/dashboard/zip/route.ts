import { getDb } from '@/db';
import { countyZip } from '@/lib/export/zip';
import { runHeavy } from '@/lib/server/heavy';
import { withActor } from '@/lib/server/http';
import { yearSchema, idSchema, parseInput } from '@/lib/shared/validation';

/** ?year=2025[&county=ID] → every approved or final report of the county and year as .docx files in one .zip */
export const GET = withActor(async (req, actor) => {
  const q = new URL(req.url).searchParams;
  const year = parseInput(yearSchema(), q.get('year'));
  const county = q.get('county') ? parseInput(idSchema('县'), q.get('county')) : undefined;
  const zip = await runHeavy(() => countyZip(getDb(), actor, county, year));
  return new Response(new Uint8Array(zip.body), {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="reports.zip"; filename*=UTF-8''${encodeURIComponent(zip.fileName)}`,
      'cache-control': 'no-store',
    },
  });
});
