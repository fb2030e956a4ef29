// Per-item verdicts through the real route: the reviewer marks items 通过 / 需修改 while the report waits for review;
// returned, the 需修改 items are the drafter's to-do, ticked off when the part's text changes; resubmitted, the
// reviewer sees which items' parts changed.
import { beforeEach, describe, expect, it } from 'vitest';
import { PUT as verdictRoute } from '@/app/api/reports/[id]/verdicts/[itemId]/route';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/domain/permissions';
import { loadEditorData, saveSection } from '@/lib/drafting/service';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { transitionReport } from '@/lib/review/transitions';
import { listVerdicts } from '@/lib/review/verdicts';
import { setActor } from '../../support/mock-session';
import { snapshot, worldWithSubmitted, type World } from '../../support/db';

let db: Db;
let w: World;
let reportId: number;

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
    for (const [actor, item, body, status] of cases) {
      const before = await snapshot(db);
      const res = await put(actor, item, body);
      expect(res.status, `${item} ${JSON.stringify(body)}`).toBe(status);
      expect((await res.json()).error).toMatch(/[\u4e00-\u9fa5]/);
      expect(await snapshot(db)).toEqual(before);
    }
    await transitionReport(db, w.reviewerA, reportId, { transition: 'approve' });
    expect((await put(w.reviewerA, 'measures.training', { verdict: 'pass' })).status).toBe(403);
  });
});
