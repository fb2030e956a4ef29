// All approved, final and published reports of a county and year as one .zip of .docx files, for the county office.
import { and, asc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import type { Db } from '@/db/client';
import { reports, townships } from '@/db/schema';
import type { Actor } from '@/lib/domain/permissions';
import { dashboardCounty } from '@/lib/dashboard/service';
import { AppError } from '@/lib/shared/errors';
import { exportFileName, safeFileName } from './document';
import { renderDocx } from './docx';
import { exportDocumentFromReport } from './from-report';
import { reportTownship } from '@/db/joins';

/** The states whose reports the county's .zip collects. */
export const ZIPPED_STATUSES: ReadonlySet<string> = new Set(['approved', 'final', 'published']);

export async function countyZip(db: Db, actor: Actor, countyId: number | undefined, year: number): Promise<{ body: Buffer; fileName: string; count: number }> {
  const county = await dashboardCounty(db, actor, countyId);
  const found = await db
    .select({ id: reports.id, status: reports.status })
    .from(reports)
    .innerJoin(townships, reportTownship)
    .where(and(eq(townships.countyId, county.id), eq(reports.year, year)))
    .orderBy(asc(townships.id));
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
