// The two engines' schemas are one: a SQLite database migrated with db/migrations and a PostgreSQL database migrated
// with db/migrations-pg (both generated from db/schema.ts) have the same tables, columns (types mapped by meaning,
// nullability, defaults, keys), indexes, unique and check constraints and foreign keys with their delete rules.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { openDatabase } from '@/db/client';
import { SCHEMA_TABLES } from '@/db/tables';
import { freshPgDatabase, PG_OFF, type TestPg } from '../../support/pg';

type Shape = {
  columns: Record<string, { type: string; notNull: boolean; hasDefault: boolean }>;
  primaryKey: string[];
  unique: string[];
  indexes: string[];
  foreignKeys: string[];
  checks: string[];
};

const sqliteTables = SCHEMA_TABLES.map(({ table }) => getTableConfig(table));

/** What each drizzle column kind is stored as on each engine. */
const TYPES: Record<string, [string, string]> = {
  SQLiteInteger: ['integer', 'integer'],
  SQLiteTimestamp: ['integer', 'timestamp with time zone'],
  SQLiteBoolean: ['integer', 'boolean'],
  SQLiteText: ['text', 'text'],
  SQLiteTextJson: ['text', 'jsonb'],
};
const expectedType = (table: string, column: string, engine: 0 | 1) => {
  const col = sqliteTables.find((t) => t.name === table)!.columns.find((c) => c.name === column)!;
  return TYPES[col.columnType]![engine];
};

function sqliteShape(file: string): Record<string, Shape> {
  const db = openDatabase(file).$client;
  const tables = db
    .prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not like 'section_fts%' order by name")
    .all() as Array<{ name: string; sql: string }>;
  const out: Record<string, Shape> = {};
  for (const { name, sql } of tables) {
    const cols = db.prepare(`pragma table_info("${name}")`).all() as Array<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>;
    const idx = db.prepare(`pragma index_list("${name}")`).all() as Array<{ name: string; unique: number; origin: string }>;
    const colsOf = (index: string) => (db.prepare(`pragma index_info("${index}")`).all() as Array<{ name: string }>).map((c) => c.name).join(',');
    const fks = db.prepare(`pragma foreign_key_list("${name}")`).all() as Array<{ table: string; from: string; to: string; on_delete: string }>;
    out[name] = {
      columns: Object.fromEntries(cols.map((c) => [c.name, { type: c.type.toLowerCase(), notNull: c.notnull === 1 || c.pk > 0, hasDefault: c.dflt_value !== null }])),
      primaryKey: cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      // Unique rules by name and columns (SQLite keeps them as unique indexes, PostgreSQL as constraints or indexes).
      unique: idx.filter((i) => i.unique && i.origin !== 'pk').map((i) => `${i.name}:${colsOf(i.name)}`).sort(),
      indexes: idx.filter((i) => !i.unique).map((i) => `${i.name}:${colsOf(i.name)}`).sort(),
      foreignKeys: fks.map((f) => `${f.from}->${f.table}.${f.to}:${f.on_delete.toLowerCase()}`).sort(),
      checks: [...sql.matchAll(/CONSTRAINT "(\w+)" CHECK/g)].map((m) => m[1]!).sort(),
    };
  }
  db.close();
  return out;
}

