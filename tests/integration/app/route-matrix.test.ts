// The authorisation matrix: every route handler method and every server action, found on disk, × every kind of user,
// against 甲一镇's reports. Allowed users succeed and (for changes) change something; everyone else gets 401/403/404,
// learns nothing about the report, and the database is left exactly as it was. A new route without a row here fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Db } from '@/db/client';
import type { Actor } from '@/lib/domain/permissions';
import { setDb } from '../../support/mock-db';
import { setActor } from '../../support/mock-session';
import { snapshot } from '../../support/db';
import { ACTIONS, PRINCIPALS, READERS, ROUTES, VARIANTS, type ActionCase, type Case, type Principal } from '../../support/route-table';
import { buildFixture, discoverActions, discoverRoutes, SECRET_TEXT, type RouteMethod, type ServerAction } from '../../support/routes';

let routes: RouteMethod[];
let actions: ServerAction[];
let fx: Awaited<ReturnType<typeof buildFixture>>;

beforeAll(async () => {
  [routes, actions, fx] = await Promise.all([discoverRoutes(), discoverActions(), buildFixture()]);
}, 60_000);
afterAll(() => setActor(null));

/** A copy of the seeded database made the app's connection, with the principal signed in. */
async function caseDb(who: Principal): Promise<Db> {
  const db = await fx.copy();
  setDb(db);
  setActor(await principal(db, who));
  return db;
}

async function principal(db: Db, p: Principal): Promise<Actor | null> {
  return p === 'anonymous' ? null : await fx.actor(db, fx.fixture[p]);
}

function leaks(text: string): string[] {
  return [SECRET_TEXT, '甲一镇', fx.fixture.draftTitle, '请补充复议案件'].filter((s) => text.includes(s));
}

describe('every route and action has a row', () => {
  it('routes on disk = routes in the matrix', () => {
    expect(routes.map((r) => r.key)).toEqual(Object.keys(ROUTES).sort((a, b) => a.localeCompare(b)));
  });
  it('server actions on disk = actions in the matrix', () => {
    expect(actions.map((a) => a.key)).toEqual(Object.keys(ACTIONS).sort((a, b) => a.localeCompare(b)));
  });
});

const routeCells = [...Object.entries(ROUTES), ...Object.entries(VARIANTS)].flatMap(([key, c]) => ('skip' in c ? [] : PRINCIPALS.map((p) => [key, p] as const)));
/** A row of ROUTES, or a variant of one: its case and the route it runs through. */
const caseOf = (key: string): { c: Case; routeKey: string } => (VARIANTS[key] ? { c: VARIANTS[key], routeKey: VARIANTS[key].route } : { c: ROUTES[key] as Case, routeKey: key });
const actionCells = Object.entries(ACTIONS).flatMap(([key, c]) => ('skip' in c ? [] : PRINCIPALS.map((p) => [key, p] as const)));

describe('route handlers', () => {
  it.each(routeCells)('%s as %s', async (key, who) => {
    const { c, routeKey } = caseOf(key);
    const route = routes.find((r) => r.key === routeKey)!;
    const db = await caseDb(who);
    const { params = {}, query, body, form } = c.request(fx.fixture);
    const [method, pattern] = routeKey.split(' ') as [string, string];
    const url = `http://test${pattern.replace(/\[(\.\.\.)?(\w+)\]/g, (_m, _d, name: string) => params[name] ?? 'x')}${query ? `?${query}` : ''}`;
    const before = await snapshot(db);
    const res = await route.handler(
      new Request(url, { method, ...(form ? { body: await form() } : body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) }),
      { params: Promise.resolve(params) },
    );
    const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
    // Caches: the public feed and records are revalidated on every use (a report taken back disappears at once);
    // every other answer, and every refusal, is kept by no cache.
    const cache = res.headers.get('cache-control');
    if (pattern.startsWith('/public/') && res.status < 300) expect(cache, `${key} as ${who}`).toBe('no-cache');
    else expect(cache, `${key} as ${who}: ${res.status}`).toBe('no-store');
    if (c.allow.includes(who)) {
      expect(res.status, text).toBeLessThan(300);
      if (c.mutates) expect(await snapshot(db)).not.toEqual(before);
      else expect(await snapshot(db)).toEqual(before);
      if (c.scopedList && !READERS.includes(who)) expect(leaks(text)).toEqual([]);
    } else {
      expect(res.status, text).toBe(who === 'anonymous' ? 401 : res.status === 404 ? 404 : 403);
      expect(JSON.parse(text).error).toMatch(/[\u4e00-\u9fa5]/);
      expect(leaks(text)).toEqual([]);
      expect(await snapshot(db)).toEqual(before);
    }
    await fx.done(db);
  });
});

describe('server actions', () => {
  it.each(actionCells)('%s as %s', async (key, who) => {
    const c = ACTIONS[key] as ActionCase;
    const action = actions.find((a) => a.key === key)!;
    const db = await caseDb(who);
    const form = new FormData();
    for (const [k, v] of Object.entries(c.form(fx.fixture))) form.set(k, String(v));
    const before = await snapshot(db);
    let state: { ok: boolean; message: string } | null = null;
    let redirected = false;
    try {
      state = await action.run(null, form);
    } catch (e) {
      if (!String((e as { digest?: string }).digest).startsWith('NEXT_REDIRECT')) throw e;
      redirected = true;
    }
    if (c.allow.includes(who)) {
      expect(redirected || state?.ok, state?.message).toBe(true);
      if (!c.mutatesFor || c.mutatesFor.includes(who)) expect(await snapshot(db)).not.toEqual(before);
      else expect(await snapshot(db)).toEqual(before);
    } else {
      expect(redirected).toBe(false);
      expect(state?.ok).toBe(false);
      expect(state?.message).toMatch(who === 'anonymous' ? /登录/ : /[\u4e00-\u9fa5]/);
      expect(leaks(state?.message ?? '')).toEqual([]);
      expect(await snapshot(db)).toEqual(before);
    }
    await fx.done(db);
  });
});
