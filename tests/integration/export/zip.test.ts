// The county zip (lib/export/zip.ts): names become flat file names.
// One of the hardening findings, against the real services and route handlers: each input at and past its limit is
// refused with a 4xx and a Chinese message and changes nothing; work over user text is compared at n and 4n.
import { write } from '@/db/tx';
import { beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { reportSections, townships } from '@/db/schema';
import { countyZip } from '@/lib/export/zip';
import { transitionReport } from '@/lib/review/transitions';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { type World } from '../../support/db';
import { drafterWithReport } from '../../support/requests';

let db: Db, w: World, reportId: number;
beforeEach(async () => ({ db, w, reportId } = await drafterWithReport()));

describe('finding 14: names become file names', () => {
  it('a township stored with ../ and a line break (from before the check) still gives flat zip entry names', async () => {
    await write(db, () => db.update(townships).set({ name: '../../etc/甲一\n镇' }).where(eq(townships.id, w.townA1)));
    await write(db, () =>
      db
        .update(reportSections)
        .set({ content: docFromText('正文。'), plainText: '正文。' })
        .where(eq(reportSections.reportId, reportId)),
    );
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    await transitionReport(db, w.reviewerA, reportId, { transition: 'approve' });
    const zip = await countyZip(db, w.reviewerA, undefined, 2025);
    const names = Object.keys((await JSZip.loadAsync(zip.body)).files);
    expect(names).toHaveLength(1);
    expect(names[0]).not.toMatch(/[/\\\n]|\.\./);
  });
});
