// Generated bad input against every route handler and server action, sent by a user who is allowed to make the valid
// request: broken JSON, wrong types, missing fields, oversize strings, documents the editor could not have made,
// unknown and malformed ids, years out of range. Every one must get a 4xx with a Chinese message and change nothing;
// none may reach the "unhandled error" path.
import { limit } from '@/lib/shared/limits';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import type { Db } from '@/db/client';
import { BODY_SECTION_KEYS } from '@/lib/domain/sections';
import { setDb } from '../../support/mock-db';
import { setActor } from '../../support/mock-session';
import { snapshot } from '../../support/db';
import { ACTIONS, ROUTES, type ActionCase, type Case, type Principal } from '../../support/route-table';
import { buildFixture, discoverActions, discoverRoutes, type Fixture, type RouteMethod, type ServerAction } from '../../support/routes';

/** A year (or season) and a county in the query, each malformed or out of range in turn. */
const yearAndCounty = (param: string, year: number) => [
  '',
  ...['-1', '0', '1899', '3000', '2025.5', 'abc'].map((v) => `${param}=${v}`),
  ...['abc', '999999', '0'].map((c) => `${param}=${year}&county=${c}`),
];

const RUNS = 25;
const CHINESE = /[\u4e00-\u9fa5]/;
const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;

type RouteBad = {
  as: Principal;
  /** Body fields whose absence must be refused. */
  required?: string[];
  /** Path parameters holding ids (malformed → 400, unknown → 404) and other keys (unknown → 404). */
  ids?: string[];
  keys?: string[];
  /** Query strings that must be refused. */
  queries?: string[];
};
type Skip = { skip: string };

