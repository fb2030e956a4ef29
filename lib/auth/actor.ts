// Loads the acting user's role and scope fresh from the database, so a changed role or township applies at once.
import { one } from '@/db/tx';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { appSettings, reviewerCounties, townships, users } from '@/db/schema';
import type { Actor } from '@/lib/domain/permissions';
import { preparedFor } from '@/db/prepared';

const actorRow = preparedFor('actor_row', (db) =>
  db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      totpEnabledAt: users.totpEnabledAt,
      countyId: users.countyId,
      townshipId: users.townshipId,
      townshipCountyId: townships.countyId,
    })
    .from(users)
    .leftJoin(townships, eq(townships.id, users.townshipId))
    .where(eq(users.id, sql.placeholder('id'))),
);

const furtherCounties = preparedFor('further_counties', (db) =>
  db
    .select({ countyId: reviewerCounties.countyId })
    .from(reviewerCounties)
    .where(eq(reviewerCounties.userId, sql.placeholder('id')))
    .orderBy(reviewerCounties.countyId),
);

/** The app_settings key holding the roles that must use a second factor. */
export const TWO_FACTOR_ROLES_KEY = 'twoFactorRoles';

// The roles that must use a second factor, read only for an account without one.
const requiredRolesRow = preparedFor('two_factor_roles', (db) =>
  db
    .select({ value: appSettings.value })
    .from(appSettings)
    .where(eq(appSettings.key, sql.placeholder('key'))),
);

async function mustEnrol(db: Db, role: string): Promise<boolean> {
  const row = await one(requiredRolesRow(db).execute({ key: TWO_FACTOR_ROLES_KEY }));
  return Array.isArray(row?.value) && row.value.includes(role);
}

/** The columns an actor's scope is worked out from (a drafter's county is its township's). */
export type ActorRow = {
  id: number;
  username: string;
  displayName: string;
  role: Actor['role'];
  countyId: number | null;
  townshipId: number | null;
  townshipCountyId: number | null;
};

/** An account's role and scope as the permission table sees it; `further`: a reviewer's further counties. */
export function actorOf(row: ActorRow, further: readonly number[]): Actor {
  return {
    ...(row.role === 'reviewer' && further.length ? { furtherCountyIds: [...further] } : {}),
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    countyId: row.role === 'drafter' ? row.townshipCountyId : row.role === 'reviewer' ? row.countyId : null,
    townshipId: row.role === 'drafter' ? row.townshipId : null,
  };
}

export async function loadActor(db: Db, userId: number): Promise<Actor | null> {
  const row = await one(actorRow(db).execute({ id: userId }));
  if (!row || !row.active) return null;
  const further = row.role === 'reviewer' ? (await furtherCounties(db).execute({ id: userId })).map((r) => r.countyId) : [];
  return {
    ...actorOf(row, further),
    mustChangePassword: row.mustChangePassword,
    ...(row.totpEnabledAt === null && (await mustEnrol(db, row.role)) ? { mustEnrolSecondFactor: true } : {}),
  };
}
