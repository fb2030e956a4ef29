// Comment threads anchored on text: stored beside the report (never inside it), one level of replies, resolve/reopen;
// @mentions of the people who may read the report are recorded with them (./mentions.ts).
import { one, withTx, write, found } from '@/db/tx';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { comments, reportSections, users, type Comment, type CommentAnchor } from '@/db/schema';
import { displayNames } from '@/lib/directory/accounts';
import { recordAudit } from '@/lib/audit/record';
import { can, type Actor } from '@/lib/domain/permissions';
import { AppError } from '@/lib/shared/errors';
import { limit, limitMessage } from '@/lib/shared/limits';
import { BODY_SECTION_KEYS, isBodySectionKey, type BodySectionKey } from '@/lib/domain/sections';
import { loadReportInScope } from '@/lib/reports/service';
import { parseInput, quoteField, textField } from '@/lib/shared/validation';
import { findAnchor } from '@/lib/domain/anchor';
import { assertReviewQuota } from './quota';
import { mentionSpans, recordMentions, resolveMentions } from './mentions';

export const COMMENT_MAX_LENGTH = limit('commentChars');

const textSchema = (name: 'commentChars' | 'replyChars') =>
  textField({ error: '请填写批注内容。' })
    .trim()
    .min(1, { error: '请填写批注内容。' })
    .max(limit(name), { error: limitMessage(name) });
const bodySchema = textSchema('commentChars');

const anchorSchema = z.object({
  exact: quoteField({ error: '请先选中要批注的文字。' })
    .min(1, { error: '请先选中要批注的文字。' })
    .max(limit('anchorQuoteChars'), { error: limitMessage('anchorQuoteChars') }),
  prefix: textField().max(limit('anchorContextChars'), { error: limitMessage('anchorContextChars') }).default(''),
  suffix: textField().max(limit('anchorContextChars'), { error: limitMessage('anchorContextChars') }).default(''),
  start: z.number().int().min(0).max(10_000_000),
});

/** Comments and replies: a rate per user and a cap per report, so nobody can fill the database with them. */
async function assertCommentQuota(db: Db, actor: Actor, reportId: number, now = new Date()): Promise<void> {
  const t = { table: comments, author: comments.authorId, report: comments.reportId, created: comments.createdAt };
  await assertReviewQuota(db, t, { perUserHour: 'commentsPerUserHour', perReport: 'commentsPerReport' }, actor, reportId, now);
}

const newThreadSchema = z.object({
  sectionKey: z.string({ error: '请选择报告的一个部分。' }).refine(isBodySectionKey, { error: '报告中没有这个部分。' }),
  body: bodySchema,
  anchor: anchorSchema,
});
const replySchema = z.object({ parentId: z.number({ error: '回复的批注无效。' }).int().positive(), body: textSchema('replyChars') });

export type CommentView = {
  id: number;
  authorId: number;
  authorName: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  mine: boolean;
  /** Filed from a reviewed Word file: authorName is the name the Word comment carried (authorId filed it). */
  fromWord: boolean;
  /** Where the body's recorded @mentions are (offsets into body), to show them highlighted. */
  mentions: Array<{ start: number; end: number }>;
};

export type ThreadView = CommentView & {
  sectionKey: BodySectionKey;
  anchor: CommentAnchor;
  /** Where the quote is in the section's current text; null when the passage was deleted (原文已删除). */
  position: { start: number; end: number; exact: boolean } | null;
  resolved: boolean;
  resolvedByName: string | null;
  resolvedAt: string | null;
  replies: CommentView[];
};

async function sectionText(db: Db, reportId: number, key: string): Promise<string | null> {
  return (
    (
      await one(
        db
          .select({ t: reportSections.plainText })
          .from(reportSections)
          .where(and(eq(reportSections.reportId, reportId), eq(reportSections.sectionKey, key))),
      )
    )?.t ?? null
  );
}

