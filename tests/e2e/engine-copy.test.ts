// Moving up and back: the demo plus a county of 100 townships, copied by the command line SQLite → PostgreSQL →
// SQLite with identical row counts and checksums, and the app started on the PostgreSQL copy serving the same pages
// as the app on the SQLite original (the same users see the same text on the home page, a report, the dashboard and
// the search).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@/cli/seed';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { execute, rows } from '@/db/tx';
import { PG_OFF } from '../support/pg';
import { throwawayPg } from '../support/pg-throwaway';
import { seedHundredTownships } from '../support/hundred-townships';
import { startApp, type AppServer } from './app-server';
import { cliWith, httpLogin, type Session } from './http';

/** A page's visible text: tags, scripts and styles gone, per-render values (nonces, tokens, times) blanked. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\d+\s*(秒|分钟|小时)前/g, '…前')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The lines `db copy` prints per table: name, rows, checksum. */
const tableLines = (out: string) => out.split('\n').filter((l) => /^\w+\t\d+\t[0-9a-f]{64}$/.test(l));

describe.skipIf(PG_OFF)('SQLite → PostgreSQL → SQLite, and the app on the copy', () => {
  const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-up-'));
  const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-up-pg-'));
  const source = path.join(sqliteDir, 'nianbao.db');
  const pg = throwawayPg(async () => {
    await onSqlite?.stop();
    await onPostgres?.stop();
  });
  let onSqlite: AppServer;
  let onPostgres: AppServer;
  let countyId = 0;
  let reportId = 0;
  let up: string[] = [];

  beforeAll(async () => {
    const db = openDatabase(source);
    countyId = (await seedHundredTownships(db)).countyId;
    // These two stand for people who already chose their own password at first sign-in.
    await execute(db, sql`update users set must_change_password = 0 where username in ('baizhen-sh', 'town-7')`);
    reportId = (await rows<{ id: number }>(db, sql`select r.id from reports r join townships t on t.id = r.township_id where t.name = '第7镇'`))[0]!.id;
    db.$client.close();
  }, 300_000);

  it('copies up and back with the same row count and checksum in every table', () => {
    const there = cliWith(sqliteDir, {}, 'db', 'copy', '--from', source, '--to', pg.url);
    expect(there.status, there.stderr).toBe(0);
    up = tableLines(there.stdout);
    expect(up.length).toBeGreaterThanOrEqual(19);
    expect(up.find((l) => l.startsWith('townships\t'))).toMatch(/^townships\t10[3-9]\t/);
    const back = cliWith(sqliteDir, {}, 'db', 'copy', '--from', pg.url, '--to', path.join(sqliteDir, 'back.db'));
    expect(back.status, back.stderr).toBe(0);
    expect(tableLines(back.stdout)).toEqual(up);
  }, 300_000);

  it('the app on the PostgreSQL copy serves the same pages as the app on the SQLite original', async () => {
    onSqlite = await startApp(sqliteDir);
    onPostgres = await startApp(pgDir, undefined, { DATABASE_URL: pg.url });
    for (const [who, password] of [
      ['admin', DEMO_PASSWORD],
      ['baizhen-sh', 'Baizhen-review-1'],
      ['town-7', 'Town-drafter-1'],
    ] as const) {
      const sessions: Record<string, Session> = {};
      for (const app of [onSqlite, onPostgres]) sessions[app.url] = await httpLogin(app.url, who, password);
      const page = async (app: AppServer, p: string) => {
        const res = await fetch(`${app.url}${p}`, { headers: { cookie: sessions[app.url]!.cookie }, redirect: 'manual' });
        return { status: res.status, text: visibleText(await res.text()) };
      };
      // Home, 第7镇's report (the drafter's own, in the reviewer's county), its versions, a search; the dashboard for
      // the reviewer and the admin.
      const pages = ['/', `/reports/${reportId}`, `/reports/${reportId}/versions`, `/search?q=${encodeURIComponent('执法检查')}`];
      if (who !== 'town-7') pages.push(`/dashboard?county=${countyId}&year=2025`);
      for (const p of pages) {
        const [a, b] = [await page(onSqlite, p), await page(onPostgres, p)];
        expect(b.status, `${who} ${p}`).toBe(a.status);
        expect(a.status, `${who} ${p}`).toBe(200);
        expect(b.text, `${who} ${p}`).toBe(a.text);
        expect(a.text.length).toBeGreaterThan(50);
      }
    }
  }, 600_000);
});
