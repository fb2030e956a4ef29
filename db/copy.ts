// Copying the whole database between engines (SQLite file ↔ PostgreSQL), for moving up to a city's PostgreSQL or back:
// every table in the order they refer to each other, in pages by key, each row read and written through drizzle (so
// timestamps, booleans and JSON keep their meaning), then row counts and a per-table content checksum compared on
// both sides. A target that already holds data is refused unless told to replace it.
import { withTx } from '@/db/tx';
import { createHash } from 'node:crypto';
import { getTableColumns, sql } from 'drizzle-orm';
import { drizzle as pgDrizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as pgMigrate } from 'drizzle-orm/node-postgres/migrator';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Db } from './client';
import { isPostgresUrl } from './engine';
import { pgTables } from './schema-pg';
import { SCHEMA_TABLES } from './tables';
import { isNormalText, normalizeJsonText } from '@/lib/shared/text';

const PAGE = 200;

const ALL = SCHEMA_TABLES;

/** The app's tables, each after the tables it refers to (so rows can be inserted with foreign keys checked). */
export const TABLES: Array<{ name: string; table: SQLiteTable }> = (() => {
  const refs = new Map(ALL.map(({ name, table }) => [name, new Set(getTableConfig(table).foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name).filter((n) => n !== name))]));
  const out: Array<{ name: string; table: SQLiteTable }> = [];
  const done = new Set<string>();
  while (out.length < ALL.length) {
    const next = ALL.find(({ name }) => !done.has(name) && [...refs.get(name)!].every((r) => done.has(r)));
    if (!next) throw new Error('the tables refer to each other in a circle');
    out.push(next);
    done.add(next.name);
  }
  return out;
})();

type Row = Record<string, unknown>;

/** One side of a copy: read a page of a table, write rows, count, empty. */
export type Side = {
  label: string;
  count(name: string): Promise<number>;
  /** The next rows in key order after the row whose key values are `after` (null: from the start). */
  page(name: string, after: unknown[] | null, limit: number): Promise<Row[]>;
  insert(name: string, rows: Row[]): Promise<void>;
  empty(): Promise<void>;
  /** After writing: identity sequences past the highest id copied (PostgreSQL). */
  finish(): Promise<void>;
  close(): Promise<void>;
};

/** The columns a table's rows are ordered by while paging: its primary key, else its first unique index. */
function orderColumns(name: string): string[] {
  const cfg = getTableConfig(TABLES.find((t) => t.name === name)!.table);
  const pk = cfg.columns.filter((c) => c.primary).map((c) => c.name);
  if (pk.length) return pk;
  if (cfg.primaryKeys[0]) return cfg.primaryKeys[0].columns.map((c) => c.name);
  const unique = cfg.indexes.find((i) => i.config.unique);
  if (unique) return unique.config.columns.map((c) => (c as { name: string }).name);
  return cfg.columns.map((c) => c.name);
}

const orderBy = (name: string) => sql.raw(orderColumns(name).map((c) => `"${c}"`).join(', '));

/** Keyset paging (no OFFSET, so a large table costs the same per page): rows whose key comes after `after`. */
const afterKey = (name: string, after: unknown[] | null) =>
  after ? sql`(${orderBy(name)}) > (${sql.join(after.map((v) => sql`${v}`), sql`, `)})` : undefined;

/** A row's key values, in the order of orderColumns (rows are keyed by the schema's property names). */
function keyOf(name: string, row: Row): unknown[] {
  const columns = getTableColumns(TABLES.find((t) => t.name === name)!.table);
  const property = new Map(Object.entries(columns).map(([key, col]) => [col.name, key]));
  return orderColumns(name).map((c) => row[property.get(c)!]);
}

export { isPostgresUrl };

/** Which database a --from / --to names, to refuse copying one onto itself (./data/x.db and data/x.db are one). */
export function identityOf(target: string): string {
  if (isPostgresUrl(target)) {
    const u = new URL(target);
    return `postgres://${u.hostname}:${u.port || '5432'}${u.pathname}`;
  }
  const full = path.resolve(target);
  return fs.existsSync(full) ? fs.realpathSync(full) : full;
}

/**
 * One side of a copy on a SQLite file. A source must exist and is opened as it is (not migrated, so the copy changes
 * nothing in it); a target is created or migrated as the app would.
 */
