// 待办 of @mentions: a comment or reply that names the user (recorded by lib/review/mentions.ts), by someone else, on a
// report the user may read, for a month.
import { and, eq, gt, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { commentMentions, comments, users } from '@/db/schema';
import type { Actor } from '@/lib/domain/permissions';

type Report = { id: number; townshipId: number; year: number };
/** A 待办 item (as lib/inbox/service.ts lists them, before its read mark) and the comment it is about. */
export type MentionItem = { key: string; kind: 'mention'; reportId: number; title: string; detail: string; href: string; at: string };

/** The actor's mention items among the given reports (those the actor may read), each with its comment's id. */
export async function mentionItems(
  db: Db,
  actor: Actor,
  reports: readonly Report[],
  label: (r: Report) => string,
  since: Date,
): Promise<Array<{ commentId: number; item: MentionItem }>> {
  if (!reports.length) return [];
  const byId = new Map(reports.map((r) => [r.id, r]));
  const rows = await db
    .select({ c: comments, author: users.displayName })
    .from(commentMentions)
    .innerJoin(comments, eq(comments.id, commentMentions.commentId))
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(
      and(
        eq(commentMentions.userId, actor.id),
        inArray(comments.reportId, [...byId.keys()]),
        ne(comments.authorId, actor.id),
        isNull(comments.deletedAt),
        gt(comments.createdAt, since),
      ),
    );
  return rows.map(({ c, author }) => {
    const r = byId.get(c.reportId)!;
    const item: MentionItem = {
      key: `mention:${c.id}`,
      kind: 'mention',
      reportId: r.id,
      title: `${author}在${label(r)}的批注中提到了您`,
      detail: c.body.slice(0, 80),
      // The edit page opens the 批注 tab on the thread (a reply's thread is its first comment).
      href: `/reports/${r.id}/edit?comment=${c.parentId ?? c.id}`,
      at: c.createdAt.toISOString(),
    };
    return { commentId: c.id, item };
  });
}
