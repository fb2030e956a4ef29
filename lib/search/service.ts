// Search across every report the user may read: FTS5 trigram on SQLite, pg_trgm ILIKE on PostgreSQL for terms of
// three characters and more, LIKE for two.
import { z } from 'zod';
import type { Db } from '@/db/client';
import { sql, type SQL } from 'drizzle-orm';
import { engineOf, rows } from '@/db/tx';
import type { Actor } from '@/lib/domain/permissions';
import { BODY_SECTION_KEYS, isBodySectionKey, SECTION_LABELS, type BodySectionKey } from '@/lib/domain/sections';
import { listVisibleTownships } from '@/lib/directory/townships';
import { parseInput, textField } from '@/lib/shared/validation';

export const searchSchema = z.object({
  q: textField({ error: '请输入要查找的词语。' })
    .trim()
    .min(2, { error: '请至少输入两个字。' })
    .max(50, { error: '查找的词语不能超过 50 个字。' }),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  townshipId: z.coerce.number().int().positive().optional(),
  section: z
    .string()
    .refine((s) => isBodySectionKey(s), { error: '没有这个部分。' })
    .optional(),
});

export type SearchHit = {
  reportId: number;
  townshipId: number;
  townshipName: string;
  year: number;
  sectionKey: BodySectionKey;
  sectionLabel: string;
  /** The snippet in pieces; `hit` pieces are the matched term, to be highlighted (never raw HTML). */
  snippet: Array<{ text: string; hit: boolean }>;
  count: number;
};

const SNIPPET_CONTEXT = 40;
export const MAX_RESULTS = 200;

export function makeSnippet(text: string, term: string): { snippet: SearchHit['snippet']; count: number } {
  const lower = text.toLowerCase();
  const t = term.toLowerCase();
  const first = lower.indexOf(t);
  const start = Math.max(0, first - SNIPPET_CONTEXT);
  const end = Math.min(text.length, first + t.length + SNIPPET_CONTEXT);
  let count = 0;
  for (let i = lower.indexOf(t); i !== -1; i = lower.indexOf(t, i + t.length)) count++;
  const piece = text.slice(start, end).replace(/\n/g, ' ');
  const pl = piece.toLowerCase();
  const out: SearchHit['snippet'] = [];
  if (start > 0) out.push({ text: '…', hit: false });
  let pos = 0;
  for (let i = pl.indexOf(t); i !== -1; i = pl.indexOf(t, i + t.length)) {
    if (i > pos) out.push({ text: piece.slice(pos, i), hit: false });
    out.push({ text: piece.slice(i, i + t.length), hit: true });
    pos = i + t.length;
  }
  if (pos < piece.length) out.push({ text: piece.slice(pos), hit: false });
  if (end < text.length) out.push({ text: '…', hit: false });
  return { snippet: out, count };
}

type Row = { id: number; reportId: number; sectionKey: string; plainText: string; year: number; townshipId: number };

/** What a search asks, once the user's scope is known: the term and the townships, year and part it may look in. */
export type SearchQuery = { q: string; townshipIds: number[]; year?: number; section?: string };

/**
 * The SQL of a search on either engine. Three characters and more: SQLite's FTS5 trigram index, PostgreSQL's pg_trgm
 * GIN index under ILIKE; a two-character term (复议, 调解): the same LIKE on both, a scan of the sections in scope,
 * which for one county's reports is small. Case is ignored for Latin letters on both. Every value the user gave is a
 * bound parameter; only the fixed text of the query is written here.
 */
export function searchSql(engine: 'sqlite' | 'postgres', query: SearchQuery): SQL {
  const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const fts = engine === 'sqlite' && [...query.q].length >= 3;
  const match = fts
    ? sql`section_fts match ${`"${query.q.replace(/"/g, '""')}"`}`
    : engine === 'sqlite'
      ? sql`s.plain_text like ${like} escape '\\'`
      : sql`s.plain_text ilike ${like} escape '\\'`;
  const filters = [
    match,
    sql`r.township_id in (${sql.join(
      query.townshipIds.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  ];
  if (query.year !== undefined) filters.push(sql`r.year = ${query.year}`);
  if (query.section) filters.push(sql`s.section_key = ${query.section}`);
  return sql`select s.id, s.report_id as "reportId", s.section_key as "sectionKey", s.plain_text as "plainText", r.year, r.township_id as "townshipId"
     from report_sections s join reports r on r.id = s.report_id${fts ? sql` join section_fts f on f.rowid = s.id` : sql``}
     where ${sql.join(filters, sql` and `)} order by r.year desc, r.township_id limit ${MAX_RESULTS}`;
}

/** Rows found, as hits with snippets, in the order the page lists them. */
export function toHits(rows: Row[], names: ReadonlyMap<number, string>, q: string): SearchHit[] {
  const order = new Map<string, number>(BODY_SECTION_KEYS.map((k, i) => [k, i]));
  return rows
    .filter((r) => isBodySectionKey(r.sectionKey))
    .map((r) => ({
      reportId: r.reportId,
      townshipId: r.townshipId,
      townshipName: names.get(r.townshipId) ?? '',
      year: r.year,
      sectionKey: r.sectionKey as BodySectionKey,
      sectionLabel: SECTION_LABELS[r.sectionKey as BodySectionKey],
      ...makeSnippet(r.plainText, q),
    }))
    .sort((a, b) => b.year - a.year || a.townshipId - b.townshipId || order.get(a.sectionKey)! - order.get(b.sectionKey)!);
}

/** The user's search: the query checked, the scope from the permission table, then searchSql on the app's engine. */
export async function searchScope(db: Db, actor: Actor, raw: unknown): Promise<{ query: SearchQuery; names: Map<number, string> } | null> {
  const input = parseInput(searchSchema, raw);
  const townships = (await listVisibleTownships(db, actor)).filter((t) => input.townshipId === undefined || t.id === input.townshipId);
  if (townships.length === 0) return null;
  return {
    query: { q: input.q, townshipIds: townships.map((t) => t.id), year: input.year, section: input.section },
    names: new Map(townships.map((t) => [t.id, t.name])),
  };
}

export async function searchReports(db: Db, actor: Actor, raw: unknown): Promise<SearchHit[]> {
  const scope = await searchScope(db, actor, raw);
  if (!scope) return [];
  return toHits(await rows<Row>(db, searchSql(engineOf(db), scope.query)), scope.names, scope.query.q);
}