const BAD: Record<string, RouteBad | Skip> = {
  'GET /api/auth/[...nextauth]': { skip: 'Auth.js' },
  'POST /api/auth/[...nextauth]': { skip: 'Auth.js' },
  'GET /api/health': { skip: 'takes no input' },
  'GET /public/reports/[id]/record': { as: 'anonymous', ids: ['id'] },
  'GET /public/reports/[id]/docx': { as: 'anonymous', ids: ['id'] },
  'GET /public/counties/[id]/feed': { as: 'anonymous', ids: ['id'] },
  'GET /public/counties/[id]/reports.csv': { as: 'anonymous', ids: ['id'] },
  'GET /public/counties/[id]/reports.json': { as: 'anonymous', ids: ['id'] },
  'GET /api/reports': { skip: 'takes no input' },
  'GET /api/inbox': { skip: 'takes no input' },
  'POST /api/reports': { as: 'drafterA1', required: ['townshipId', 'year'] },
  'GET /api/reports/[id]': { as: 'drafterA1', ids: ['id'] },
  'PATCH /api/reports/[id]': { as: 'drafterA1', ids: ['id'], required: ['title', 'metaVersion', 'signatureOrgans'] },
  'PUT /api/reports/[id]/sections/[key]': { as: 'drafterA1', ids: ['id'], keys: ['key'], required: ['version'] },
  'PUT /api/reports/[id]/checklist/[itemId]': { as: 'drafterA1', ids: ['id'], keys: ['itemId'], required: ['confirmed'] },
  'GET /api/reports/[id]/suggestions': {
    as: 'reviewerA',
    ids: ['id'],
    queries: ['limit=0', 'limit=abc', 'limit=1001', 'limit=1.5', 'after=-1', 'after=1e40', 'after=%00', 'state=open', 'order=x', 'state=pending&order=newest&limit=-5'],
  },
  'PUT /api/reports/[id]/verdicts/[itemId]': { as: 'reviewerA', ids: ['id'], keys: ['itemId'], required: ['verdict'] },
  'PUT /api/reports/[id]/verdicts/[itemId]/done': { as: 'drafterA1', ids: ['id'], keys: ['itemId'], required: ['note'] },
  'POST /api/reports/[id]/suggestions': { as: 'reviewerA', ids: ['id'], required: ['sectionKey', 'anchor', 'replacement'] },
  'POST /api/reports/[id]/suggestions/[sid]/accept': { as: 'drafterA1', ids: ['id', 'sid'] },
  'POST /api/reports/[id]/suggestions/[sid]/reject': { as: 'drafterA1', ids: ['id', 'sid'] },
  // Its body is a file: malformed, oversize and over-limit files are refused in tests/integration/review/word-review.test.ts.
  'POST /api/reports/[id]/review-import': { as: 'reviewerA', ids: ['id'] },
  'POST /api/reports/[id]/suggestions/[sid]/withdraw': { as: 'reviewerA', ids: ['id', 'sid'] },
  'POST /api/reports/[id]/suggestions/[sid]/replies': { as: 'drafterA1', ids: ['id', 'sid'], required: ['body'] },
  'GET /api/reports/[id]/comments': { as: 'reviewerA', ids: ['id'] },
  'POST /api/reports/[id]/comments': { as: 'reviewerA', ids: ['id'], required: ['body'] },
  'PATCH /api/reports/[id]/comments/[commentId]': { as: 'reviewerA', ids: ['id', 'commentId'], required: ['resolved'] },
  'DELETE /api/reports/[id]/comments/[commentId]': { as: 'reviewerA', ids: ['id', 'commentId'] },
  'GET /api/reports/[id]/export': { as: 'drafterA1', ids: ['id'], queries: ['format=pdf', 'format=', 'format=docx&variant=draft', 'variant=%00', 'imprint=2', 'imprint=%00'] },
  'GET /api/reports/[id]/readers': { as: 'drafterA1', ids: ['id'] },
  'GET /api/reports/[id]/timeline': { as: 'drafterA1', ids: ['id'] },
  'GET /api/reports/[id]/checks': { as: 'drafterA1', ids: ['id'] },
  'GET /api/reports/[id]/coverage': { as: 'drafterA1', ids: ['id'] },
  'POST /api/reports/[id]/transitions': { as: 'reviewerA', ids: ['id'], required: ['transition'] },
  'GET /api/reports/[id]/versions': { as: 'drafterA1', ids: ['id'] },
  'POST /api/reports/[id]/versions': { as: 'drafterA1', ids: ['id'], required: ['label'] },
  'GET /api/reports/[id]/versions/compare': {
    as: 'drafterA1',
    ids: ['id'],
    queries: ['', 'from=abc', 'from=0', 'from=999999', 'from=1.5&to=current', 'from=1&to=later', 'from=1&to=-2'],
  },
  'GET /api/reports/[id]/versions/since-submission': { as: 'drafterA1', ids: ['id'] },
  'POST /api/reports/[id]/versions/[versionId]/restore': { as: 'drafterA1', ids: ['id', 'versionId'] },
  'POST /api/import/preview': { as: 'drafterA1', required: ['text'] },
  'POST /api/import/commit': { as: 'drafterA1', required: ['townshipId', 'year', 'title', 'sections'] },
  'GET /api/season-packs': { as: 'admin', queries: yearAndCounty('season', 2025) },
  'GET /api/dashboard/coverage': { as: 'reviewerA', queries: yearAndCounty('year', 2023) },
  'GET /api/dashboard/zip': { as: 'reviewerA', queries: yearAndCounty('year', 2023) },
  'GET /api/dashboard/similarity': { as: 'reviewerA', queries: yearAndCounty('year', 2023) },
  'GET /api/reports/[id]/similarity': { as: 'drafterA1', ids: ['id'] },
};

