// The PostgreSQL schema, generated from the one description in db/schema.ts rather than written twice: every SQLite
// table becomes a PostgreSQL table with the same name, columns, nullability, defaults, keys, foreign keys, indexes
// and check constraints. Types map as their meaning does: timestamps (ms since 1970 in SQLite) become timestamptz,
// booleans (0/1) boolean, JSON text jsonb, autoincrement ids identity columns (by default, so a copy keeps its ids).
// drizzle-kit reads the tables exported here to write db/migrations-pg; tests/integration/db/schema-pg.test.ts compares
// the two engines' migrated databases column by column.
import { sql, SQL, type AnyColumn } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
  type PgColumnBuilderBase,
  type PgTableWithColumns,
} from 'drizzle-orm/pg-core';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { SCHEMA_TABLES } from './tables';

type AnyPgTable = PgTableWithColumns<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** SQLite's "now in ms" default becomes now(); literal JSON defaults become jsonb literals. */
function pgDefault(col: SQLiteColumn): unknown {
  const d = col.default;
  if (d instanceof SQL) {
    const text = d.queryChunks.map((c) => (typeof c === 'object' && c && 'value' in c ? (c.value as string[]).join('') : '')).join('');
    if (text.includes('unixepoch')) return sql`now()`;
    if (col.columnType === 'SQLiteTextJson') return sql.raw(`${text}::jsonb`);
    return sql.raw(text);
  }
  return d;
}

function pgColumn(col: SQLiteColumn): PgColumnBuilderBase {
  const enumValues = (col as { enumValues?: [string, ...string[]] }).enumValues;
  let b;
  switch (col.columnType) {
    case 'SQLiteTimestamp':
      b = timestamp(col.name, { withTimezone: true, mode: 'date', precision: 3 });
      break;
    case 'SQLiteBoolean':
      b = boolean(col.name);
      break;
    case 'SQLiteTextJson':
      b = jsonb(col.name);
      break;
    case 'SQLiteText':
      b = enumValues ? text(col.name, { enum: enumValues }) : text(col.name);
      break;
    case 'SQLiteInteger':
      b = integer(col.name);
      break;
    default:
      throw new Error(`no PostgreSQL type for ${col.name} (${col.columnType})`);
  }
  // Builders share their chain methods; one loose type keeps the mapping readable.
  let c = b as unknown as {
    primaryKey(): typeof c;
    notNull(): typeof c;
    default(v: unknown): typeof c;
    unique(name?: string): typeof c;
    generatedByDefaultAsIdentity(): typeof c;
  };
  if (col.primary) {
    c = c.primaryKey();
    if ((col as { autoIncrement?: boolean }).autoIncrement) c = c.generatedByDefaultAsIdentity();
  } else if (col.notNull) c = c.notNull();
  if (col.hasDefault && col.default !== undefined) c = c.default(pgDefault(col));
  if (col.isUnique) c = c.unique(col.uniqueName);
  return c as unknown as PgColumnBuilderBase;
}

/** A check's SQL with the SQLite table's columns swapped for the PostgreSQL table's. */
function remap(expr: SQL, columns: Record<string, AnyPgColumn>): SQL {
  return new SQL(expr.queryChunks.map((chunk) => (chunk && typeof chunk === 'object' && 'columnType' in chunk ? columns[(chunk as AnyColumn).name]! : chunk)));
}

const tables = new Map<string, AnyPgTable>();

function build(t: SQLiteTable): AnyPgTable {
  const cfg = getTableConfig(t);
  const shape = Object.fromEntries(Object.entries(t).filter(([, v]) => v && typeof v === 'object' && 'columnType' in v).map(([key, col]) => [key, pgColumn(col as SQLiteColumn)]));
  return pgTable(cfg.name, shape, (pt) => {
    const byName = Object.fromEntries(Object.values(pt).filter((v) => v && typeof v === 'object' && 'columnType' in v).map((c) => [(c as AnyPgColumn).name, c as AnyPgColumn]));
    const cols = (names: string[]) => names.map((n) => byName[n]!) as [AnyPgColumn, ...AnyPgColumn[]];
    return [
      ...cfg.indexes.map((i) => {
        const names = i.config.columns.map((c) => (c as AnyColumn).name);
        return (i.config.unique ? uniqueIndex(i.config.name!) : index(i.config.name!)).on(...cols(names));
      }),
      ...cfg.checks.map((ch) => check(ch.name, remap(ch.value, byName))),
      ...cfg.primaryKeys.map((pk) => primaryKey({ columns: cols(pk.columns.map((c) => c.name)) })),
      ...cfg.foreignKeys.map((fk) => {
        const r = fk.reference();
        const target = getTableConfig(r.foreignTable).name;
        const fb = foreignKey({
          columns: cols(r.columns.map((c) => c.name)),
          // Tables are built in the order db/schema.ts declares them, which is the order they refer to each other.
          foreignColumns: r.foreignColumns.map((c) => {
            const ft = tables.get(target) ?? pt;
            return (ft as unknown as Record<string, AnyPgColumn>)[Object.entries(r.foreignTable).find(([, v]) => v === c)![0]]!;
          }) as [AnyPgColumn, ...AnyPgColumn[]],
          name: fk.getName(),
        });
        return fk.onDelete ? fb.onDelete(fk.onDelete) : fb;
      }),
    ];
  });
}

for (const { name, table } of SCHEMA_TABLES) tables.set(name, build(table));

/** Every table by its SQL name. */
export const pgTables: ReadonlyMap<string, AnyPgTable> = tables;

// drizzle-kit finds tables among a schema file's exports.
export const counties = tables.get('counties')!;
export const townships = tables.get('townships')!;
export const users = tables.get('users')!;
export const mailOutbox = tables.get('mail_outbox')!;
export const reviewerCounties = tables.get('reviewer_counties')!;
export const reports = tables.get('reports')!;
export const reportSections = tables.get('report_sections')!;
export const auditEvents = tables.get('audit_events')!;
export const sessions = tables.get('sessions')!;
export const loginFailures = tables.get('login_failures')!;
export const loginLocks = tables.get('login_locks')!;
export const recoveryCodes = tables.get('recovery_codes')!;
export const appSettings = tables.get('app_settings')!;
export const reportChecklist = tables.get('report_checklist')!;
export const comments = tables.get('comments')!;
export const commentMentions = tables.get('comment_mentions')!;
export const suggestions = tables.get('suggestions')!;
export const suggestionReplies = tables.get('suggestion_replies')!;
export const reportVersions = tables.get('report_versions')!;
export const countyDeadlines = tables.get('county_deadlines')!;
export const seasonPacks = tables.get('season_packs')!;
export const inboxReads = tables.get('inbox_reads')!;
export const reviewVerdicts = tables.get('review_verdicts')!;
export const publications = tables.get('publications')!;
