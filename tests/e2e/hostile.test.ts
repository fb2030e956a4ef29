// Hostile input against the running app (our own server, as `npm start` runs it): every input at or beyond its limit
// gets a 4xx within its budget, the server stays up, its memory grows by a bounded amount (read from /proc), and the
// report's text is unchanged. Also the headers, same-origin refusals, session end and address handling over HTTP.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentReportYear } from '@/lib/reports/service';
import { startApp, type AppServer } from './app-server';
import { api, ensureReport, httpLogin, type ReportWithSections, type Session, httpLogout } from './http';
import { bombDocx } from '../support/zip-bomb';

const YEAR = currentReportYear();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-hostile-'));
let app: AppServer;
let drafter: Session;
let reviewer: Session;
let report: ReportWithSections;

/** Resident memory of the server's process group, in bytes. */
function rss(): number {
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgid !== app.pid) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

function chunked(total: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(256 * 1024).fill(0x7b);
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      if (sent >= total) return c.close();
      sent += chunk.length;
      c.enqueue(chunk);
    },
  });
}

async function raw(url: string, init: RequestInit & { session?: Session }) {
  const t0 = performance.now();
  try {
    const res = await fetch(`${app.url}${url}`, { ...init, headers: { ...(init.session ? { cookie: init.session.cookie } : {}), ...(init.headers as Record<string, string>) } });
    const text = await res.text();
    return { status: res.status, text, ms: performance.now() - t0, headers: res.headers };
  } catch (e) {
    // The server may close the connection while a refused body is still being sent: that is a refusal too.
    return { status: 0, text: String(e), ms: performance.now() - t0, headers: new Headers() };
  }
}

beforeAll(async () => {
  app = await startApp(dataDir);
  drafter = await httpLogin(app.url, 'shili', 'nianbao2026');
  reviewer = await httpLogin(app.url, 'shenhe', 'nianbao2026');
  report = await ensureReport(app.url, drafter, YEAR);
});
afterAll(async () => {
  await app?.stop();
});

