// The one helper every page, server action and route handler uses to learn who is asking.
import 'server-only';
import { cookies } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { loadActor } from '@/lib/actor';
import type { Actor } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import { auth } from './config';

/** The signed-in, active user with role and scope re-read from the database; null when not signed in. */
export async function getActor(): Promise<Actor | null> {
  const id = await sessionUserId();
  return id === null ? null : loadActor(getDb(), id);
}

// Decrypting the session cookie (an encrypted JWT) is the largest single cost of an autosave, and an editor sends
// the same cookie every few seconds. The user id it holds is kept for a short while, keyed by the cookie itself;
// role, scope and the active flag are still read from the database on every request.
export const SESSION_CACHE_MS = 30_000;
const SESSION_CACHE_SIZE = 5_000;
const decoded = new Map<string, { userId: number; until: number }>();

async function sessionUserId(): Promise<number | null> {
  const token = (await cookies())
    .getAll()
    .filter((c) => c.name.includes('authjs.session-token'))
    .map((c) => `${c.name}=${c.value}`)
    .sort()
    .join(';');
  if (!token) return null;
  const now = Date.now();
  const hit = decoded.get(token);
  if (hit && hit.until > now) return hit.userId;
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) {
    decoded.delete(token);
    return null;
  }
  if (decoded.size >= SESSION_CACHE_SIZE) decoded.clear();
  decoded.set(token, { userId: id, until: now + SESSION_CACHE_MS });
  return id;
}

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError('unauthorized', '登录已失效，请重新登录。');
  return actor;
}

/** For pages: sends a visitor who is not signed in to the login page. */
export async function requirePageActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  return actor;
}

/** For pages: runs a lookup and turns a refusal into the 403 or 404 page, revealing nothing else. */
export function orInterrupt<T>(load: () => T): T {
  try {
    return load();
  } catch (e) {
    if (e instanceof AppError) {
      if (e.code === 'forbidden') forbidden();
      if (e.code === 'not_found' || e.code === 'bad_request') notFound();
    }
    throw e;
  }
}
