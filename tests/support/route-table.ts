// What each route handler and server action is for, as the tests see it: a valid request against the fixture of
// tests/support/routes.ts, and which users may make it. The authorisation matrix and the bad-input tests share it.
import { defaultPack } from '@/lib/domain/season/defaults';
import type { Fixture } from './routes';
import { TEST_PASSWORD } from './db';
import { SUBMITTED_TEXT } from './routes';
import { del, ins, p, reviewedDocx, text } from './reviewed-docx';

/** A reviewed .docx changing 12场 to 15场 in the submitted report's text, as the field `file`. */
async function reviewImportForm(reportText: string): Promise<FormData> {
  const at = reportText.indexOf('12场');
  const buf = await reviewedDocx([p(text(reportText.slice(0, at)) + del('12场', '张三') + ins('15场', '张三') + text(reportText.slice(at + 4)))]);
  const form = new FormData();
  form.set('file', new File([new Uint8Array(buf)], '审阅稿.docx'));
  return form;
}

// reviewerCity: a city office's reviewer whose own county is 乙县 and who also covers 甲县 (the fixture's county).
export const PRINCIPALS = ['anonymous', 'admin', 'reviewerA', 'reviewerB', 'reviewerCity', 'drafterA1', 'drafterA2', 'drafterB1'] as const;
export type Principal = (typeof PRINCIPALS)[number];

export const READERS: Principal[] = ['admin', 'reviewerA', 'reviewerCity', 'drafterA1'];
export const EDITORS: Principal[] = ['admin', 'drafterA1'];
export const REVIEWERS: Principal[] = ['admin', 'reviewerA', 'reviewerCity'];
export const SIGNED_IN: Principal[] = PRINCIPALS.filter((p) => p !== 'anonymous');
export const ADMIN: Principal[] = ['admin'];

export type Req = { params?: Record<string, string>; query?: string; body?: unknown; /** A multipart body (an upload), sent instead of JSON. */ form?: () => Promise<FormData> };
export type Case = {
  /** Which users may do it. */
  allow: Principal[];
  /** Whether doing it changes the database (checked for allowed users). */
  mutates: boolean;
  request: (f: Fixture) => Req;
  /** For lists everyone may read: what an outsider must not see in their answer. */
  scopedList?: boolean;
};
export type ActionCase = {
  allow: Principal[];
  form: (f: Fixture) => Record<string, string | number>;
  redirects?: boolean;
  /** Allowed users whose call changes the database (default: all of them). */
  mutatesFor?: Principal[];
};
/** Handled by Auth.js itself or only signs in/out: exercised through the browser tests, listed so nothing is missed. */
export type Skip = { skip: string };

/**
 * Further requests to a route already in ROUTES that take another path through it (e.g. another transition), run
 * through the same matrix: `route` names the ROUTES row.
 */
export const VARIANTS: Record<string, Case & { route: string }> = {
  // 撤回: the submitted report has no reviewer's comment, suggestion or verdict yet, so its drafter may take it back.
  'POST /api/reports/[id]/transitions (withdraw)': {
    route: 'POST /api/reports/[id]/transitions',
    allow: ['drafterA1'],
    mutates: true,
    request: (f) => ({ params: { id: String(f.submitted) }, body: { transition: 'withdraw' } }),
  },
};

/** A valid front matter for the draft report (its first save). */
const META = { title: '新标题', recipient: '示例县人民政府', signatureOrgans: ['甲一镇人民政府'], documentDate: '2026-01-20', cc: null, metaVersion: 1 };

