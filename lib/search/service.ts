// Search across every report the user may read: FTS5 trigram for terms of three characters and more, LIKE for two.
import { z } from 'zod';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { BODY_SECTION_KEYS, isBodySectionKey, SECTION_LABELS, type BodySectionKey } from '@/lib/report/sections';
import { listVisibleTownships } from '@/lib/admin/townships';
import { parseInput } from '@/lib/shared/validation';

export const searchSchema = z.object({
  q: z
    .string({ error: '请输入要查找的词语。' })
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

export function searchReports(db: Db, actor: Actor, raw: unknown): SearchHit[] {
  const input = parseInput(searchSchema, raw);
  const townships = listVisibleTownships(db, actor).filter((t) => input.townshipId === undefined || t.id === input.townshipId);
  if (townships.length === 0) return [];
  const names = new Map(townships.map((t) => [t.id, t.name]));
  const ids = townships.map((t) => t.id);
  const filters: string[] = [`r.township_id in (${ids.map(() => '?').join(',')})`];
  const params: unknown[] = [...ids];
  if (input.year !== undefined) {
    filters.push('r.year = ?');
    params.push(input.year);
  }
  if (input.section) {
    filters.push('s.section_key = ?');
    params.push(input.section);
  }
  const base = `select s.id, s.report_id as reportId, s.section_key as sectionKey, s.plain_text as plainText, r.year, r.township_id as townshipId
     from report_sections s join reports r on r.id = s.report_id`;
  let rows: Row[];
  // The trigram index needs three characters; a two-character term (复议, 调解) is matched by a scan of the
  // sections in scope, which for one county's reports is small.
  if ([...input.q].length >= 3) {
    const phrase = `"${input.q.replace(/"/g, '""')}"`;
    rows = db.$client
      .prepare(`${base} join section_fts f on f.rowid = s.id where section_fts match ? and ${filters.join(' and ')} order by r.year desc, r.township_id limit ${MAX_RESULTS}`)
      .all(phrase, ...params) as Row[];
  } else {
    const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    rows = db.$client
      .prepare(`${base} where s.plain_text like ? escape '\\' and ${filters.join(' and ')} order by r.year desc, r.township_id limit ${MAX_RESULTS}`)
      .all(like, ...params) as Row[];
  }
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
      ...makeSnippet(r.plainText, input.q),
    }))
    .sort((a, b) => b.year - a.year || a.townshipId - b.townshipId || order.get(a.sectionKey)! - order.get(b.sectionKey)!);
}
