// The hardening findings, one by one, against the real services and route handlers: each input at and past its
// limit is refused with a 4xx and a Chinese message and changes nothing; every algorithm over user text is measured
// at n and 4n and compared (work counted, or time with a generous factor), never against an absolute time.
import { execute, one, rows, write } from '@/db/tx';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

import JSZip from 'jszip';
import { eq, sql } from 'drizzle-orm';
import { PUT as putSection } from '@/app/api/reports/[id]/sections/[key]/route';
import { POST as postReport } from '@/app/api/reports/route';
import { POST as postComment } from '@/app/api/reports/[id]/comments/route';
import { POST as postImportPreview } from '@/app/api/import/preview/route';
import { addTownshipAction } from '@/app/(app)/admin/actions';
import type { Db } from '@/db/client';
import { reportSections, reportVersions, sessions, townships, users } from '@/db/schema';
import { resetPassword, setUserActive, setUserScope } from '@/lib/directory/accounts';
import { checkSession, createSession, idleTimeoutMs, maxLifetimeMs, revokeSession } from '@/lib/auth/sessions';
import { clientAddress } from '@/lib/server/client-address';
import { checkDocLimits, clampDocForRender } from '@/lib/editor/doc-limits';
import { renderDocx } from '@/lib/export/docx';
import { exportDocumentFromReport } from '@/lib/export/from-report';
import { renderText } from '@/lib/export/text';
import { countyZip } from '@/lib/export/zip';
import { readReportFile } from '@/lib/import/read';
import { limit } from '@/lib/shared/limits';
import { isSameOrigin } from '@/lib/server/origin';
import { createReport } from '@/lib/reports/service';
import { anchorWork, findAnchor } from '@/lib/domain/anchor';
import { diffTextDetailed } from '@/lib/domain/diff';
import { addThread } from '@/lib/review/comments';
import { transitionReport } from '@/lib/review/transitions';
import { compareVersions, createVersion, saveNamedVersion } from '@/lib/review/versions';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { securePermissions } from '@/cli/permissions';
import { setRequestHeaders } from '../support/mock-headers';
import { setActor } from '../support/mock-session';
import { freshWorld, snapshot, type World } from '../support/db';
import { bombDocx } from '../support/zip-bomb';
import { seededText } from '../support/seeded-text';

let db: Db;
let w: World;
let reportId: number;

beforeEach(async () => {
  ({ db, w } = await freshWorld());
  reportId = (await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2025 })).id;
  setActor(w.drafterA1);
  setRequestHeaders({});
});

const JSON_HEADERS = { 'content-type': 'application/json' };
const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });
const save = (content: unknown, version = 1) =>
  putSection(new Request(`http://t/api/reports/${reportId}/sections/measures`, { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ content, version }) }), ctx({ id: String(reportId), key: 'measures' }));

function table(rows: number, cols: number, cellAttrs: Record<string, unknown> = {}) {
  return {
    type: 'doc',
    content: [
      {
        type: 'table',
        content: Array.from({ length: rows }, () => ({
          type: 'tableRow',
          content: Array.from({ length: cols }, () => ({ type: 'tableCell', attrs: cellAttrs, content: [{ type: 'paragraph', content: [{ type: 'text', text: '数' }] }] })),
        })),
      },
    ],
  };
}

function nestedList(depth: number) {
  let node: Record<string, unknown> = { type: 'paragraph', content: [{ type: 'text', text: '最深处' }] };
  for (let i = 0; i < depth; i++) node = { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: `第${i}层` }] }, node] }] };
  return { type: 'doc', content: [node] };
}

async function expectRefused(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(((await res.json()) as { error: string }).error).toMatch(/[\u4e00-\u9fa5]/);
}

describe('finding 1: an enormous colspan', () => {
  it('is refused on save with 413 and a Chinese message, and nothing changes', async () => {
    const before = await snapshot(db);
    await expectRefused(await save(table(1, 1, { colspan: 100_000_000, rowspan: 1 })), 413);
    await expectRefused(await save(table(2, 2, { colspan: 1, rowspan: 5 })), 413);
    await expectRefused(await save(table(limit('tableRows') + 1, 1)), 413);
    await expectRefused(await save(table(1, limit('tableColumns') + 1)), 413);
    expect(await snapshot(db)).toEqual(before);
    // At the limits it saves.
    expect((await save(table(3, limit('tableColumns')))).status).toBe(200);
  });

  it('a stored document from before the limits still exports: spans are clamped, the export stays small', async () => {
    await write(db, () =>
      db
        .update(reportSections)
        .set({ content: table(2, 2, { colspan: 50_000_000, rowspan: 1 }) })
        .where(eq(reportSections.reportId, reportId)),
    );
    const doc = await exportDocumentFromReport(db, w.drafterA1, reportId);
    const docx = await renderDocx(doc, 'submit');
    expect(docx.length).toBeLessThan(200_000);
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toContain(`<w:gridSpan w:val="${limit('cellSpan')}"/>`);
  });
});

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

