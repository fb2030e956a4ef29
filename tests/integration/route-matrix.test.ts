// The authorisation matrix: every route handler method and every server action, found on disk, × every kind of user,
// against 甲一镇's reports. Allowed users succeed and (for changes) change something; everyone else gets 401/403/404,
// learns nothing about the report, and the database is left exactly as it was. A new route without a row here fails.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/auth/session', () => import('../support/mock-session'));
vi.mock('@/db', () => import('../support/mock-db'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

import type { Db } from '@/db/client';
import type { Actor } from '@/lib/authz';
import { CHECKLISTS } from '@/lib/report/checklists';
import { setDb } from '../support/mock-db';
import { setActor } from '../support/mock-session';
import { snapshot } from '../support/db';
import { buildFixture, discoverActions, discoverRoutes, SECRET_TEXT, type Fixture, type RouteMethod, type ServerAction } from '../support/routes';

const PRINCIPALS = ['anonymous', 'admin', 'reviewerA', 'reviewerB', 'drafterA1', 'drafterA2', 'drafterB1'] as const;
type Principal = (typeof PRINCIPALS)[number];

const READERS: Principal[] = ['admin', 'reviewerA', 'drafterA1'];
const EDITORS: Principal[] = ['admin', 'drafterA1'];
const REVIEWERS: Principal[] = ['admin', 'reviewerA'];
const SIGNED_IN: Principal[] = PRINCIPALS.filter((p) => p !== 'anonymous');
const ADMIN: Principal[] = ['admin'];

type Req = { params?: Record<string, string>; query?: string; body?: unknown };
type Case = {
  /** Which users may do it. */
  allow: Principal[];
  /** Whether doing it changes the database (checked for allowed users). */
  mutates: boolean;
  request: (f: Fixture) => Req;
  /** For lists everyone may read: what an outsider must not see in their answer. */
  scopedList?: boolean;
};
type ActionCase = { allow: Principal[]; form: (f: Fixture) => Record<string, string | number>; redirects?: boolean };
/** Handled by Auth.js itself or only signs in/out: exercised through the browser tests, listed so nothing is missed. */
type Skip = { skip: string };

const ROUTES: Record<string, Case | Skip> = {
  'GET /api/auth/[...nextauth]': { skip: 'Auth.js endpoints (CSRF token, session, sign-in): logged in over HTTP in tests/e2e' },
  'POST /api/auth/[...nextauth]': { skip: 'Auth.js endpoints (CSRF token, session, sign-in): logged in over HTTP in tests/e2e' },
  'GET /api/health': { allow: [...PRINCIPALS], mutates: false, request: () => ({}) },
  'GET /api/reports': { allow: SIGNED_IN, mutates: false, request: () => ({}), scopedList: true },
  'POST /api/reports': { allow: EDITORS, mutates: true, request: (f) => ({ body: { townshipId: f.townA1, year: 2022 } }) },
  'GET /api/reports/[id]': { allow: READERS, mutates: false, request: (f) => ({ params: { id: String(f.draft) } }) },
  'PATCH /api/reports/[id]': {
    allow: EDITORS,
    mutates: true,
    request: (f) => ({
      params: { id: String(f.draft) },
      body: { title: '新标题', recipient: '示例县人民政府', signatureOrgans: ['甲一镇人民政府'], documentDate: '2026-01-20', cc: null, metaVersion: 1 },
    }),
  },
  'PUT /api/reports/[id]/sections/[key]': {
    allow: EDITORS,
    mutates: true,
    request: (f) => ({
      params: { id: String(f.draft), key: 'leaders' },
      body: { content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '书记带头学法。' }] }] }, version: 1 },
    }),
  },
  'PUT /api/reports/[id]/checklist/[itemId]': {
    allow: EDITORS,
    mutates: true,
    request: (f) => ({ params: { id: String(f.draft), itemId: CHECKLISTS.measures[0]!.id }, body: { confirmed: true } }),
  },
  'GET /api/reports/[id]/comments': { allow: READERS, mutates: false, request: (f) => ({ params: { id: String(f.draft) } }) },
  'POST /api/reports/[id]/comments': {
    allow: READERS,
    mutates: true,
    request: (f) => ({ params: { id: String(f.draft) }, body: { parentId: f.thread, body: '已补充。' } }),
  },
  'PATCH /api/reports/[id]/comments/[commentId]': {
    // Resolving a thread: anyone who may comment on the report.
    allow: READERS,
    mutates: true,
    request: (f) => ({ params: { id: String(f.draft), commentId: String(f.thread) }, body: { resolved: true } }),
  },
  'DELETE /api/reports/[id]/comments/[commentId]': {
    // Only the author deletes a comment.
    allow: ['reviewerA'],
    mutates: true,
    request: (f) => ({ params: { id: String(f.draft), commentId: String(f.thread) } }),
  },
  'GET /api/reports/[id]/export': { allow: READERS, mutates: false, request: (f) => ({ params: { id: String(f.draft) }, query: 'format=docx' }) },
  'GET /api/reports/[id]/timeline': { allow: READERS, mutates: false, request: (f) => ({ params: { id: String(f.draft) } }) },
  'POST /api/reports/[id]/transitions': {
    allow: REVIEWERS,
    mutates: true,
    request: (f) => ({ params: { id: String(f.submitted) }, body: { transition: 'approve' } }),
  },
  'GET /api/reports/[id]/versions': { allow: READERS, mutates: false, request: (f) => ({ params: { id: String(f.draft) } }) },
  'POST /api/reports/[id]/versions': { allow: EDITORS, mutates: true, request: (f) => ({ params: { id: String(f.draft) }, body: { label: '讨论稿' } }) },
  'GET /api/reports/[id]/versions/compare': {
    allow: READERS,
    mutates: false,
    request: (f) => ({ params: { id: String(f.draft) }, query: `from=${f.version}&to=current` }),
  },
  'GET /api/reports/[id]/versions/since-submission': { allow: READERS, mutates: false, request: (f) => ({ params: { id: String(f.submitted) } }) },
  'POST /api/reports/[id]/versions/[versionId]/restore': {
    allow: EDITORS,
    mutates: true,
    request: (f) => ({ params: { id: String(f.draft), versionId: String(f.version) } }),
  },
  'POST /api/import/preview': { allow: SIGNED_IN, mutates: false, request: () => ({ body: { text: '一、主要举措和成效\n全年开展普法活动。' } }) },
  'POST /api/import/commit': {
    allow: EDITORS,
    mutates: true,
    request: (f) => ({ body: { townshipId: f.townA1, year: 2022, title: '导入的报告', sections: { measures: '全年开展普法活动。' } } }),
  },
  'GET /api/dashboard/zip': { allow: REVIEWERS, mutates: false, request: (f) => ({ query: `year=2023&county=${f.countyA}` }) },
};

