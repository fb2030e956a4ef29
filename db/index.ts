// The app's one database connection, opened lazily on first use (never at build time): PostgreSQL when DATABASE_URL
// names one, else the SQLite file under data/. PostgreSQL's migrations are applied by `npm start` (cli/start.ts).
import 'server-only';
import { openDatabase, openPostgres, type Db } from './client';
import { databaseEngine } from './engine';

const globalForDb = globalThis as unknown as { nianbaoDb?: Db };

export function getDb(): Db {
  globalForDb.nianbaoDb ??= databaseEngine() === 'postgres' ? openPostgres(process.env.DATABASE_URL!) : openDatabase();
  return globalForDb.nianbaoDb;
}

export type { Db };