describe('finding 4: a zip bomb', () => {
  it('a .docx that inflates past the limit is refused from its directory, before inflating', async () => {
    const buf = bombDocx(limit('uploadInflatedBytes') + 1024 * 1024);
    expect(buf.length).toBeLessThan(1024 * 1024);
    await expect(readReportFile(buf, 'bomb.docx')).rejects.toMatchObject({ status: 413 });
  });

  it('a directory that lies about the sizes is caught while inflating, with memory bounded', async () => {
    const buf = bombDocx(200 * 1024 * 1024, 1000);
    const rss0 = process.memoryUsage().rss;
    const err = await readReportFile(buf, 'liar.docx').catch((e: unknown) => e);
    expect(err).toMatchObject({ status: expect.any(Number) });
    expect((err as { status: number }).status).toBeGreaterThanOrEqual(400);
    expect((err as { status: number }).status).toBeLessThan(500);
    // It stopped long before inflating 200 MB.
    expect(process.memoryUsage().rss - rss0).toBeLessThan(120 * 1024 * 1024);
  });

  it('through the route: 413 and a Chinese message', async () => {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(bombDocx(limit('uploadInflatedBytes') + 1))], 'bomb.docx'));
    await expectRefused(await postImportPreview(new Request('http://t/api/import/preview', { method: 'POST', body: form }), ctx({})), 413);
  });
});

describe('finding 5: bodies are counted as they stream in', () => {
  it('a chunked body (no Content-Length) past the route limit is cut off after reading about the limit', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled += chunk.length;
        if (pulled > 300 * 1024 * 1024) c.close();
        else c.enqueue(chunk);
      },
    });
    const req = new Request('http://t/api/reports', { method: 'POST', headers: JSON_HEADERS, body, duplex: 'half' } as RequestInit);
    expect(req.headers.get('content-length')).toBeNull();
    await expectRefused(await postReport(req, ctx({})), 413);
    expect(pulled).toBeLessThan(limit('smallBody') + 4 * chunk.length);
  });
});

describe('finding 6: quotas', () => {
  it('named versions: a rate per user and a cap per report, 429 with a Chinese message', async () => {
    for (let i = 0; i < limit('namedVersionsPerUserHour'); i++) await saveNamedVersion(db, w.drafterA1, reportId, { label: `第${i}版` });
    await expect(saveNamedVersion(db, w.drafterA1, reportId, { label: '再来一版' })).rejects.toThrow(expect.objectContaining({ status: 429 }));
  });

  it('automatic versions are pruned to the stated number', async () => {
    for (let i = 0; i < limit('autoVersionsKept') + 15; i++) await createVersion(db, { reportId, kind: 'auto', label: '自动保存', actorId: w.drafterA1.id });
    const autos = await db.select().from(reportVersions).where(eq(reportVersions.kind, 'auto'));
    expect(autos).toHaveLength(limit('autoVersionsKept'));
  });

  it('comments: a rate per user per hour', async () => {
    await write(db, () => db.update(reportSections).set({ plainText: '全年办理行政复议案件7件。' }).where(eq(reportSections.reportId, reportId)));
    const c = { sectionKey: 'measures', body: '请核实。', anchor: { exact: '行政复议', prefix: '全年办理', suffix: '案件', start: 4 } };
    for (let i = 0; i < limit('commentsPerUserHour'); i++) await addThread(db, w.reviewerA, reportId, c);
    await expect(addThread(db, w.reviewerA, reportId, c)).rejects.toThrow(expect.objectContaining({ status: 429 }));
  });
});

