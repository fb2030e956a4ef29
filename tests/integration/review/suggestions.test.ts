// Reviewers' suggestions (修订) through the real route handlers: made while the report waits for review, placed in
// the text as it changes, accepted through the versioned save or rejected by the drafter; stale passages and stale
// versions refused with 409; every bad input a 4xx that changes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as listRoute, POST as postRoute } from '@/app/api/reports/[id]/suggestions/route';
import { POST as acceptRoute } from '@/app/api/reports/[id]/suggestions/[sid]/accept/route';
import { POST as rejectRoute } from '@/app/api/reports/[id]/suggestions/[sid]/reject/route';
import { POST as replyRoute } from '@/app/api/reports/[id]/suggestions/[sid]/replies/route';
import { draftAnchor, draftChanges } from '@/lib/domain/suggest-draft';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/domain/permissions';
import { loadDashboard } from '@/lib/dashboard/service';
import { listReportsByTownship } from '@/lib/reports/service';
import { loadEditorData, saveSection } from '@/lib/drafting/service';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { createAnchor, pointAnchor } from '@/lib/domain/anchor';
import type { SuggestionView } from '@/lib/review/suggestions';
import { transitionReport } from '@/lib/review/transitions';
import { listVersions } from '@/lib/review/versions';
import { setActor } from '../../support/mock-session';
import { snapshot, worldWithDraft, type World } from '../../support/db';

let db: Db, w: World, reportId: number;
const TEXT = '镇党委全年召开专题会议4次，研究法治政府建设工作。全年开展执法检查136次，办理行政复议案件2件。';

const measures = async () => (await loadEditorData(db, w.drafterA1, reportId)).sections.find((s) => s.key === 'measures')!;
async function save(text: string) {
  await saveSection(db, w.drafterA1, reportId, 'measures', { content: docFromText(text), version: (await measures()).version });
}

beforeEach(async () => {
  ({ db, w, reportId } = await worldWithDraft());
  await save(TEXT);
  await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
});

const ctx = (sid = '') => ({ params: Promise.resolve({ id: String(reportId), sid }) });
const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
async function suggest(actor: Actor, body: unknown) {
  setActor(actor);
  return postRoute(new Request('http://t/x', json(body)), ctx());
}
/** Replacing `quote` (empty: inserting at `at`) in part 一 as it now reads. */
async function on(quote: string, replacement: string, at?: number) {
  const text = (await measures()).plainText;
  const start = at ?? text.indexOf(quote);
  return { sectionKey: 'measures', anchor: quote ? createAnchor(text, start, start + quote.length) : pointAnchor(text, start), replacement, reason: '与台账核对' };
}
async function list(actor: Actor): Promise<SuggestionView[]> {
  setActor(actor);
  return (await (await listRoute(new Request('http://t/x'), ctx())).json()).suggestions;
}
async function decide(actor: Actor, what: 'accept' | 'reject', sid: number, body?: unknown) {
  setActor(actor);
  const route = what === 'accept' ? acceptRoute : rejectRoute;
  return route(new Request('http://t/x', body === undefined ? { method: 'POST' } : json(body)), ctx(String(sid)));
}
const returnReport = () => transitionReport(db, w.reviewerA, reportId, { transition: 'return', reason: '请按修订修改。' });

