// Hostile text through the real write routes, on the engine this project runs (SQLite, or PostgreSQL in
// integration-pg): U+0000, lone surrogates and other control characters are cleaned at the boundary (or refused with
// a 4xx), never a 500, and nothing stored holds them. And a suggestion's decision is a compare-and-set: of an accept
// and a reject sent at the same moment exactly one wins, and the text agrees with the state that won.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PUT as sectionRoute } from '@/app/api/reports/[id]/sections/[key]/route';
import { PATCH as metaRoute } from '@/app/api/reports/[id]/route';
import { POST as versionRoute } from '@/app/api/reports/[id]/versions/route';
import { POST as suggestRoute } from '@/app/api/reports/[id]/suggestions/route';
import { POST as commentRoute } from '@/app/api/reports/[id]/comments/route';
import { POST as suggestionReplyRoute } from '@/app/api/reports/[id]/suggestions/[sid]/replies/route';
import { PUT as verdictRoute } from '@/app/api/reports/[id]/verdicts/[itemId]/route';
import { POST as acceptRoute } from '@/app/api/reports/[id]/suggestions/[sid]/accept/route';
import { POST as rejectRoute } from '@/app/api/reports/[id]/suggestions/[sid]/reject/route';
import type { Db } from '@/db/client';
import { rows } from '@/db/tx';
import { SCHEMA_TABLES } from '@/db/tables';
import type { Actor } from '@/lib/domain/permissions';
import { loadEditorData } from '@/lib/drafting/service';
import { createAnchor } from '@/lib/domain/anchor';
import { docToText, type TiptapNode } from '@/lib/domain/tiptap-doc';
import { createSuggestion } from '@/lib/review/suggestions';
import { transitionReport } from '@/lib/review/transitions';
import { isNormalText } from '@/lib/shared/text';
import { setActor } from '../../support/mock-session';
import { worldWithDraft, worldWithSubmitted } from '../../support/db';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(handler: Handler, actor: Actor, method: string, params: Record<string, string>, body: unknown) {
  setActor(actor);
  return handler(new Request('http://t/x', { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), {
    params: Promise.resolve(params),
  });
}

// JSON.stringify writes a lone surrogate as \udXXX and U+0000 as \u0000: the server parses them back into the string.
const HOSTILE = { nul: '\u0000', high: '\ud800', low: '\udfff', vt: '\u000B', c1: '\u0085' };

/** Every string stored anywhere in the database (JSON columns opened up) that normalizeText would still change. */
async function dirtyValues(db: Db): Promise<string[]> {
  const out: string[] = [];
  const walk = (v: unknown, where: string): void => {
    if (typeof v === 'string') {
      if (!isNormalText(v)) out.push(`${where}: ${JSON.stringify(v).slice(0, 80)}`);
      else if (/^[[{]/.test(v)) {
        try {
          walk(JSON.parse(v), where);
        } catch {
          /* not JSON */
        }
      }
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, where));
    else if (v && typeof v === 'object' && !(v instanceof Date)) for (const [k, x] of Object.entries(v)) walk(x, `${where}.${k}`);
  };
  for (const { name } of SCHEMA_TABLES) walk(await rows(db, sql`select * from ${sql.identifier(name)}`), name);
  return out;
}

describe('hostile characters on the write routes', () => {
  for (const [label, bad] of Object.entries(HOSTILE)) {
    it(`${label}: the drafter's part, front matter and version label are cleaned or refused, never 500`, async () => {
      const { db, w, reportId } = await worldWithDraft();
      const id = String(reportId);
      const section = async () => (await loadEditorData(db, w.drafterA1, reportId)).sections.find((s) => s.key === 'measures')!;
      const doc = { type: 'doc', content: [{ type: 'paragraph', attrs: { [`k${bad}`]: bad }, content: [{ type: 'text', text: `普法${bad}宣讲😀e` }] }] };
      const saved = await call(sectionRoute as Handler, w.drafterA1, 'PUT', { id, key: 'measures' }, { content: doc, version: (await section()).version });
      expect(saved.status).toBe(200);
      const now = await section();
      expect(now.plainText).toBe(label === 'high' || label === 'low' ? '普法\uFFFD宣讲😀e' : '普法宣讲😀e');
      expect(docToText(now.content as TiptapNode)).toBe(now.plainText);

      const meta = (await loadEditorData(db, w.drafterA1, reportId)).report;
      const patched = await call(metaRoute as Handler, w.drafterA1, 'PATCH', { id }, {
        title: `标题${bad}`,
        recipient: `县政府${bad}`,
        signatureOrgans: [`某镇${bad}`],
        documentDate: null,
        cc: bad,
        partHeadings: { measures: `主要举措${bad}` },
        metaVersion: (meta as { metaVersion: number }).metaVersion,
      });
      expect(patched.status).toBeLessThan(500);
      expect(patched.status).toBe(200);
      const version = await call(versionRoute as Handler, w.drafterA1, 'POST', { id }, { label: `初稿${bad}` });
      expect(version.status).toBe(201);
      expect(await dirtyValues(db)).toEqual([]);
    });

    it(`${label}: suggestions, comments, replies and verdicts are cleaned or refused, never 500`, async () => {
      const { db, w, reportId } = await worldWithSubmitted('镇党委全年召开专题会议4次，研究法治政府建设工作。');
      const id = String(reportId);
      const text = (await loadEditorData(db, w.reviewerA, reportId)).sections.find((s) => s.key === 'measures')!.plainText;
      const anchor = createAnchor(text, text.indexOf('4次'), text.indexOf('4次') + 2);
      const statuses: number[] = [];
      const ok = async (r: Promise<Response>) => {
        const res = await r;
        statuses.push(res.status);
        return res;
      };
      const made = await ok(
        call(suggestRoute as Handler, w.reviewerA, 'POST', { id }, { sectionKey: 'measures', anchor, replacement: `5${bad}次`, reason: `核对${bad}` }),
      );
      expect(made.status).toBe(201);
      const sid = String(((await made.json()) as { suggestion: { id: number } }).suggestion.id);
      // The quote itself holding the character: not the text's passage (refused), never a 500.
      await ok(call(suggestRoute as Handler, w.reviewerA, 'POST', { id }, { sectionKey: 'measures', anchor: { ...anchor, exact: `4${bad}次` }, replacement: '5次' }));
      await ok(call(suggestRoute as Handler, w.reviewerA, 'POST', { id }, { sectionKey: 'measures', anchor: { ...anchor, prefix: bad, suffix: bad }, replacement: `${bad}` }));
      const thread = await ok(call(commentRoute as Handler, w.reviewerA, 'POST', { id }, { sectionKey: 'measures', body: `请核实${bad}`, anchor: { ...anchor, prefix: `${bad}${anchor.prefix}` } }));
      expect(thread.status).toBe(201);
      const parentId = ((await thread.json()) as { comment: { id: number } }).comment.id;
      expect((await ok(call(commentRoute as Handler, w.drafterA1, 'POST', { id }, { parentId, body: `已核实${bad}` }))).status).toBe(201);
      expect((await ok(call(suggestionReplyRoute as Handler, w.drafterA1, 'POST', { id, sid }, { body: `理由${bad}` }))).status).toBe(201);
      expect((await ok(call(verdictRoute as Handler, w.reviewerA, 'PUT', { id, itemId: 'measures.training' }, { verdict: 'fix', note: `请补充${bad}` }))).status).toBe(200);
      expect(statuses.every((s) => s < 500)).toBe(true);
      expect(await dirtyValues(db)).toEqual([]);
    });
  }
});

describe('deciding a suggestion is a compare-and-set', () => {
  it('of an accept and a reject sent at once, exactly one wins, ten times over; the text agrees with each state', async () => {
    const passages = Array.from({ length: 10 }, (_, i) => `事项${i}号原文`);
    const { db, w, reportId } = await worldWithSubmitted(passages.join('，') + '。');
    const id = String(reportId);
    const text = (await loadEditorData(db, w.reviewerA, reportId)).sections.find((s) => s.key === 'measures')!.plainText;
    const sids: number[] = [];
    for (const p of passages) {
      const at = text.indexOf(p);
      sids.push((await createSuggestion(db, w.reviewerA, reportId, { sectionKey: 'measures', anchor: createAnchor(text, at, at + p.length), replacement: p.replace('原文', '新文'), reason: null })).id);
    }
    await transitionReport(db, w.reviewerA, reportId, { transition: 'return', reason: '请按修订修改。' });
    const outcomes: string[] = [];
    for (const sid of sids) {
      const [a, r] = await Promise.all([
        call(acceptRoute as Handler, w.drafterA1, 'POST', { id, sid: String(sid) }, {}),
        call(rejectRoute as Handler, w.drafterA1, 'POST', { id, sid: String(sid) }, {}),
      ]);
      expect([a.status, r.status].sort()).toEqual([200, 409]);
      outcomes.push(a.status === 200 ? 'accepted' : 'rejected');
    }
    const states = await rows<{ id: number; state: string }>(db, sql`select id as "id", state as "state" from suggestions order by id`);
    expect(states.map((s) => s.state)).toEqual(outcomes);
    const now = (await loadEditorData(db, w.drafterA1, reportId)).sections.find((s) => s.key === 'measures')!.plainText;
    passages.forEach((p, i) => {
      expect(now.includes(p.replace('原文', '新文'))).toBe(outcomes[i] === 'accepted');
      expect(now.includes(p)).toBe(outcomes[i] === 'rejected');
    });
  });
});
