// The one helper every page, server action and route handler uses to learn who is asking.
import 'server-only';
import { forbidden, notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { loadActor } from '@/lib/actor';
import type { Actor } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import { auth } from './config';

/** The signed-in, active user with role and scope re-read from the database; null when not signed in. */
export async function getActor(): Promise<Actor | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  return loadActor(getDb(), id);
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
