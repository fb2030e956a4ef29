// The reviewer checklist is the season pack's: a county pack that words one item otherwise, listens to other words and
// drops another changes what the drafting page's checklist panel is handed, what the checklist and verdict routes
// accept, the dashboard's totals and the no-figures finding of the checks route, on the engine under test. Another
// county keeps the shipped default. Invented pack and text.
import { beforeEach, describe, expect, it } from 'vitest';
import { PUT as checklistRoute } from '@/app/api/reports/[id]/checklist/[itemId]/route';
import { GET as checksRoute } from '@/app/api/reports/[id]/checks/route';
import { PUT as verdictRoute } from '@/app/api/reports/[id]/verdicts/[itemId]/route';
import type { Db } from '@/db/client';
import { loadDashboard } from '@/lib/dashboard/service';
import { checklistFor, packChecklist } from '@/lib/domain/checklists';
import type { Actor } from '@/lib/domain/permissions';
import { defaultPack } from '@/lib/domain/season/defaults';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { loadEditorData, saveSection } from '@/lib/drafting/service';
import { createReport } from '@/lib/reports/service';
import { listVerdicts } from '@/lib/review/verdicts';
import { transitionReport } from '@/lib/review/transitions';
import { effectivePack, importPack } from '@/lib/season/store';
import { setActor } from '../../support/mock-session';
import { freshWorld, type World } from '../../support/db';

let db: Db;
let w: World;

const DEFAULT = packChecklist(defaultPack(2025));
const LABEL = '村居法律顾问：联系村（社区）次数、审查村规民约份数';

/** 甲县's 2025 pack: its checklist is the default one with the legal-advisers item reworded and 述法 dropped. */
const COUNTY_PACK = {
  season: 2025,
  scope: { level: 'county', county: '甲县' },
  checklist: DEFAULT.filter((i) => i.id !== 'leaders.report-on-law').map((i) =>
    i.id === 'measures.legal-advisers' ? { ...i, label: LABEL, hints: ['村居法律顾问'], needsFigure: true } : i,
  ),
};

async function call<T>(route: (req: Request, ctx: { params: Promise<T> }) => Promise<Response>, actor: Actor, params: T, method = 'GET', body?: unknown) {
  setActor(actor);
  const init: RequestInit = body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  return route(new Request('http://t/x', init), { params: Promise.resolve(params) });
}

async function report(townshipId: number, drafter: Actor, measures: string): Promise<number> {
  const r = await createReport(db, drafter, { townshipId, year: 2025 }, new Date('2025-12-01T09:00:00+08:00'));
  await saveSection(db, drafter, r.id, 'measures', { content: docFromText(measures), version: 1 });
  return r.id;
}

beforeEach(async () => {
  ({ db, w } = await freshWorld());
});

describe('the checklist of the season pack', () => {
  it("a county pack's changed item changes the panel, the routes, the dashboard and the checks", async () => {
    const text = '全面推行村居法律顾问制度，实现村（社区）全覆盖。';
    const a1 = await report(w.townA1, w.drafterA1, text);
    const b1 = await report(w.townB1, w.drafterB1, text);

    // Before the import: the shipped checklist.
    const before = (await loadEditorData(db, w.drafterA1, a1)).seasonPack;
    expect(packChecklist(before)).toEqual(DEFAULT);
    const findings = async (id: number, actor: Actor) =>
      ((await (await call(checksRoute, actor, { id: String(id) })).json()) as { findings: Array<{ code: string; message: string }> }).findings.filter((f) => f.code === 'no-figures');
    expect((await findings(a1, w.drafterA1)).map((f) => f.message)).toEqual([expect.stringContaining('“法律顾问”：写到了“法律顾问”')]);
    const totalBefore = (await loadDashboard(db, w.reviewerA, w.countyA, 2025)).rows.find((r) => r.reportId === a1)!.checklistTotal;
    expect(totalBefore).toBe(DEFAULT.length);
    expect((await call(checklistRoute, w.drafterA1, { id: String(a1), itemId: 'leaders.report-on-law' }, 'PUT', { confirmed: true })).status).toBe(200);

    await importPack(db, w.admin, JSON.stringify(COUNTY_PACK));

    // The panel is handed the county's items: the reworded label and words, without 述法.
    const pack = (await loadEditorData(db, w.drafterA1, a1)).seasonPack;
    const measures = checklistFor(packChecklist(pack), 'measures');
    expect(measures.find((i) => i.id === 'measures.legal-advisers')).toMatchObject({ label: LABEL, hints: ['村居法律顾问'] });
    expect(checklistFor(packChecklist(pack), 'leaders').map((i) => i.id)).not.toContain('leaders.report-on-law');
    // 乙县 keeps the default.
    expect(packChecklist((await loadEditorData(db, w.drafterB1, b1)).seasonPack)).toEqual(DEFAULT);

    // The checklist route: the dropped item is refused, the changed one ticks.
    const gone = await call(checklistRoute, w.drafterA1, { id: String(a1), itemId: 'leaders.report-on-law' }, 'PUT', { confirmed: true });
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { error: string }).error).toContain('清单中没有这一项');
    expect((await call(checklistRoute, w.drafterA1, { id: String(a1), itemId: 'measures.legal-advisers' }, 'PUT', { confirmed: true })).status).toBe(200);
    expect((await call(checklistRoute, w.drafterB1, { id: String(b1), itemId: 'leaders.report-on-law' }, 'PUT', { confirmed: true })).status).toBe(200);

    // The dashboard counts the pack's items, and the tick on the dropped item no longer counts.
    const row = (await loadDashboard(db, w.reviewerA, w.countyA, 2025)).rows.find((r) => r.reportId === a1)!;
    expect(row.checklistTotal).toBe(DEFAULT.length - 1);
    expect(row.checklistDone).toBe(1);

    // The checks route names the item as the pack words it.
    expect((await findings(a1, w.drafterA1)).map((f) => f.message)).toEqual([expect.stringContaining('“村居法律顾问”：写到了“村居法律顾问”')]);
    expect((await findings(b1, w.drafterB1)).map((f) => f.message)).toEqual([expect.stringContaining('“法律顾问”：写到了“法律顾问”')]);

    // Verdicts: given on the pack's items, listed with the pack's label; the dropped item is refused.
    await transitionReport(db, w.drafterA1, a1, { transition: 'submit' });
    expect((await call(verdictRoute, w.reviewerA, { id: String(a1), itemId: 'measures.legal-advisers' }, 'PUT', { verdict: 'fix', note: '请写明次数。' })).status).toBe(200);
    expect((await call(verdictRoute, w.reviewerA, { id: String(a1), itemId: 'leaders.report-on-law' }, 'PUT', { verdict: 'pass' })).status).toBe(404);
    const verdicts = await listVerdicts(db, w.drafterA1, a1);
    expect(verdicts).toMatchObject([{ itemId: 'measures.legal-advisers', label: LABEL, verdict: 'fix' }]);
    // The passage the verdict points at is found by the pack's words.
    expect(verdicts[0]!.passage).toContain('村居法律顾问');
  });

  it('a national pack imported without a checklist keeps the shipped one of its season', async () => {
    const national = { ...defaultPack(2025), checklist: undefined, layers: undefined };
    await importPack(db, w.admin, JSON.stringify(national));
    expect((await effectivePack(db, 2025, w.countyA)).checklist).toEqual(DEFAULT);
  });
});