export const ROUTES: Record<string, Case | Skip> = {
  'GET /api/auth/[...nextauth]': { skip: 'Auth.js endpoints (CSRF token, session, sign-in): logged in over HTTP in tests/e2e' },
  'POST /api/auth/[...nextauth]': { skip: 'Auth.js endpoints (CSRF token, session, sign-in): logged in over HTTP in tests/e2e' },
  // Everyone signed in has a 待办, empty or not; an outsider's does not name 甲一镇's reports.
  'GET /api/inbox': { allow: SIGNED_IN, mutates: false, request: () => ({}), scopedList: true },
  'GET /public/reports/[id]/record': { allow: [...PRINCIPALS], mutates: false, request: (f) => ({ params: { id: String(f.published) } }) },
  'GET /public/reports/[id]/docx': { allow: [...PRINCIPALS], mutates: false, request: (f) => ({ params: { id: String(f.published) } }) },
  'GET /public/counties/[id]/feed': { allow: [...PRINCIPALS], mutates: false, request: (f) => ({ params: { id: String(f.countyA) } }) },
  'GET /public/counties/[id]/reports.csv': { allow: [...PRINCIPALS], mutates: false, request: (f) => ({ params: { id: String(f.countyA) } }) },
  'GET /public/counties/[id]/reports.json': { allow: [...PRINCIPALS], mutates: false, request: (f) => ({ params: { id: String(f.countyA) } }) },
  'GET /api/health': { allow: [...PRINCIPALS], mutates: false, request: () => ({}) },
  'GET /api/reports': { allow: SIGNED_IN, mutates: false, request: () => ({}), scopedList: true },
  'POST /api/reports': { allow: EDITORS, mutates: true, request: (f) => ({ body: { townshipId: f.townA1, year: 2022 } }) },
  'GET /api/reports/[id]': { allow: READERS, mutates: false, request: (f) => ({ params: { id: String(f.draft) } }) },
  'PATCH /api/reports/[id]': {
    allow: EDITORS,
    mutates: true,
    request: (f) => ({ params: { id: String(f.draft) }, body: META }),
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
    request: (f) => ({ params: { id: String(f.draft), itemId: defaultPack(2025).checklist![0]!.id }, body: { confirmed: true } }),
  },
  'PUT /api/reports/[id]/verdicts/[itemId]': {
    allow: REVIEWERS,
    mutates: true,
    request: (f) => ({ params: { id: String(f.submitted), itemId: 'measures.training' }, body: { verdict: 'fix', note: '请写明培训次数。' } }),
  },
  'PUT /api/reports/[id]/verdicts/[itemId]/done': {
    allow: EDITORS,
    mutates: true,
    request: (f) => ({ params: { id: String(f.draft), itemId: 'measures.reconsideration' }, body: { note: '已在第二段补充复议结果。' } }),
  },
  'GET /api/reports/[id]/suggestions': { allow: READERS, mutates: false, request: (f) => ({ params: { id: String(f.draft) } }) },
  'POST /api/reports/[id]/suggestions': {
    allow: REVIEWERS,
    mutates: true,
    request: (f) => ({
      params: { id: String(f.submitted) },
      body: { sectionKey: 'measures', anchor: { exact: '12场', prefix: '普法活动', suffix: '。', start: 8 }, replacement: '15场', reason: '与台账核对' },
    }),
  },
  'POST /api/reports/[id]/suggestions/[sid]/accept': { allow: EDITORS, mutates: true, request: (f) => ({ params: { id: String(f.draft), sid: String(f.suggestion) } }) },
  'POST /api/reports/[id]/review-import': {
    allow: READERS,
    mutates: true,
    request: (f) => ({ params: { id: String(f.submitted) }, form: () => reviewImportForm(SUBMITTED_TEXT) }),
  },
  'POST /api/reports/[id]/suggestions/[sid]/withdraw': { allow: ['reviewerA'], mutates: true, request: (f) => ({ params: { id: String(f.draft), sid: String(f.suggestion) } }) },
  'POST /api/reports/[id]/suggestions/[sid]/reject': { allow: EDITORS, mutates: true, request: (f) => ({ params: { id: String(f.draft), sid: String(f.suggestion) } }) },
  // Replying to a suggestion: anyone who may comment on the report (its county's reviewers, its township's drafters).
  'POST /api/reports/[id]/suggestions/[sid]/replies': {
    allow: READERS,
    mutates: true,
    request: (f) => ({ params: { id: String(f.draft), sid: String(f.suggestion) }, body: { body: '已按台账核对。' } }),
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
  // Whom a comment may @mention: asked by those who may comment; a drafter of another township (or a reviewer of
  // another county) is refused and learns no names.
  'GET /api/reports/[id]/readers': { allow: READERS, mutates: false, request: (f) => ({ params: { id: String(f.draft) } }) },
  'GET /api/reports/[id]/export': { allow: READERS, mutates: false, request: (f) => ({ params: { id: String(f.draft) }, query: 'format=docx' }) },
  'GET /api/reports/[id]/timeline': { allow: READERS, mutates: false, request: (f) => ({ params: { id: String(f.draft) } }) },
  'GET /api/reports/[id]/checks': { allow: READERS, mutates: false, request: (f) => ({ params: { id: String(f.draft) } }) },
  'GET /api/reports/[id]/coverage': { allow: READERS, mutates: false, request: (f) => ({ params: { id: String(f.draft) } }) },
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
  'GET /api/season-packs': { allow: ADMIN, mutates: false, request: (f) => ({ query: `season=2025&county=${f.countyA}` }) },
  'GET /api/dashboard/coverage': { allow: REVIEWERS, mutates: false, request: (f) => ({ query: `year=2023&county=${f.countyA}` }) },
  'GET /api/dashboard/zip': { allow: REVIEWERS, mutates: false, request: (f) => ({ query: `year=2023&county=${f.countyA}` }) },
  'GET /api/dashboard/similarity': { allow: REVIEWERS, mutates: false, request: (f) => ({ query: `year=2023&county=${f.countyA}` }) },
  'GET /api/reports/[id]/similarity': { allow: READERS, mutates: false, request: (f) => ({ params: { id: String(f.draft) } }) },
};

export const ACTIONS: Record<string, ActionCase | Skip> = {
  'app/(app)/actions.ts#createReportAction': { allow: EDITORS, form: (f) => ({ townshipId: f.townA1, year: 2022 }), redirects: true },
  'app/(app)/actions.ts#logoutAction': { skip: 'signs out through Auth.js; in the browser tests' },
  'app/(auth)/login/actions.ts#loginAction': { skip: 'signs in through Auth.js, open to everyone by design; throttling in accounts.test.ts' },
  'app/(app)/admin/actions.ts#addTownshipAction': { allow: ADMIN, form: (f) => ({ countyId: f.countyA, name: '新河镇', kind: '镇' }) },
  'app/(app)/admin/actions.ts#addUserAction': {
    allow: ADMIN,
    form: (f) => ({ username: 'new-user', displayName: '新人', password: 'password-123', role: 'drafter', townshipId: f.townA1 }),
  },
  'app/(app)/admin/actions.ts#resetPasswordAction': { allow: ADMIN, form: (f) => ({ userId: f.drafterA1.id, password: 'another-pass-1' }) },
  'app/(app)/admin/actions.ts#setUserActiveAction': { allow: ADMIN, form: (f) => ({ userId: f.drafterA1.id, active: 'false' }) },
  'app/(app)/admin/actions.ts#setCollectionDateAction': { allow: ADMIN, form: (f) => ({ countyId: f.countyA, year: 2025, collectionDate: '2026-01-15' }) },
  'app/(app)/admin/actions.ts#setFurtherCountiesAction': { allow: ADMIN, form: (f) => ({ userId: f.reviewerB.id, countyIds: f.countyA }) },
  'app/(app)/admin/actions.ts#setUserScopeAction': { allow: ADMIN, form: (f) => ({ userId: f.drafterA1.id, role: 'drafter', townshipId: f.townA2 }) },
  'app/(app)/admin/actions.ts#unlockUserAction': { allow: ADMIN, form: (f) => ({ userId: f.drafterA1.id }) },
  'app/(app)/admin/actions.ts#endSessionsAction': { allow: ADMIN, form: (f) => ({ userId: f.drafterA1.id }) },
  'app/(app)/admin/actions.ts#deactivateDemoAction': { allow: ADMIN, form: () => ({}) },
  'app/(app)/account/actions.ts#setEmailAction': { allow: SIGNED_IN, form: () => ({ email: 'someone@example.gov.cn' }) },
  'app/(app)/account/actions.ts#changePasswordAction': {
    allow: SIGNED_IN,
    form: () => ({ current: TEST_PASSWORD, password: 'a-new-pass-2026', confirm: 'a-new-pass-2026' }),
  },
  'app/(app)/account/actions.ts#logoutEverywhereAction': { skip: 'ends every session, then signs out through Auth.js; in the browser tests' },
  'app/(app)/inbox/actions.ts#openInboxItemAction': { allow: SIGNED_IN, form: () => ({ key: 'review:1:1', href: '/inbox' }), redirects: true },
  // Only users with unread items in the fixture have something to mark: the draft's drafter, and the reviewers of
  // the submitted report.
  'app/(app)/inbox/actions.ts#markAllReadAction': { allow: SIGNED_IN, form: () => ({}), mutatesFor: ['admin', 'reviewerA', 'reviewerCity', 'drafterA1'] },
  // The second factor. Nobody in the fixture has begun or finished enrolling, so confirming, new recovery codes and
  // turning it off succeed for no one here (each only with a code computed at the time: tests/integration/two-factor.test.ts);
  // the rows show that no user, signed in or not, changes anything with them.
  'app/(app)/account/two-factor/actions.ts#startEnrolmentAction': { allow: SIGNED_IN, form: () => ({}) },
  'app/(app)/account/two-factor/actions.ts#confirmEnrolmentAction': { allow: [], form: () => ({ code: '123456' }) },
  'app/(app)/account/two-factor/actions.ts#regenerateRecoveryCodesAction': { allow: [], form: () => ({ proof: TEST_PASSWORD }) },
  'app/(app)/account/two-factor/actions.ts#disableTwoFactorAction': { allow: [], form: () => ({ proof: TEST_PASSWORD }) },
  'app/(app)/admin/actions.ts#setTwoFactorRolesAction': { allow: ADMIN, form: () => ({ roles: 'admin' }) },
  // Only a session a correct password opened and that still waits for its code reaches it; no principal here has one.
  'app/(auth)/login/verify/actions.ts#verifyCodeAction': { allow: [], form: () => ({ code: '123456', next: '/' }) },
  'app/(auth)/login/verify/actions.ts#cancelSignInAction': { skip: 'signs out through Auth.js; in the browser tests' },
  'app/(app)/admin/actions.ts#importSeasonPackAction': {
    allow: ADMIN,
    form: (f) => ({ countyId: f.countyA, pack: JSON.stringify({ season: 2025, scope: { level: 'county', county: '甲县' }, items: [{ id: 'x1', title: '本县事项', level: 1, parent: null, part: 'measures', keywords: ['本县'], needsFigure: false }] }) }),
  },
  'app/(app)/admin/actions.ts#addCountyAction': { allow: ADMIN, form: () => ({ name: '新安县' }) },
  'app/(app)/admin/actions.ts#renameCountyAction': { allow: ADMIN, form: (f) => ({ countyId: f.countyA, name: '甲新县' }) },
  'app/(app)/admin/actions.ts#setCountyCategoriesAction': { allow: ADMIN, form: (f) => ({ countyId: f.countyA, topicCategory: '综合政务', genreCategory: '报告' }) },
  'app/(app)/admin/actions.ts#renameTownshipAction': { allow: ADMIN, form: (f) => ({ townshipId: f.townA1, name: '甲一新镇', kind: '镇' }) },
  'app/(app)/admin/actions.ts#setTownshipCodeAction': { allow: ADMIN, form: (f) => ({ townshipId: f.townA1, code: '11500230008689762A' }) },
};
