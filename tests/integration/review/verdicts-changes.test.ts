// What changed in a verdict's part since the verdict is worked out once per version of the part and kept with the
// verdict, so viewing the report again compares nothing: before, every view diffed every 需修改 verdict's part anew.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listVerdicts, setVerdict, verdictWork } from '@/lib/review/verdicts';
import { limit } from '@/lib/shared/limits';
import { worldWithSubmitted, type World } from '../../support/db';
import { fillParts, plantFixVerdicts, rewriteParts } from '../../support/review-scale';

let db: Db;
let w: World;
let reportId: number;

beforeEach(async () => {
  ({ db, w, reportId } = await worldWithSubmitted('组织干部学法培训。'));
});

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await run();
  return { ms: performance.now() - t0, value };
}

describe('verdict changes kept per version of the part', () => {
  it('35 需修改 verdicts on four rewritten parts: the first view diffs each part once, the next views diff nothing', async () => {
    await fillParts(db, reportId, w.drafterA1, 30_000);
    expect(await plantFixVerdicts(db, reportId, w.reviewerA.id)).toBe(35);
    await rewriteParts(db, reportId, w.drafterA1, 30_000);

    const d0 = verdictWork.diffs;
    const first = await timed(() => listVerdicts(db, w.reviewerA, reportId));
    // Verdicts given on the same text of a part share one diff: four parts, four diffs.
    expect(verdictWork.diffs - d0).toBe(4);
    expect(first.value).toHaveLength(35);
    expect(first.value.every((v) => v.changed && v.changes && v.changes.inserted > 0 && v.changes.deleted > 0)).toBe(true);
    // A side note, not the comparison of versions: at most verdictChangesChars characters shown, the counts whole.
    for (const v of first.value) {
      expect(v.changes!.parts.reduce((n, p) => n + p.text.length, 0)).toBeLessThanOrEqual(limit('verdictChangesChars') + 1);
      expect(v.changes!.cut).toBe(true);
      expect(v.changes!.inserted + v.changes!.deleted).toBeGreaterThan(limit('verdictChangesChars'));
    }

    const again = await timed(() => listVerdicts(db, w.drafterA1, reportId));
    const third = await timed(() => listVerdicts(db, w.reviewerA, reportId));
    expect(verdictWork.diffs - d0).toBe(4);
    expect(again.value).toEqual(first.value);
    // A view that compares nothing costs a fraction of one that diffs (same run, same machine; no absolute time).
    console.log(`listVerdicts, 35 verdicts × four rewritten parts of 30,000 characters: first view ${first.ms.toFixed(0)} ms, next views ${again.ms.toFixed(0)} / ${third.ms.toFixed(0)} ms`);
    expect(Math.min(again.ms, third.ms)).toBeLessThan(first.ms / 4);
  });

  it('a change to the part, or the verdict given again, is worked out once more; nothing else is', async () => {
    await fillParts(db, reportId, w.drafterA1, 3_000);
    await plantFixVerdicts(db, reportId, w.reviewerA.id);
    await rewriteParts(db, reportId, w.drafterA1, 3_000);
    await listVerdicts(db, w.reviewerA, reportId);

    // Given again on the part as it now stands: nothing changed since this verdict.
    const d0 = verdictWork.diffs;
    await setVerdict(db, w.reviewerA, reportId, 'measures.training', { verdict: 'fix', note: '请写明参训人数。' });
    const list = await listVerdicts(db, w.reviewerA, reportId);
    expect(list.find((v) => v.itemId === 'measures.training')).toMatchObject({ changed: false, changes: null, note: '请写明参训人数。' });
    expect(list.filter((v) => v.changed)).toHaveLength(34);
    expect(verdictWork.diffs - d0).toBe(0);

    // The four parts rewritten once more: the verdicts of each part share one diff, and the re-given one has its own.
    await rewriteParts(db, reportId, w.drafterA1, 3_100);
    const after = await listVerdicts(db, w.reviewerA, reportId);
    expect(verdictWork.diffs - d0).toBe(4 + 1);
    expect(after.find((v) => v.itemId === 'measures.training')!.changed).toBe(true);
    await listVerdicts(db, w.reviewerA, reportId);
    expect(verdictWork.diffs - d0).toBe(5);
  });
});