describe('finding 7: requests from another origin', () => {
  it('a route handler refuses a state change whose Origin is another port of the same host (403), and a text/plain body (415)', async () => {
    const before = await snapshot(db);
    const foreign = new Request('http://127.0.0.1:3000/api/reports', {
      method: 'POST',
      headers: { ...JSON_HEADERS, origin: 'http://127.0.0.1:8080', host: '127.0.0.1:3000' },
      body: JSON.stringify({ townshipId: w.townA1, year: 2024 }),
    });
    await expectRefused(await postReport(foreign, ctx({})), 403);
    const plain = new Request('http://127.0.0.1:3000/api/reports', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' },
      body: JSON.stringify({ townshipId: w.townA1, year: 2024 }),
    });
    await expectRefused(await postReport(plain, ctx({})), 415);
    // Only the refusal was recorded.
    expect(await snapshot(db)).toEqual(before);
    const refused = await rows(db, sql`select detail from audit_events where action = 'request.refused'`);
    expect(refused).toHaveLength(1);
  });

  it('a server action called from another origin answers a refusal, not an error', async () => {
    setActor(w.admin);
    setRequestHeaders({ origin: 'http://evil.example', host: '127.0.0.1:3000' });
    const form = new FormData();
    form.set('countyId', String(w.countyA));
    form.set('name', '新河镇');
    form.set('kind', '镇');
    const before = await snapshot(db);
    const state = await addTownshipAction(null, form);
    expect(state).toMatchObject({ ok: false });
    expect(state?.message).toMatch(/其他网站/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('same-origin rules: Sec-Fetch-Site and Origin, scripts without either', () => {
    const h = (o: Record<string, string>) => new Headers({ host: 'app.example:3000', ...o });
    expect(isSameOrigin(h({ origin: 'http://app.example:3000' }))).toBe(true);
    expect(isSameOrigin(h({ origin: 'http://app.example:3001' }))).toBe(false);
    expect(isSameOrigin(h({ origin: 'http://sub.app.example:3000' }))).toBe(false);
    expect(isSameOrigin(h({ origin: 'null' }))).toBe(false);
    expect(isSameOrigin(h({ 'sec-fetch-site': 'same-site' }))).toBe(false);
    expect(isSameOrigin(h({}))).toBe(true);
  });
});

describe('finding 8: sessions end when they should', () => {
  it('logout, password reset, deactivation and role change end sessions; reactivation revives none', async () => {
    const a = await createSession(db, w.drafterA1.id);
    expect((await checkSession(db, a)).ok).toBe(true);
    await revokeSession(db, a, 'logout', w.drafterA1.id);
    expect(await checkSession(db, a)).toEqual({ ok: false, reason: 'revoked' });

    const b = await createSession(db, w.drafterA1.id);
    await resetPassword(db, w.admin, w.drafterA1.id, 'admin-chosen-2026');
    expect(await checkSession(db, b)).toEqual({ ok: false, reason: 'revoked' });
    expect((await one(db.select().from(users).where(eq(users.id, w.drafterA1.id))))!.mustChangePassword).toBe(true);

    const c = await createSession(db, w.drafterA1.id);
    await setUserActive(db, w.admin, w.drafterA1.id, false);
    await setUserActive(db, w.admin, w.drafterA1.id, true);
    expect(await checkSession(db, c)).toEqual({ ok: false, reason: 'revoked' });

    const d = await createSession(db, w.drafterA1.id);
    await setUserScope(db, w.admin, w.drafterA1.id, { role: 'drafter', townshipId: w.townA2 });
    expect(await checkSession(db, d)).toEqual({ ok: false, reason: 'revoked' });
    expect(await rows(db, sql`select count(*) as n from audit_events where action = 'session.revoke'`)).toEqual([{ n: 4 }]);
  });

  it('an idle session ends after the idle timeout, any session after its lifetime', async () => {
    const t0 = new Date('2026-03-01T09:00:00+08:00');
    const s = await createSession(db, w.drafterA1.id, {}, t0);
    expect((await checkSession(db, s, new Date(t0.getTime() + idleTimeoutMs() - 1000))).ok).toBe(true);
    // Activity keeps it alive…
    expect((await checkSession(db, s, new Date(t0.getTime() + 2 * idleTimeoutMs() - 2000))).ok).toBe(true);
    // …until it is idle for longer than the timeout.
    expect(await checkSession(db, s, new Date(t0.getTime() + 4 * idleTimeoutMs()))).toEqual({ ok: false, reason: 'idle' });
    const row = (await one(db.select().from(sessions).where(eq(sessions.id, s))))!;
    expect(row.expiresAt.getTime() - t0.getTime()).toBe(maxLifetimeMs());
    expect(await checkSession(db, s, new Date(t0.getTime() + maxLifetimeMs() + 1))).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('finding 9: the client address', () => {
  it('X-Forwarded-For counts only behind a trusted proxy, and then its last entry', () => {
    const h = new Headers({ 'x-forwarded-for': '6.6.6.6, 10.0.0.7' });
    expect(clientAddress(h, {} as NodeJS.ProcessEnv)).toBe('unknown');
    expect(clientAddress(h, { NIANBAO_TRUST_PROXY: '1' } as unknown as NodeJS.ProcessEnv)).toBe('10.0.0.7');
    const own = new Headers({ 'x-nianbao-client-address': '192.0.2.5', 'x-forwarded-for': '6.6.6.6' });
    expect(clientAddress(own, { NIANBAO_OWN_SERVER: '1' } as unknown as NodeJS.ProcessEnv)).toBe('192.0.2.5');
  });
});

describe('finding 10: deep nesting', () => {
  it('lists nested hundreds deep are refused on save with 413, nothing changes, no 500', async () => {
    const before = await snapshot(db);
    await expectRefused(await save(nestedList(300)), 413);
    await expectRefused(await save(nestedList(limit('listDepth') + 1)), 413);
    expect(await snapshot(db)).toEqual(before);
    expect((await save(nestedList(limit('listDepth')))).status).toBe(200);
  });

  it('the depth check and the render clamp are iterative: 100,000 levels neither overflow the stack nor take long', () => {
    let node: Record<string, unknown> = { type: 'paragraph', content: [{ type: 'text', text: '底' }] };
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', content: [node] };
    const doc = { type: 'doc', content: [node] };
    expect(() => checkDocLimits(doc)).toThrow(expect.objectContaining({ status: 413 }));
    const clamped = clampDocForRender(doc as never) as { content: unknown[] };
    expect(JSON.stringify(clamped)).toContain('底');
  });
});

describe('finding 12: the Markdown export', () => {
  it('escapes HTML in the title, recipient, signature, cc and table cells', () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const md = renderText(
      {
        year: 2025,
        townshipName: '甲一镇',
        title: `标题${payload}`,
        recipient: `主送${payload}`,
        sections: { measures: { type: 'doc', content: [{ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: payload }] }] }] }] }, { type: 'paragraph', content: [{ type: 'text', text: payload }] }] } },
        signatureOrgans: [`落款${payload}`],
        documentDate: '2026-01-09',
        cc: `抄送${payload}`,
      },
      'submit',
      'md',
    );
    expect(md).not.toMatch(/<script|<img/i);
    expect(md).toContain('&lt;script&gt;');
  });
});

