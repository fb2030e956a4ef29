// The transaction helper on the engine this project runs: commits together or not at all, nested calls join the
// outer transaction, and (PostgreSQL) a statement prepared inside one transaction is not reused on its connection
// after the transaction ended.
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { reports } from '@/db/schema';
import { one, withTx, write } from '@/db/tx';
import { loadReportInScope } from '@/lib/reports/service';
import { worldWithDraft, type World } from '../../support/db';
import { TEST_ON_POSTGRES } from '../../support/pg';

let db: Db, w: World, reportId: number;

beforeEach(async () => {
  ({ db, w, reportId } = await worldWithDraft());
});

const title = async () => (await one(db.select({ t: reports.title }).from(reports).where(eq(reports.id, reportId))))!.t;

describe('withTx', () => {
  it('rolls back every statement when the body throws, and commits them together otherwise', async () => {
    const before = await title();
    await expect(
      withTx(db, async (tx) => {
        await tx.update(reports).set({ title: '改了一半' }).where(eq(reports.id, reportId));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await title()).toBe(before);
    await withTx(db, async (tx) => {
      await tx.update(reports).set({ title: '第一步' }).where(eq(reports.id, reportId));
      // A nested call joins the outer transaction (it sees the first step).
      await withTx(db, async () => {
        expect(await title()).toBe('第一步');
        await write(db, () => db.update(reports).set({ title: '第二步' }).where(eq(reports.id, reportId)));
      });
    });
    expect(await title()).toBe('第二步');
  });

  it.runIf(TEST_ON_POSTGRES)('a prepared statement first used inside a transaction does not run on that connection afterwards', async () => {
    const committed = await title();
    // The report is read through a prepared statement for the first time inside a transaction.
    await withTx(db, async () => {
      await loadReportInScope(db, w.drafterA1, reportId);
    });
    // Another transaction (likely on the same pooled connection) changes the title and stays open while the report
    // is read outside it: the read must see the committed title, not the other transaction's uncommitted one.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let changed!: () => void;
    const didChange = new Promise<void>((r) => (changed = r));
    const other = withTx(db, async (tx) => {
      await tx.update(reports).set({ title: '未提交的标题' }).where(eq(reports.id, reportId));
      changed();
      await held;
    });
    await didChange;
    const outside = await loadReportInScope(db, w.drafterA1, reportId);
    release();
    await other;
    expect(outside.report.title).toBe(committed);
  });
});