export function sqliteSide(file: string, role: 'source' | 'target' = 'target'): Side {
  if (role === 'source' && !fs.existsSync(path.resolve(file))) throw new CopyRefused(`源数据库文件不存在：${path.resolve(file)}`);
  const db: Db = openDatabase(path.resolve(file), { migrate: role === 'target' });
  const table = (name: string) => TABLES.find((t) => t.name === name)!.table;
  return {
    label: `SQLite ${path.resolve(file)}`,
    count: async (name) => (db.$client.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n,
    page: async (name, after, limit) => (await db.select().from(table(name)).where(afterKey(name, after)).orderBy(orderBy(name)).limit(limit)) as Row[],
    insert: async (name, rows) => {
      if (rows.length) await withTx(db, async (tx) => await tx.insert(table(name)).values(rows));
    },
    empty: async () => {
      await withTx(db, async () => {
        for (const { name } of [...TABLES].reverse()) db.$client.prepare(`delete from "${name}"`).run();
      });
    },
    finish: async () => undefined,
    close: async () => {
      db.$client.close();
    },
  };
}

export async function postgresSide(url: string, role: 'source' | 'target' = 'target'): Promise<Side> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // An idle connection closed by the server (a restart, the database dropped) is not an error of the copy.
  pool.on('error', () => undefined);
  const db: NodePgDatabase = pgDrizzle(pool);
  // A source is read as it is; a target gets the schema first.
  if (role === 'target') await pgMigrate(db, { migrationsFolder: path.join(process.cwd(), 'db', 'migrations-pg') });
  const table = (name: string) => pgTables.get(name)!;
  return {
    label: `PostgreSQL ${new URL(url).host}${new URL(url).pathname}`,
    count: async (name) => Number((await pool.query(`select count(*) as n from "${name}"`)).rows[0].n),
    page: async (name, after, limit) => (await db.select().from(table(name)).where(afterKey(name, after)).orderBy(orderBy(name)).limit(limit)) as Row[],
    insert: async (name, rows) => {
      if (rows.length) await db.insert(table(name)).values(rows);
    },
    empty: async () => {
      await pool.query(`truncate ${TABLES.map((t) => `"${t.name}"`).join(', ')} restart identity cascade`);
    },
    finish: async () => {
      for (const { name } of TABLES) {
        if (!('id' in getTableColumns(table(name)))) continue;
        const seq = (await pool.query(`select pg_get_serial_sequence('"${name}"', 'id') as s`)).rows[0].s as string | null;
        if (seq) await pool.query(`select setval('${seq}', coalesce((select max(id) from "${name}"), 1), (select max(id) from "${name}") is not null)`);
      }
    },
    close: async () => pool.end(),
  };
}

export async function openSide(target: string, role: 'source' | 'target'): Promise<Side> {
  return isPostgresUrl(target) ? postgresSide(target, role) : sqliteSide(target, role);
}

/**
 * Where a row holds text that normalizeText (lib/shared/text.ts) would change: U+0000 (PostgreSQL cannot store it),
 * a lone surrogate (the engines store it differently), another control character, a \r. Older rows may hold such
 * text (from before the boundary cleaned it); one column name per finding, JSON columns searched inside.
 */
function dirtyColumns(row: Row): string[] {
  const out: string[] = [];
  for (const [column, value] of Object.entries(row)) {
    const stack: unknown[] = [value];
    while (stack.length) {
      const v = stack.pop();
      if (typeof v === 'string') {
        if (!isNormalText(v)) {
          out.push(column);
          break;
        }
      } else if (v && typeof v === 'object' && !(v instanceof Date)) {
        for (const [k, x] of Object.entries(v)) stack.push(k, x);
      }
    }
  }
  return out;
}

/** A row with every string in it (JSON inside included) normalised; dates and other values as they are. */
function cleanRow(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v : normalizeJsonText(v)]));
}

/** The rows of the source holding such text, each named by table, key and column. */
export async function findDirtyRows(side: Side, pageSize = PAGE): Promise<Array<{ table: string; key: string; columns: string[] }>> {
  const found: Array<{ table: string; key: string; columns: string[] }> = [];
  for (const { name } of TABLES) {
    for (let after: unknown[] | null = null; ; ) {
      const rows = await side.page(name, after, pageSize);
      for (const r of rows) {
        const columns = dirtyColumns(r);
        if (columns.length) found.push({ table: name, key: keyOf(name, r).join('/'), columns });
      }
      if (rows.length < pageSize) break;
      after = keyOf(name, rows.at(-1)!);
    }
  }
  return found;
}

/** A value as both engines give it back: dates as ms, JSON with sorted keys. */
function canonical(v: unknown): unknown {
  if (v instanceof Date) return { $date: v.getTime() };
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Row)[k])]));
  return v;
}