const ACTIONS: Record<string, ActionCase | Skip> = {
  'app/actions.ts#createReportAction': { allow: EDITORS, form: (f) => ({ townshipId: f.townA1, year: 2022 }), redirects: true },
  'app/actions.ts#logoutAction': { skip: 'signs out through Auth.js; in the browser tests' },
  'app/login/actions.ts#loginAction': { skip: 'signs in through Auth.js, open to everyone by design; throttling in accounts.test.ts' },
  'app/admin/actions.ts#addTownshipAction': { allow: ADMIN, form: (f) => ({ countyId: f.countyA, name: '新河镇', kind: '镇' }) },
  'app/admin/actions.ts#addUserAction': {
    allow: ADMIN,
    form: (f) => ({ username: 'new-user', displayName: '新人', password: 'password-123', role: 'drafter', townshipId: f.townA1 }),
  },
  'app/admin/actions.ts#resetPasswordAction': { allow: ADMIN, form: (f) => ({ userId: f.drafterA1.id, password: 'another-pass-1' }) },
  'app/admin/actions.ts#setUserActiveAction': { allow: ADMIN, form: (f) => ({ userId: f.drafterA1.id, active: 'false' }) },
  'app/admin/actions.ts#setCollectionDateAction': { allow: ADMIN, form: (f) => ({ countyId: f.countyA, year: 2025, collectionDate: '2026-01-15' }) },
  'app/admin/actions.ts#setUserScopeAction': { allow: ADMIN, form: (f) => ({ userId: f.drafterA1.id, role: 'drafter', townshipId: f.townA2 }) },
  'app/admin/actions.ts#renameTownshipAction': { allow: ADMIN, form: (f) => ({ townshipId: f.townA1, name: '甲一新镇', kind: '镇' }) },
};

