// How much one user may add to review in an hour and how much one report may hold: comments and suggestions both
// keep nobody from filling the database. The table's author, report and time columns are handed in.
import { one } from '@/db/tx';
import { and, count, eq, gt } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/domain/permissions';
import { limit, overLimit, type LimitName } from '@/lib/shared/limits';

type Counted = { table: SQLiteTable; author: SQLiteColumn; report: SQLiteColumn; created: SQLiteColumn };

export async function assertReviewQuota(
  db: Db,
  t: Counted,
  limits: { perUserHour: LimitName; perReport: LimitName },
  actor: Actor,
  reportId: number,
  now: Date,
  /** How many the request would add (a file's changes come many at once). */
  adding = 1,
): Promise<void> {
  const hourAgo = new Date(now.getTime() - 60 * 60 * 1000);
  const recent =
    (
      await one(
        db
          .select({ n: count() })
          .from(t.table)
          .where(and(eq(t.author, actor.id), gt(t.created, hourAgo))),
      )
    )?.n ?? 0;
  if (recent + adding > limit(limits.perUserHour)) throw overLimit(limits.perUserHour, 'rate_limited');
  const total = (await one(db.select({ n: count() }).from(t.table).where(eq(t.report, reportId))))?.n ?? 0;
  if (total + adding > limit(limits.perReport)) throw overLimit(limits.perReport, 'rate_limited');
}