export async function addThread(db: Db, actor: Actor, reportId: number, raw: unknown): Promise<ThreadView> {
  const { report, township } = await loadReportInScope(db, actor, reportId, 'report.comment');
  const input = parseInput(newThreadSchema, raw);
  await assertCommentQuota(db, actor, report.id);
  const mentioned = await resolveMentions(db, actor, township, input.body);
  const text = (await sectionText(db, report.id, input.sectionKey)) ?? '';
  const anchor: CommentAnchor = { ...input.anchor };
  if (!findAnchor(text, anchor)) throw new AppError('bad_request', '所选文字已被修改，请重新选中要批注的文字。');
  const c = await withTx(db, async (tx) => {
    const row = (await one(
      tx.insert(comments).values({ reportId: report.id, sectionKey: input.sectionKey, authorId: actor.id, body: input.body, anchor }).returning(),
    ))!;
    await recordMentions(tx, row.id, mentioned);
    await recordAudit(tx, { actorId: actor.id, action: 'comment.create', reportId: report.id, detail: { commentId: row.id, sectionKey: input.sectionKey } });
    return row;
  });
  return (await listThreads(db, actor, report.id)).find((t) => t.id === c.id)!;
}

export async function reply(db: Db, actor: Actor, reportId: number, raw: unknown): Promise<CommentView> {
  const { report, township } = await loadReportInScope(db, actor, reportId, 'report.comment');
  const input = parseInput(replySchema, raw);
  await assertCommentQuota(db, actor, report.id);
  const parent = await found(
    db
      .select()
      .from(comments)
      .where(and(eq(comments.id, input.parentId), eq(comments.reportId, report.id))),
    '要回复的批注不存在。',
  );
  if (parent.parentId !== null) throw new AppError('bad_request', '只能回复批注本身，不能回复回复。');
  const mentioned = await resolveMentions(db, actor, township, input.body);
  const row = await withTx(db, async (tx) => {
    const r = (await one(tx.insert(comments).values({ reportId: report.id, sectionKey: parent.sectionKey, parentId: parent.id, authorId: actor.id, body: input.body }).returning()))!;
    await recordMentions(tx, r.id, mentioned);
    return r;
  });
  return toView(row, actor.displayName, actor, (await mentionSpans(db, [row])).get(row.id));
}

async function loadOwn(db: Db, actor: Actor, reportId: number, commentId: number): Promise<Comment & { township: { id: number; countyId: number } }> {
  const { report, township } = await loadReportInScope(db, actor, reportId, 'report.comment');
  const c = await one(
    db
      .select()
      .from(comments)
      .where(and(eq(comments.id, commentId), eq(comments.reportId, report.id))),
  );
  if (!c || c.deletedAt) throw new AppError('not_found', '该批注不存在。');
  return { ...c, township };
}

export async function editComment(db: Db, actor: Actor, reportId: number, commentId: number, raw: unknown): Promise<void> {
  const c = await loadOwn(db, actor, reportId, commentId);
  if (c.authorId !== actor.id) throw new AppError('forbidden', '只能修改自己的批注。');
  const { body } = parseInput(z.object({ body: bodySchema }), raw);
  const mentioned = await resolveMentions(db, actor, c.township, body);
  await withTx(db, async (tx) => {
    await tx.update(comments).set({ body, editedAt: new Date() }).where(eq(comments.id, c.id));
    await recordMentions(tx, c.id, mentioned);
  });
}

/** A thread's first comment with replies keeps its place (shown as deleted) so the replies still make sense. */
export async function deleteComment(db: Db, actor: Actor, reportId: number, commentId: number): Promise<void> {
  const c = await loadOwn(db, actor, reportId, commentId);
  if (c.authorId !== actor.id) throw new AppError('forbidden', '只能删除自己的批注。');
  const hasReplies = await one(
    db
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.parentId, c.id), isNull(comments.deletedAt))),
  );
  await withTx(db, async (tx) => {
    if (hasReplies) {
      await tx.update(comments).set({ deletedAt: new Date(), body: '' }).where(eq(comments.id, c.id));
      await recordMentions(tx, c.id, []);
    }
    else await tx.delete(comments).where(eq(comments.id, c.id));
    await recordAudit(tx, { actorId: actor.id, action: 'comment.delete', reportId: c.reportId, detail: { commentId: c.id } });
  });
}

