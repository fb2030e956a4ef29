// All approved and final reports of a county and year as one .zip of .docx files, for the county office.
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { rows } from '@/db/tx';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/domain/permissions';
import { dashboardCounty } from '@/lib/dashboard/service';
import { AppError } from '@/lib/shared/errors';
import { exportFileName, safeFileName } from './document';
import { renderDocx } from './docx';
import { exportDocumentFromReport } from './from-report';

/** The states whose reports the county's .zip collects. */
export const ZIPPED_STATUSES: ReadonlySet<string> = new Set(['approved', 'final', 'published']);

export async function countyZip(db: Db, actor: Actor, countyId: number | undefined, year: number): Promise<{ body: Buffer; fileName: string; count: number }> {
  const county = await dashboardCounty(db, actor, countyId);
  const found = await rows<{ id: number; status: string }>(
    db,
    sql`select r.id, r.status from reports r join townships t on t.id = r.township_id
         where t.county_id = ${county.id} and r.year = ${year} order by t.id`,
  );
  const ids = found.filter((r) => ZIPPED_STATUSES.has(r.status)).map((r) => r.id);
  if (ids.length === 0) throw new AppError('not_found', `${county.name}${year}年度还没有审核通过或定稿的报告。`);
  const zip = new JSZip();
  for (const id of ids) {
    const doc = await exportDocumentFromReport(db, actor, id);
    zip.file(exportFileName(doc, 'submit', 'docx'), await renderDocx(doc, 'submit'));
  }
  const body = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { body, fileName: `${safeFileName(`${county.name}${year}年度法治政府建设情况报告`)}.zip`, count: ids.length };
}
