// Hostile input against the running app (our own server, as `npm start` runs it): every input at or beyond its limit
// gets a 4xx within its budget, the server stays up, its memory grows by a bounded amount (read from /proc), and the
// report's text is unchanged. Also the headers, same-origin refusals, session end and address handling over HTTP.
// Every attack is watched while it runs: /api/health is asked every 100 ms and must answer within 1 s each time,
// and the server's resident memory (sampled meanwhile) may grow by less than 100 MB; the figures are printed.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentReportYear } from '@/lib/reports/service';
import { startApp, type AppServer } from './app-server';
import { api, doc, ensureReport, httpLogin, httpLogout, type ReportWithSections, type Session } from './http';
import { bombDocx } from '../support/zip-bomb';
import { docxWithBody, ins, para, rawPara, reportBody } from '../support/revised-docx';
import { commented, p as rp, reviewedDocx, text as rtext } from '../support/reviewed-docx';
import { launchChromium } from './chromium';
import { newPage, login, shot } from './support';

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

const HEALTH_BUDGET_MS = 1000;

/**
 * GET /api/health on a connection of its own (no keep-alive pool shared with the attack, whose connection the server
 * may close mid-body): null when it answers 200, else what went wrong.
 */
function healthOnItsOwnConnection(): Promise<string | null> {
  return new Promise((resolve) => {
    const req = http.get(`${app.url}/api/health`, { agent: false, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200 ? null : `status ${res.statusCode}`));
    });
    req.on('timeout', () => req.destroy(new Error('no answer in 10 s')));
    req.on('error', (e) => resolve(String(e)));
  });
}
const GROWTH_BUDGET = 100 * 1024 * 1024;

type Watched<T> = T & { healthMs: number; healthAsked: number; grown: number };

/**
 * Runs one attack while asking /api/health every 100 ms (the slowest answer kept; a health request still open when
 * the attack ends is awaited) and sampling the server's memory; `grown` is the peak over the memory before it.
 */