export async function setResolved(db: Db, actor: Actor, reportId: number, commentId: number, resolved: boolean): Promise<void> {
  const c = await loadOwn(db, actor, reportId, commentId);
  if (c.parentId !== null) throw new AppError('bad_request', '只能解决整个批注，不能单独解决回复。');
  await write(db, () =>
    db
      .update(comments)
      .set(resolved ? { resolvedAt: new Date(), resolvedBy: actor.id } : { resolvedAt: null, resolvedBy: null })
      .where(eq(comments.id, c.id)),
  );
}

function toView(c: Comment, authorName: string, actor: Actor, mentions: CommentView['mentions'] = []): CommentView {
  return {
    id: c.id,
    authorId: c.authorId,
    authorName: wordAuthorLabel(c, authorName),
    body: c.deletedAt ? '' : c.body,
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt ? c.editedAt.toISOString() : null,
    deleted: c.deletedAt !== null,
    mine: c.authorId === actor.id,
    fromWord: c.authorName !== null,
    mentions: c.deletedAt ? [] : mentions,
  };
}

/** Who a comment is from: its author, or for one filed from a Word file, the name the Word comment carried. */
export function wordAuthorLabel(c: Pick<Comment, 'authorName'>, userName: string): string {
  return c.authorName ? `${c.authorName}（Word 批注）` : userName;
}

/** Threads in document order: by section, then by where their quote sits now; detached ones last in their section. */
export async function listThreads(db: Db, actor: Actor, reportId: number): Promise<ThreadView[]> {
  const { report } = await loadReportInScope(db, actor, reportId);
  const rows = await db
    .select({ c: comments, authorName: users.displayName })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.reportId, report.id))
    .orderBy(asc(comments.id));
  const resolvers = await displayNames(
    db,
    rows.map((r) => r.c.resolvedBy).filter((v): v is number => v !== null),
  );
  const spans = await mentionSpans(db, rows.map((r) => r.c));
  const open = rows.filter((r) => r.c.parentId === null && r.c.anchor && isBodySectionKey(r.c.sectionKey));
  // Each part's text read once, for the threads anchored in it.
  const texts = new Map<string, string>();
  for (const key of new Set(open.map((r) => r.c.sectionKey))) texts.set(key, (await sectionText(db, report.id, key)) ?? '');
  const threads: ThreadView[] = open.map(({ c, authorName }) => ({
    ...toView(c, authorName, actor, spans.get(c.id)),
    sectionKey: c.sectionKey as BodySectionKey,
    anchor: c.anchor!,
    position: findAnchor(texts.get(c.sectionKey)!, c.anchor!),
    resolved: c.resolvedAt !== null,
    resolvedByName: c.resolvedBy ? (resolvers.get(c.resolvedBy) ?? null) : null,
    resolvedAt: c.resolvedAt ? c.resolvedAt.toISOString() : null,
    replies: rows.filter((r) => r.c.parentId === c.id && !r.c.deletedAt).map((r) => toView(r.c, r.authorName, actor, spans.get(r.c.id))),
  }));
  const order = new Map<string, number>(BODY_SECTION_KEYS.map((k, i) => [k, i]));
  return threads.sort(
    (a, b) =>
      order.get(a.sectionKey)! - order.get(b.sectionKey)! ||
      (a.position?.start ?? Number.MAX_SAFE_INTEGER) - (b.position?.start ?? Number.MAX_SAFE_INTEGER) ||
      a.id - b.id,
  );
}

export function mayComment(actor: Actor, township: { id: number; countyId: number }): boolean {
  return can(actor, 'report.comment', { townshipId: township.id, countyId: township.countyId });
}

/** 200 from GET /api/reports/:id/comments. */
export type ThreadList = { threads: ThreadView[] };
/** 201 from POST /api/reports/:id/comments: a new thread, or a reply. */
export type CommentCreated = { comment: ThreadView | CommentView };
/** 200 from PATCH and DELETE /api/reports/:id/comments/:commentId. */
export type CommentChanged = { ok: true };
