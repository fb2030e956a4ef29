// Where pending suggestions stand is worked out once per version of their part and kept, not on every view: a
// listing locates only suggestions placed against another version, and stores what it found; the list pages through
// GET /api/reports/:id/suggestions (state, order, limit, after) and the editor page lists pending ones in full and the
// latest decided ones with a count.
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { GET as listRoute } from '@/app/api/reports/[id]/suggestions/route';
import type { Db } from '@/db/client';
import { write } from '@/db/tx';
import { reportSections, suggestions } from '@/db/schema';
import { anchorWork, locateSuggestion } from '@/lib/domain/anchor';
import { loadEditorData } from '@/lib/drafting/service';
import { editorSuggestions, listSuggestions, placementWork, type SuggestionList } from '@/lib/review/suggestions';
import { limit } from '@/lib/shared/limits';
import { setActor } from '../../support/mock-session';
import { worldWithSubmitted, type World } from '../../support/db';
import { fillParts, plantChangedSuggestions } from '../../support/review-scale';

let db: Db, w: World, reportId: number;

beforeEach(async () => {
  ({ db, w, reportId } = await worldWithSubmitted('镇党委全年召开专题会议4次。'));
});

async function get(query = ''): Promise<Response> {
  setActor(w.reviewerA);
  return listRoute(new Request(`http://t/api/reports/${reportId}/suggestions${query}`), { params: Promise.resolve({ id: String(reportId) }) });
}

/** The places a fresh locate finds in the parts as they now stand. */
async function expected(): Promise<Map<number, { exact: { start: number; end: number } | null; near: string | null }>> {
  const texts = new Map((await db.select().from(reportSections).where(eq(reportSections.reportId, reportId))).map((r) => [r.sectionKey, r.plainText]));
  const rows = await db.select().from(suggestions).where(eq(suggestions.reportId, reportId));
  return new Map(rows.map((s) => [s.id, locateSuggestion(texts.get(s.sectionKey) ?? '', s.anchor)]));
}

