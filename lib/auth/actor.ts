// Loads the acting user's role and scope fresh from the database, so a changed role or township applies at once.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { reviewerCounties, townships, users } from '@/db/schema';
import type { Actor } from './permissions';
import { preparedFor } from '@/db/prepared';

const actorRow = preparedFor((db) =>
  db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      countyId: users.countyId,
      townshipId: users.townshipId,
      townshipCountyId: townships.countyId,
    })
    .from(users)
    .leftJoin(townships, eq(townships.id, users.townshipId))
    .where(eq(users.id, sql.placeholder('id')))
    .prepare(),
);

const furtherCounties = preparedFor((db) =>
  db
    .select({ countyId: reviewerCounties.countyId })
    .from(reviewerCounties)
    .where(eq(reviewerCounties.userId, sql.placeholder('id')))
    .orderBy(reviewerCounties.countyId)
    .prepare(),
);

export function loadActor(db: Db, userId: number): Actor | null {
  const row = actorRow(db).get({ id: userId });
  if (!row || !row.active) return null;
  const further = row.role === 'reviewer' ? furtherCounties(db).all({ id: userId }).map((r) => r.countyId) : [];
  return {
    ...(further.length ? { furtherCountyIds: further } : {}),
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    countyId: row.role === 'drafter' ? row.townshipCountyId : row.role === 'reviewer' ? row.countyId : null,
    townshipId: row.role === 'drafter' ? row.townshipId : null,
    mustChangePassword: row.mustChangePassword,
  };
}
