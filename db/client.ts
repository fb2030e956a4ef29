// Opens a SQLite database file with the project's pragmas and applies the committed migrations.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function dataDir(): string {
  return path.resolve(process.env.NIANBAO_DATA_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), 'data'));
}

export function databasePath(): string {
  return path.resolve(process.env.NIANBAO_DB ?? path.join(dataDir(), 'nianbao.db'));
}

export const MIGRATIONS_FOLDER = path.join(/* turbopackIgnore: true */ process.cwd(), 'db', 'migrations');

export function openDatabase(file: string = databasePath(), opts: { migrate?: boolean } = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Autosaves from many townships arrive at once; wait for the writer instead of failing.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema }) as Db;
  immediateTransactions(db);
  if (opts.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE) unless told otherwise. With one process this
 * changes nothing; with several processes on one file (two instances behind a load balancer), a transaction that
 * reads before it writes would otherwise fail with SQLITE_BUSY when another process wrote in between, where
 * waiting (busy_timeout) is what we want.
 */
function immediateTransactions(db: Db): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) => transaction(run, { behavior: 'immediate', ...config })) as typeof db.transaction;
}

export const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle prepares every query afresh, and compiling the SQL costs more than running it for the small reads and
 * writes an autosave makes. Prepared statements are kept per SQL text (least recently used dropped first).
 * better-sqlite3 runs one statement at a time and the app never holds an iterator open, so sharing them is safe;
 * raw mode, which drizzle switches on for some reads, is reset before a statement is handed out again.
 */
function cacheStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
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
