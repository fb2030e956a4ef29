// The editor page of a report under heavy review (four parts of 95,000 characters, pending suggestions on passages
// the drafter changed since, 35 需修改 verdicts on rewritten parts) costs its placing and diffing once per version of
// the parts; viewing it again does no locating and no diffing, at n suggestions as at 4n.
import { describe, expect, it } from 'vitest';
import { anchorWork } from '@/lib/domain/anchor';
import { loadEditorData } from '@/lib/drafting/service';
import { placementWork } from '@/lib/review/suggestions';
import { verdictWork } from '@/lib/review/verdicts';
import { worldWithSubmitted } from '../../support/db';
import { fillParts, plantChangedSuggestions, plantFixVerdicts, rewriteParts } from '../../support/review-scale';

async function scaled(n: number) {
  const { db, w, reportId } = await worldWithSubmitted('组织干部学法培训。');
  await fillParts(db, reportId, w.drafterA1);
  await plantFixVerdicts(db, reportId, w.reviewerA.id);
  await rewriteParts(db, reportId, w.drafterA1);
  await plantChangedSuggestions(db, reportId, w.reviewerA.id, n, w.drafterA1);
  const view = async () => {
    const before = { located: placementWork.located, chars: anchorWork.chars, diffs: verdictWork.diffs, t: performance.now() };
    const data = await loadEditorData(db, w.reviewerA, reportId);
    return {
      ms: performance.now() - before.t,
      located: placementWork.located - before.located,
      chars: anchorWork.chars - before.chars,
      diffs: verdictWork.diffs - before.diffs,
      pending: data.review.suggestions.filter((s) => s.state === 'pending').length,
    };
  };
  return { first: await view(), again: await view(), third: await view() };
}

describe('the editor page at n and 4n pending suggestions', () => {
  it('places each suggestion and diffs each changed passage once; the next views locate and diff nothing', async () => {
    const small = await scaled(250);
    const large = await scaled(1000);
    console.log(
      `loadEditorData, four parts of 95,000 characters, 35 需修改 verdicts: ` +
        `n=250 first ${small.first.ms.toFixed(0)} ms, again ${small.again.ms.toFixed(0)}/${small.third.ms.toFixed(0)} ms; ` +
        `4n=1000 first ${large.first.ms.toFixed(0)} ms, again ${large.again.ms.toFixed(0)}/${large.third.ms.toFixed(0)} ms`,
    );
    for (const [n, r] of [
      [250, small],
      [1000, large],
    ] as const) {
      // Each verdict's changed passage is diffed once (verdicts whose passages changed alike share one), however many
      // suggestions there are.
      expect(r.first).toMatchObject({ located: n, diffs: small.first.diffs, pending: n });
      expect(r.first.diffs).toBeGreaterThan(0);
      expect(r.first.diffs).toBeLessThanOrEqual(35);
      expect(r.again).toMatchObject({ located: 0, chars: 0, diffs: 0, pending: n });
      expect(r.third).toMatchObject({ located: 0, chars: 0, diffs: 0, pending: n });
    }
    // A view that redoes no placing costs a fraction of the one that placed (same run: ratios, not absolute times).
    expect(Math.min(large.again.ms, large.third.ms)).toBeLessThan(large.first.ms / 3);
    // The first view grows no faster than the suggestions (linear would be 4×): the verdicts' diffs are bounded
    // (diffTextBounded: a rewritten part is compared by paragraph, not segmented word by word), and each suggestion
    // is located once. It was about 3 s at both sizes before, nearly all of it the verdicts' word diffs.
    expect(large.first.ms).toBeLessThan(small.first.ms * 10 + 20);
  }, 180_000);
});
