// PostgreSQL for the tests: the server named by NIANBAO_TEST_PG_URL (`npm test` starts a throwaway cluster and sets
// it: tests/support/with-postgres.ts); each test file makes its own database and drops it afterwards. With no server reachable the tests fail with
// one line saying so, unless NIANBAO_TEST_PG=off, which skips them and says that too.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

export const PG_OFF = process.env.NIANBAO_TEST_PG === 'off';
export const PG_SERVER = process.env.NIANBAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:54329/postgres';
const SERVER = PG_SERVER;

/** The integration suite's engine: PostgreSQL in the `integration-pg` project, else SQLite. */
export const TEST_ON_POSTGRES = process.env.NIANBAO_TEST_ENGINE === 'postgres';

/** A connection to the test server's maintenance database, or one line saying it cannot be reached and what to do. */
export async function adminClient(): Promise<pg.Client> {
  const admin = new pg.Client({ connectionString: SERVER, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(
      `PostgreSQL 不可达（${SERVER}）：${(e as Error).message}。请启动 PostgreSQL 并设置 NIANBAO_TEST_PG_URL，或设置 NIANBAO_TEST_PG=off 跳过 PostgreSQL 测试。`,
    );
  }
  return admin;
}
export const PG_MIGRATIONS = path.resolve('db/migrations-pg');

export type TestPg = { url: string; pool: pg.Pool; drop: () => Promise<void> };

/** A new, empty database on the test server (migrated unless told not to). */
export async function freshPgDatabase(opts: { migrate?: boolean } = {}): Promise<TestPg> {
  const admin = await adminClient();
  const name = `nianbao_test_${randomBytes(6).toString('hex')}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  if (opts.migrate !== false) await migrate(drizzle(pool), { migrationsFolder: PG_MIGRATIONS });
  return {
    url: url.toString(),
    pool,
    drop: async () => {
      await pool.end();
      const c = new pg.Client({ connectionString: SERVER });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

