import { SYSTEM_ACTOR } from '@/lib/domain/permissions';
import { describe, expect, it } from 'vitest';
import { loadDashboard } from '@/lib/dashboard/service';
import { loadActor } from '@/lib/auth/actor';
import { createUser } from '@/lib/directory/accounts';
import { makeTestDb } from '../../support/db';
import { loadScaleData } from '../../support/scale-data';

describe('dashboard over 3,000 townships × 10 years', () => {
  it('loads one county and year in a fixed handful of queries', async () => {
    const { db } = makeTestDb();
    const sql = db.$client;
    await loadScaleData(db);
    expect((sql.prepare('select count(*) as n from townships').get() as { n: number }).n).toBe(3000);
    expect((sql.prepare('select count(*) as n from reports').get() as { n: number }).n).toBe(30_000);

    const u = await createUser(db, SYSTEM_ACTOR, { username: 'rev', displayName: '审核人', password: 'password-1', role: 'reviewer', countyId: 17 });
    const reviewer = (await loadActor(db, u.id))!;
    let queries = 0;
    const prepare = sql.prepare.bind(sql);
    (sql as unknown as { prepare: (s: string) => unknown }).prepare = (s: string) => {
      queries++;
      return prepare(s);
    };
    try {
      const d = await loadDashboard(db, reviewer, undefined, 2024, new Date('2025-02-01T00:00:00+08:00'));
      expect(d.county.name).toBe('第17县');
      expect(d.rows).toHaveLength(100);
      expect(d.rows.every((r) => r.reportId !== null)).toBe(true);
      expect(d.rows.find((r) => r.townshipName === '第17县第3镇')!.partsFilled).toBe(3);
      expect(Object.values(d.counts).reduce((a, b) => a + b, 0)).toBe(100);
    } finally {
      (sql as unknown as { prepare: typeof prepare }).prepare = prepare;
    }
    // Not one query per township: a fixed set whatever the county's size.
    expect(queries).toBeLessThanOrEqual(10);
  }, 120_000);
});
