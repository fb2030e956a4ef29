// Versions of a report within bounds: import versions are pruned like automatic ones, and all versions together stay
// within a storage quota (the oldest automatic and import versions make room; named ones are never deleted for it).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { reportVersions } from '@/db/schema';
import { commitImport } from '@/lib/import/service';
import { saveNamedVersion } from '@/lib/review/versions';
import { LIMITS, limit, limitMessage } from '@/lib/shared/limits';
import { freshWorld, type World } from '../../support/db';

let db: Db;
let w: World;
const quota = LIMITS.versionBytesPerReport.value;
beforeEach(async () => ({ db, w } = await freshWorld()));
afterEach(() => {
  LIMITS.versionBytesPerReport.value = quota;
});

const importText = (i: number, chars: number) =>
  commitImport(db, w.drafterA1, {
    townshipId: w.townA1,
    year: 2025,
    title: '报告',
    sections: { measures: `第${i}次导入。` + '法治政府建设'.repeat(Math.ceil(chars / 6)) },
    replace: i > 0,
    acceptLoss: true,
  });

const versions = async (reportId: number) =>
  (await db.select().from(reportVersions).where(eq(reportVersions.reportId, reportId)).orderBy(reportVersions.id)).map((v) => ({
    id: v.id,
    kind: v.kind,
    label: v.label,
    bytes: Buffer.byteLength(JSON.stringify(v.snapshot)),
  }));

describe('report versions', () => {
  it('import versions are pruned, oldest first (they were never pruned)', async () => {
    let reportId = 0;
    for (let i = 0; i < 15; i++) reportId = (await importText(i, 100)).reportId;
    const kept = await versions(reportId);
    expect(kept.filter((v) => v.kind === 'import')).toHaveLength(limit('importVersionsKept'));
  });

  it('past the storage quota the oldest automatic and import versions make room; named ones stay', async () => {
    LIMITS.versionBytesPerReport.value = 1024 * 1024;
    const { reportId } = await importText(0, 20_000);
    await saveNamedVersion(db, w.drafterA1, reportId, { label: '初稿' });
    for (let i = 1; i <= 10; i++) await importText(i, 20_000);
    const kept = await versions(reportId);
    const total = kept.reduce((s, v) => s + v.bytes, 0);
    expect(total).toBeLessThanOrEqual(limit('versionBytesPerReport'));
    expect(kept.filter((v) => v.kind === 'manual').map((v) => v.label)).toEqual(['初稿']);
    expect(kept.filter((v) => v.kind === 'import').length).toBeLessThan(20);
  });

  it('when the named versions alone fill it, an import and a new named version are refused with 413 before the work', async () => {
    const { reportId } = await importText(0, 20_000);
    await saveNamedVersion(db, w.drafterA1, reportId, { label: '初稿' });
    LIMITS.versionBytesPerReport.value = 1;
    const before = await versions(reportId);
    await expect(importText(1, 20_000)).rejects.toMatchObject({ status: 413, message: limitMessage('versionBytesPerReport') });
    await expect(saveNamedVersion(db, w.drafterA1, reportId, { label: '二稿' })).rejects.toMatchObject({ status: 413 });
    expect(await versions(reportId)).toEqual(before);
  });
});
