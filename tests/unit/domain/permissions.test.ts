import { describe, expect, it } from 'vitest';
import { ACTIONS, actingUserId, can, landingPath, PERMISSIONS, SYSTEM_ACTOR, type Action, type Actor } from '@/lib/domain/permissions';
import { ROLES, type Role } from '@/lib/domain/vocabulary';

// Our county is 1 with townships 10 (ours) and 11 (neighbour); county 2 has township 20.
const OWN_TOWNSHIP = { townshipId: 10, countyId: 1 };
const NEIGHBOUR_TOWNSHIP = { townshipId: 11, countyId: 1 };
const OTHER_COUNTY = { townshipId: 20, countyId: 2 };

const actors: Record<Role, Actor> = {
  admin: { id: 1, username: 'a', displayName: 'a', role: 'admin', countyId: null, townshipId: null },
  reviewer: { id: 2, username: 'r', displayName: 'r', role: 'reviewer', countyId: 1, townshipId: null },
  drafter: { id: 3, username: 'd', displayName: 'd', role: 'drafter', countyId: 1, townshipId: 10 },
};

type Expect = { own: boolean; neighbour: boolean; otherCounty: boolean };
const all: Expect = { own: true, neighbour: true, otherCounty: true };
const county: Expect = { own: true, neighbour: true, otherCounty: false };
const township: Expect = { own: true, neighbour: false, otherCounty: false };
const none: Expect = { own: false, neighbour: false, otherCounty: false };

// Written out by hand, independently of PERMISSIONS, so a change to the table has to be made twice on purpose.
const EXPECTED: Record<Action, Record<Role, Expect>> = {
  'report.read': { admin: all, reviewer: county, drafter: township },
  'report.create': { admin: all, reviewer: none, drafter: township },
  'report.edit': { admin: all, reviewer: none, drafter: township },
  'report.comment': { admin: all, reviewer: county, drafter: township },
  'report.suggest': { admin: all, reviewer: county, drafter: none },
  'report.submit': { admin: none, reviewer: none, drafter: township },
  'report.review': { admin: all, reviewer: county, drafter: none },
  'report.finalise': { admin: none, reviewer: none, drafter: township },
  'report.reopen': { admin: all, reviewer: none, drafter: none },
  'county.dashboard': { admin: all, reviewer: county, drafter: none },
  'county.audit': { admin: all, reviewer: county, drafter: none },
  'township.manage': { admin: all, reviewer: none, drafter: none },
  'user.manage': { admin: all, reviewer: none, drafter: none },
  'season.manage': { admin: all, reviewer: none, drafter: none },
};

describe('permission table', () => {
  it('has an expectation for every action and nothing more', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const exp = EXPECTED[action][role];
      it(`${role} ${action}: own township ${exp.own}, neighbour ${exp.neighbour}, other county ${exp.otherCounty}`, () => {
        const actor = actors[role];
        expect(can(actor, action, OWN_TOWNSHIP)).toBe(exp.own);
        expect(can(actor, action, NEIGHBOUR_TOWNSHIP)).toBe(exp.neighbour);
        expect(can(actor, action, OTHER_COUNTY)).toBe(exp.otherCounty);
      });
    }
  }

  it('refuses everything to nobody', () => {
    for (const action of ACTIONS) expect(can(null, action, OWN_TOWNSHIP)).toBe(false);
  });

  it('refuses scoped actions when the resource does not say where it lives', () => {
    expect(can(actors.drafter, 'report.read', {})).toBe(false);
    expect(can(actors.reviewer, 'report.read', {})).toBe(false);
    expect(can(actors.admin, 'report.read', {})).toBe(true);
  });

  it('a reviewer with further counties (a city office) reaches them as a county reviewer, and nothing more', () => {
    const city: Actor = { ...actors.reviewer, furtherCountyIds: [2] };
    for (const action of ACTIONS) {
      const county = PERMISSIONS[action].reviewer === 'county';
      expect(can(city, action, OTHER_COUNTY), action).toBe(county);
      expect(can(city, action, OWN_TOWNSHIP), action).toBe(county);
      expect(can(city, action, { townshipId: 30, countyId: 3 }), action).toBe(false);
    }
    // Further counties mean nothing on a drafter's actor.
    expect(can({ ...actors.drafter, furtherCountyIds: [2] }, 'report.read', OTHER_COUNTY)).toBe(false);
  });

  it('does not let a drafter without a township match a resource without one', () => {
    const lost: Actor = { ...actors.drafter, townshipId: null };
    expect(can(lost, 'report.read', { townshipId: null, countyId: 1 })).toBe(false);
  });
});

describe('landingPath', () => {
  it('sends a reviewer to the county dashboard, which the table lets them see, and everyone else to the reports list', () => {
    expect(landingPath('reviewer')).toBe('/dashboard');
    expect(can({ id: 1, username: 'r', displayName: 'r', role: 'reviewer', countyId: 1, townshipId: null }, 'county.dashboard', { countyId: 1 })).toBe(true);
    expect(landingPath('drafter')).toBe('/');
    expect(landingPath('admin')).toBe('/');
  });
});

describe('SYSTEM_ACTOR', () => {
  it('may do everything, is recorded against no user, and is not what a missing actor means', () => {
    for (const action of ACTIONS) expect(can(SYSTEM_ACTOR, action, { townshipId: 1, countyId: 1 }), action).toBe(true);
    expect(actingUserId(SYSTEM_ACTOR)).toBeNull();
    expect(Object.isFrozen(SYSTEM_ACTOR)).toBe(true);
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
  });
});