let routes: RouteMethod[];
let actions: ServerAction[];
let fx: Awaited<ReturnType<typeof buildFixture>>;

beforeAll(async () => {
  [routes, actions, fx] = await Promise.all([discoverRoutes(), discoverActions(), buildFixture()]);
}, 60_000);
afterAll(() => setActor(null));

function principal(db: Db, p: Principal): Actor | null {
  return p === 'anonymous' ? null : fx.actor(db, fx.fixture[p]);
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

const routeCells = Object.entries(ROUTES).flatMap(([key, c]) => ('skip' in c ? [] : PRINCIPALS.map((p) => [key, p] as const)));
const actionCells = Object.entries(ACTIONS).flatMap(([key, c]) => ('skip' in c ? [] : PRINCIPALS.map((p) => [key, p] as const)));

describe('route handlers', () => {
  it.each(routeCells)('%s as %s', async (key, who) => {
    const c = ROUTES[key] as Case;
    const route = routes.find((r) => r.key === key)!;
    const db = fx.copy();
    setDb(db);
    setActor(principal(db, who));
    const { params = {}, query, body } = c.request(fx.fixture);
    const [method, pattern] = key.split(' ') as [string, string];
    const url = `http://test${pattern.replace(/\[(\.\.\.)?(\w+)\]/g, (_m, _d, name: string) => params[name] ?? 'x')}${query ? `?${query}` : ''}`;
    const before = snapshot(db);
    const res = await route.handler(
      new Request(url, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) }),
      { params: Promise.resolve(params) },
    );
    const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
    if (c.allow.includes(who)) {
      expect(res.status, text).toBeLessThan(300);
      if (c.mutates) expect(snapshot(db)).not.toEqual(before);
      else expect(snapshot(db)).toEqual(before);
      if (c.scopedList && !READERS.includes(who)) expect(leaks(text)).toEqual([]);
    } else {
      expect(res.status, text).toBe(who === 'anonymous' ? 401 : res.status === 404 ? 404 : 403);
      expect(JSON.parse(text).error).toMatch(/[\u4e00-\u9fa5]/);
      expect(leaks(text)).toEqual([]);
      expect(snapshot(db)).toEqual(before);
    }
    db.$client.close();
  });
});

describe('server actions', () => {
  it.each(actionCells)('%s as %s', async (key, who) => {
    const c = ACTIONS[key] as ActionCase;
    const action = actions.find((a) => a.key === key)!;
    const db = fx.copy();
    setDb(db);
    setActor(principal(db, who));
    const form = new FormData();
    for (const [k, v] of Object.entries(c.form(fx.fixture))) form.set(k, String(v));
    const before = snapshot(db);
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
      expect(snapshot(db)).not.toEqual(before);
    } else {
      expect(redirected).toBe(false);
      expect(state?.ok).toBe(false);
      expect(state?.message).toMatch(who === 'anonymous' ? /登录/ : /[\u4e00-\u9fa5]/);
      expect(leaks(state?.message ?? '')).toEqual([]);
      expect(snapshot(db)).toEqual(before);
    }
    db.$client.close();
  });
});