type FieldKind = readonly string[];
/** For each server action: who may call it, and for each field values that must be refused. */
const ACTION_BAD: Record<string, { as: Principal; fields: Record<string, FieldKind> } | Skip> = {
  'app/(app)/actions.ts#createReportAction': { as: 'drafterA1', fields: { townshipId: ['', 'abc', '0', '-3', '1.5', 'true', '99999999'], year: ['', '-1', '0', '1899', '3000', '2025.5', 'abc'] } },
  'app/(app)/actions.ts#logoutAction': { skip: 'takes no input' },
  'app/(auth)/login/actions.ts#loginAction': { skip: 'Auth.js; its input checks are in accounts.test.ts' },
  'app/(app)/admin/actions.ts#addTownshipAction': {
    as: 'admin',
    // Finding 14: names that would become paths or broken lines in the county zip.
    fields: { countyId: ['', 'abc', '0', '99999999'], name: ['', '   ', 'x'.repeat(41), '../新河镇', '新河\n镇', '.新河镇', 'a/b', 'a\\b', '新\u0000河'], kind: ['', '村', 'town', '镇 '.repeat(3)] },
  },
  'app/(app)/admin/actions.ts#addUserAction': {
    as: 'admin',
    fields: {
      username: ['', 'a', 'bad name', '中文名字', 'x'.repeat(33), 'a/b'],
      displayName: ['', '  ', 'x'.repeat(41), '../admin', '张\r\n三'],
      password: ['', 'short', 'x'.repeat(1000), '1234567890123', 'my-new-user-pass'],
      role: ['', 'root', 'Admin'],
      townshipId: ['abc', '0', '99999999'],
    },
  },
  'app/(app)/admin/actions.ts#resetPasswordAction': { as: 'admin', fields: { userId: ['', 'x', '0', '99999999'], password: ['', 'short', 'x'.repeat(1000)] } },
  'app/(app)/admin/actions.ts#setUserActiveAction': { as: 'admin', fields: { userId: ['', 'x', '0', '99999999'] } },
  'app/(app)/admin/actions.ts#setCollectionDateAction': {
    as: 'admin',
    fields: { countyId: ['', 'x', '0', '99999999'], year: ['', '1899', '3000', 'abc'], collectionDate: ['', '2026-02-30', '2026/01/15', '20260115', 'abc'] },
  },
  'app/(app)/admin/actions.ts#setUserScopeAction': { as: 'admin', fields: { userId: ['', 'x', '0', '99999999'], role: ['', 'boss'], townshipId: ['x', '0', '99999999'] } },
  // countyIds is left out here: sending none is valid (it takes the further counties away); its bad values are refused
  // in tests/integration/directory/further-counties.test.ts.
  'app/(app)/admin/actions.ts#setFurtherCountiesAction': { as: 'admin', fields: { userId: ['', 'x', '0', '99999999'] } },
  'app/(app)/account/actions.ts#setEmailAction': { as: 'drafterA1', fields: { email: ['not-an-address', 'a@', '@b.cn', `${'a'.repeat(250)}@x.cn`, 'a@b.cn\nBcc: x@y.cn'] } },
  'app/(app)/inbox/actions.ts#openInboxItemAction': { as: 'drafterA1', fields: { href: ['', 'https://evil.example', '//evil.example', 'javascript:alert(1)', 'x'] } },
  'app/(app)/inbox/actions.ts#markAllReadAction': { skip: 'takes no input' },
  'app/(app)/account/two-factor/actions.ts#startEnrolmentAction': { skip: 'takes no input' },
  'app/(app)/account/two-factor/actions.ts#confirmEnrolmentAction': { as: 'drafterA1', fields: { code: ['', '   ', '12345', 'abcdef', '1'.repeat(41), '０００００００'] } },
  'app/(app)/account/two-factor/actions.ts#regenerateRecoveryCodesAction': { as: 'drafterA1', fields: { proof: ['', 'x'.repeat(129), '123456'] } },
  'app/(app)/account/two-factor/actions.ts#disableTwoFactorAction': { as: 'drafterA1', fields: { proof: ['', 'x'.repeat(129), '123456'] } },
  'app/(app)/admin/actions.ts#setTwoFactorRolesAction': { skip: 'its one field is a set of check boxes, none ticked being a valid answer; unknown roles refused in two-factor.test.ts' },
  'app/(auth)/login/verify/actions.ts#verifyCodeAction': { skip: 'only a half-signed-in session reaches it; malformed, wrong, replayed and oversize codes in two-factor.test.ts' },
  'app/(auth)/login/verify/actions.ts#cancelSignInAction': { skip: 'takes no input; signs out through Auth.js' },
  // countyId is optional (without it the file's own scope applies), so only the pack is generated; a bad countyId is
  // refused by idSchema like every other id.
  'app/(app)/admin/actions.ts#importSeasonPackAction': {
    as: 'admin',
    fields: { pack: ['', '  ', '{', '[]', '{"season":2025}', '{"season":"x","scope":{"level":"national"}}', '{"season":2025,"scope":{"level":"county","county":"无此县"}}', 'x'.repeat(600_000)] },
  },
  'app/(app)/admin/actions.ts#addCountyAction': { as: 'admin', fields: { name: ['', '  ', 'x'.repeat(41), '../甲县', '甲\n县', '..'] } },
  'app/(app)/admin/actions.ts#renameCountyAction': { as: 'admin', fields: { countyId: ['', 'x', '0', '99999999'], name: ['', '  ', 'x'.repeat(41), '../甲县', '甲\n县'] } },
  'app/(app)/admin/actions.ts#renameTownshipAction': {
    as: 'admin',
    fields: { townshipId: ['', 'x', '0', '99999999'], name: ['', '  ', 'x'.repeat(41), '../甲一镇', '甲一\n镇', '..'], kind: ['', '村'] },
  },
  'app/(app)/admin/actions.ts#setCountyCategoriesAction': { as: 'admin', fields: { countyId: ['', 'x', '0', '99999999'], topicCategory: ['x'.repeat(41)], genreCategory: ['x'.repeat(41)] } },
  'app/(app)/admin/actions.ts#setTownshipCodeAction': {
    as: 'admin',
    fields: { townshipId: ['', 'x', '0', '99999999'], code: ['x', '11500230008689762B', '11500230008689762', 'I1500230008689762A', 'x'.repeat(41)] },
  },
  'app/(app)/admin/actions.ts#unlockUserAction': { as: 'admin', fields: { userId: ['', 'x', '0', '99999999'] } },
  'app/(app)/admin/actions.ts#endSessionsAction': { as: 'admin', fields: { userId: ['', 'x', '0', '99999999'] } },
  'app/(app)/admin/actions.ts#deactivateDemoAction': { skip: 'takes no input' },
  'app/(app)/account/actions.ts#changePasswordAction': {
    as: 'drafterA1',
    fields: { current: ['', 'wrong-password-1'], password: ['', 'short', '12345678901234', 'drafter-a1-pass', 'x'.repeat(1000)], confirm: ['', 'other-pass-2026'] },
  },
  'app/(app)/account/actions.ts#logoutEverywhereAction': { skip: 'takes no input; signs out through Auth.js' },
};

