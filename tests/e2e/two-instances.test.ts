// Two `npm start` servers on different ports sharing one database, as two instances behind a load balancer would: on
// the SQLite file (one data folder) and on PostgreSQL (one database). A save on one is read on the other; 50
// conflicting saves spread over both give exactly one 200 and 49 409s; failed logins spread over both lock the
// account on both; a session ended on one is refused by the other.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@/cli/seed';
import { currentReportYear } from '@/lib/reports/service';
import { freshPgDatabase, PG_OFF, type TestPg } from '../support/pg';
import { startApp, type AppServer } from './app-server';
import { api, cliWith, doc, ensureReport, httpLogin, type Session, httpLogout } from './http';

const year = currentReportYear();

/** One shared database as the test sees it: how the servers are pointed at it, and a way to read and write it. */
type Shared = { env: Record<string, string>; query: (sql: string) => Promise<number | void>; close: () => Promise<void> };

function sqliteShared(dataDir: string): Shared {
  return {
    env: {},
    query: async (sql) => {
      const db = new Database(path.join(dataDir, 'nianbao.db'));
      try {
        const stmt = db.prepare(sql);
        return stmt.reader ? (stmt.get() as { n: number }).n : void stmt.run();
      } finally {
        db.close();
      }
    },
    close: async () => undefined,
  };
}

function pgShared(t: TestPg): Shared {
  return {
    env: { DATABASE_URL: t.url },
    query: async (sql) => {
      const r = await t.pool.query(sql);
      return r.command === 'SELECT' ? Number(r.rows[0].n) : undefined;
    },
    close: () => t.drop(),
  };
}

const engines = [{ engine: 'SQLite' }, ...(PG_OFF ? [] : [{ engine: 'PostgreSQL' }])];

describe.each(engines)('two instances on one database ($engine)', ({ engine }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-two-'));
  let a: AppServer;
  let b: AppServer;
  let shared: Shared;
  const count = async (sql: string) => (await shared.query(sql)) as number;

  beforeAll(async () => {
    shared = engine === 'PostgreSQL' ? pgShared(await freshPgDatabase({ migrate: false })) : sqliteShared(dataDir);
    // One after the other: the first migrates and seeds the database, the second finds it ready.
    a = await startApp(dataDir, undefined, shared.env);
    b = await startApp(dataDir, undefined, shared.env);
    const add = cliWith(
      dataDir,
      shared.env,
      'user',
      'add',
      '--username',
      'twin',
      '--name',
      '双实例',
      '--role',
      'drafter',
      '--township',
      '青石乡',
      '--password',
      'Shuang-shili-2026',
    );
    expect(add.status, add.stderr).toBe(0);
    await shared.query(`update users set must_change_password = ${engine === 'PostgreSQL' ? 'false' : '0'} where username = 'twin'`);
  }, 600_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await shared?.close();
  });

  /** One login attempt through Auth.js; true when a session cookie came back. */
  async function tries(base: string, username: string, password: string): Promise<boolean> {
    try {
      await httpLogin(base, username, password);
      return true;
    } catch {
      return false;
    }
  }

  let session: Session;
  let reportId: number;

  it('a save on one is read on the other, with the same session cookie', async () => {
    session = await httpLogin(a.url, 'qingshi', DEMO_PASSWORD);
    const report = await ensureReport(a.url, session, year);
    reportId = report.report.id;
    const measures = report.sections.find((s) => s.sectionKey === 'measures')!;
    const saved = await api<{ version: number }>(a.url, session, 'PUT', `/api/reports/${reportId}/sections/measures`, { content: doc('经甲实例保存的一段文字。'), version: measures.version });
    expect(saved.status).toBe(200);
    const read = await api<{ sections: Array<{ sectionKey: string; plainText: string; version: number }> }>(b.url, session, 'GET', `/api/reports/${reportId}`);
    expect(read.status).toBe(200);
    expect(read.body.sections.find((s) => s.sectionKey === 'measures')).toMatchObject({ plainText: '经甲实例保存的一段文字。', version: saved.body.version });
  });

  it('50 saves of the same version spread over both: exactly one 200 and 49 409s', async () => {
    const current = (await api<{ sections: Array<{ sectionKey: string; version: number }> }>(b.url, session, 'GET', `/api/reports/${reportId}`)).body.sections.find(
      (s) => s.sectionKey === 'leaders',
    )!;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api((i % 2 ? a : b).url, session, 'PUT', `/api/reports/${reportId}/sections/leaders`, { content: doc(`第 ${i} 个编辑者的文字。`), version: current.version }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
  });

  it('wrong passwords sent to both at once lock the account on both after five', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => tries(i % 2 ? a.url : b.url, 'twin', `wrong-guess-${i}`)));
    expect(results.every((ok) => !ok)).toBe(true);
    // Exactly five passwords were checked across the two processes; the rest met the lock.
    expect(await count("select count(*) as n from login_failures where username = 'twin'")).toBe(5);
    expect(await count("select count(*) as n from audit_events where action = 'login.failure'")).toBe(5);
    // The right password is refused on both now, from this address.
    expect(await tries(a.url, 'twin', 'Shuang-shili-2026')).toBe(false);
    expect(await tries(b.url, 'twin', 'Shuang-shili-2026')).toBe(false);
    expect(await count('select count(*) as n from login_locks')).toBe(0);
  });

  it('a session ended on one is refused by the other', async () => {
    const s = await httpLogin(b.url, 'donghu', DEMO_PASSWORD);
    expect((await api(a.url, s, 'GET', '/api/reports')).status).toBe(200);
    // Signing out on B revokes the session in the database.
    const out = await httpLogout(b.url, s, `${b.url}/login`);

    expect(out.status).toBe(302);
    // The old cookie, sent to A: refused (A's short cache of the decoded cookie does not outlive the session row).
    expect((await api(a.url, s, 'GET', '/api/reports')).status).toBe(401);
  });
});