/**
 * A table's content checksum: each row hashed from its canonical form, the row hashes sorted (so the engines' text
 * ordering cannot matter) and hashed together.
 */
export async function tableChecksum(side: Side, name: string, pageSize = PAGE, clean = false): Promise<{ rows: number; sha256: string }> {
  const hashes: string[] = [];
  for (let after: unknown[] | null = null; ; ) {
    const page = await side.page(name, after, pageSize);
    // With --clean, the source is compared as it was copied: cleaned.
    const rows = clean ? page.map(cleanRow) : page;
    for (const r of rows) hashes.push(createHash('sha256').update(JSON.stringify(canonical(r))).digest('hex'));
    if (page.length < pageSize) break;
    after = keyOf(name, page.at(-1)!);
  }
  hashes.sort();
  return { rows: hashes.length, sha256: createHash('sha256').update(hashes.join('\n')).digest('hex') };
}

export type CopyReport = Array<{ table: string; rows: number; sha256: string }>;

export class CopyRefused extends Error {}

/**
 * Copies `from` onto `to`. Rows holding text the boundary would have cleaned (dirtyColumns) are found before anything
 * is written: without `clean` the copy is refused, naming each such row; with it, their text is cleaned on the way
 * (control characters removed, lone surrogates made U+FFFD, as normalizeText does) and each row is named.
 */
export async function copyDatabase(
  from: Side,
  to: Side,
  opts: { force?: boolean; clean?: boolean; progress?: (line: string) => void; pageSize?: number } = {},
): Promise<CopyReport> {
  const pageSize = opts.pageSize ?? PAGE;
  const say = opts.progress ?? (() => undefined);
  // A source without the app's tables or without any rows is a mistake (a mistyped path, the wrong database), and
  // with --force it would empty the target for nothing.
  let rows = 0;
  for (const { name } of TABLES) {
    try {
      rows += await from.count(name);
    } catch {
      throw new CopyRefused(`源数据库中没有表 ${name}：不是本系统的数据库，或版本较旧（请先用本版本启动一次以迁移）。`);
    }
  }
  if (rows === 0) throw new CopyRefused('源数据库没有任何数据，未复制。请检查 --from。');
  const dirty = await findDirtyRows(from, pageSize);
  if (dirty.length) {
    const named = dirty.slice(0, 20).map((d) => `表 ${d.table} 第 ${d.key} 行（${d.columns.join('、')}）`);
    const more = dirty.length > 20 ? `等 ${dirty.length} 行` : '';
    if (!opts.clean)
      throw new CopyRefused(
        `源数据库中有 ${dirty.length} 行含有控制字符（如 U+0000）或不完整的字符（如半个表情符号），PostgreSQL 无法原样保存，未复制：${named.join('；')}${more}。` +
          '加 --clean 可在复制时清理这些文字（删除控制字符，不完整的字符换成“�”）。',
      );
    say(`清理 ${dirty.length} 行中的控制字符和不完整的字符：${named.join('；')}${more}。`);
  }
  let existing = 0;
  for (const { name } of TABLES) existing += await to.count(name);
  if (existing > 0) {
    if (!opts.force) throw new CopyRefused(`目标数据库已有 ${existing} 行数据，未复制。确需覆盖时请加 --force（目标中的数据将被清空）。`);
    say(`清空目标数据库（${existing} 行）…`);
    await to.empty();
  }
  for (const { name } of TABLES) {
    const total = await from.count(name);
    let done = 0;
    for (let after: unknown[] | null = null; done < total; ) {
      const rows = await from.page(name, after, pageSize);
      if (!rows.length) break;
      await to.insert(name, opts.clean ? rows.map(cleanRow) : rows);
      done += rows.length;
      after = keyOf(name, rows.at(-1)!);
    }
    say(`复制 ${name}：${done} 行`);
  }
  await to.finish();
  const report: CopyReport = [];
  for (const { name } of TABLES) {
    const [a, b] = [await tableChecksum(from, name, pageSize, opts.clean === true), await tableChecksum(to, name, pageSize)];
    if (a.rows !== b.rows || a.sha256 !== b.sha256) throw new Error(`核对失败：${name} 源 ${a.rows} 行（${a.sha256.slice(0, 12)}），目标 ${b.rows} 行（${b.sha256.slice(0, 12)}）。`);
    report.push({ table: name, rows: a.rows, sha256: a.sha256 });
  }
  say(`核对通过：${report.length} 张表的行数和内容校验和一致。`);
  return report;
}
