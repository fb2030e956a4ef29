// The public pages (no sign-in): what they show, found by the id in their URL. A malformed id and every refusal
// answer the same 404 as an id that does not exist, so the public cannot tell an unpublished report from none.
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { isAppError } from '@/lib/shared/errors';

export async function publicPageData<T>(id: string, load: (db: Db, id: number) => Promise<T>): Promise<T> {
  try {
    if (!/^\d{1,15}$/.test(id)) notFound();
    return await load(getDb(), Number(id));
  } catch (e) {
    if (isAppError(e)) notFound();
    throw e;
  }
}