// ---------------------------------------------------------------------------------------------------------------------
// Generators

// Past the largest JSON body any route accepts.
const HUGE = 'x'.repeat(limit('sectionBody') + 100_000);
const notNumeric = fc.string({ maxLength: 12 }).filter((s) => !NUMERIC.test(s));
const malformedJson = fc.oneof(
  fc.constantFrom('', ' ', '{', '{"a":1}}', "{'a':1}", '[1,2', 'undefined', 'NaN', '{"version":}'),
  fc.string({ maxLength: 40 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
);
const notAnObject = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 20 }), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }));
const smallObject = fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 });

/** Documents the editor could never have produced: unknown node and mark types, wrong nesting, empty text, huge text. */
const badDoc = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).filter((v) => !(typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { type?: unknown }).type === 'doc')),
  fc.constantFrom('script', 'iframe', 'image', 'codeBlock', 'horizontalRule', 'blockquote', 'doc').map((type) => ({
    type: 'doc',
    content: [{ type, content: [{ type: 'text', text: 'x' }] }],
  })),
  fc.constantFrom('link', 'code', 'strike', 'script', 'highlight').map((mark) => ({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: mark, attrs: { href: 'javascript:alert(1)' } }] }] }],
  })),
  fc.constant({ type: 'doc', content: [{ type: 'text', text: '正文直接放在文档下' }] }),
  fc.constant({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'paragraph' }] }] }),
  fc.constant({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] }),
  fc.constant({ type: 'doc', content: 'not an array' }),
  fc.constant({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '字'.repeat(100_001) }] }] }),
);

