// 待办 by e-mail, when the server has SMTP configured (off by default). A worker in the server process, never a
// request: every round it works out the 待办 of each active user who gave an address, queues the items not mailed
// yet (one row per user and item, so nothing goes twice), and sends what is due, retrying a failure with growing
// pauses and logging it. A request only ever reads or writes the user's address.
import { changed, one, withTx, write } from '@/db/tx';
import { and, asc, eq, isNotNull, isNull, lte, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { mailOutbox, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import { actingUserId, type Actor } from '@/lib/domain/permissions';
import { recordAudit } from '@/lib/audit/record';
import { inboxFor } from '@/lib/inbox/service';
import { AppError } from '@/lib/shared/errors';
import { parseInput, textField } from '@/lib/shared/validation';

/** Pauses after the 1st, 2nd, … failed attempt; after the last, the mail is given up (and stays logged). */
export const RETRY_AFTER_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_AFTER_MS.length + 1;
/** Mails sent per round at most, so one round stays short. */
const SEND_BATCH = 20;
/** How long a process that took a mail to send holds it; if it dies meanwhile, another sends it after this. */
export const CLAIM_MS = 10 * 60_000;
/** 待办 items that are not mailed: the count of pending suggestions changes with every decision (a new key each time). */
const NOT_MAILED = new Set(['suggestion']);

export type Mail = { to: string; subject: string; text: string };
export type SendMail = (mail: Mail) => Promise<void>;

const emailSchema = z.object({
  email: textField({ error: '邮箱格式无效。' })
    .trim()
    .max(254, { error: '邮箱地址太长。' })
    .refine((v) => v === '' || z.email().safeParse(v).success, { error: '请填写有效的邮箱地址（如 name@example.gov.cn），或留空不接收邮件。' }),
});

/** The user's own address for 待办 mail ('' takes it away). Items from before it was set are not mailed. */
export async function setOwnEmail(db: Db, actor: Actor, raw: unknown, now = new Date()): Promise<string | null> {
  if (actor.system) throw new AppError('bad_request', '系统账号没有邮箱。');
  const { email } = parseInput(emailSchema, raw);
  return await setEmail(db, actor, actor.id, email, now);
}

export async function ownEmail(db: Db, actor: Actor): Promise<string | null> {
  return (await one(db.select({ email: users.email }).from(users).where(eq(users.id, actor.id))))?.email ?? null;
}

/** The command line's way (the IT office setting an address for someone). */
export async function setEmail(db: Db, by: Actor, userId: number, email: string, now = new Date()): Promise<string | null> {
  const address = parseInput(emailSchema, { email }).email || null;
  await withTx(db, async (tx) => {
    // Mail queued for the old address is not sent any more.
    await tx.delete(mailOutbox).where(and(eq(mailOutbox.userId, userId), isNull(mailOutbox.sentAt)));
    await tx
      .update(users)
      .set({ email: address, emailSince: address ? now : null })
      .where(eq(users.id, userId));
    await recordAudit(tx, { actorId: actingUserId(by), action: 'user.email', detail: { userId, set: address !== null } });
  });
  return address;
}

function mailOf(item: { title: string; detail: string; href: string }, origin: string): { subject: string; body: string } {
  const link = origin ? `${origin}${item.href}` : item.href;
  return {
    subject: `【法治年报】${item.title}`,
    body: [item.title, '', item.detail, '', `打开：${link}`, '', '这封邮件由法治年报系统发出，请勿直接回复。不想再收到，可在“修改密码”页清空通知邮箱。'].join('\n'),
  };
}

/** Queues the 待办 items of every user with an address that are not queued yet; returns how many were added. */
export async function queueInboxMail(db: Db, origin: string, now = new Date()): Promise<number> {
  const recipients = await db
    .select({ id: users.id, email: users.email, since: users.emailSince })
    .from(users)
    .where(and(eq(users.active, true), isNotNull(users.email)));
  let added = 0;
  for (const r of recipients) {
    const actor = await loadActor(db, r.id);
    const recipient = r.email;
    if (!actor || !recipient) continue;
    const since = r.since?.getTime() ?? now.getTime();
    for (const item of await inboxFor(db, actor, now)) {
      if (item.read || NOT_MAILED.has(item.kind) || Date.parse(item.at) < since) continue;
      const { subject, body } = mailOf(item, origin);
      const res = await write(db, () =>
        db.insert(mailOutbox).values({ userId: r.id, itemKey: item.key, recipient, subject, body, nextAttemptAt: now, createdAt: now }).onConflictDoNothing(),
      );
      added += changed(res);
    }
  }
  return added;
}

/**
 * Sends what is due; a failure is retried later, and after the last attempt given up. Each mail is claimed first (a
 * compare-and-set on its next attempt time), so two server processes never send the same one; and sent only while its
 * user is active and still has that address. Returns what happened.
 */
export async function sendDueMail(db: Db, send: SendMail, now = new Date(), log: (m: string) => void = console.error): Promise<{ sent: number; failed: number }> {
  const due = await db
    .select({ m: mailOutbox, active: users.active, email: users.email })
    .from(mailOutbox)
    .innerJoin(users, eq(users.id, mailOutbox.userId))
    .where(and(isNull(mailOutbox.sentAt), lt(mailOutbox.attempts, MAX_ATTEMPTS), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.id))
    .limit(SEND_BATCH);
  let sent = 0;
  let failed = 0;
  for (const { m, active, email } of due) {
    if (!active || email !== m.recipient) {
      await write(db, () =>
        db.update(mailOutbox).set({ attempts: MAX_ATTEMPTS, lastError: '收件人已停用或已更改通知邮箱，未发送。' }).where(eq(mailOutbox.id, m.id)),
      );
      continue;
    }
    const claimed = changed(
      await write(db, () =>
        db
          .update(mailOutbox)
          .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_MS) })
          .where(and(eq(mailOutbox.id, m.id), isNull(mailOutbox.sentAt), eq(mailOutbox.nextAttemptAt, m.nextAttemptAt))),
      ),
    );
    if (claimed !== 1) continue;
    try {
      await send({ to: m.recipient, subject: m.subject, text: m.body });
      await write(db, () =>
        db
          .update(mailOutbox)
          .set({ sentAt: new Date(), attempts: m.attempts + 1, lastError: null })
          .where(eq(mailOutbox.id, m.id)),
      );
      sent++;
    } catch (e) {
      const attempts = m.attempts + 1;
      const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      const wait = RETRY_AFTER_MS[attempts - 1];
      await write(db, () =>
        db
          .update(mailOutbox)
          .set({ attempts, lastError: error, nextAttemptAt: new Date(now.getTime() + (wait ?? 0)) })
          .where(eq(mailOutbox.id, m.id)),
      );
      log(`邮件发送失败（第 ${attempts} 次${wait === undefined ? '，不再重试' : ''}）：${m.recipient} “${m.subject}”：${error}`);
      failed++;
    }
  }
  return { sent, failed };
}
