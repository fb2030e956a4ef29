// Stands in for db/index in integration tests, pointing the app's connection at the test's own SQLite file.
import type { Db } from '@/db/client';

let current: Db | null = null;

export function setDb(db: Db): void {
  current = db;
}

export function getDb(): Db {
  if (!current) throw new Error('test did not call setDb()');
  return current;
}