/** A value of another type than the valid one (never one the schema could read as valid). */
function wrongFor(key: string, valid: unknown): fc.Arbitrary<unknown> {
  if (key === 'content') return badDoc;
  if (valid === null) return fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 2 }), smallObject);
  if (typeof valid === 'number')
    return fc.oneof(notNumeric, fc.boolean(), fc.constant(null), fc.array(fc.integer(), { minLength: 1, maxLength: 2 }), smallObject, fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true }), fc.integer({ max: 0 }), fc.constant(1e300));
  if (typeof valid === 'string') return fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }), smallObject, fc.constant(HUGE));
  if (typeof valid === 'boolean') return fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null), fc.array(fc.boolean(), { maxLength: 1 }));
  if (Array.isArray(valid)) return fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null), fc.array(fc.integer(), { minLength: 1, maxLength: 3 }), fc.constant(Array(7).fill('单位')));
  return fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.array(fc.integer(), { maxLength: 2 }), fc.constant({ measures: 5 }), fc.constant({ unknownPart: 'x' }));
}

type Input = { kind: string; params: Record<string, string>; query?: string; body?: unknown; raw?: string };

function badInputs(key: string, valid: ReturnType<Case['request']>, spec: RouteBad): fc.Arbitrary<Input> {
  const params = valid.params ?? {};
  const base = (over: Partial<Input>): Input => ({ kind: '', params, query: valid.query, body: valid.body, ...over });
  const options: Array<fc.Arbitrary<Input>> = [];
  const hasBody = valid.body !== undefined;
  if (hasBody) {
    options.push(malformedJson.map((raw) => base({ kind: 'malformed JSON', raw })));
    options.push(notAnObject.map((body) => base({ kind: 'not an object', body })));
    options.push(fc.constant(base({ kind: 'oversize body', raw: JSON.stringify({ ...(valid.body as object), padding: HUGE }) })));
    const fields = Object.entries(valid.body as Record<string, unknown>);
    for (const [field, value] of fields)
      options.push(wrongFor(field, value).map((v) => base({ kind: `wrong ${field}`, body: { ...(valid.body as object), [field]: v } })));
    for (const field of spec.required ?? []) {
      const rest = { ...(valid.body as Record<string, unknown>) };
      delete rest[field];
      options.push(fc.constant(base({ kind: `missing ${field}`, body: rest })));
    }
  }
  for (const p of spec.ids ?? [])
    options.push(
      fc.oneof(notNumeric, fc.integer({ min: 100_000, max: 2 ** 40 }).map(String), fc.constantFrom('0', '-1', '1e3', '9'.repeat(30))).map((v) =>
        base({ kind: `param ${p}`, params: { ...params, [p]: v } }),
      ),
    );
  for (const p of spec.keys ?? [])
    options.push(
      fc
        .string({ maxLength: 30 })
        .filter((s) => !(BODY_SECTION_KEYS as readonly string[]).includes(s) && !s.startsWith('measures.'))
        .map((v) => base({ kind: `param ${p}`, params: { ...params, [p]: v } })),
    );
  if (spec.queries) options.push(fc.constantFrom(...spec.queries).map((query) => base({ kind: 'query', query })));
  if (!options.length) throw new Error(`${key}: nothing to generate`);
  return fc.oneof(...options);
}

// ---------------------------------------------------------------------------------------------------------------------

let routes: RouteMethod[];
let actions: ServerAction[];
let fx: Awaited<ReturnType<typeof buildFixture>>;
let errors: { mock: { calls: unknown[][] }; mockRestore: () => void };