describe('suggestions', () => {
  it('a replacement, a deletion and an insertion; the drafter accepts one, rejects one, edits beside the third and accepts it', async () => {
    const replace = await suggest(w.reviewerA, await on('4次', '5次'));
    expect(replace.status).toBe(201);
    const del = await suggest(w.reviewerA, await on('，研究法治政府建设工作', ''));
    expect(del.status).toBe(201);
    const insertAt = TEXT.indexOf('2件') + 2;
    const ins = await suggest(w.reviewerA, await on('', '（均已结案）', insertAt));
    expect(ins.status).toBe(201);
    const [a, b, c] = [(await replace.json()).suggestion, (await del.json()).suggestion, (await ins.json()).suggestion] as SuggestionView[];
    expect(c).toMatchObject({ state: 'pending', position: { start: insertAt, end: insertAt }, authorName: w.reviewerA.displayName });

    // The county's dashboard counts them for the township.
    const row = (await loadDashboard(db, w.reviewerA, w.countyA, 2025)).rows.find((r) => r.reportId === reportId)!;
    expect(row.openSuggestions).toBe(3);
    // And the drafter's report list.
    const listed = (await listReportsByTownship(db, w.drafterA1)).flatMap((t) => t.reports).find((r) => r.id === reportId)!;
    expect(listed.openSuggestions).toBe(3);
    // The drafter sees them; an outsider does not.
    expect((await list(w.drafterA1)).map((s) => s.id)).toEqual([a!.id, b!.id, c!.id]);
    setActor(w.drafterB1);
    expect((await listRoute(new Request('http://t/x'), ctx())).status).toBe(403);

    // Nothing can be decided while the report is under review.
    expect((await decide(w.drafterA1, 'accept', a!.id)).status).toBe(403);
    await returnReport();
    // The reviewer suggests; only the township's drafter (or an admin) decides.
    expect((await decide(w.reviewerA, 'accept', a!.id)).status).toBe(403);

    const accepted = await decide(w.drafterA1, 'accept', a!.id, { version: (await measures()).version });
    expect(accepted.status).toBe(200);
    expect((await measures()).plainText).toBe(TEXT.replace('4次', '5次'));
    expect((await decide(w.drafterA1, 'reject', b!.id)).status).toBe(200);
    expect((await measures()).plainText).toBe(TEXT.replace('4次', '5次'));

    // The drafter types next to the insertion point; the suggestion follows the text and still applies exactly.
    await save((await measures()).plainText.replace('全年开展', '2025年全年开展'));
    const moved = (await list(w.drafterA1)).find((s) => s.id === c!.id)!;
    expect(moved.position).toEqual({ start: insertAt + 5, end: insertAt + 5 });
    expect((await decide(w.drafterA1, 'accept', c!.id)).status).toBe(200);
    expect((await measures()).plainText).toBe(
      '镇党委全年召开专题会议5次，研究法治政府建设工作。2025年全年开展执法检查136次，办理行政复议案件2件（均已结案）。',
    );

    const states = (await list(w.reviewerA)).map((s) => [s.id, s.state, s.decidedByName]);
    expect(states).toEqual([
      [a!.id, 'accepted', w.drafterA1.displayName],
      [b!.id, 'rejected', w.drafterA1.displayName],
      [c!.id, 'accepted', w.drafterA1.displayName],
    ]);
    // The history records each acceptance and whose suggestion it was.
    const labels = (await listVersions(db, w.drafterA1, reportId)).map((v) => v.label);
    expect(labels.filter((l) => l.startsWith('接受修订'))).toHaveLength(2);
    expect(labels.join('\n')).toContain(`${w.reviewerA.displayName}的建议`);
    // Decided once.
    expect((await decide(w.drafterA1, 'accept', a!.id)).status).toBe(409);
  });

  it('shows 原文已改动 when the passage itself was changed, and will not accept it blindly', async () => {
    const made = (await (await suggest(w.reviewerA, await on('136次', '138次'))).json()).suggestion as SuggestionView;
    await returnReport();
    await save(TEXT.replace('136次', '140次'));
    const now = (await list(w.drafterA1)).find((s) => s.id === made.id)!;
    expect(now.position).toBeNull();
    expect(now.changed).not.toBeNull();
    const before = await snapshot(db);
    const res = await decide(w.drafterA1, 'accept', made.id);
    expect(res.status).toBe(409);
    expect((await res.json()).error).toContain('原文已改动');
    expect(await snapshot(db)).toEqual(before);
    // Rejecting it is still possible.
    expect((await decide(w.drafterA1, 'reject', made.id)).status).toBe(200);
  });

  it('answers 409 with the server’s text when the editor holds an older version of the part', async () => {
    const made = (await (await suggest(w.reviewerA, await on('2件', '3件'))).json()).suggestion as SuggestionView;
    await returnReport();
    const old = (await measures()).version;
    await save(`${TEXT}另有一句。`);
    const res = await decide(w.drafterA1, 'accept', made.id, { version: old });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.current.plainText).toBe(`${TEXT}另有一句。`);
    expect((await measures()).plainText).toBe(`${TEXT}另有一句。`);
  });

  it('refuses what it cannot use with a Chinese message and changes nothing', async () => {
    const cases: Array<[Actor, unknown, number]> = [
      [w.drafterA1, await on('4次', '5次'), 403],
      [w.reviewerB, await on('4次', '5次'), 403],
      [w.reviewerA, { ...(await on('4次', '5次')), anchor: { exact: '不存在的文字', prefix: '', suffix: '', start: 0 } }, 409],
      [w.reviewerA, await on('4次', 'x'.repeat(2_001)), 413],
      [w.reviewerA, { ...(await on('4次', '5次')), reason: '理'.repeat(501) }, 413],
      [w.reviewerA, await on('4次', '4次'), 400],
      [w.reviewerA, await on('4次', '五\n次'), 400],
      [w.reviewerA, await on('', ''), 400],
      [w.reviewerA, { ...(await on('4次', '5次')), sectionKey: 'appendix' }, 400],
      [w.reviewerA, { anchor: 'x', replacement: 1 }, 400],
    ];
    for (const [actor, body, status] of cases) {
      const before = await snapshot(db);
      const res = await suggest(actor, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect((await res.json()).error).toMatch(/[\u4e00-\u9fa5]/);
      expect(await snapshot(db)).toEqual(before);
    }
    // A report not under review takes no suggestions.
    await returnReport();
    expect((await suggest(w.reviewerA, await on('4次', '5次'))).status).toBe(403);
  });

  it('typing in 建议修改 mode, read back as changes, goes in through the API and all of it can be accepted one after another', async () => {
    // What the reviewer typed: three changes close together, as the editor reads them back and sends them.
    const typed = TEXT.replace('4次', '5次').replace('，研究法治政府建设工作', '').replace('2件。', '2件（均已结案）。');
    for (const c of draftChanges(TEXT, typed)) {
      const res = await suggest(w.reviewerA, { sectionKey: 'measures', anchor: draftAnchor(TEXT, c), replacement: c.replacement, reason: null });
      expect(res.status).toBe(201);
    }
    await returnReport();
    // 全部接受: one after another, each against the version the previous one made.
    for (const s of await list(w.drafterA1)) {
      expect(s.changed).toBeNull();
      const res = await decide(w.drafterA1, 'accept', s.id, { version: (await measures()).version });
      expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
    }
    expect((await measures()).plainText).toBe(typed);
  });

  it('the reviewer and the drafter reply under a suggestion; nobody else can', async () => {
    const made = (await (await suggest(w.reviewerA, await on('4次', '5次'))).json()).suggestion as SuggestionView;
    const reply = async (actor: Actor, body: unknown, sid = made.id) => {
      setActor(actor);
      return replyRoute(new Request('http://t/x', json(body)), ctx(String(sid)));
    };
    expect((await reply(w.drafterA1, { body: '会议记录显示为4次，请核实。' })).status).toBe(201);
    expect((await reply(w.reviewerA, { body: '以党委会议纪要为准，共5次。' })).status).toBe(201);
    await returnReport();
    // Replies go on after the report came back, and after the decision.
    await decide(w.drafterA1, 'reject', made.id);
    expect((await reply(w.drafterA1, { body: '已核对，维持原文。' })).status).toBe(201);
    const [s] = await list(w.reviewerA);
    expect(s!.replies.map((r) => [r.authorName, r.body])).toEqual([
      [w.drafterA1.displayName, '会议记录显示为4次，请核实。'],
      [w.reviewerA.displayName, '以党委会议纪要为准，共5次。'],
      [w.drafterA1.displayName, '已核对，维持原文。'],
    ]);
    // Bad input and outsiders: a Chinese message, nothing changed.
    const cases: Array<[Actor, unknown, number, number?]> = [
      [w.drafterB1, { body: '外乡镇' }, 403],
      [w.reviewerB, { body: '外县' }, 403],
      [w.drafterA1, { body: '  ' }, 400],
      [w.drafterA1, { body: '长'.repeat(2_001) }, 413],
      [w.drafterA1, { text: 1 }, 400],
      [w.drafterA1, { body: '不存在的修订' }, 404, made.id + 999],
    ];
    for (const [actor, body, status, sid] of cases) {
      const before = await snapshot(db);
      const res = await reply(actor, body, sid);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(status);
      expect((await res.json()).error).toMatch(/[\u4e00-\u9fa5]/);
      expect(await snapshot(db)).toEqual(before);
    }
  });
});
