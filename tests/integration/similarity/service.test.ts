import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { SYSTEM_ACTOR } from '@/lib/domain/permissions';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { createTownship } from '@/lib/directory/townships';
import { loadEditorData, saveSection } from '@/lib/drafting/service';
import { createReport } from '@/lib/reports/service';
import { countySimilarity, highestScores, reportSimilarity, sideBySide } from '@/lib/similarity/service';
import { DRAFT_NOW, freshWorld, type World } from '../../support/db';
import { OWN_B, PART_A, PART_B, PART_C, SHARED_A } from '../../support/similar-fixtures';

let db: Db;
let w: World;
let townA3: number;

async function write(reportId: number, actor: World['admin'], part: 'measures' | 'leaders', text: string) {
  const version = (await loadEditorData(db, actor, reportId)).sections.find((s) => s.key === part)!.version;
  await saveSection(db, actor, reportId, part, { content: docFromText(text), version });
}

/** Three townships of 甲县, 2025: 甲一镇 and 甲二乡 share a paragraph in part 一 (figures changed, two characters altered). */
async function threeReports() {
  townA3 = (await createTownship(db, SYSTEM_ACTOR, { countyId: w.countyA, name: '甲三街道', kind: '街道' })).id;
  const r1 = (await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2025 }, DRAFT_NOW)).id;
  const r2 = (await createReport(db, w.drafterA2, { townshipId: w.townA2, year: 2025 }, DRAFT_NOW)).id;
  const r3 = (await createReport(db, w.admin, { townshipId: townA3, year: 2025 }, DRAFT_NOW)).id;
  await write(r1, w.drafterA1, 'measures', PART_A);
  await write(r2, w.drafterA2, 'measures', PART_B);
  await write(r3, w.admin, 'measures', PART_C);
  return { r1, r2, r3 };
}

beforeEach(async () => ({ db, w } = await freshWorld()));

describe('county similarity', () => {
  it('puts the copied pair first, well above the distinct pairs, with the highest score per report', async () => {
    const { r1, r2, r3 } = await threeReports();
    const { pairs } = await countySimilarity(db, w.reviewerA, undefined, 2025);
    expect(pairs[0]).toMatchObject({ a: { reportId: r1, township: '甲一镇' }, b: { reportId: r2, township: '甲二乡' }, part: 'measures' });
    expect(pairs[0]!.score).toBeGreaterThan(0.6);
    // The template's own wording (other parts) is shared by all three; the distinct part 一 is shared with no one.
    for (const p of pairs.slice(1)) expect(p.part === 'measures' ? p.score : 0).toBeLessThan(0.1);
    expect(pairs.map((p) => p.score)).toEqual([...pairs.map((p) => p.score)].sort((x, y) => y - x));
    const top = highestScores({ pairs });
    expect(top.get(r1)).toBe(pairs[0]!.score);
    expect(top.get(r3) ?? 0).toBeLessThan(pairs[0]!.score);
  });

  it('is for those who may see the county', async () => {
    await threeReports();
    await expect(countySimilarity(db, w.drafterA1, w.countyA, 2025)).rejects.toThrow(expect.objectContaining({ status: 403 }));
    await expect(countySimilarity(db, w.reviewerB, w.countyA, 2025)).rejects.toThrow(expect.objectContaining({ status: 403 }));
    expect((await countySimilarity(db, w.admin, w.countyB, 2025)).pairs).toEqual([]);
  });

  it('follows every change of a part: the result is cached by the parts\' versions', async () => {
    const { r2 } = await threeReports();
    expect((await countySimilarity(db, w.reviewerA, undefined, 2025)).pairs[0]!.score).toBeGreaterThan(0.6);
    await write(r2, w.drafterA2, 'measures', OWN_B);
    const after = (await countySimilarity(db, w.reviewerA, undefined, 2025)).pairs.filter((p) => p.part === 'measures');
    expect(after.every((p) => p.score < 0.1)).toBe(true);
  });
});

describe('a report\'s similarity', () => {
  it('shows the reviewer the other township, and the drafter only their own words, never the other township', async () => {
    const { r1, r2 } = await threeReports();
    const reviewer = await reportSimilarity(db, w.reviewerA, r1);
    const top = reviewer.others[0]!;
    expect(top).toMatchObject({ reportId: r2, township: '甲二乡', year: 2025, part: 'measures' });
    expect(top.score).toBeGreaterThan(0.6);
    expect(top.shared.map((s) => s.text).join('')).toContain('发放宣传资料3200余份');

    const drafter = await reportSimilarity(db, w.drafterA1, r1);
    const mine = drafter.others.find((o) => o.part === 'measures')!;
    expect(mine.score).toBe(top.score);
    expect(Object.keys(mine).sort()).toEqual(['part', 'score', 'shared', 'year']);
    // The drafter's own text of the shared passage, at its place in their part.
    for (const s of mine.shared) expect(PART_A.slice(s.start, s.end)).toBe(s.text);
    const json = JSON.stringify(drafter);
    for (const word of ['甲二乡', '甲三街道', '柳岸乡', '红白理事会', '1500余份', '积织', '显显增强', '石桥街道', `"reportId":${r2}`]) expect(json).not.toContain(word);
    // Their own county's median beside their own figures.
    expect(drafter.specificity.measures).toMatchObject({ documents: 0, countyMedian: expect.any(Number) });
  });

  it('lists the passages carried over from the township\'s earlier years in full', async () => {
    const last = (await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2024 }, DRAFT_NOW)).id;
    await write(last, w.drafterA1, 'measures', PART_A);
    const now = (await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2025, from: 'last-year' }, DRAFT_NOW)).id;
    const s = await reportSimilarity(db, w.drafterA1, now);
    const carried = s.earlier.find((e) => e.part === 'measures')!;
    expect(carried).toMatchObject({ reportId: last, year: 2024 });
    expect(carried.score).toBeGreaterThan(0.9);
    expect(carried.shared.map((x) => x.text).join('')).toContain(SHARED_A.slice(10, 60));
    expect(s.others).toEqual([]);
  });

  it('is refused outside the asker\'s scope', async () => {
    const { r1 } = await threeReports();
    await expect(reportSimilarity(db, w.drafterA2, r1)).rejects.toThrow(expect.objectContaining({ status: 403 }));
    await expect(reportSimilarity(db, w.reviewerB, r1)).rejects.toThrow(expect.objectContaining({ status: 403 }));
    await expect(reportSimilarity(db, w.reviewerA, 999_999)).rejects.toThrow(expect.objectContaining({ status: 404 }));
  });
});

describe('side by side', () => {
  it('marks the shared paragraph in both reports, for the reviewer only', async () => {
    const { r1, r2 } = await threeReports();
    const v = await sideBySide(db, w.reviewerA, r1, r2);
    expect(v).toMatchObject({ a: { township: '甲一镇' }, b: { township: '甲二乡' } });
    const m = v.parts.find((p) => p.part === 'measures')!;
    expect(m.score).toBeGreaterThan(0.6);
    expect(m.a.ranges.map((r) => m.a.text.slice(r.start, r.end)).join('')).toContain('3200余份');
    expect(m.b.ranges.map((r) => m.b.text.slice(r.start, r.end)).join('')).toContain('1500余份');
    await expect(sideBySide(db, w.drafterA1, r1, r2)).rejects.toThrow(expect.objectContaining({ status: 403 }));
    await expect(sideBySide(db, w.reviewerA, r1, r1)).rejects.toThrow(expect.objectContaining({ status: 400 }));
  });
});
