import { pgBase } from '@/db/client';
import { SYSTEM_ACTOR } from '@/lib/domain/permissions';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { loadDashboard, setCollectionDate } from '@/lib/dashboard/service';
import { loadEditorData, saveSection } from '@/lib/drafting/service';
import { createReport } from '@/lib/reports/service';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { transitionReport } from '@/lib/review/transitions';
import { freshWorld, type World } from '../../support/db';

let db: Db;
let w: World;
const NOW = new Date('2026-02-01T10:00:00+08:00');

beforeEach(async () => ({ db, w } = await freshWorld()));

describe('county dashboard', () => {
  it('shows every township of the county with state, progress and days left', async () => {
    const r = (await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2025 }, NOW)).id;
    const v = (await loadEditorData(db, w.drafterA1, r)).sections.find((s) => s.key === 'measures')!.version;
    await saveSection(db, w.drafterA1, r, 'measures', { content: docFromText('（一）学法\n全年学法6次。'), version: v });
    await transitionReport(db, w.drafterA1, r, { transition: 'submit' });
    await setCollectionDate(db, w.admin, { countyId: w.countyA, year: 2025, collectionDate: '2026-02-28' }, NOW);

    const d = await loadDashboard(db, w.reviewerA, undefined, 2025, NOW);
    expect(d.county.name).toBe('甲县');
    expect(d.daysToCollection).toBe(27);
    expect(d.daysToPublication).toBe(59);
    expect(d.rows.map((x) => [x.townshipName, x.status, x.partsFilled])).toEqual([
      ['甲一镇', 'submitted', 1],
      ['甲二乡', 'none', 0],
    ]);
    expect(d.rows[0]!.openChecks).toBeGreaterThan(0);
    expect(d.counts).toMatchObject({ submitted: 1, none: 1, drafting: 0 });
  });

  it('refuses drafters, and a reviewer only ever sees their own county', async () => {
    await expect(loadDashboard(db, w.drafterA1, undefined, 2025, NOW)).rejects.toThrow(expect.objectContaining({ status: 403 }));
    expect((await loadDashboard(db, w.reviewerA, undefined, 2025, NOW)).county.name).toBe('甲县');
    expect((await loadDashboard(db, w.reviewerA, w.countyA, 2025, NOW)).county.name).toBe('甲县');
    // Naming another county is refused, not quietly answered with one's own.
    await expect(loadDashboard(db, w.reviewerA, w.countyB, 2025, NOW)).rejects.toThrow(expect.objectContaining({ status: 403 }));
    await expect(loadDashboard(db, w.admin, 999_999, 2025, NOW)).rejects.toThrow(expect.objectContaining({ status: 404 }));
    expect((await loadDashboard(db, w.admin, w.countyB, 2025, NOW)).county.name).toBe('乙县');
  });

  it('runs a fixed number of queries however many townships the county has', async () => {
    const { createTownship } = await import('@/lib/directory/townships');
    const count = async (n: number) => {
      for (let i = 0; i < n; i++) await createTownship(db, SYSTEM_ACTOR, { countyId: w.countyA, name: `新镇${Math.random()}`, kind: '镇' });
      let queries = 0;
      // Every statement passes through better-sqlite3's prepare, or node-postgres's pool query.
      const pool = pgBase(db)?.$client;
      const target = (pool ?? db.$client) as unknown as Record<string, (...a: unknown[]) => unknown>;
      const method = pool ? 'query' : 'prepare';
      const original = target[method]!;
      target[method] = function (this: unknown, ...a: unknown[]) {
        queries++;
        return original.apply(this, a);
      };
      try {
        await loadDashboard(db, w.admin, w.countyA, 2025, NOW);
      } finally {
        target[method] = original;
      }
      return queries;
    };
    const few = await count(1);
    const many = await count(200);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(10);
  });
});
