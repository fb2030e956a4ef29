// The one helper every page, server action and route handler uses to learn who is asking.
import 'server-only';
import { cookies } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { loadSessionActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/domain/permissions';
import { AppError } from '@/lib/shared/errors';
import { checkSession } from '@/lib/auth/sessions';
import { MUST_CHANGE_PASSWORD_MESSAGE, MUST_ENROL_MESSAGE, pendingStep, type Allow } from '@/lib/auth/gate';
import { auth } from './auth-config';
import { parseId } from '@/lib/shared/validation';

export const PASSWORD_PAGE = '/account/password';
export const TWO_FACTOR_PAGE = '/account/two-factor';
export const CODE_PAGE = '/login/verify';

export type { Allow };

/**
 * The signed-in, active user with role and scope re-read from the database; null when not signed in or when the
 * session was ended (logout, password change, deactivation, idle or past its lifetime).
 */
export async function getActor(): Promise<Actor | null> {
  const s = await sessionOf();
  if (!s) return null;
  // The session row, its user and the second-factor roles in one statement, read on every request: a revoked
  // session, a deactivated account or a changed role takes effect at the next request.
  const { check, actor } = await loadSessionActor(getDb(), s.sid, s.userId);
  // A session still waiting for its second-factor code is nobody yet.
  if (!check.ok || check.session.awaitingCode || !actor) return null;
  return { ...actor, sessionId: s.sid };
}

// Decrypting the session cookie (an encrypted JWT) is the largest single cost of an autosave, and an editor sends
// the same cookie every few seconds. What it holds (user id and session id) never changes, so it is kept for a short
// while keyed by the cookie itself; whether the session still holds is read from the database on every request.
export const SESSION_CACHE_MS = 30_000;
const SESSION_CACHE_SIZE = 5_000;
const decoded = new Map<string, { userId: number; sid: string; until: number }>();

async function sessionOf(): Promise<{ userId: number; sid: string } | null> {
  const token = (await cookies())
    .getAll()
    .filter((c) => c.name.includes('authjs.session-token'))
    .map((c) => `${c.name}=${c.value}`)
    .sort()
    .join(';');
  if (!token) return null;
  const now = Date.now();
  const hit = decoded.get(token);
  if (hit && hit.until > now) return hit;
  const session = await auth();
  const id = Number(session?.user?.id);
  const sid = session?.user?.sid;
  if (!Number.isInteger(id) || id <= 0 || typeof sid !== 'string' || !sid) {
    decoded.delete(token);
    return null;
  }
  if (decoded.size >= SESSION_CACHE_SIZE) decoded.clear();
  const entry = { userId: id, sid, until: now + SESSION_CACHE_MS };
  decoded.set(token, entry);
  return entry;
}

/**
 * The session a correct password opened for an account with a second factor, still waiting for its code (the
 * code page's only visitor); null otherwise.
 */
export async function getPendingSignIn(): Promise<{ sessionId: string; userId: number } | null> {
  const s = await sessionOf();
  if (!s) return null;
  const check = await checkSession(getDb(), s.sid, new Date(), { touch: false });
  if (!check.ok || check.session.userId !== s.userId || !check.session.awaitingCode) return null;
  return { sessionId: s.sid, userId: s.userId };
}

/**
 * For route handlers and actions. An account that must choose its own password may do only that
 * (`allowPasswordChange`), one that must enrol a second factor only that (`allowEnrolment`); everything else
 * answers 403 until it has.
 */
export async function requireActor(opts: Allow = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError('unauthorized', '登录已失效，请重新登录。');
  const step = pendingStep(actor, opts);
  if (step) throw new AppError('forbidden', step === 'password' ? MUST_CHANGE_PASSWORD_MESSAGE : MUST_ENROL_MESSAGE);
  return actor;
}

// A page and its layouts ask who is asking in the same render: looked up once per request.
const actorOfRender = cache(getActor);

/**
 * For pages: sends a visitor who is not signed in to the login page, one who must change the password to that page,
 * and one who must enrol a second factor to that one (the password first).
 */
export async function requirePageActor(opts: Allow = {}): Promise<Actor> {
  const actor = await actorOfRender();
  if (!actor) redirect('/login');
  const step = pendingStep(actor, opts);
  if (step) redirect(step === 'password' ? PASSWORD_PAGE : TWO_FACTOR_PAGE);
  return actor;
}

/** For pages: runs a lookup and turns a refusal into the 403 or 404 page, revealing nothing else. */
export async function orInterrupt<T>(load: () => T | Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof AppError) {
      if (e.code === 'forbidden') forbidden();
      if (e.code === 'not_found' || e.code === 'bad_request') notFound();
    }
    throw e;
  }
}

/** For the pages of one report: who is asking, the database and the report id from the URL (404 when malformed). */
export async function reportPage(params: Promise<{ id: string }>): Promise<{ actor: Actor; db: Db; reportId: number }> {
  const actor = await requirePageActor();
  const { id } = await params;
  return { actor, db: getDb(), reportId: await orInterrupt(() => parseId(id, '报告编号')) };
}

/**
 * A page of one report loading what it shows: who is asking, the report id from the URL (404 when malformed), and
 * `load` run with them (403/404 pages on refusal); with the query string's fields.
 */
export async function reportPageData<T, Query extends Record<string, string | undefined>>(
  props: ReportPageProps<Query>,
  load: (db: Db, actor: Actor, reportId: number, query: Query) => T | Promise<T>,
): Promise<{ data: T; query: Query; actor: Actor }> {
  const { actor, db, reportId } = await reportPage(props.params);
  const query = await props.searchParams;
  return { data: await orInterrupt(() => load(db, actor, reportId, query)), query, actor };
}

/** What Next.js hands a page of one report: its id, and the query string's fields. */
export type ReportPageProps<Query extends Record<string, string | undefined> = Record<string, never>> = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Query>;
};