beforeAll(async () => {
  [routes, actions, fx] = await Promise.all([discoverRoutes(), discoverActions(), buildFixture()]);
}, 60_000);
afterEach(() => {
  // Nothing may have gone down the unhandled-error path (which answers 500).
  expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([]);
  errors.mockRestore();
});

async function open(as: Principal): Promise<Db> {
  errors = vi.spyOn(console, 'error');
  const db = await fx.copy();
  setDb(db);
  setActor(await fx.actor(db, fx.fixture[as as Exclude<Principal, 'anonymous'>]));
  return db;
}

describe('generators cover everything', () => {
  it('every route and action in the matrix has a bad-input entry', () => {
    errors = vi.spyOn(console, 'error');
    expect(Object.keys(BAD).sort()).toEqual(Object.keys(ROUTES).sort());
    expect(Object.keys(ACTION_BAD).sort()).toEqual(Object.keys(ACTIONS).sort());
  });
});

const routeKeys = Object.keys(BAD).filter((k) => !('skip' in BAD[k]!));
const actionKeys = Object.keys(ACTION_BAD).filter((k) => !('skip' in ACTION_BAD[k]!));

describe('route handlers refuse generated bad input', () => {
  it.each(routeKeys)(
    '%s',
    async (key) => {
      const spec = BAD[key] as RouteBad;
      const route = routes.find((r) => r.key === key)!;
      const valid = (ROUTES[key] as Case).request(fx.fixture as Fixture);
      const db = await open(spec.as);
      const before = await snapshot(db);
      const [method, pattern] = key.split(' ') as [string, string];
      await fc.assert(
        fc.asyncProperty(badInputs(key, valid, spec), async (input) => {
          const path = pattern.replace(/\[(\.\.\.)?(\w+)\]/g, (_m, _d, name: string) => encodeURIComponent(input.params[name] ?? 'x'));
          const text = input.raw ?? (input.body === undefined ? undefined : JSON.stringify(input.body));
          const res = await route.handler(
            new Request(`http://test${path}${input.query ? `?${input.query}` : ''}`, {
              method,
              ...(text === undefined ? {} : { body: text, headers: { 'content-type': 'application/json' } }),
            }),
            { params: Promise.resolve(input.params) },
          );
          const answer = await res.text();
          expect(res.status, `${input.kind}: ${answer.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
          expect(res.status, `${input.kind}: ${answer.slice(0, 200)}`).toBeLessThan(500);
          expect((JSON.parse(answer) as { error: string }).error).toMatch(CHINESE);
          expect(await snapshot(db)).toEqual(before);
        }),
        { numRuns: RUNS },
      );
      await fx.done(db);
    },
    60_000,
  );
});

describe('server actions refuse generated bad input', () => {
  it.each(actionKeys)(
    '%s',
    async (key) => {
      const spec = ACTION_BAD[key] as { as: Principal; fields: Record<string, FieldKind> };
      const action = actions.find((a) => a.key === key)!;
      const valid = (ACTIONS[key] as ActionCase).form(fx.fixture as Fixture);
      const db = await open(spec.as);
      const before = await snapshot(db);
      const bad = fc.oneof(
        ...Object.entries(spec.fields).map(([field, values]) => fc.constantFrom(...values).map((value) => ({ field, value: value as string | null }))),
        fc.constantFrom(...Object.keys(spec.fields)).map((field) => ({ field, value: null })),
      );
      await fc.assert(
        fc.asyncProperty(bad, async ({ field, value }) => {
          const form = new FormData();
          for (const [k, v] of Object.entries(valid)) if (k !== field) form.set(k, String(v));
          if (value !== null) form.set(field, value);
          const state = await action.run(null, form);
          expect(state?.ok, `${field}=${JSON.stringify(value)?.slice(0, 40)}: ${state?.message}`).toBe(false);
          expect(state?.message).toMatch(CHINESE);
          expect(await snapshot(db)).toEqual(before);
        }),
        { numRuns: RUNS },
      );
      await fx.done(db);
    },
    60_000,
  );
});
