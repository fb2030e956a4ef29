// Opens the app's database on either engine: a SQLite file with the project's pragmas, or a PostgreSQL pool. Both are
// handed out as one `Db` type (typed by the SQLite description); code queries them the portable way (await a query,
// `one()` for a single row, `withTx()` for a transaction, `write()` for a lone write; see db/tx.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as pgDrizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as pgMigrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as pgSchema from './schema-pg';
import * as sqliteSchema from './schema-sqlite';
import { isPostgresUrl } from './engine';

export type Db = BetterSQLite3Database<typeof sqliteSchema> & { $client: Database.Database };

export function dataDir(): string {
  return path.resolve(process.env.NIANBAO_DATA_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), 'data'));
}

export function databasePath(): string {
  return path.resolve(process.env.NIANBAO_DB ?? path.join(dataDir(), 'nianbao.db'));
}

export const MIGRATIONS_FOLDER = path.join(/* turbopackIgnore: true */ process.cwd(), 'db', 'migrations');
export const PG_MIGRATIONS_FOLDER = path.join(/* turbopackIgnore: true */ process.cwd(), 'db', 'migrations-pg');

/**
 * One per process, whatever copy of this module a bundle holds (Next.js may bundle the database layer into more than
 * one server chunk): a value kept on globalThis under a registered symbol.
 */
function processWide<T>(name: string, make: () => T): T {
  const g = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`nianbao.${name}`);
  return (g[key] ??= make());
}

/** The SQLite connection whose write turn the current async context holds (see db/tx.ts). */
export const sqliteWriter = processWide('sqliteWriter', () => new AsyncLocalStorage<Database.Database>());

export { processWide };

export function openDatabase(file: string = databasePath(), opts: { migrate?: boolean } = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Autosaves from many townships arrive at once; wait for the writer instead of failing.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema: sqliteSchema }) as Db;
  if (opts.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  cacheStatements(sqlite);
  return db;
}

export const STATEMENT_CACHE_SIZE = 500;

const WRITES = /^\s*(insert|update|delete|replace)\b/i;

/**
 * drizzle prepares every query afresh, and compiling the SQL costs more than running it for the small reads and
 * writes an autosave makes. Prepared statements are kept per SQL text (least recently used dropped first).
 * better-sqlite3 runs one statement at a time and the app never holds an iterator open, so sharing them is safe;
 * raw mode, which drizzle switches on for some reads, is reset before a statement is handed out again.
 *
 * Queries are awaited, so while one request's transaction waits between its statements another request's code can
 * run on the same connection. Its reads are harmless; a write would silently join (or be rolled back with) the other
 * transaction. So every write must hold the connection's write turn (withTx or write in db/tx.ts), and one that does
 * not is refused here, loudly, as the programming error it is.
 */
function cacheStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    if (WRITES.test(source) && sqliteWriter.getStore() !== sqlite) {
      throw new Error(`a write outside withTx()/write(): ${source.slice(0, 80)}`);
    }
    let stmt = cache.get(source);
    if (stmt) {
      cache.delete(source);
      if (stmt.reader) stmt.raw(false);
    } else {
      stmt = prepare(source);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, stmt);
    return stmt;
  }) as typeof sqlite.prepare;
}

// Counts and sums (bigint, numeric) as numbers, as SQLite gives them: the app's counts are far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);

export type PgDb = NodePgDatabase<typeof pgSchema> & { $client: pg.Pool };

/** The PostgreSQL transaction the current async context is inside, per database (see db/tx.ts). */
export const pgTransaction = processWide('pgTransaction', () => new AsyncLocalStorage<{ base: PgDb; tx: PgDb }>());

const pgBases = processWide('pgBases', () => new WeakMap<object, PgDb>());

/** The pool behind a PostgreSQL Db, or null for SQLite. */
export function pgBase(db: Db): PgDb | null {
  return pgBases.get(db) ?? null;
}

export type PoolSettings = { max: number; idleTimeoutMillis: number; connectionTimeoutMillis: number; statementTimeoutMillis: number };

/** Pool settings from the environment (README: 数据库引擎). */
export function poolSettings(env: NodeJS.ProcessEnv = process.env): PoolSettings {
  const num = (name: string, fallback: number) => {
    const v = Number(env[name]);
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return {
    max: num('NIANBAO_PG_POOL_MAX', 10),
    idleTimeoutMillis: num('NIANBAO_PG_IDLE_MS', 30_000),
    connectionTimeoutMillis: num('NIANBAO_PG_CONNECT_MS', 5_000),
    statementTimeoutMillis: num('NIANBAO_PG_STATEMENT_MS', 30_000),
  };
}

/**
 * A PostgreSQL database as a Db. Inside withTx() every query made through it, whichever variable the code holds, runs
 * in that transaction (the context knows it), so helpers called with `db` inside a transaction cannot deadlock
 * against it from another pooled connection.
 */
export function openPostgres(url: string, settings: PoolSettings = poolSettings()): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: settings.max,
    idleTimeoutMillis: settings.idleTimeoutMillis,
    connectionTimeoutMillis: settings.connectionTimeoutMillis,
    statement_timeout: settings.statementTimeoutMillis,
    application_name: 'nianbao',
  });
  // An idle client losing its server (restart, failover) must not take the process down; the next query reconnects.
  pool.on('error', () => {});
  const base = pgDrizzle(pool, { schema: pgSchema }) as PgDb;
  const routed = new Proxy(base, {
    get(target, prop) {
      const active = pgTransaction.getStore();
      const on = active && active.base === target && prop !== '$client' ? active.tx : target;
      const v = Reflect.get(on, prop) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(on) : v;
    },
  });
  pgBases.set(routed, base);
  return routed as unknown as Db;
}

/** Any fixed number: the advisory lock two instances starting at once take in turn around the migrations. */
const MIGRATION_LOCK = 7_306_815_001;

export async function migratePostgres(db: Db): Promise<void> {
  const base = pgBase(db);
  if (!base) throw new Error('not a PostgreSQL database');
  const client = await base.$client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await pgMigrate(pgDrizzle(client), { migrationsFolder: PG_MIGRATIONS_FOLDER });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

/** Closes either engine's connection. */
export async function closeDatabase(db: Db): Promise<void> {
  const base = pgBase(db);
  if (base) await base.$client.end();
  else db.$client.close();
}

/** The database this process is configured for: PostgreSQL when DATABASE_URL names one, else the SQLite file. */
export function openConfigured(): Db {
  const url = process.env.DATABASE_URL;
  return url && isPostgresUrl(url) ? openPostgres(url) : openDatabase();
}

/** Where the configured database is, for messages: the SQLite file, or the PostgreSQL server and database (no password). */
export function describeConfigured(): string {
  const url = process.env.DATABASE_URL;
  if (!url || !isPostgresUrl(url)) return databasePath();
  const u = new URL(url);
  return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
}
