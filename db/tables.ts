// The app's tables as db/schema.ts declares them, each with its SQL name: what the PostgreSQL schema is generated
// from, what `db copy` copies, and what the schema comparison test walks.
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from './schema-sqlite';

export const SCHEMA_TABLES: ReadonlyArray<{ name: string; table: SQLiteTable }> = (Object.values(schema) as unknown[]).flatMap((v) => {
  if (typeof v !== 'object' || v === null) return [];
  try {
    const name = getTableConfig(v as SQLiteTable).name;
    return name ? [{ name, table: v as SQLiteTable }] : [];
  } catch {
    return [];
  }
});