async function watched<T>(run: () => Promise<T>): Promise<Watched<T>> {
  const before = rss();
  let peak = before;
  let healthMs = 0;
  let healthAsked = 0;
  const healthFailures: string[] = [];
  let done = false;
  const poll = (async () => {
    while (!done) {
      const t0 = performance.now();
      const failed = await healthOnItsOwnConnection();
      if (failed) healthFailures.push(`after ${Math.round(performance.now() - t0)} ms: ${failed}`);
      healthMs = Math.max(healthMs, failed ? Infinity : performance.now() - t0);
      healthAsked++;
      peak = Math.max(peak, rss());
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  let result: T;
  try {
    result = await run();
  } finally {
    done = true;
    // The health request in flight when the attack ends counts too.
    await poll;
  }
  peak = Math.max(peak, rss());
  if (healthFailures.length) console.log(`/api/health failed: ${healthFailures.join('; ')}`);
  return { ...result, healthMs, healthAsked, grown: peak - before };
}

const figures = (name: string, r: { status?: number; ms?: number; healthMs: number; healthAsked: number; grown: number }) =>
  `${name}: ${r.status ?? ''} in ${Math.round(r.ms ?? 0)} ms; /api/health slowest ${Math.round(r.healthMs)} ms of ${r.healthAsked}; memory +${(r.grown / 1024 / 1024).toFixed(1)} MB`;

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
    for (const [name, run, statuses] of cases) {
      const r = await watched(run);
      console.log(figures(name, r));
      expect(statuses, name).toContain(r.status);
      // Each refusal comes within a budget far below any timeout, whatever the input's size.
      expect(r.ms, name).toBeLessThan(15_000);
      expect(r.healthMs, `/api/health during ${name}`).toBeLessThan(HEALTH_BUDGET_MS);
      expect(r.grown, `memory during ${name}`).toBeLessThan(GROWTH_BUDGET);
      expect((await raw('/api/health', {})).status, `alive after ${name}`).toBe(200);
    }
    for (const q of ['sort=__proto__', 'sort=constructor', 'status=valueOf', 'status=__proto__&sort=toString']) {
      expect((await raw(`/dashboard?${q}`, { session: reviewer })).status, q).toBe(200);
    }
    const grown = rss() - rss0;
    console.log(`server memory grew by ${Math.round(grown / 1024 / 1024)} MB over the hostile inputs`);
    expect(grown).toBeLessThan(400 * 1024 * 1024);
    const after = await api<ReportWithSections>(app.url, drafter, 'GET', `/api/reports/${id}`);
    expect(after.body.sections.map((s) => [s.sectionKey, s.version, s.plainText])).toEqual(report.sections.map((s) => [s.sectionKey, s.version, s.plainText]));
  });

  it('Word tracked changes, author names, suggestions filed from a file and half characters: 4xx with a Chinese sentence, health within 1 s', async () => {
    // A report of another township, submitted, so a reviewer may file a returned file and suggest on it.
    const donghu = await httpLogin(app.url, 'donghu', 'nianbao2026');
    const own = await ensureReport(app.url, donghu, YEAR);
    const rid = own.report.id;
    const measures = own.sections.find((s) => s.sectionKey === 'measures')!;
    const text = '全年开展执法检查😀136次，聘请法律顾问1名。';
    expect((await api(app.url, donghu, 'PUT', `/api/reports/${rid}/sections/measures`, { content: doc(text), version: measures.version })).status).toBe(200);
    expect((await api(app.url, donghu, 'POST', `/api/reports/${rid}/transitions`, { transition: 'submit' })).status).toBe(200);
    const json = { 'content-type': 'application/json' };
    const multipart = (buf: Buffer, name = '审阅稿.docx') => {
      const form = new FormData();
      form.set('file', new File([new Uint8Array(buf)], name));
      return form;
    };
    // 40,000 tracked insertions in one paragraph (the quadratic rewrite took 7.2 s for this on main 92d5e80).
    const onePara = await docxWithBody(reportBody(rawPara(Array.from({ length: 40_000 }, (_, i) => ins('字', '王审核', i)).join(''))));
    // 6,000 in twelve paragraphs of 500: each paragraph within its limit, the document past its own.
    const manyParas = await docxWithBody(reportBody(Array.from({ length: 12 }, (_, p) => rawPara(Array.from({ length: 500 }, (_, i) => ins('字', '王审核', p * 500 + i)).join(''))).join('')));
    // 100 tracked changes whose authors are 120,000 characters each (an 82 KB file once gave a 54 MB answer).
    const longAuthors = await docxWithBody(reportBody(para('全年开展执法检查136次。') + rawPara(Array.from({ length: 100 }, (_, i) => ins(`第${i}处`, `${i}`.padEnd(120_000, '审'), i)).join(''))));
    // More Word comments than a returned file may bring (counted before the file is read further).
    const manyComments = await reviewedDocx(
      [rp(`${commented(0, rtext('全年开展执法检查'))}${rtext('136次。')}`)],
      Array.from({ length: 1001 }, (_, i) => ({ id: i, author: '王审核', body: `第${i}条批注` })),
    );
    let flood = '';
    const emojiAt = text.indexOf('😀');
    const chinese = /[\u4e00-\u9fff]/;
    // Answers within 1 s; a file that is read whole by design (12 MB of XML around 100 long author names, cut as the
    // file is checked) within 3 s on this shared machine (it took about 0.25 s alone; over 2 s before the cut).
    const READ_WHOLE_MS = 3000;
    const cases: Array<[string, () => Promise<{ status: number; ms: number; text: string }>, number[], number?]> = [
      ['import preview: 40,000 tracked insertions in one paragraph', () => raw('/api/import/preview', { method: 'POST', session: drafter, body: multipart(onePara) }), [413]],
      ['import preview: 6,000 tracked changes in one file', () => raw('/api/import/preview', { method: 'POST', session: drafter, body: multipart(manyParas) }), [413]],
      ['import preview: 100 authors of 120,000 characters', () => raw('/api/import/preview', { method: 'POST', session: drafter, body: multipart(longAuthors) }), [200], READ_WHOLE_MS],
      ['import commit claiming 5,001 tracked changes', () => raw('/api/import/commit', { method: 'POST', session: drafter, headers: json, body: JSON.stringify({ townshipId: 1, year: YEAR, title: '报告', sections: {}, revisions: { count: 5001, choice: 'accepted' } }) }), [413]],
      // The one gate: whoever may not comment on the report gets no file read (a drafter may file one onto her own).
      ['a drafter files a returned file onto another township’s report', () => raw(`/api/reports/${rid}/review-import`, { method: 'POST', session: drafter, body: multipart(onePara) }), [403, 404]],
      ['review import: 40,000 tracked insertions in one paragraph', () => raw(`/api/reports/${rid}/review-import`, { method: 'POST', session: reviewer, body: multipart(onePara) }), [413]],
      ['review import: 6,000 tracked changes in one file', () => raw(`/api/reports/${rid}/review-import`, { method: 'POST', session: reviewer, body: multipart(manyParas) }), [413]],
      ['review import: 100 authors of 120,000 characters', () => raw(`/api/reports/${rid}/review-import`, { method: 'POST', session: reviewer, body: multipart(longAuthors) }), [200, 201, 413], READ_WHOLE_MS],
      [
        'a suggestion on half of an emoji',
        () =>
          raw(`/api/reports/${rid}/suggestions`, {
            method: 'POST',
            session: reviewer,
            headers: json,
            body: JSON.stringify({ sectionKey: 'measures', anchor: { exact: text.slice(emojiAt + 1, emojiAt + 4), prefix: text.slice(0, emojiAt + 1), suffix: '', start: emojiAt + 1 }, replacement: '字' }),
          }),
        [400],
      ],
      ['a suggestion listing of a million', () => raw(`/api/reports/${rid}/suggestions?limit=1000000`, { method: 'GET', session: reviewer }), [400]],
      ['a suggestion listing from a negative place', () => raw(`/api/reports/${rid}/suggestions?after=-1`, { method: 'GET', session: reviewer }), [400]],
      ['import preview: a pasted text of 3.3 MB', () => raw('/api/import/preview', { method: 'POST', session: drafter, headers: json, body: JSON.stringify({ text: '法'.repeat(1_100_000) }) }), [413, 0]],
      ['review import: 1,001 Word comments', () => raw(`/api/reports/${rid}/review-import`, { method: 'POST', session: reviewer, body: multipart(manyComments) }), [413]],
      // Last: it uses up the reviewer's suggestions for the hour.
      [
        'a flood of 240 suggestions from one reviewer, ten at a time',
        async () => {
          const answers: Array<{ status: number; ms: number; text: string }> = [];
          for (let i = 0; i < 240; i += 10) {
            answers.push(
              ...(await Promise.all(
                Array.from({ length: 10 }, (_, k) =>
                  raw(`/api/reports/${rid}/suggestions`, {
                    method: 'POST',
                    session: reviewer,
                    headers: json,
                    body: JSON.stringify({ sectionKey: 'measures', anchor: { exact: '136次', prefix: '全年开展执法检查😀', suffix: '，聘请法律顾问1名。', start: text.indexOf('136次') }, replacement: `${137 + i + k}次` }),
                  }),
                ),
              )),
            );
          }
          const made = answers.filter((a) => a.status === 201).length;
          const refused = answers.filter((a) => a.status === 429);
          flood = `${made} made, ${refused.length} refused with 429`;
          expect(made + refused.length).toBe(240);
          return { status: refused.length ? 429 : 201, ms: Math.max(...answers.map((a) => a.ms)), text: refused[0]?.text ?? '' };
        },
        [429],
      ],
    ];
    for (const [name, run, statuses, budget = 1000] of cases) {
      const r = await watched(run);
      console.log(`${figures(name, r)}; answer ${(r.text.length / 1024).toFixed(1)} KB`);
      expect(statuses, `${name}: ${r.text.slice(0, 300)}`).toContain(r.status);
      if (r.status >= 400) {
        const body = JSON.parse(r.text) as { error: string; code: string };
        expect(body.error, name).toMatch(chinese);
        expect(body.code, name).not.toBe('internal');
      }
      // The answer itself (7 to 56 s on main 92d5e80 for the tracked changes).
      expect(r.ms, name).toBeLessThan(budget);
      expect(r.healthMs, `/api/health during ${name}`).toBeLessThan(HEALTH_BUDGET_MS);
      expect(r.grown, `memory during ${name}`).toBeLessThan(GROWTH_BUDGET);
      // An author's name is cut as it is read: the answer stays small however long the names in the file.
      expect(r.text.length, name).toBeLessThan(256 * 1024);
    }
    console.log(`suggestion flood: ${flood}`);
    // 200 an hour (suggestionsPerUserHour), the ones a returned file filed included: the rest refused.
    const [made, refused] = flood.match(/\d+/g)!.map(Number) as [number, number];
    expect(made).toBeLessThanOrEqual(200);
    expect(refused).toBeGreaterThanOrEqual(40);
    const preview = JSON.parse((await raw('/api/import/preview', { method: 'POST', session: drafter, body: multipart(longAuthors) })).text) as { revisions: { count: number; authors: string[] } };
    expect(preview.revisions.count).toBe(100);
    expect(Math.max(...preview.revisions.authors.map((a) => a.length))).toBeLessThanOrEqual(60);
    // The text of the part is as the drafter wrote it: nothing of the refused files reached it.
    const after = await api<ReportWithSections>(app.url, donghu, 'GET', `/api/reports/${rid}`);
    expect(after.body.sections.find((s) => s.sectionKey === 'measures')!.plainText).toBe(text);
  }, 180_000);

  it('in the browser: the import page shows each refusal in Chinese, stays usable, and the server keeps answering', async () => {
    const browser = await launchChromium();
    try {
      const page = await newPage(browser, app.url);
      await login(page, 'shili', 'nianbao2026');
      await page.waitForURL((u) => u.pathname === '/');
      await page.goto('/import');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-hostile-files-'));
      const file = (name: string, buf: Buffer) => {
        const f = path.join(dir, name);
        fs.writeFileSync(f, buf);
        return f;
      };
      const files: Array<[string, string, RegExp]> = [
        ['40,000 tracked insertions in one paragraph', file('一段四万处修订.docx', await docxWithBody(reportBody(rawPara(Array.from({ length: 40_000 }, (_, i) => ins('字', '王审核', i)).join(''))))), /一个段落中有超过 500 处修订/],
        [
          '6,000 tracked changes',
          file('六千处修订.docx', await docxWithBody(reportBody(Array.from({ length: 12 }, (_, p) => rawPara(Array.from({ length: 500 }, (_, i) => ins('字', '王审核', p * 500 + i)).join(''))).join('')))),
          /修订超过 5000 处/,
        ],
        ['a 2 GB zip bomb', file('压缩炸弹.docx', bombDocx(2 * 1024 * 1024 * 1024 - 1)), /解压后超过/],
      ];
      const seen: string[] = [];
      for (const [name, f, message] of files) {
        const r = await watched(async () => {
          const t0 = performance.now();
          await page.getByTestId('import-file').setInputFiles(f);
          await expect.poll(() => page.getByTestId('import-error').textContent(), { timeout: 15_000 }).toMatch(message);
          return { ms: performance.now() - t0 };
        });
        seen.push(`${figures(`browser, ${name}`, r)}: ${await page.getByTestId('import-error').textContent()}`);
        expect(r.healthMs, `/api/health during ${name}`).toBeLessThan(HEALTH_BUDGET_MS);
        expect(r.grown, `memory during ${name}`).toBeLessThan(GROWTH_BUDGET);
        await expect.poll(() => page.getByTestId('import-file').isEnabled()).toBe(true);
      }
      // Long author names arrive cut; a sound file is read at once after the refusals.
      const authors = file('作者名很长.docx', await docxWithBody(reportBody(para('全年开展执法检查136次。') + rawPara(Array.from({ length: 100 }, (_, i) => ins(`第${i}处`, `${i}`.padEnd(120_000, '审'), i)).join('')))));
      await page.getByTestId('import-file').setInputFiles(authors);
      await page.getByTestId('import-tracked-changes').waitFor({ timeout: 15_000 });
      const notice = (await page.getByTestId('import-tracked-changes').textContent()) ?? '';
      expect(notice).toContain('100 处 Word 修订');
      expect(notice.length).toBeLessThan(100 * 62 + 200);
      await page.getByTestId('import-part-measures').waitFor();
      seen.push(`browser, long author names: notice of ${notice.length} characters`);
      console.log(seen.join('\n'));
      await shot(page, 'hostile-import-after-refusals');
    } finally {
      await browser.close();
    }
  }, 180_000);

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
