// The people who may read a township's reports (its drafters, its county's reviewers, administrators), decided by
// the permission table for each active account: whom a comment may mention.
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { reviewerCounties, townships, users } from '@/db/schema';
import { ACTOR_COLUMNS, actorOf } from '@/lib/auth/actor';
import { ROLES, type Role } from '@/lib/domain/vocabulary';
import { can, PERMISSIONS } from '@/lib/domain/permissions';

export type Reader = { id: number; username: string; displayName: string; role: Role };

/**
 * Active accounts that may read the place's reports. The query only narrows the accounts down to those that could
 * (every role the table lets read everything, and the accounts of the place's county and township); `can` decides.
 */
export async function readersOf(db: Db, place: { townshipId: number; countyId: number }): Promise<Reader[]> {
  const everywhere = ROLES.filter((r) => PERMISSIONS['report.read'][r] === 'any');
  const further = db.select({ id: reviewerCounties.userId }).from(reviewerCounties).where(eq(reviewerCounties.countyId, place.countyId));
  const rows = await db
    .select(ACTOR_COLUMNS)
    .from(users)
    .leftJoin(townships, eq(townships.id, users.townshipId))
    .where(
      and(
        eq(users.active, true),
        or(
          everywhere.length ? inArray(users.role, everywhere) : undefined,
          eq(users.countyId, place.countyId),
          eq(users.townshipId, place.townshipId),
          eq(townships.countyId, place.countyId),
          inArray(users.id, further),
        ),
      ),
    )
    .orderBy(asc(users.id));
  const reviewerIds = rows.filter((r) => r.role === 'reviewer').map((r) => r.id);
  const covers = new Map<number, number[]>();
  if (reviewerIds.length)
    for (const r of await db.select().from(reviewerCounties).where(inArray(reviewerCounties.userId, reviewerIds)))
      covers.set(r.userId, [...(covers.get(r.userId) ?? []), r.countyId]);
  return rows
    .filter((r) => can(actorOf(r, covers.get(r.id) ?? []), 'report.read', place))
    .map(({ id, username, displayName, role }) => ({ id, username, displayName, role }));
}
