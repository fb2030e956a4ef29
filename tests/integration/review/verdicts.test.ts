// Per-item verdicts through the real route: the reviewer marks items 通过 / 需修改 while the report waits for review;
// returned, the 需修改 items are the drafter's to-do, ticked off when the part's text changes; resubmitted, the
// reviewer sees which items' parts changed.
import { beforeEach, describe, expect, it } from 'vitest';
import { suggestions } from '@/db/schema';
import { PUT as verdictRoute } from '@/app/api/reports/[id]/verdicts/[itemId]/route';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/domain/permissions';
import { loadEditorData, saveSection } from '@/lib/drafting/service';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { transitionReport } from '@/lib/review/transitions';
import { listVerdicts, markVerdictDone } from '@/lib/review/verdicts';
import { PUT as doneRoute } from '@/app/api/reports/[id]/verdicts/[itemId]/done/route';
import { acceptSuggestion, createSuggestion } from '@/lib/review/suggestions';
import { listAudit } from '@/lib/audit/log';
import { setActor } from '../../support/mock-session';
import { expectRefusedUnchanged } from '../../support/requests';
import { worldWithSubmitted, type World } from '../../support/db';

let db: Db, w: World, reportId: number;

beforeEach(async () => {
  ({ db, w, reportId } = await worldWithSubmitted('组织干部学法培训。'));
});

async function put(actor: Actor, itemId: string, body: unknown) {
  setActor(actor);
  return verdictRoute(new Request('http://t/x', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), {
    params: Promise.resolve({ id: String(reportId), itemId }),
  });
}

describe('per-item verdicts', () => {
  it('become the drafter’s to-do list and are ticked off as the part changes', async () => {
    expect((await put(w.reviewerA, 'measures.training', { verdict: 'fix', note: '请写明培训次数和参训人数。' })).status).toBe(200);
    expect((await put(w.reviewerA, 'leaders.study', { verdict: 'pass' })).status).toBe(200);
    await transitionReport(db, w.reviewerA, reportId, { transition: 'return', reason: '见逐项意见。' });

    const todo = (await loadEditorData(db, w.drafterA1, reportId)).review.verdicts.filter((v) => v.verdict === 'fix');
    expect(todo).toMatchObject([{ itemId: 'measures.training', note: '请写明培训次数和参训人数。', changed: false, sectionLabel: '一、主要举措和成效' }]);

    const version = (await loadEditorData(db, w.drafterA1, reportId)).sections.find((s) => s.key === 'measures')!.version;
    await saveSection(db, w.drafterA1, reportId, 'measures', { content: docFromText('组织干部学法培训4期，参训120人次。'), version });
    expect((await listVerdicts(db, w.drafterA1, reportId)).find((v) => v.itemId === 'measures.training')!.changed).toBe(true);
    // The part of the item that passed did not change.
    expect((await listVerdicts(db, w.drafterA1, reportId)).find((v) => v.itemId === 'leaders.study')!.changed).toBe(false);

    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    const reviewer = await loadEditorData(db, w.reviewerA, reportId);
    expect(reviewer.review.mayReview).toBe(true);
    const training = reviewer.review.verdicts.find((v) => v.itemId === 'measures.training')!;
    expect(training).toMatchObject({ changed: true, reviewerName: w.reviewerA.displayName });
    // What changed in the item's part since the verdict: the new words in, the old out.
    expect(training.changes!.parts.filter((p) => p.type === 'insert').map((p) => p.text).join('')).toContain('4期，参训120人次');
    expect(training.changes!.inserted).toBeGreaterThan(0);
    expect(reviewer.review.verdicts.find((v) => v.itemId === 'leaders.study')!.changes).toBeNull();
    // Taken back.
    expect((await put(w.reviewerA, 'measures.training', { verdict: null })).status).toBe(200);
    expect((await listVerdicts(db, w.reviewerA, reportId)).map((v) => v.itemId)).toEqual(['leaders.study']);
  });

  it('refuses drafters, other counties, unknown items, a 需修改 without a note, and a report not under review', async () => {
    const cases: Array<[Actor, string, unknown, number]> = [
      [w.drafterA1, 'measures.training', { verdict: 'pass' }, 403],
      [w.reviewerB, 'measures.training', { verdict: 'pass' }, 403],
      [w.reviewerA, 'measures.nothing', { verdict: 'pass' }, 404],
      [w.reviewerA, 'measures.training', { verdict: 'fix' }, 400],
      [w.reviewerA, 'measures.training', { verdict: 'maybe' }, 400],
      [w.reviewerA, 'measures.training', { verdict: 'fix', note: '注'.repeat(501) }, 400],
    ];
    for (const [actor, item, body, status] of cases) await expectRefusedUnchanged(db, () => put(actor, item, body), status, `${item} ${JSON.stringify(body)}`);
    await transitionReport(db, w.reviewerA, reportId, { transition: 'approve' });
    expect((await put(w.reviewerA, 'measures.training', { verdict: 'pass' })).status).toBe(403);
  });
});

