// @mentions in comments and replies: resolved on the server among the people who may read the report (a name of
// anyone else stays plain text and says nothing about whether that account exists), stored per comment (the one
// writer of comment_mentions), and the people a comment box may offer.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { commentMentions, users } from '@/db/schema';
import { readersOf, type Reader } from '@/lib/directory/readers';
import { findMentions, mentionedIds, type MentionCandidate } from '@/lib/domain/mentions';
import { ROLE_LABELS } from '@/lib/domain/labels';
import type { Actor } from '@/lib/domain/permissions';
import { limit, overLimit } from '@/lib/shared/limits';
import { loadReportInScope } from '@/lib/reports/service';

type Place = { id: number; countyId: number };

const candidatesOf = (people: ReadonlyArray<Pick<Reader, 'id' | 'username' | 'displayName'>>): MentionCandidate[] =>
  people.map((p) => ({ id: p.id, names: [p.displayName, p.username] }));

/**
 * Whom the text mentions among the people who may read the township's reports, the author left out; more than the
 * limit is refused (only people who may read count, so the refusal tells nothing about anyone else).
 */
export async function resolveMentions(db: Db, actor: Actor, township: Place, body: string): Promise<number[]> {
  if (!body.includes('@')) return [];
  const readers = await readersOf(db, { townshipId: township.id, countyId: township.countyId });
  const ids = mentionedIds(body, candidatesOf(readers)).filter((id) => id !== actor.id);
  if (ids.length > limit('mentionsPerComment')) throw overLimit('mentionsPerComment', 'bad_request');
  return ids;
}

/** Sets whom a comment mentions (replacing what it mentioned before an edit); inside the comment's own transaction. */
export async function recordMentions(tx: Db, commentId: number, userIds: readonly number[]): Promise<void> {
  await tx.delete(commentMentions).where(eq(commentMentions.commentId, commentId));
  if (userIds.length) await tx.insert(commentMentions).values(userIds.map((userId) => ({ commentId, userId })));
}

/** Where each comment's stored mentions sit in its text (for highlighting), by comment id. */
export async function mentionSpans(db: Db, list: ReadonlyArray<{ id: number; body: string }>): Promise<Map<number, Array<{ start: number; end: number }>>> {
  const out = new Map<number, Array<{ start: number; end: number }>>();
  const withAt = list.filter((c) => c.body.includes('@'));
  if (!withAt.length) return out;
  const rows = await db
    .select({ commentId: commentMentions.commentId, id: users.id, username: users.username, displayName: users.displayName })
    .from(commentMentions)
    .innerJoin(users, eq(users.id, commentMentions.userId))
    .where(
      inArray(
        commentMentions.commentId,
        withAt.map((c) => c.id),
      ),
    );
  for (const c of withAt) {
    const people = rows.filter((r) => r.commentId === c.id);
    if (people.length) out.set(c.id, findMentions(c.body, candidatesOf(people)).map(({ start, end }) => ({ start, end })));
  }
  return out;
}

/** One person a comment box offers after "@": what to type (the 姓名, or the 用户名 when two share it) and who it is. */
export type MentionOption = { insert: string; name: string; role: string };
/** 200 from GET /api/reports/:id/readers. */
export type ReaderList = { readers: MentionOption[] };

/** The people the actor may mention in the report's comments: those who may read it, the actor left out. */
export async function mentionOptions(db: Db, actor: Actor, reportId: number): Promise<MentionOption[]> {
  const { township } = await loadReportInScope(db, actor, reportId, 'report.comment');
  const readers = (await readersOf(db, { townshipId: township.id, countyId: township.countyId })).filter((r) => r.id !== actor.id);
  const shared = new Map<string, number>();
  for (const r of readers) shared.set(r.displayName, (shared.get(r.displayName) ?? 0) + 1);
  const place = (r: Reader) => (r.role === 'drafter' ? township.name : r.role === 'reviewer' ? township.countyName : '');
  // The township's drafters first, then the county's reviewers, then administrators: whom a comment most often asks.
  const order: Record<Reader['role'], number> = { drafter: 0, reviewer: 1, admin: 2 };
  return [...readers].sort((a, b) => order[a.role] - order[b.role] || a.id - b.id).map((r) => ({
    insert: shared.get(r.displayName)! > 1 ? r.username : r.displayName,
    name: r.displayName,
    role: [ROLE_LABELS[r.role], place(r)].filter(Boolean).join(' · '),
  }));
}
