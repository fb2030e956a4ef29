// The portable way to query either engine (SQLite through better-sqlite3, PostgreSQL through node-postgres):
//   await q              every row (a select), or the write's result
//   await one(q)         the first row or undefined
//   changed(await q)     how many rows a write touched (the version compare-and-set reads this)
//   rows(db, sql`…`)     a hand-written read, rows as objects
//   withTx(db, fn)       a transaction: fn's queries commit together or not at all
//   write(db, () => q)   a lone write outside a transaction
// better-sqlite3 runs statements synchronously and its own transactions cannot await, so on SQLite a transaction is
// BEGIN IMMEDIATE … COMMIT on the one connection while this process's other requests wait their turn to write (see
// cacheStatements in db/client.ts). On PostgreSQL it is drizzle's transaction on one pooled connection, and nested
// calls join the outer transaction.
import { sql, type SQL } from 'drizzle-orm';
import { pgBase, pgTransaction, processWide, sqliteWriter, type Db } from './client';
import { AppError } from '@/lib/shared/errors';

export type { Db };

export function engineOf(db: Db): 'sqlite' | 'postgres' {
  return pgBase(db) ? 'postgres' : 'sqlite';
}

export async function one<T>(q: PromiseLike<T[]>): Promise<T | undefined> {
  return (await q)[0];
}

/** The query's first row, or a 404 with the Chinese sentence naming what is not there. */
export async function found<T>(q: PromiseLike<T[]>, notFound: string): Promise<T> {
  const row = (await q)[0];
  if (row === undefined) throw new AppError('not_found', notFound);
  return row;
}

/** Rows a write changed: better-sqlite3's `changes`, node-postgres's `rowCount`. */
export function changed(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return r.changes ?? r.rowCount ?? 0;
}

/** A hand-written read's rows, as objects keyed by the column aliases. Counts and sums come back as numbers. */
export async function rows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const base = pgBase(db);
  if (!base) return db.all(query) as T[];
  const active = pgTransaction.getStore();
  const on = active && active.base === base ? active.tx : base;
  return (await on.execute(query)).rows as T[];
}

/** One turn at writing per SQLite connection, handed out in the order asked. */
const turns = processWide('writeTurns', () => new WeakMap<object, Promise<void>>());

async function takeTurn(key: object): Promise<() => void> {
  const before = turns.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  turns.set(
    key,
    before.then(() => mine),
  );
  await before;
  return release;
}

export async function withTx<T>(db: Db, run: (tx: Db) => Promise<T>): Promise<T> {
  const base = pgBase(db);
  if (base) {
    if (pgTransaction.getStore()?.base === base) return run(db);
    return base.transaction((tx) => pgTransaction.run({ base, tx: tx as unknown as typeof base }, () => run(db)));
  }
  const sqlite = db.$client;
  if (sqliteWriter.getStore() === sqlite) {
    if (sqlite.inTransaction) return run(db);
    return inSqliteTransaction(sqlite, () => run(db));
  }
  const release = await takeTurn(sqlite);
  try {
    return await sqliteWriter.run(sqlite, () => inSqliteTransaction(sqlite, () => run(db)));
  } finally {
    release();
  }
}

async function inSqliteTransaction<T>(sqlite: Db['$client'], run: () => Promise<T>): Promise<T> {
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const result = await run();
    sqlite.exec('COMMIT');
    return result;
  } catch (e) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw e;
  }
}

/** A single write (one statement: no transaction needed) that still takes this process's turn on SQLite. */
export async function write<T>(db: Db, run: () => PromiseLike<T>): Promise<T> {
  const base = pgBase(db);
  if (base) return run();
  const sqlite = db.$client;
  if (sqliteWriter.getStore() === sqlite) return run();
  const release = await takeTurn(sqlite);
  try {
    return await sqliteWriter.run(sqlite, async () => run());
  } finally {
    release();
  }
}

/** A hand-written write (one statement), under the write turn on SQLite. */
export async function execute(db: Db, query: SQL): Promise<void> {
  const base = pgBase(db);
  if (!base) {
    await write(db, async () => db.run(query));
    return;
  }
  const active = pgTransaction.getStore();
  await (active && active.base === base ? active.tx : base).execute(query);
}

/** Whether the database answers a trivial query within `ms` (for /api/health and load balancers). */
export async function ping(db: Db, ms = 3_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([rows(db, sql`select 1 as ok`).then((r) => Number(r[0]?.ok) === 1), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Inside withTx: waits until no other transaction holds the same (space, id) and holds it until this one ends. On
 * SQLite every write transaction already runs alone (BEGIN IMMEDIATE), so nothing is needed; on PostgreSQL it is a
 * transaction-level advisory lock, for a read-then-write that two instances must not both do at once.
 */
export async function lockFor(db: Db, space: number, id: number): Promise<void> {
  if (!pgBase(db)) return;
  await rows(db, sql`select pg_advisory_xact_lock(${space}::int, ${id}::int)`);
}

/** The advisory lock spaces (any fixed numbers, one per kind of thing locked). */
export const LOCK_SPACE = { autoVersion: 1 } as const;