describe('finding 14: names become file names', () => {
  it('a township stored with ../ and a line break (from before the check) still gives flat zip entry names', async () => {
    await write(db, () => db.update(townships).set({ name: '../../etc/甲一\n镇' }).where(eq(townships.id, w.townA1)));
    await write(db, () =>
      db
        .update(reportSections)
        .set({ content: docFromText('正文。'), plainText: '正文。' })
        .where(eq(reportSections.reportId, reportId)),
    );
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    await transitionReport(db, w.reviewerA, reportId, { transition: 'approve' });
    const zip = await countyZip(db, w.reviewerA, undefined, 2025);
    const names = Object.keys((await JSZip.loadAsync(zip.body)).files);
    expect(names).toHaveLength(1);
    expect(names[0]).not.toMatch(/[/\\\n]|\.\./);
  });
});

describe('finding 15: the data folder', () => {
  it('is made private on start: folder 0700, database and secret 0600', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-perm-'));
    fs.chmodSync(dir, 0o755);
    const dbFile = path.join(dir, 'nianbao.db');
    for (const f of [dbFile, `${dbFile}-wal`, path.join(dir, 'auth-secret')]) fs.writeFileSync(f, 'x', { mode: 0o644 });
    const prev = process.env.NIANBAO_DATA_DIR;
    process.env.NIANBAO_DATA_DIR = dir;
    try {
      securePermissions(dbFile);
    } finally {
      process.env.NIANBAO_DATA_DIR = prev;
    }
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of [dbFile, `${dbFile}-wal`, path.join(dir, 'auth-secret')]) expect(fs.statSync(f).mode & 0o777).toBe(0o600);
  });
});

describe('安全审计: the audit log is append-only', () => {
  it('refuses to change or delete a row', async () => {
    await execute(db, sql`insert into audit_events (action) values ('test.event')`);
    // The engine's own message, under drizzle's "Failed query" wrapper.
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => 'done',
        (e: Error) => `${e.message} ${(e.cause as Error | undefined)?.message}`,
      );
    expect(await refusal(execute(db, sql`update audit_events set action = 'x'`))).toMatch(/cannot be changed/);
    expect(await refusal(execute(db, sql`delete from audit_events`))).toMatch(/cannot be deleted/);
  });
});
