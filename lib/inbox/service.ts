// 待办: what waits for a user, worked out from the reports themselves — for reviewers, reports submitted for review
// (and resubmissions), and news of the reports they reviewed being 定稿 and 公开; for drafters, approvals waiting for
// 定稿, returns with their reason, reviewers' comments, replies and suggestions; for both, the county's collection
// date and 4月1日 coming up (7, 3 and 1 days before). Only read marks are stored. Every hand-over of the workflow
// (lib/domain/workflow.ts) puts an item in front of whoever acts next or should know: submit → reviewer, return and
// approve → drafter, finalise and publish → reviewer; a withdrawal takes the reviewer's item away. Whoever a comment or
// reply mentions (@姓名) is told, in place of the plain comment or reply item for it.
import { one, write } from '@/db/tx';
import { and, desc, eq, gt, inArray, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { auditEvents, comments, countyDeadlines, inboxReads, reports, suggestions, users } from '@/db/schema';
import { listVisibleTownships } from '@/lib/directory/townships';
import type { Actor } from '@/lib/domain/permissions';
import { can } from '@/lib/domain/permissions';
import { SECTION_LABELS, isBodySectionKey } from '@/lib/domain/sections';
import { daysUntil, deadlineText, publicationDeadline } from '@/lib/domain/template';
import { effectivePack } from '@/lib/season/store';
import { currentReportYear } from '@/lib/reports/service';
import { parseInput, textField } from '@/lib/shared/validation';
import { mentionItems } from './mentions';

export const INBOX_KINDS = ['review', 'approved', 'returned', 'finalised', 'published', 'comment', 'reply', 'suggestion', 'deadline', 'mention'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** One item; `reportId` is null only for a deadline with no report yet. */
export type InboxItem = { key: string; kind: InboxKind; reportId: number | null; title: string; detail: string; href: string; at: string; read: boolean };

/** Comments and replies this far back count as news. */
const RECENT_MS = 30 * 24 * 60 * 60 * 1000;
const MAX_ITEMS = 200;

/** 7, 3 or 1: the reminder a number of days left falls under (a new one comes unread again). */
const reminder = (days: number) => (days <= 1 ? 1 : days <= 3 ? 3 : days <= 7 ? 7 : null);

export async function inboxFor(db: Db, actor: Actor, now = new Date()): Promise<InboxItem[]> {
  const towns = await listVisibleTownships(db, actor);
  const townName = new Map(towns.map((t) => [t.id, t.name]));
  const townIds = towns.map((t) => t.id);
  if (townIds.length === 0) return [];
  const items: Omit<InboxItem, 'read'>[] = [];
  const rows = await db.select().from(reports).where(inArray(reports.townshipId, townIds));
  const label = (r: { townshipId: number; year: number }) => `${townName.get(r.townshipId) ?? ''} ${r.year}年度报告`;
  const scope = (r: { townshipId: number }) => ({ townshipId: r.townshipId, countyId: towns.find((t) => t.id === r.townshipId)?.countyId ?? null });
  const lastTransition = async (reportId: number) =>
    await db
      .select({ detail: auditEvents.detail, at: auditEvents.at })
      .from(auditEvents)
      .where(and(eq(auditEvents.reportId, reportId), eq(auditEvents.action, 'report.transition')))
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(2);

  const since = new Date(now.getTime() - RECENT_MS);
  for (const r of rows) {
    if (r.status === 'submitted' && can(actor, 'report.review', scope(r))) {
      const [t, before] = await lastTransition(r.id);
      // Submitted after a return: a resubmission.
      const again = (t?.detail as { from?: string } | null)?.from === 'returned' || (before?.detail as { transition?: string } | null)?.transition === 'return' ? '（再次提交）' : '';
      items.push({ key: `review:${r.id}:${r.updatedAt.getTime()}`, kind: 'review', reportId: r.id, title: `${label(r)}待审核${again}`, detail: '请审阅并提出批注或修订，然后审核通过或退回修改。', href: `/reports/${r.id}/edit`, at: (t?.at ?? r.updatedAt).toISOString() });
    }
    // 审核通过: only the township's drafter can 定稿, so the approval is theirs to act on.
    if (r.status === 'approved' && can(actor, 'report.finalise', scope(r))) {
      const [t] = await lastTransition(r.id);
      items.push({ key: `approved:${r.id}:${r.updatedAt.getTime()}`, kind: 'approved', reportId: r.id, title: `${label(r)}审核通过，请定稿`, detail: '审核人已审核通过。请核对全文后定稿（定稿后正文锁定），再按规定登记公开。', href: `/reports/${r.id}/edit`, at: (t?.at ?? r.updatedAt).toISOString() });
    }
    // 定稿 and 已公开: news for the county's reviewers, for a month.
    if ((r.status === 'final' || r.status === 'published') && can(actor, 'report.review', scope(r))) {
      const [t] = await lastTransition(r.id);
      const at = t?.at ?? r.updatedAt;
      if (at > since) {
        const published = r.status === 'published';
        items.push({
          key: `${published ? 'published' : 'finalised'}:${r.id}:${r.updatedAt.getTime()}`,
          kind: published ? 'published' : 'finalised',
          reportId: r.id,
          title: `${label(r)}${published ? '已公开' : '已定稿'}`,
          detail: published ? `已于 ${r.publishedDate ?? ''} 公开${r.publishedUrl ? `：${r.publishedUrl}` : ''}。` : '起草人已定稿，正文已锁定，下一步登记公开。',
          href: `/reports/${r.id}`,
          at: at.toISOString(),
        });
      }
    }
    if (r.status === 'returned' && can(actor, 'report.edit', scope(r))) {
      const [t] = await lastTransition(r.id);
      const reason = String((t?.detail as { reason?: string } | null)?.reason ?? '');
      items.push({ key: `returned:${r.id}:${r.updatedAt.getTime()}`, kind: 'returned', reportId: r.id, title: `${label(r)}被退回修改`, detail: reason ? `退回原因：${reason}` : '请按批注和修订修改后再次提交。', href: `/reports/${r.id}/edit`, at: (t?.at ?? r.updatedAt).toISOString() });
    }
  }

  const reportIds = rows.filter((r) => can(actor, 'report.edit', scope(r))).map((r) => r.id);
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Comments and replies mentioning the actor, on reports the actor may still read.
  const mentions = await mentionItems(db, actor, rows, label, since);
  const mentioned = new Set(mentions.map((m) => m.commentId));
  items.push(...mentions.map((m) => m.item));
  if (reportIds.length) {
    // Reviewers' comments on the actor's reports, and the suggestions waiting for them.
    for (const c of await db
      .select({ c: comments, author: users.displayName })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(
        and(
          inArray(comments.reportId, reportIds),
          ne(comments.authorId, actor.id),
          isNull(comments.parentId),
          isNull(comments.deletedAt),
          isNull(comments.resolvedAt),
          gt(comments.createdAt, since),
        ),
      )) {
      if (mentioned.has(c.c.id)) continue;
      const r = byId.get(c.c.reportId)!;
      items.push({ key: `comment:${c.c.id}`, kind: 'comment', reportId: r.id, title: `${c.author}对${label(r)}的批注`, detail: `${isBodySectionKey(c.c.sectionKey) ? `${SECTION_LABELS[c.c.sectionKey]}：` : ''}${c.c.body.slice(0, 80)}`, href: `/reports/${r.id}/edit`, at: c.c.createdAt.toISOString() });
    }
    const pending = await db
      .select()
      .from(suggestions)
      .where(and(inArray(suggestions.reportId, reportIds), eq(suggestions.state, 'pending')));
    const perReport = new Map<number, number>();
    for (const s of pending) perReport.set(s.reportId, (perReport.get(s.reportId) ?? 0) + 1);
    for (const [reportId, n] of perReport) {
      const r = byId.get(reportId)!;
      const last = pending.filter((s) => s.reportId === reportId).reduce((a, s) => (s.createdAt > a ? s.createdAt : a), new Date(0));
      items.push({ key: `suggestion:${reportId}:${n}:${last.getTime()}`, kind: 'suggestion', reportId, title: `${label(r)}有 ${n} 条修订待处理`, detail: '在“修订”中逐条接受或拒绝。', href: `/reports/${reportId}/edit`, at: last.toISOString() });
    }
  }
  // Replies to the actor's own comments (their thread ids read once).
  const ownThreads = new Set(
    (
      await db
        .select({ id: comments.id })
        .from(comments)
        .where(and(eq(comments.authorId, actor.id), isNull(comments.parentId), inArray(comments.reportId, rows.length ? rows.map((r) => r.id) : [0])))
    ).map((c) => c.id),
  );
  for (const reply of await db
    .select({ c: comments, author: users.displayName, reportTownship: reports.townshipId, year: reports.year })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .innerJoin(reports, eq(reports.id, comments.reportId))
    .where(
      and(
        inArray(
          comments.reportId,
          rows.map((r) => r.id),
        ),
        ne(comments.authorId, actor.id),
        isNull(comments.deletedAt),
        gt(comments.createdAt, since),
      ),
    )) {
    if (!reply.c.parentId || !ownThreads.has(reply.c.parentId) || mentioned.has(reply.c.id)) continue;
    items.push({ key: `reply:${reply.c.id}`, kind: 'reply', reportId: reply.c.reportId, title: `${reply.author}回复了您的批注`, detail: reply.c.body.slice(0, 80), href: `/reports/${reply.c.reportId}/edit`, at: reply.c.createdAt.toISOString() });
  }

  // Deadlines of the current report year: the county's collection date (until submitted) and 4月1日 (until public).
  const year = currentReportYear(now);
  const countyIds = [...new Set(towns.map((t) => t.countyId))];
  for (const countyId of countyIds) {
    const own = towns.filter((t) => t.countyId === countyId && can(actor, 'report.edit', { townshipId: t.id, countyId }));
    if (!own.length) continue;
    const pack = await effectivePack(db, year, countyId);
    const collection =
      (
      await one(
        db
          .select()
          .from(countyDeadlines)
          .where(and(eq(countyDeadlines.countyId, countyId), eq(countyDeadlines.year, year))),
      )
    )?.collectionDate ?? pack.deadlines?.collection ?? null;
    for (const t of own) {
      const r = rows.find((x) => x.townshipId === t.id && x.year === year);
      const href = r ? `/reports/${r.id}/edit` : '/';
      if (collection && (!r || r.status === 'drafting' || r.status === 'returned')) {
        const days = daysUntil(collection, now);
        const step = reminder(days);
        if (step && days >= 0)
          items.push({ key: `deadline:collect:${t.id}:${year}:${step}`, kind: 'deadline', reportId: r?.id ?? null, title: `${t.name} ${year}年度报告 ${days} 天后截止收集`, detail: `县里的收集日期是 ${collection}，请在此前提交审核。`, href, at: now.toISOString() });
      }
      const publish = publicationDeadline(year, pack);
      const pDays = daysUntil(publish, now);
      const pStep = reminder(pDays);
      if (pStep && pDays >= 0 && r?.status !== 'published')
        items.push({ key: `deadline:publish:${t.id}:${year}:${pStep}`, kind: 'deadline', reportId: r?.id ?? null, title: `${t.name} ${year}年度报告 ${pDays} 天后须公开`, detail: `报告须在 ${deadlineText(publish)}前向社会公开。`, href, at: now.toISOString() });
    }
  }

  const sorted = items.sort((a, b) => b.at.localeCompare(a.at)).slice(0, MAX_ITEMS);
  const read = new Set(
    sorted.length
      ? (
          await db
            .select({ key: inboxReads.itemKey })
            .from(inboxReads)
            .where(
              and(
                eq(inboxReads.userId, actor.id),
                inArray(
                  inboxReads.itemKey,
                  sorted.map((i) => i.key),
                ),
              ),
            )
        ).map((r) => r.key)
      : [],
  );
  return sorted.map((i) => ({ ...i, read: read.has(i.key) }));
}

export async function unreadCount(db: Db, actor: Actor, now = new Date()): Promise<number> {
  return (await inboxFor(db, actor, now)).filter((i) => !i.read).length;
}

const keysSchema = z.array(textField().min(1).max(200), { error: '待办事项无效。' }).max(MAX_ITEMS, { error: '待办事项太多。' });

/** Marks items read for the actor (keys of items that are not the actor's are simply never shown). */
export async function markRead(db: Db, actor: Actor, rawKeys: unknown, now = new Date()): Promise<number> {
  const keys = parseInput(keysSchema, rawKeys);
  for (const key of keys) await write(db, () => db.insert(inboxReads).values({ userId: actor.id, itemKey: key, readAt: now }).onConflictDoNothing());
  return keys.length;
}

export async function markAllRead(db: Db, actor: Actor, now = new Date()): Promise<number> {
  return await markRead(
    db,
    actor,
    (await inboxFor(db, actor, now)).filter((i) => !i.read).map((i) => i.key),
    now,
  );
}

/** One item of GET /api/inbox: a stable shape for scripts (the page's key, detail and link are not part of it). */
export type InboxApiItem = { kind: InboxKind; reportId: number | null; title: string; at: string; read: boolean };
/** 200 from GET /api/inbox. */
export type InboxList = { items: InboxApiItem[] };

export async function inboxApiItems(db: Db, actor: Actor, now = new Date()): Promise<InboxApiItem[]> {
  return (await inboxFor(db, actor, now)).map(({ kind, reportId, title, at, read }) => ({ kind, reportId, title, at, read }));
}
