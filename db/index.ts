// The app's one database connection, opened lazily on first use (never at build time).
import 'server-only';
import { openDatabase, type Db } from './client';

const globalForDb = globalThis as unknown as { nianbaoDb?: Db };

export function getDb(): Db {
  globalForDb.nianbaoDb ??= openDatabase();
  return globalForDb.nianbaoDb;
}

export type { Db };