describe('placing suggestions once per version of their part', () => {
  it('the second view of a report locates nothing; a change to one part re-locates only that part’s suggestions', async () => {
    await fillParts(db, reportId, w.drafterA1, 20_000);
    await plantChangedSuggestions(db, reportId, w.reviewerA.id, 80, w.drafterA1);

    const located = placementWork.located;
    const first = await listSuggestions(db, w.drafterA1, reportId);
    expect(placementWork.located - located).toBe(80);
    // What was found is what a fresh locate finds: the changed passages show 原文已改动 with what stands there now.
    const want = await expected();
    for (const s of first) {
      const e = want.get(s.id)!;
      expect({ position: s.position, changed: s.changed }).toEqual({ position: e.exact, changed: e.exact ? null : { now: e.near } });
    }
    expect(first.filter((s) => s.changed).length).toBeGreaterThan(70);

    // Viewed again (the list, the editor page, another reader): nothing located, nothing compared.
    const chars = anchorWork.chars;
    const again = await listSuggestions(db, w.reviewerA, reportId);
    await loadEditorData(db, w.drafterA1, reportId);
    expect(placementWork.located - located).toBe(80);
    expect(anchorWork.chars - chars).toBe(0);
    expect(again.map((s) => [s.id, s.position, s.changed])).toEqual(first.map((s) => [s.id, s.position, s.changed]));

    // The drafter changes part 二 only: its suggestions (a quarter) are located once more, against the new version.
    const leaders = (await db.select().from(reportSections).where(eq(reportSections.reportId, reportId))).find((r) => r.sectionKey === 'leaders')!;
    await write(db, () =>
      db
        .update(reportSections)
        .set({ plainText: `新增一段。\n${leaders.plainText}`, version: leaders.version + 1 })
        .where(eq(reportSections.id, leaders.id)),
    );
    const after = await listSuggestions(db, w.drafterA1, reportId);
    expect(placementWork.located - located).toBe(100);
    await listSuggestions(db, w.drafterA1, reportId);
    expect(placementWork.located - located).toBe(100);
    const wantAfter = await expected();
    for (const s of after) expect(s.position).toEqual(wantAfter.get(s.id)!.exact);
    expect(after.find((s) => s.sectionKey === 'leaders' && s.changed)!.changed!.now).toBeTruthy();
  });

  it('a suggestion made in the editor is placed when made: listing it locates nothing', async () => {
    const { createSuggestion } = await import('@/lib/review/suggestions');
    const { createAnchor } = await import('@/lib/domain/anchor');
    const text = '镇党委全年召开专题会议4次。';
    const made = await createSuggestion(db, w.reviewerA, reportId, { sectionKey: 'measures', anchor: createAnchor(text, 10, 12), replacement: '5次', reason: null });
    expect(made.position).toEqual({ start: 10, end: 12 });
    const located = placementWork.located;
    expect((await listSuggestions(db, w.drafterA1, reportId))[0]!.position).toEqual({ start: 10, end: 12 });
    expect(placementWork.located).toBe(located);
  });

  it('the work of a repeated view does not grow with the number of suggestions (n and 4n)', async () => {
    await fillParts(db, reportId, w.drafterA1, 20_000);
    const work = async (n: number) => {
      await write(db, () => db.delete(suggestions).where(eq(suggestions.reportId, reportId)));
      await plantChangedSuggestions(db, reportId, w.reviewerA.id, n, w.drafterA1);
      const l0 = placementWork.located;
      await editorSuggestions(db, w.drafterA1, reportId);
      const first = placementWork.located - l0;
      const c0 = anchorWork.chars;
      const l1 = placementWork.located;
      await editorSuggestions(db, w.drafterA1, reportId);
      await loadEditorData(db, w.reviewerA, reportId);
      return { first, again: placementWork.located - l1, chars: anchorWork.chars - c0 };
    };
    const small = await work(50);
    const large = await work(200);
    // Placing is once per suggestion and version: n then 4n; viewing again is no placing at all, at n as at 4n.
    expect(small).toEqual({ first: 50, again: 0, chars: 0 });
    expect(large).toEqual({ first: 200, again: 0, chars: 0 });
  });
});

