// Requests from another origin (lib/server/origin.ts) at route handlers and server actions.
// One of the hardening findings, against the real services and route handlers: each input at and past its limit is
// refused with a 4xx and a Chinese message and changes nothing; work over user text is compared at n and 4n.
import { rows } from '@/db/tx';
import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { POST as postReport } from '@/app/api/reports/route';
import { addTownshipAction } from '@/app/(app)/admin/actions';
import type { Db } from '@/db/client';
import { isSameOrigin } from '@/lib/server/origin';
import { setRequestHeaders } from '../../support/mock-headers';
import { setActor } from '../../support/mock-session';
import { snapshot, type World } from '../../support/db';
import { JSON_HEADERS, ctx, drafterWithReport, expectRefused } from '../../support/requests';

let db: Db;
let w: World;
beforeEach(async () => ({ db, w } = await drafterWithReport()));

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
