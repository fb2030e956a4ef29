// Talking to a running app over plain HTTP, as many users at once: logging in through Auth.js's credentials endpoint,
// and the few API calls the reliability tests and benchmarks need.
import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';

export type Session = { cookie: string; setCookies: string[] };

function cookiePairs(setCookies: string[]): string[] {
  return setCookies.map((c) => c.split(';')[0]!).filter((c) => !c.endsWith('='));
}

/** Logs in with username and password; `ip` is sent as X-Forwarded-For so throttling sees separate addresses. */
export async function httpLogin(baseURL: string, username: string, password: string, ip?: string): Promise<Session> {
  const extra: Record<string, string> = ip ? { 'x-forwarded-for': ip } : {};
  const csrfRes = await fetch(`${baseURL}/api/auth/csrf`, { headers: extra });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookies = cookiePairs(csrfRes.headers.getSetCookie());
  const res = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...extra, 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookies.join('; ') },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${baseURL}/` }),
  });
  const setCookies = res.headers.getSetCookie();
  const session = setCookies.find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`login as ${username} failed: ${res.status} ${res.headers.get('location')}`);
  return { cookie: [...csrfCookies, ...cookiePairs(setCookies)].join('; '), setCookies };
}

/** Signs the session out through Auth.js's own form post (with its CSRF token), as the 退出 button does: the answer. */
export async function httpLogout(baseURL: string, session: Session, callbackUrl?: string): Promise<Response> {
  const csrf = (await (await fetch(`${baseURL}/api/auth/csrf`, { headers: { cookie: session.cookie } })).json()) as { csrfToken: string };
  return fetch(`${baseURL}/api/auth/signout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, ...(callbackUrl ? { callbackUrl } : {}) }),
  });
}

export async function api<T = unknown>(
  baseURL: string,
  session: Session | null,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseURL}${url}`, {
    method,
    headers: { ...(session ? { cookie: session.cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: res.status, body: parsed as T };
}

export type SectionRow = { sectionKey: string; version: number; plainText: string; content: unknown };
export type ReportWithSections = { report: { id: number; year: number }; sections: SectionRow[] };

/** The report of this session's township for `year`, created from the template when there is none yet. */
export async function ensureReport(baseURL: string, session: Session, year: number): Promise<ReportWithSections> {
  const list = await api<{ townships: Array<{ township: { id: number }; reports: Array<{ id: number; year: number }> }> }>(
    baseURL,
    session,
    'GET',
    '/api/reports',
  );
  const own = list.body.townships[0]!;
  let id = own.reports.find((r) => r.year === year)?.id;
  if (!id) {
    const created = await api<{ report: { id: number } }>(baseURL, session, 'POST', '/api/reports', { townshipId: own.township.id, year });
    if (created.status !== 201) throw new Error(`could not create the report: ${JSON.stringify(created.body)}`);
    id = created.body.report.id;
  }
  return (await api<ReportWithSections>(baseURL, session, 'GET', `/api/reports/${id}`)).body;
}

export function doc(text: string) {
  return { type: 'doc', content: text.split('\n').map((line) => ({ type: 'paragraph', content: line ? [{ type: 'text', text: line }] : [] })) };
}

/** Runs the project's command line against a data folder (the server may be running on it). */
export function cli(dataDir: string, ...args: string[]): { status: number; stdout: string; stderr: string } {
  return cliWith(dataDir, {}, ...args);
}

/** The same, with more environment (DATABASE_URL for a PostgreSQL database). */
export function cliWith(dataDir: string, env: Record<string, string>, ...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'cli/index.ts', ...args], {
    env: { ...process.env, NIANBAO_DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking this process, for running the command line while requests are in flight. */
export function cliAsync(dataDir: string, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.resolve('node_modules/tsx/dist/cli.mjs'), 'cli/index.ts', ...args],
      { env: { ...process.env, NIANBAO_DATA_DIR: dataDir }, encoding: 'utf8' },
      (err, stdout, stderr) => resolve({ status: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
