// A reviewed Word file filed onto its report, beside the text (never replacing it): each tracked change whose place is
// found becomes a pending suggestion signed with its Word author, each Word comment an anchored comment with its
// replies, and what cannot be placed is listed with why. Filing the same file again adds nothing (duplicates are
// counted, not filed). Suggestions pass the one gate (admitSuggestions, with the review-import rule) and count
// against the same caps and quotas as typed ones; comments against the comment caps; one audit row names the person
// who filed the file and its hash. The file itself is read in lib/import (readReviewFile); this module takes its content.
import { one, withTx, write, found } from '@/db/tx';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { comments, reportSections, suggestions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { locateInParts } from '@/lib/domain/anchor';
import type { Actor } from '@/lib/domain/permissions';
import { isBodySectionKey } from '@/lib/domain/sections';
import { loadReportInScope } from '@/lib/reports/service';
import { AppError } from '@/lib/shared/errors';
import { limit, overLimit } from '@/lib/shared/limits';
import { assertReviewQuota } from './quota';
import { admitSuggestions, assertSuggestionQuota, FILE_WORD_REVIEW, insertFiledSuggestions, type FileChange } from './suggestions';

/** A tracked change read from the file, with the text of the comment on exactly this change (its reason), if any. */
export type WordChange = FileChange & { reason: string | null };

/** A Word comment read from the file, with its replies. */
export type WordComment = {
  author: string;
  date: string | null;
  body: string;
  /** The commented passage as it stood before the changes ('' when the range held only inserted text or was not found). */
  exact: string;
  prefix: string;
  suffix: string;
  replies: Array<{ author: string; date: string | null; body: string }>;
};

/** 200 from POST /api/reports/:id/review-import. */
export type ReviewFiled = { suggestions: number; comments: number; duplicates: number; unplaced: Array<{ text: string; why: string }> };

const SHOWN = 40;
const short = (s: string) => (s.length > SHOWN ? `${s.slice(0, SHOWN)}…` : s);
const describeChange = (c: WordChange) =>
  `${c.author}：${c.exact && c.replacement ? `将“${short(c.exact)}”改为“${short(c.replacement)}”` : c.exact ? `删除“${short(c.exact)}”` : `插入“${short(c.replacement)}”`}`;

/** Sizes first (413 with the limit's sentence), before the report is even loaded. */
function checkBounds(changes: readonly WordChange[], cs: readonly WordComment[]): void {
  if (changes.length > limit('revisionsPerCommit')) throw overLimit('revisionsPerCommit');
  if (cs.reduce((n, c) => n + 1 + c.replies.length, 0) > limit('reviewCommentsPerFile')) throw overLimit('reviewCommentsPerFile');
  const authors = [...changes.map((c) => c.author), ...cs.flatMap((c) => [c.author, ...c.replies.map((r) => r.author)])];
  if (authors.some((a) => a.length > limit('revisionAuthorChars'))) throw overLimit('revisionAuthorChars');
  if (changes.some((c) => c.replacement.length > limit('suggestionChars'))) throw overLimit('suggestionChars');
  if (changes.some((c) => (c.reason ?? '').length > limit('suggestionReasonChars'))) throw overLimit('suggestionReasonChars');
  if ([...changes, ...cs].some((c) => c.exact.length > limit('anchorQuoteChars'))) throw overLimit('anchorQuoteChars');
  if ([...changes, ...cs].some((c) => c.prefix.length > limit('anchorContextChars') || c.suffix.length > limit('anchorContextChars'))) throw overLimit('anchorContextChars');
  if (cs.some((c) => c.body.length > limit('commentChars'))) throw overLimit('commentChars');
  if (cs.some((c) => c.replies.some((r) => r.body.length > limit('replyChars')))) throw overLimit('replyChars');
}

export async function fileWordReview(
  db: Db,
  actor: Actor,
  reportId: number,
  file: { changes: readonly WordChange[]; comments: readonly WordComment[]; hash: string; fileName: string },
  now = new Date(),
): Promise<ReviewFiled> {
  checkBounds(file.changes, file.comments);
  const report = await admitSuggestions(db, actor, reportId, 0, now, FILE_WORD_REVIEW);
  const texts = (
    await db.select({ key: reportSections.sectionKey, text: reportSections.plainText }).from(reportSections).where(eq(reportSections.reportId, report.id))
  ).filter((t) => isBodySectionKey(t.key));
  const unplaced: ReviewFiled['unplaced'] = [];
  let duplicates = 0;

  // What is on the report already, by the same passage at the same place: a change or comment filed before (or the
  // suggestion or comment the 修订稿 was exported from) is a duplicate, whoever signed it.
  const existingSuggestions = new Set(
    (await db.select({ key: suggestions.sectionKey, anchor: suggestions.anchor, replacement: suggestions.replacement }).from(suggestions).where(eq(suggestions.reportId, report.id))).map(
      (s) => `${s.key}\u0000${s.anchor.start}\u0000${s.anchor.exact}\u0000${s.replacement}`,
    ),
  );
  const existingRows = await db
    .select({ id: comments.id, key: comments.sectionKey, anchor: comments.anchor, body: comments.body, parentId: comments.parentId })
    .from(comments)
    .where(and(eq(comments.reportId, report.id), isNull(comments.deletedAt)));
  const threadKey = (key: string, start: number, exact: string, body: string) => `${key}\u0000${start}\u0000${exact}\u0000${body}`;
  const existingThreads = new Map(existingRows.filter((c) => c.parentId === null && c.anchor).map((c) => [threadKey(c.key, c.anchor!.start, c.anchor!.exact, c.body), c.id]));
  const existingReplies = new Set(existingRows.filter((c) => c.parentId !== null).map((c) => `${c.parentId}\u0000${c.body}`));

  type NewSuggestion = { change: WordChange; key: string; start: number };
  const newSuggestions: NewSuggestion[] = [];
  for (const c of file.changes) {
    if (/\n/.test(c.exact + c.replacement) || c.exact === c.replacement) {
      unplaced.push({ text: describeChange(c), why: '这处修订跨越了段落或前后文字相同，不能作为一条修订登记。' });
      continue;
    }
    const at = locateInParts(texts, c);
    if (!at) {
      unplaced.push({ text: describeChange(c), why: '在报告现在的正文中找不到这处修订的位置（原文可能已改动）。' });
      continue;
    }
    const k = `${at.key}\u0000${at.start}\u0000${c.exact}\u0000${c.replacement}`;
    if (existingSuggestions.has(k)) {
      duplicates++;
      continue;
    }
    existingSuggestions.add(k);
    newSuggestions.push({ change: c, ...at });
  }

  type NewThread = { comment: WordComment; key: string; start: number; parentId: number | null; replies: WordComment['replies'] };
  const newThreads: NewThread[] = [];
  for (const c of file.comments) {
    const text = `${c.author}：${short(c.body)}`;
    if (!c.exact) {
      unplaced.push({ text, why: '这条批注没有批注在报告原有的文字上（例如只批注了新插入的文字），无法定位。' });
      continue;
    }
    const at = locateInParts(texts, c);
    if (!at) {
      unplaced.push({ text, why: '在报告现在的正文中找不到这条批注所批注的文字（原文可能已改动）。' });
      continue;
    }
    const existing = existingThreads.get(threadKey(at.key, at.start, c.exact, c.body));
    if (existing === undefined) {
      existingThreads.set(threadKey(at.key, at.start, c.exact, c.body), -1);
      newThreads.push({ comment: c, ...at, parentId: null, replies: c.replies });
      continue;
    }
    duplicates++;
    // The thread is there already: only replies written since (in Word, to the exported 批注) are added.
    const fresh = existing < 0 ? [] : c.replies.filter((r) => !existingReplies.has(`${existing}\u0000${r.body}`));
    duplicates += c.replies.length - fresh.length;
    if (fresh.length) newThreads.push({ comment: c, ...at, parentId: existing, replies: fresh });
  }

  const addingComments = newThreads.reduce((n, t) => n + (t.parentId === null ? 1 : 0) + t.replies.length, 0);
  const commentQuota = async (q: Db) =>
    addingComments &&
    (await assertReviewQuota(
      q,
      { table: comments, author: comments.authorId, report: comments.reportId, created: comments.createdAt },
      { perUserHour: 'commentsPerUserHour', perReport: 'commentsPerReport' },
      actor,
      report.id,
      now,
      addingComments,
    ));
  // The same caps and quotas as suggestions typed in the editor, through the one gate, before any write.
  if (newSuggestions.length) await admitSuggestions(db, actor, report.id, newSuggestions.length, now, FILE_WORD_REVIEW);
  await commentQuota(db);

  return await withTx(db, async (tx) => {
    await assertSuggestionQuota(tx, actor, report.id, newSuggestions.length, now);
    await commentQuota(tx);
    await insertFiledSuggestions(tx, actor, report.id, newSuggestions.map((n) => ({ ...n, reason: n.change.reason })), now);
    for (const t of newThreads) {
      let parentId = t.parentId;
      if (parentId === null) {
        const row = (await one(
          tx
            .insert(comments)
            .values({
              reportId: report.id,
              sectionKey: t.key,
              authorId: actor.id,
              authorName: t.comment.author,
              body: t.comment.body,
              anchor: { exact: t.comment.exact, prefix: t.comment.prefix, suffix: t.comment.suffix, start: t.start },
              createdAt: now,
            })
            .returning({ id: comments.id }),
        ))!;
        parentId = row.id;
        await recordAudit(tx, { actorId: actor.id, action: 'comment.create', reportId: report.id, detail: { commentId: row.id, sectionKey: t.key, from: 'word' } });
      }
      for (const r of t.replies) {
        await tx.insert(comments).values({ reportId: report.id, sectionKey: t.key, parentId, authorId: actor.id, authorName: r.author, body: r.body, createdAt: now });
      }
    }
    const filed: ReviewFiled = { suggestions: newSuggestions.length, comments: addingComments, duplicates, unplaced };
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'review.import',
      reportId: report.id,
      detail: { sha256: file.hash, fileName: file.fileName.slice(0, 200), suggestions: filed.suggestions, comments: filed.comments, duplicates, unplaced: unplaced.length },
    });
    return filed;
  });
}

/**
 * The one who wrote or filed a suggestion takes it back while it is still pending (a Word change filed by mistake,
 * or one the reviewer thought better of). It leaves the report; the audit log keeps that it was there.
 */
export async function withdrawSuggestion(db: Db, actor: Actor, reportId: number, suggestionId: number): Promise<{ ok: true }> {
  const { report } = await loadReportInScope(db, actor, reportId, 'report.comment');
  const s = await found(db.select().from(suggestions).where(and(eq(suggestions.id, suggestionId), eq(suggestions.reportId, report.id))), '这条修订不存在。');
  if (s.authorId !== actor.id) throw new AppError('forbidden', '只能撤回自己提出或登记的修订。');
  await withTx(db, async (tx) => {
    const gone = await one(
      write(tx, () =>
        tx
          .delete(suggestions)
          .where(and(eq(suggestions.id, s.id), eq(suggestions.state, 'pending')))
          .returning({ id: suggestions.id }),
      ),
    );
    if (!gone) throw new AppError('conflict', '这条修订已被接受或拒绝，不能再撤回。');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'suggestion.withdraw',
      reportId: report.id,
      detail: { suggestionId: s.id, sectionKey: s.sectionKey },
    });
  });
  return { ok: true };
}
