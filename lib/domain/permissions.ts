// The permission table: who may do what to which township's data. Pure; every entry point calls can().
import type { Role } from '@/lib/domain/vocabulary';

export type Actor = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** The county the actor works in: a reviewer's own, a drafter's township's county; null for admins. */
  countyId: number | null;
  /** Further counties a reviewer covers (a city office); absent or empty for everyone else. */
  furtherCountyIds?: readonly number[];
  /** The township a drafter belongs to; null otherwise. */
  townshipId: number | null;
  /** An administrator set the password; the user must choose their own before doing anything else. */
  mustChangePassword?: boolean;
  /** The administrator requires a second factor of this role and the user has none yet: enrolling comes first. */
  mustEnrolSecondFactor?: boolean;
  /** The sign-in session the request came with (absent for the command line and tests). */
  sessionId?: string;
  /** Set only on SYSTEM_ACTOR: the app acting for itself, never a signed-in user. */
  system?: true;
};

/**
 * The app acting for itself: the command line (run by whoever holds the server's files), the demo seed, start-up.
 * It may do everything an administrator may; audit rows record no user for it.
 */
export const SYSTEM_ACTOR: Actor = Object.freeze({
  id: 0,
  username: 'system',
  displayName: '系统',
  role: 'admin',
  countyId: null,
  townshipId: null,
  system: true,
});

/**
 * Where a user lands after signing in when no page was asked for: a county reviewer on the county's dashboard (what
 * is waiting for review, what is late), everyone else on the list of their reports.
 */
export function landingPath(role: Role): string {
  return role === 'reviewer' ? '/dashboard' : '/';
}

/** The user an action is recorded against: none for the system. */
export function actingUserId(actor: Actor): number | null {
  return actor.system ? null : actor.id;
}

export const ACTIONS = [
  'report.read',
  'report.create',
  'report.edit',
  'report.comment',
  'report.suggest',
  'report.submit',
  'report.review',
  'report.finalise',
  'report.reopen',
  'county.dashboard',
  'county.audit',
  'township.manage',
  'user.manage',
  'season.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Where the resource lives. A report or township is in one township of one county. */
export type Resource = { townshipId?: number | null; countyId?: number | null };

/**
 * How far a role reaches for an action: 'any' (everything), 'county' (resources in the actor's county, or in one
 * of the further counties a reviewer was given),
 * 'township' (resources of the actor's township) or 'none'.
 */
export type Scope = 'any' | 'county' | 'township' | 'none';

export const PERMISSIONS: Record<Action, Record<Role, Scope>> = {
  'report.read': { admin: 'any', reviewer: 'county', drafter: 'township' },
  'report.create': { admin: 'any', reviewer: 'none', drafter: 'township' },
  'report.edit': { admin: 'any', reviewer: 'none', drafter: 'township' },
  'report.comment': { admin: 'any', reviewer: 'county', drafter: 'township' },
  'report.suggest': { admin: 'any', reviewer: 'county', drafter: 'none' },
  'report.submit': { admin: 'none', reviewer: 'none', drafter: 'township' },
  'report.review': { admin: 'any', reviewer: 'county', drafter: 'none' },
  'report.finalise': { admin: 'none', reviewer: 'none', drafter: 'township' },
  'report.reopen': { admin: 'any', reviewer: 'none', drafter: 'none' },
  'season.manage': { admin: 'any', reviewer: 'none', drafter: 'none' },
  'county.dashboard': { admin: 'any', reviewer: 'county', drafter: 'none' },
  'county.audit': { admin: 'any', reviewer: 'county', drafter: 'none' },
  'township.manage': { admin: 'any', reviewer: 'none', drafter: 'none' },
  'user.manage': { admin: 'any', reviewer: 'none', drafter: 'none' },
};

export function can(actor: Actor | null | undefined, action: Action, resource: Resource = {}): boolean {
  if (!actor) return false;
  if (actor.system) return true;
  const scope = PERMISSIONS[action][actor.role];
  switch (scope) {
    case 'any':
      return true;
    case 'county':
      return resource.countyId != null && (resource.countyId === actor.countyId || (actor.furtherCountyIds?.includes(resource.countyId) ?? false));
    case 'township':
      return actor.townshipId != null && resource.townshipId != null && resource.townshipId === actor.townshipId;
    case 'none':
      return false;
  }
}

/** Every county a reviewer covers, the own one first (empty for other roles). */
export function reviewerCountyIds(actor: Actor): number[] {
  if (actor.role !== 'reviewer' || actor.countyId == null) return [];
  return [actor.countyId, ...(actor.furtherCountyIds ?? []).filter((id) => id !== actor.countyId)];
}