async function pgShape(pg: TestPg): Promise<Record<string, Shape>> {
  const q = async <T,>(text: string) => (await pg.pool.query(text)).rows as T[];
  const tables = await q<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1");
  const out: Record<string, Shape> = {};
  for (const { table_name: name } of tables) {
    const cols = await q<{ column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
      `select column_name, data_type, is_nullable, column_default from information_schema.columns where table_schema = 'public' and table_name = '${name}'`,
    );
    const cons = await q<{ conname: string; contype: string; cols: string; ftable: string | null; fcols: string | null; confdeltype: string }>(`
      select c.conname, c.contype, c.confdeltype,
        (select string_agg(a.attname, ',' order by k.n) from unnest(c.conkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as cols,
        c.confrelid::regclass::text as ftable,
        (select string_agg(a.attname, ',' order by k.n) from unnest(c.confkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum) as fcols
      from pg_constraint c where c.conrelid = '"${name}"'::regclass`);
    const idx = await q<{ indexname: string; indexdef: string }>(`select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename = '${name}'`);
    const constraintNames = new Set(cons.map((c) => c.conname));
    const DELETE: Record<string, string> = { a: 'no action', c: 'cascade', n: 'set null', r: 'restrict', d: 'set default' };
    const idxCols = (def: string) => /\((.*)\)$/.exec(def)![1]!.split(',').map((s) => s.trim().replace(/"/g, '').split(' ')[0]).join(',');
    out[name] = {
      columns: Object.fromEntries(cols.map((c) => [c.column_name, { type: c.data_type, notNull: c.is_nullable === 'NO', hasDefault: c.column_default !== null }])),
      primaryKey: cons.find((c) => c.contype === 'p')?.cols.split(',') ?? [],
      unique: [
        ...cons.filter((c) => c.contype === 'u').map((c) => `${c.conname}:${c.cols}`),
        ...idx.filter((i) => !constraintNames.has(i.indexname) && /UNIQUE/.test(i.indexdef)).map((i) => `${i.indexname}:${idxCols(i.indexdef)}`),
      ].sort(),
      // Plain indexes; the search index is PostgreSQL's own (FTS5 on SQLite).
      indexes: idx
        .filter((i) => !constraintNames.has(i.indexname) && !/UNIQUE/.test(i.indexdef) && !i.indexname.endsWith('_trgm'))
        .map((i) => `${i.indexname}:${idxCols(i.indexdef)}`)
        .sort(),
      foreignKeys: cons.filter((c) => c.contype === 'f').map((c) => `${c.cols}->${c.ftable!.replace(/"/g, '')}.${c.fcols}:${DELETE[c.confdeltype]}`).sort(),
      checks: cons.filter((c) => c.contype === 'c').map((c) => c.conname).sort(),
    };
  }
  return out;
}

describe.skipIf(PG_OFF)('SQLite and PostgreSQL schemas', () => {
  let pg: TestPg;
  let lite: Record<string, Shape>;
  let post: Record<string, Shape>;

  beforeAll(async () => {
    pg = await freshPgDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-pgschema-'));
    lite = sqliteShape(path.join(dir, 'nianbao.db'));
    post = await pgShape(pg);
  }, 60_000);
  afterAll(async () => {
    await pg?.drop();
  });

  it('have the same tables', () => {
    expect(Object.keys(post).filter((t) => !t.startsWith('__drizzle')).sort()).toEqual(Object.keys(lite).sort());
    expect(Object.keys(lite)).toHaveLength(sqliteTables.length);
  });

  it('have the same columns, each stored as its kind says, with the same nullability and defaults', () => {
    for (const [table, s] of Object.entries(lite)) {
      const p = post[table]!;
      expect(Object.keys(p.columns).sort(), table).toEqual(Object.keys(s.columns).sort());
      for (const [column, c] of Object.entries(s.columns)) {
        const where = `${table}.${column}`;
        expect(c.type, where).toBe(expectedType(table, column, 0));
        expect(p.columns[column]!.type, where).toBe(expectedType(table, column, 1));
        expect(p.columns[column]!.notNull, where).toBe(c.notNull);
        // An identity column has its own sequence on PostgreSQL and no default on SQLite: both number rows.
        if (!(s.primaryKey.length === 1 && s.primaryKey[0] === column)) expect(p.columns[column]!.hasDefault, where).toBe(c.hasDefault);
      }
    }
  });

  it('have the same keys, unique constraints, indexes, foreign keys with their delete rules, and checks', () => {
    for (const [table, s] of Object.entries(lite)) {
      const p = post[table]!;
      expect(p.primaryKey, table).toEqual(s.primaryKey);
      expect(p.unique, table).toEqual(s.unique);
      expect(p.indexes, table).toEqual(s.indexes);
      expect(p.foreignKeys, table).toEqual(s.foreignKeys);
      expect(p.checks, table).toEqual(s.checks);
    }
    // Not vacuous: what was compared.
    const total = (k: 'unique' | 'indexes' | 'foreignKeys' | 'checks') => Object.values(lite).reduce((n, t) => n + t[k].length, 0);
    expect(total('unique')).toBeGreaterThanOrEqual(10);
    expect(total('indexes')).toBeGreaterThanOrEqual(14);
    expect(total('foreignKeys')).toBeGreaterThanOrEqual(30);
    expect(total('checks')).toBeGreaterThanOrEqual(5);
  });

  it('has the trigram index the search uses on PostgreSQL', async () => {
    const r = await pg.pool.query("select indexdef from pg_indexes where indexname = 'report_sections_plain_text_trgm'");
    expect(r.rows[0]?.indexdef).toContain('gin_trgm_ops');
  });
});

describe.runIf(PG_OFF)('PostgreSQL tests', () => {
  it('are skipped: NIANBAO_TEST_PG=off', () => {
    console.warn('NIANBAO_TEST_PG=off：跳过 PostgreSQL 测试（SQLite 与 PostgreSQL 结构一致性）。');
  });
});