describe('hostile input against the running app', () => {
  it('every input at and past its limit: 4xx within budget, server up, memory bounded, nothing changed', async () => {
    const id = report.report.id;
    const section = report.sections.find((s) => s.sectionKey === 'measures')!;
    // Warm up the routes once so their first compilation does not count as growth.
    await api(app.url, drafter, 'GET', `/api/reports/${id}`);
    const rss0 = rss();
    const json = { 'content-type': 'application/json' };
    let deep: Record<string, unknown> = { type: 'paragraph', content: [{ type: 'text', text: '深' }] };
    for (let i = 0; i < 400; i++) deep = { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }, deep] }] };
    const wide = { type: 'doc', content: [{ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 100_000_000 }, content: [{ type: 'paragraph' }] }] }] }] };
    const form = new FormData();
    form.set('file', new File([new Uint8Array(bombDocx(2 * 1024 * 1024 * 1024 - 1))], 'bomb.docx'));
    const cases: Array<[string, () => Promise<{ status: number; ms: number }>, number[]]> = [
      ['section body streamed without length, 60 MB', () => raw(`/api/reports/${id}/sections/measures`, { method: 'PUT', session: drafter, headers: json, body: chunked(60 * 1024 * 1024), duplex: 'half' } as RequestInit & { session: Session }), [413, 0]],
      ['declared 50 MB body', () => raw('/api/reports', { method: 'POST', session: drafter, headers: { ...json, 'content-length': String(50 * 1024 * 1024) }, body: 'x' }), [413, 0]],
      ['login endpoint, 20 MB streamed', () => raw('/api/auth/callback/credentials', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: chunked(20 * 1024 * 1024), duplex: 'half' } as RequestInit), [413, 0]],
      ['colspan 100,000,000', () => raw(`/api/reports/${id}/sections/measures`, { method: 'PUT', session: drafter, headers: json, body: JSON.stringify({ content: wide, version: section.version }) }), [413]],
      ['list nested 400 deep', () => raw(`/api/reports/${id}/sections/measures`, { method: 'PUT', session: drafter, headers: json, body: JSON.stringify({ content: { type: 'doc', content: [deep] }, version: section.version }) }), [413]],
      ['comment quote of 5,000 characters', () => raw(`/api/reports/${id}/comments`, { method: 'POST', session: reviewer, headers: json, body: JSON.stringify({ sectionKey: 'measures', body: '请核实', anchor: { exact: '法'.repeat(5000), prefix: '', suffix: '', start: 0 } }) }), [400, 413]],
      ['a 2 GB zip bomb', () => raw('/api/import/preview', { method: 'POST', session: drafter, body: form }), [413]],
      ['a text/plain post', () => raw('/api/reports', { method: 'POST', session: drafter, headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ townshipId: 1, year: YEAR - 3 }) }), [415]],
      ['a post from another port of the same host', () => raw('/api/reports', { method: 'POST', session: drafter, headers: { ...json, origin: 'http://127.0.0.1:1' }, body: JSON.stringify({ townshipId: 1, year: YEAR - 3 }) }), [403]],
      ['a server action from another origin', () => raw('/', { method: 'POST', session: drafter, headers: { 'next-action': '0'.repeat(42), origin: 'http://evil.example', 'content-type': 'text/plain' }, body: '[]' }), [403]],
    ];
    const answered: string[] = [];
    for (const [name, run, statuses] of cases) {
      const r = await run();
      answered.push(`${name}: ${r.status} in ${Math.round(r.ms)} ms`);
      expect(statuses, name).toContain(r.status);
      // Each refusal comes within a budget far below any timeout, whatever the input's size.
      expect(r.ms, name).toBeLessThan(15_000);
      expect((await raw('/api/health', {})).status, `alive after ${name}`).toBe(200);
    }
    console.log(answered.join('\n'));
    for (const q of ['sort=__proto__', 'sort=constructor', 'status=valueOf', 'status=__proto__&sort=toString']) {
      expect((await raw(`/dashboard?${q}`, { session: reviewer })).status, q).toBe(200);
    }
    const grown = rss() - rss0;
    console.log(`server memory grew by ${Math.round(grown / 1024 / 1024)} MB over the hostile inputs`);
    expect(grown).toBeLessThan(400 * 1024 * 1024);
    const after = await api<ReportWithSections>(app.url, drafter, 'GET', `/api/reports/${id}`);
    expect(after.body.sections.map((s) => [s.sectionKey, s.version, s.plainText])).toEqual(report.sections.map((s) => [s.sectionKey, s.version, s.plainText]));
  });

  it('security headers on pages and API answers; the page CSP carries a nonce and forbids framing', async () => {
    const page = await raw('/login', {});
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(page.text).toContain(`nonce="${nonce}"`);
    for (const r of [page, await raw('/api/health', {})]) {
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('same-origin');
      expect(r.headers.get('permissions-policy')).toContain('camera=()');
    }
  });

  it('a session ended by logout is refused, and the session endpoint does not renew it', async () => {
    const s = await httpLogin(app.url, 'donghu', 'nianbao2026');
    expect((await api(app.url, s, 'GET', '/api/reports')).status).toBe(200);
    const out = await httpLogout(app.url, s);

    expect(out.status).toBeLessThan(400);
    // The old cookie, kept by an attacker, no longer works anywhere.
    expect((await api(app.url, s, 'GET', '/api/reports')).status).toBe(401);
    const session = await fetch(`${app.url}/api/auth/session`, { headers: { cookie: s.cookie } });
    const body = (await session.json()) as { user?: unknown } | null;
    expect(body?.user).toBeUndefined();
    expect(session.headers.getSetCookie().filter((c) => /session-token=[^;]/.test(c) && !/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c))).toEqual([]);
  });

  it('X-Forwarded-For is ignored without a trusted proxy: changing it does not get around the lock', async () => {
    for (let i = 0; i < 5; i++) {
      await expect(httpLogin(app.url, 'qingshi', `wrong-${i}`, `203.0.113.${i}`)).rejects.toThrow();
    }
    await expect(httpLogin(app.url, 'qingshi', 'nianbao2026', '198.51.100.7')).rejects.toThrow();
  });

  it('the data folder is private: folder 0700, database and secret 0600', () => {
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const f of ['nianbao.db', 'auth-secret']) expect(fs.statSync(path.join(dataDir, f)).mode & 0o777).toBe(0o600);
  });
});
