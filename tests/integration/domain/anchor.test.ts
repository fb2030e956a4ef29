// Anchoring a long quote in a long text of repeated phrases (lib/domain/anchor.ts): bounded work, and the quote limit through the comments route.
// One of the hardening findings, against the real services and route handlers: each input at and past its limit is
// refused with a 4xx and a Chinese message and changes nothing; work over user text is compared at n and 4n.
import { write } from '@/db/tx';
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { POST as postComment } from '@/app/api/reports/[id]/comments/route';
import type { Db } from '@/db/client';
import { reportSections } from '@/db/schema';
import { limit } from '@/lib/shared/limits';
import { anchorWork, findAnchor } from '@/lib/domain/anchor';
import { setActor } from '../../support/mock-session';
import { snapshot, type World } from '../../support/db';
import { seededText } from '../../support/seeded-text';
import { JSON_HEADERS, ctx, drafterWithReport, expectRefused } from '../../support/requests';

let db: Db, w: World, reportId: number;
beforeEach(async () => ({ db, w, reportId } = await drafterWithReport()));

describe('finding 2: anchoring a long quote in a long text of repeated phrases', () => {
  const phrase = '坚持依法行政，推进严格规范公正文明执法。';
  // Repeated phrases in a shuffled order: every piece of the quote stands in many places (the old search took 8–13 s).
  const phrases = ['坚持依法行政，', '推进严格规范公正文明执法，', '深化法治宣传教育，', '完善矛盾纠纷多元化解机制，', '加强行政复议工作，', '落实法律顾问制度。'];
  const shuffled = (n: number, seed: number) => seededText(n, seed, phrases);
  const quote = shuffled(limit('anchorQuoteChars'), 7).slice(0, limit('anchorQuoteChars') - 1) + '尾';
  const work = (n: number) => {
    const text = shuffled(n, 1);
    anchorWork.chars = 0;
    const t0 = performance.now();
    // The quote's last character was edited away and its context is gone, so the fuzzy steps run.
    findAnchor(text, { exact: quote, prefix: '开头', suffix: '结尾', start: 10 });
    return { chars: anchorWork.chars, ms: performance.now() - t0, len: text.length };
  };

  it('does bounded work: at 4n the fuzzy steps compare at most about as many characters as at n', () => {
    work(2_000);
    const small = work(10_000);
    const large = work(40_000);
    expect(large.len).toBeGreaterThanOrEqual(4 * small.len - 50);
    // Capped candidates: the characters compared do not grow with the text (<= 1.5×), let alone 4× or 16×.
    expect(large.chars).toBeLessThanOrEqual(small.chars * 1.5 + 1000);
    // Time: linear scans only, so at most ~4× plus noise; a quadratic search would be 16×.
    expect(large.ms).toBeLessThan(small.ms * 10 + 20);
  });

  it('a comment whose quote is longer than the limit is refused with a Chinese message', async () => {
    await write(db, () =>
      db
        .update(reportSections)
        .set({ plainText: phrase.repeat(100) })
        .where(eq(reportSections.reportId, reportId)),
    );
    setActor(w.reviewerA);
    const body = { sectionKey: 'measures', body: '请核实。', anchor: { exact: phrase.repeat(30), prefix: '', suffix: '', start: 0 } };
    const before = await snapshot(db);
    const res = await postComment(new Request('http://t/x', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) }), ctx({ id: String(reportId) }));
    await expectRefused(res, 400);
    expect(await snapshot(db)).toEqual(before);
  });
});