describe('verdict to-dos that tell the truth', () => {
  const PART = ['调整充实法治建设领导小组，专题研究法治工作4次。', '全面落实行政执法三项制度，开展执法检查20次。'].join('\n');
  let world: { db: Db; w: World; reportId: number };
  const version = async () => (await loadEditorData(world.db, world.w.drafterA1, world.reportId)).sections.find((s) => s.key === 'measures')!.version;
  const item = async (who: Actor, id = 'measures.enforcement') => (await listVerdicts(world.db, who, world.reportId)).find((v) => v.itemId === id)!;
  async function done(actor: Actor, itemId: string, body: unknown) {
    setActor(actor);
    return doneRoute(new Request('http://t/x', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), {
      params: Promise.resolve({ id: String(world.reportId), itemId }),
    });
  }

  beforeEach(async () => {
    world = await worldWithSubmitted(PART);
    ({ db, w, reportId } = world);
    // The reviewer suggests 4次→5次 under 组织领导 and asks for the 行政执法 figures, then returns the report.
    await createSuggestion(db, w.reviewerA, reportId, { sectionKey: 'measures', anchor: { exact: '4次', prefix: '专题研究法治工作', suffix: '。', start: PART.indexOf('4次') }, replacement: '5次', reason: null });
    expect((await put(w.reviewerA, 'measures.enforcement', { verdict: 'fix', note: '请写明行政处罚的件数。' })).status).toBe(200);
    await transitionReport(db, w.reviewerA, reportId, { transition: 'return', reason: '见逐项意见。' });
  });

  it('an unrelated accepted suggestion leaves the item open; a change to its passage ticks it, and the reviewer sees just that change', async () => {
    expect(await item(w.drafterA1)).toMatchObject({ passage: '全面落实行政执法三项制度，开展执法检查20次。', changed: false, done: null });
    const [s] = (await db.select().from(suggestions)).filter((x) => x.reportId === reportId);
    await acceptSuggestion(db, w.drafterA1, reportId, s!.id, { version: await version() });
    expect((await loadEditorData(db, w.drafterA1, reportId)).sections.find((x) => x.key === 'measures')!.plainText).toContain('5次');
    // The old rule (the whole part changed) would have ticked it here.
    expect(await item(w.drafterA1)).toMatchObject({ changed: false, changes: null });

    await saveSection(db, w.drafterA1, reportId, 'measures', { content: docFromText(PART.replace('4次', '5次').replace('20次。', '20次，作出行政处罚6件。')), version: await version() });
    expect((await item(w.drafterA1)).changed).toBe(true);
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    const seen = await item(w.reviewerA);
    expect(seen.changes!.parts.filter((p) => p.type === 'insert').map((p) => p.text).join('')).toBe('，作出行政处罚6件');
    // The 组织领导 change is not part of this item's change.
    expect(seen.changes!.parts.map((p) => p.text).join('')).not.toContain('5次');
  });

  it('the drafter can mark it done with a word (audited), take that back, and a new verdict starts the to-do again', async () => {
    const res = await done(w.drafterA1, 'measures.enforcement', { note: '  行政处罚数字已写在第三部分。 ' });
    expect(res.status).toBe(200);
    expect((await res.json()).verdict).toMatchObject({ itemId: 'measures.enforcement', changed: false, done: { note: '行政处罚数字已写在第三部分。', byName: w.drafterA1.displayName } });
    expect((await listAudit(db, w.admin, {})).rows.find((r) => r.action === 'verdict.done')!.summary).toBe('清单项“行政执法：执法证、综合行政执法、行政执法三项制度、检查和处罚数量”：起草人说明已修改');
    expect((await done(w.drafterA1, 'measures.enforcement', { note: null })).status).toBe(200);
    expect((await item(w.drafterA1)).done).toBeNull();

    await markVerdictDone(db, w.drafterA1, reportId, 'measures.enforcement', { note: '已补充。' });
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    expect((await item(w.reviewerA)).done).toMatchObject({ note: '已补充。' });
    await put(w.reviewerA, 'measures.enforcement', { verdict: 'fix', note: '仍缺少处罚件数。' });
    expect(await item(w.reviewerA)).toMatchObject({ note: '仍缺少处罚件数。', done: null, changed: false });
  });

  it('marking done is refused to others, for an item without a 需修改, with no word or too many, and while locked; nothing changes', async () => {
    const cases: Array<[Actor, string, unknown, number]> = [
      [w.reviewerA, 'measures.enforcement', { note: '已改。' }, 403],
      [w.drafterA2, 'measures.enforcement', { note: '已改。' }, 403],
      [w.drafterB1, 'measures.enforcement', { note: '已改。' }, 403],
      [w.drafterA1, 'measures.training', { note: '已改。' }, 404],
      [w.drafterA1, 'measures.nothing', { note: '已改。' }, 404],
      [w.drafterA1, 'measures.enforcement', { note: '   ' }, 400],
      [w.drafterA1, 'measures.enforcement', {}, 400],
      [w.drafterA1, 'measures.enforcement', { note: '改'.repeat(201) }, 400],
      [w.drafterA1, 'measures.enforcement', { note: 12 }, 400],
    ];
    for (const [actor, itemId, body, status] of cases)
      await expectRefusedUnchanged(db, () => done(actor, itemId, body), status, `${actor.displayName} ${itemId} ${JSON.stringify(body)}`);
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    expect((await done(w.drafterA1, 'measures.enforcement', { note: '已改。' })).status).toBe(403);
  });
});