describe('paging the list', () => {
  beforeEach(async () => {
    await fillParts(db, reportId, w.drafterA1, 5_000);
    await plantChangedSuggestions(db, reportId, w.reviewerA.id, 30, w.drafterA1);
    // Ten of them decided (as the drafter would, after a return): the state is what the list filters on.
    const ids = (await db.select({ id: suggestions.id }).from(suggestions).where(eq(suggestions.reportId, reportId))).map((r) => r.id).sort((a, b) => a - b);
    for (const id of ids.slice(0, 10))
      await write(db, () => db.update(suggestions).set({ state: id % 2 ? 'accepted' : 'rejected', decidedBy: w.drafterA1.id, decidedAt: new Date() }).where(eq(suggestions.id, id)));
  });

  it('without parameters answers every suggestion as before, oldest first, with next null and the total', async () => {
    const r = await get();
    expect(r.status).toBe(200);
    const body = (await r.json()) as SuggestionList;
    expect(body.suggestions).toHaveLength(30);
    expect(body.suggestions.map((s) => s.id)).toEqual([...body.suggestions.map((s) => s.id)].sort((a, b) => a - b));
    expect(body).toMatchObject({ next: null, total: 30 });
  });

  it('pages by limit and after, in either order, filtered by state, and the pages add up to the whole', async () => {
    const all = ((await (await get()).json()) as SuggestionList).suggestions.map((s) => s.id);
    const seen: number[] = [];
    let after: number | null = null;
    do {
      const page = (await (await get(`?limit=7${after === null ? '' : `&after=${after}`}`)).json()) as SuggestionList;
      expect(page.suggestions.length).toBeLessThanOrEqual(7);
      expect(page.total).toBe(30);
      seen.push(...page.suggestions.map((s) => s.id));
      after = page.next;
    } while (after !== null);
    expect(seen).toEqual(all);

    const newest = (await (await get('?order=newest&limit=4')).json()) as SuggestionList;
    expect(newest.suggestions.map((s) => s.id)).toEqual([...all].reverse().slice(0, 4));
    const older = (await (await get(`?order=newest&limit=4&after=${newest.next}`)).json()) as SuggestionList;
    expect(older.suggestions.map((s) => s.id)).toEqual([...all].reverse().slice(4, 8));

    const pending = (await (await get('?state=pending')).json()) as SuggestionList;
    expect(pending.total).toBe(20);
    expect(pending.suggestions.every((s) => s.state === 'pending')).toBe(true);
    const decided = (await (await get('?state=decided&order=newest&limit=3')).json()) as SuggestionList;
    expect(decided).toMatchObject({ total: 10 });
    expect(decided.suggestions.map((s) => s.state).every((s) => s !== 'pending')).toBe(true);
    expect(((await (await get('?state=accepted')).json()) as SuggestionList).total).toBe(5);
  });

  it('refuses a bad page with 400 and a Chinese sentence; a drafter of another township is refused whatever the page', async () => {
    for (const q of ['?limit=0', '?limit=abc', `?limit=${limit('suggestionsPage') + 1}`, '?after=-1', '?after=1e40', '?state=open', '?order=random', '?limit=1.5']) {
      const r = await get(q);
      expect(r.status, q).toBe(400);
      expect((await r.json()).error, q).toMatch(/[\u4e00-\u9fff]/);
    }
    setActor(w.drafterB1);
    const r = await listRoute(new Request(`http://t/api/reports/${reportId}/suggestions?limit=5`), { params: Promise.resolve({ id: String(reportId) }) });
    expect(r.status).toBe(403);
  });

  it('the editor page lists every pending suggestion and the latest decided ones, and counts the rest', async () => {
    const shown = limit('decidedSuggestionsShown');
    const ids = (await db.select({ id: suggestions.id, state: suggestions.state }).from(suggestions).where(eq(suggestions.reportId, reportId))).filter((r) => r.state === 'pending');
    // Past the cap of decided ones shown: decide all pending but two, and plant more decided ones.
    for (const { id } of ids.slice(2)) await write(db, () => db.update(suggestions).set({ state: 'rejected', decidedBy: w.drafterA1.id, decidedAt: new Date() }).where(eq(suggestions.id, id)));
    const template = (await db.select().from(suggestions).where(eq(suggestions.id, ids[0]!.id)))[0]!;
    const extra = Array.from({ length: shown }, () => ({ reportId, sectionKey: template.sectionKey, authorId: template.authorId, anchor: template.anchor, replacement: '旧的', state: 'accepted' as const, decidedBy: w.drafterA1.id, decidedAt: new Date() }));
    await write(db, () => db.insert(suggestions).values(extra));
    const data = await loadEditorData(db, w.drafterA1, reportId);
    const list = data.review.suggestions;
    expect(list.filter((s) => s.state === 'pending').map((s) => s.id)).toEqual(ids.slice(0, 2).map((r) => r.id));
    expect(list.filter((s) => s.state !== 'pending')).toHaveLength(shown);
    const decidedTotal = 10 + (ids.length - 2) + shown;
    expect(data.review.suggestionsHidden).toEqual({ pending: 0, decided: decidedTotal - shown });
    // The latest decided ones, in id order like the rest.
    expect(list.map((s) => s.id)).toEqual([...list.map((s) => s.id)].sort((a, b) => a - b));
    const maxId = Math.max(...list.map((s) => s.id));
    expect(list.some((s) => s.id === maxId && s.state === 'accepted')).toBe(true);
  });
});

