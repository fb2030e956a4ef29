// Comparing two very different long versions (lib/review/versions.ts, lib/domain/diff.ts): bounded, about linear, nothing lost, computed once.
// One of the hardening findings, against the real services and route handlers: each input at and past its limit is
// refused with a 4xx and a Chinese message and changes nothing; work over user text is compared at n and 4n.
import { write } from '@/db/tx';
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { reportSections } from '@/db/schema';
import { diffTextDetailed } from '@/lib/domain/diff';
import { compareVersions, saveNamedVersion } from '@/lib/review/versions';
import { type World } from '../../support/db';
import { seededText } from '../../support/seeded-text';
import { drafterWithReport } from '../../support/requests';

let db: Db, w: World, reportId: number;
beforeEach(async () => ({ db, w, reportId } = await drafterWithReport()));

describe('finding 3: comparing two very different long versions', () => {
  const words = '依法行政制度建设执法监督复议诉讼普法宣传基层治理法律顾问合法性审查'.split('');
  const random = (n: number, seed: number) => seededText(n, seed, words, (state) => (state % 29 === 0 ? '。\n' : ''));
  const time = (n: number) => {
    const a = random(n, 1);
    const b = random(n, 2);
    const t0 = performance.now();
    const d = diffTextDetailed(a, b);
    return { ms: performance.now() - t0, d, a, b };
  };

  it('falls back to a paragraph compare within its budget, grows about linearly, and loses no text', () => {
    time(1_000);
    const small = time(3_000);
    const large = time(12_000);
    expect(large.d.coarse).toBe(true);
    expect(large.ms).toBeLessThan(small.ms * 12 + 50);
    const side = (parts: typeof large.d.parts, t: 'insert' | 'delete') => parts.filter((p) => p.type === 'equal' || p.type === t).map((p) => p.text).join('');
    expect(side(large.d.parts, 'delete')).toBe(large.a);
    expect(side(large.d.parts, 'insert')).toBe(large.b);
  });

  it('compares two stored versions once and keeps the result', async () => {
    await write(db, () =>
      db
        .update(reportSections)
        .set({ plainText: random(12_000, 3) })
        .where(eq(reportSections.reportId, reportId)),
    );
    const a = await saveNamedVersion(db, w.drafterA1, reportId, { label: '甲' });
    await write(db, () =>
      db
        .update(reportSections)
        .set({ plainText: random(12_000, 4) })
        .where(eq(reportSections.reportId, reportId)),
    );
    const b = await saveNamedVersion(db, w.drafterA1, reportId, { label: '乙' });
    const t0 = performance.now();
    const first = await compareVersions(db, w.drafterA1, reportId, a.id, b.id);
    const firstMs = performance.now() - t0;
    const t1 = performance.now();
    const second = await compareVersions(db, w.drafterA1, reportId, a.id, b.id);
    const secondMs = performance.now() - t1;
    expect(second.sections).toBe(first.sections);
    expect(first.sections.some((s) => s.coarse)).toBe(true);
    expect(secondMs).toBeLessThan(firstMs);
  });
});
