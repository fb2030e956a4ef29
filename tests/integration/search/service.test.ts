import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { loadEditorData, saveSection } from '@/lib/drafting/service';
import { createReport } from '@/lib/reports/service';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { searchReports } from '@/lib/search/service';
import { freshWorld, type World } from '../../support/db';

let db: Db;
let w: World;
let a1: number;
let b1: number;
const NOW = new Date('2025-12-01T09:00:00+08:00');

async function write(actor: World['drafterA1'], reportId: number, key: string, text: string) {
  const v = (await loadEditorData(db, actor, reportId)).sections.find((s) => s.key === key)!.version;
  await saveSection(db, actor, reportId, key, { content: docFromText(text), version: v });
}
const snippetText = (h: { snippet: Array<{ text: string; hit: boolean }> }) => h.snippet.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');

beforeEach(async () => {
  ({ db, w } = await freshWorld());
  a1 = (await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2025 }, NOW)).id;
  b1 = (await createReport(db, w.drafterB1, { townshipId: w.townB1, year: 2025 }, NOW)).id;
  await write(w.drafterA1, a1, 'measures', '聘请律师事务所律师担任法律顾问，全年审查合同41份。全年发生行政复议案件1件。');
  await write(w.drafterB1, b1, 'measures', '乙县的法律顾问制度和行政复议工作。');
});

describe('search', () => {
  it('finds a two-character term with a highlighted snippet', async () => {
    const hits = await searchReports(db, w.reviewerA, { q: '复议' });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ reportId: a1, townshipName: '甲一镇', year: 2025, sectionKey: 'measures', count: 1 });
    expect(snippetText(hits[0]!)).toContain('全年发生行政[复议]案件1件');
  });

  it('finds 法律顾问 through the trigram index', async () => {
    const hits = await searchReports(db, w.reviewerA, { q: '法律顾问' });
    expect(hits.map((h) => h.reportId)).toEqual([a1]);
    expect(snippetText(hits[0]!)).toContain('律师担任[法律顾问]');
  });

  it('never returns a report outside the user’s scope', async () => {
    expect(await searchReports(db, w.drafterA2, { q: '法律顾问' })).toEqual([]);
    expect((await searchReports(db, w.reviewerB, { q: '法律顾问' })).map((h) => h.reportId)).toEqual([b1]);
    expect((await searchReports(db, w.admin, { q: '复议' })).map((h) => h.reportId).sort()).toEqual([a1, b1].sort());
    expect(await searchReports(db, w.reviewerA, { q: '复议', townshipId: w.townB1 })).toEqual([]);
  });

  it('is current at once after an edit', async () => {
    expect(await searchReports(db, w.drafterA1, { q: '矛盾纠纷' })).toEqual([]);
    await write(w.drafterA1, a1, 'leaders', '书记亲自协调化解矛盾纠纷。');
    expect((await searchReports(db, w.drafterA1, { q: '矛盾纠纷' })).map((h) => h.sectionKey)).toEqual(['leaders']);
    await write(w.drafterA1, a1, 'measures', '内容改写了。');
    expect(await searchReports(db, w.drafterA1, { q: '法律顾问' })).toEqual([]);
    expect(await searchReports(db, w.drafterA1, { q: '复议' })).toEqual([]);
  });

  it('filters by year and section, and treats quotes and wildcards as text', async () => {
    expect(await searchReports(db, w.admin, { q: '复议', year: 2024 })).toEqual([]);
    expect(await searchReports(db, w.admin, { q: '复议', section: 'plans' })).toEqual([]);
    expect(await searchReports(db, w.admin, { q: '"法律 OR 复议"' })).toEqual([]);
    expect(await searchReports(db, w.admin, { q: '%%' })).toEqual([]);
  });

  it('refuses a one-character term with a Chinese message', async () => {
    await expect(searchReports(db, w.admin, { q: '法' })).rejects.toThrow('请至少输入两个字。');
  });
});
