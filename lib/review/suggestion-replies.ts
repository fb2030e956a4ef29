// Replies under a suggestion (修订): the reviewer says why a change is needed, the drafter why it was not taken. The
// same people who may comment on the report may reply (reviewers of its county, drafters of its township, admins),
// in any state of the suggestion, within the comment rate and cap.
import { one, withTx, found } from '@/db/tx';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { suggestionReplies, suggestions } from '@/db/schema';
import { displayNames } from '@/lib/directory/accounts';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/domain/permissions';
import { loadReportInScope } from '@/lib/reports/service';
import { limit, overLimit } from '@/lib/shared/limits';
import { parseInput, textField } from '@/lib/shared/validation';
import { assertReviewQuota } from './quota';

export type SuggestionReplyView = { id: number; authorName: string; body: string; createdAt: string; mine: boolean };

const replySchema = z.object({ body: textField({ error: '请填写回复内容。' }).trim().min(1, { error: '请填写回复内容。' }) });

/** Every reply on a report's suggestions, by suggestion, oldest first: two queries for the whole report. */
export async function repliesBySuggestion(db: Pick<Db, 'select'>, actor: Actor, reportId: number): Promise<Map<number, SuggestionReplyView[]>> {
  const rows = await db.select().from(suggestionReplies).where(eq(suggestionReplies.reportId, reportId)).orderBy(asc(suggestionReplies.id));
  const names = await displayNames(
    db,
    rows.map((r) => r.authorId),
  );
  const out = new Map<number, SuggestionReplyView[]>();
  for (const r of rows) {
    const list = out.get(r.suggestionId) ?? [];
    list.push({ id: r.id, authorName: names.get(r.authorId) ?? '', body: r.body, createdAt: r.createdAt.toISOString(), mine: r.authorId === actor.id });
    out.set(r.suggestionId, list);
  }
  return out;
}

export async function replyToSuggestion(
  db: Db,
  actor: Actor,
  reportId: number,
  suggestionId: number,
  raw: unknown,
  now = new Date(),
): Promise<SuggestionReplyView> {
  const { report } = await loadReportInScope(db, actor, reportId, 'report.comment');
  const { body } = parseInput(replySchema, raw);
  if (body.length > limit('replyChars')) throw overLimit('replyChars');
  const s = await found(
    db
      .select({ id: suggestions.id })
      .from(suggestions)
      .where(and(eq(suggestions.id, suggestionId), eq(suggestions.reportId, report.id))),
    '该修订不存在。',
  );
  const t = { table: suggestionReplies, author: suggestionReplies.authorId, report: suggestionReplies.reportId, created: suggestionReplies.createdAt };
  await assertReviewQuota(db, t, { perUserHour: 'commentsPerUserHour', perReport: 'commentsPerReport' }, actor, report.id, now);
  return await withTx(db, async (tx) => {
    const row = (await one(
      tx.insert(suggestionReplies).values({ suggestionId: s.id, reportId: report.id, authorId: actor.id, body, createdAt: now }).returning(),
    ))!;
    await recordAudit(tx, { actorId: actor.id, action: 'suggestion.reply', reportId: report.id, detail: { suggestionId: s.id } });
    return { id: row.id, authorName: actor.displayName, body: row.body, createdAt: row.createdAt.toISOString(), mine: true };
  });
}

/** 201 from POST /api/reports/:id/suggestions/:sid/replies. */
export type SuggestionReplyCreated = { reply: SuggestionReplyView };
