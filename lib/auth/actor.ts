// Loads the acting user's role and scope fresh from the database, so a changed role or township applies at once.
import { one } from '@/db/tx';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { appSettings, reviewerCounties, sessions, townships, users } from '@/db/schema';
import { judgeSession, type SessionCheck } from './sessions';
import type { Actor } from '@/lib/domain/permissions';
import { preparedFor } from '@/db/prepared';

// The columns an Actor is made of: the user, and the county of a drafter's township (select them with a left join of
// townships on the user's township).
export const ACTOR_COLUMNS = {
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
};

const actorRow = preparedFor('actor_row', (db) =>
  db
    .select(ACTOR_COLUMNS)
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

export async function loadActor(db: Db, userId: number): Promise<Actor | null> {
  const row = await one(actorRow(db).execute({ id: userId }));
  if (!row || !row.active) return null;
  return await actorFrom(db, row, row.totpEnabledAt === null && (await mustEnrol(db, row.role)));
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

async function actorFrom(db: Db, row: ActorRow & { mustChangePassword: boolean }, enrol: boolean): Promise<Actor> {
  const further = row.role === 'reviewer' ? (await furtherCounties(db).execute({ id: row.id })).map((r) => r.countyId) : [];
  return {
    ...actorOf(row, further),
    mustChangePassword: row.mustChangePassword,
    ...(enrol ? { mustEnrolSecondFactor: true } : {}),
  };
}

// A request's session row, its user as an Actor is made, and the roles that must use a second factor, in one
// statement: what every signed-in request asks first (lib/server/session.ts).
const sessionActorRow = preparedFor('session_actor_row', (db) =>
  db
    .select({ session: sessions, user: ACTOR_COLUMNS, twoFactorRoles: appSettings.value })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(townships, eq(townships.id, users.townshipId))
    .leftJoin(appSettings, eq(appSettings.key, TWO_FACTOR_ROLES_KEY))
    .where(eq(sessions.id, sql.placeholder('id'))),
);

/**
 * The active user a session belongs to, when the session still holds (checkSession's rules, its last activity brought
 * up to date) and belongs to `userId`; what checkSession and loadActor answer together, read in one statement.
 */
export async function loadSessionActor(
  db: Db,
  sessionId: string,
  userId: number,
  now = new Date(),
): Promise<{ check: SessionCheck; actor: Actor | null }> {
  if (!sessionId || sessionId.length > 64) return { check: { ok: false, reason: 'missing' }, actor: null };
  const row = await one(sessionActorRow(db).execute({ id: sessionId }));
  const check = await judgeSession(db, row?.session, now);
  if (!row || !check.ok || row.session.userId !== userId || !row.user.active) return { check, actor: null };
  const roles = row.twoFactorRoles;
  const enrol = row.user.totpEnabledAt === null && Array.isArray(roles) && roles.includes(row.user.role);
  return { check, actor: await actorFrom(db, row.user, enrol) };
}
