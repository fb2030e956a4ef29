// Small helpers of the integration tests that call route handlers: a drafter signed in over a fresh world with a
// report, JSON requests and route contexts, and the refusal every limit gives (a 4xx with a Chinese sentence).
import { expect } from 'vitest';
import { createReport } from '@/lib/reports/service';
import { setRequestHeaders } from './mock-headers';
import { setActor } from './mock-session';
import { freshWorld, snapshot } from './db';
import type { Db } from '@/db/client';

export const JSON_HEADERS = { 'content-type': 'application/json' };

/** The second argument of a route handler: its params as Next.js hands them over. */
export const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });

/** A fresh small world with 甲一镇's 2025 report, its drafter signed in and no request headers. */
export async function drafterWithReport() {
  const { db, w } = await freshWorld();
  const reportId = (await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2025 })).id;
  setActor(w.drafterA1);
  setRequestHeaders({});
  return { db, w, reportId };
}

/** The answer is the given 4xx and says why in Chinese. */
export async function expectRefused(res: Response, status: number, label?: string) {
  expect(res.status, label).toBe(status);
  expect(((await res.json()) as { error: string }).error).toMatch(/[\u4e00-\u9fa5]/);
}

/** The request is refused as expectRefused says, and the database is as it was before it. */
export async function expectRefusedUnchanged(db: Db, send: () => Promise<Response>, status: number, label?: string) {
  const before = await snapshot(db);
  await expectRefused(await send(), status, label);
  expect(await snapshot(db)).toEqual(before);
}
