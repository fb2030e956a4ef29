// What changed in a verdict's passage since the verdict is worked out once per version of the part and kept with the
// verdict, so viewing the report again compares nothing: before, every view diffed every 需修改 verdict's part anew.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listVerdicts, setVerdict, verdictWork } from '@/lib/review/verdicts';
import { limit } from '@/lib/shared/limits';
import { and, eq } from 'drizzle-orm';
import { reportSections } from '@/db/schema';
import { findChecklistItem, packChecklist } from '@/lib/domain/checklists';
import { defaultPack } from '@/lib/domain/season/defaults';
import { verdictPassage } from '@/lib/domain/verdict-passage';
import { worldWithSubmitted, type World } from '../../support/db';
import { fillParts, plantFixVerdicts, rewriteParts } from '../../support/review-scale';

let db: Db, w: World, reportId: number;

beforeEach(async () => {
  ({ db, w, reportId } = await worldWithSubmitted('组织干部学法培训。'));
});

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await run();
  return { ms: performance.now() - t0, value };
}

describe('verdict changes kept per version of the part', () => {
  it('35 需修改 verdicts on four rewritten parts: the first view diffs each changed passage once, the next views diff nothing', async () => {
    await fillParts(db, reportId, w.drafterA1, 30_000);
    expect(await plantFixVerdicts(db, reportId, w.reviewerA.id)).toBe(35);
    await rewriteParts(db, reportId, w.drafterA1, 30_000);

    const d0 = verdictWork.diffs;
    const first = await timed(() => listVerdicts(db, w.reviewerA, reportId));
    // Each verdict's passage (the paragraphs holding its item's evidence words) is compared once; verdicts whose
    // passages changed alike share one diff.
    const firstDiffs = verdictWork.diffs - d0;
    const changed = first.value.filter((v) => v.changed);
    expect(first.value).toHaveLength(35);
    expect(changed.length).toBeGreaterThan(0);
    expect(firstDiffs).toBeGreaterThan(0);
    expect(firstDiffs).toBeLessThanOrEqual(changed.length);
    expect(changed.every((v) => v.changes && v.changes.inserted + v.changes.deleted > 0)).toBe(true);
    expect(first.value.filter((v) => !v.changed).every((v) => v.changes === null)).toBe(true);
    // A side note, not the comparison of versions: at most verdictChangesChars characters shown, the counts whole.
    for (const v of changed) {
      expect(v.changes!.parts.reduce((n, p) => n + p.text.length, 0)).toBeLessThanOrEqual(limit('verdictChangesChars') + 1);
      if (v.changes!.cut) expect(v.changes!.inserted + v.changes!.deleted).toBeGreaterThan(limit('verdictChangesChars'));
    }

    const again = await timed(() => listVerdicts(db, w.drafterA1, reportId));
    const third = await timed(() => listVerdicts(db, w.reviewerA, reportId));
    expect(verdictWork.diffs - d0).toBe(firstDiffs);
    expect(again.value).toEqual(first.value);
    // A view that compares nothing costs a fraction of one that diffs (same run, same machine; no absolute time).
    console.log(`listVerdicts, 35 verdicts × four rewritten parts of 30,000 characters: first view ${first.ms.toFixed(0)} ms, next views ${again.ms.toFixed(0)} / ${third.ms.toFixed(0)} ms`);
    expect(Math.min(again.ms, third.ms)).toBeLessThan(first.ms / 4);
  });

  it('a change to the part, or the verdict given again, is worked out once more; nothing else is', async () => {
    await fillParts(db, reportId, w.drafterA1, 3_000);
    await plantFixVerdicts(db, reportId, w.reviewerA.id);
    await rewriteParts(db, reportId, w.drafterA1, 3_000);
    const before = (await listVerdicts(db, w.reviewerA, reportId)).filter((v) => v.changed && v.itemId !== 'measures.training').length;

    // Given again on the part as it now stands: nothing changed since this verdict.
    const d0 = verdictWork.diffs;
    await setVerdict(db, w.reviewerA, reportId, 'measures.training', { verdict: 'fix', note: '请写明参训人数。' });
    const list = await listVerdicts(db, w.reviewerA, reportId);
    expect(list.find((v) => v.itemId === 'measures.training')).toMatchObject({ changed: false, changes: null, note: '请写明参训人数。' });
    expect(list.filter((v) => v.changed)).toHaveLength(before);
    expect(verdictWork.diffs - d0).toBe(0);

    // The four parts rewritten once more: each verdict is compared again, once; the re-given one against the passage it
    // was given on.
    const given = list.find((v) => v.itemId === 'measures.training')!.passage;
    await rewriteParts(db, reportId, w.drafterA1, 3_100);
    const after = await listVerdicts(db, w.reviewerA, reportId);
    const recomputed = verdictWork.diffs - d0;
    expect(recomputed).toBeGreaterThan(0);
    expect(recomputed).toBeLessThanOrEqual(after.filter((v) => v.changed).length);
    const measures = (await db.select({ t: reportSections.plainText }).from(reportSections).where(and(eq(reportSections.reportId, reportId), eq(reportSections.sectionKey, 'measures'))))[0]!.t;
    expect(after.find((v) => v.itemId === 'measures.training')!.changed).toBe(verdictPassage(measures, findChecklistItem(packChecklist(defaultPack(2025)), 'measures.training')!) !== given);
    await listVerdicts(db, w.reviewerA, reportId);
    expect(verdictWork.diffs - d0).toBe(recomputed);
  });
});
