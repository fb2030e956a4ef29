// 待办 by e-mail through a real SMTP conversation (a local smtp-server on a free port, nodemailer sending): off
// without NIANBAO_SMTP_URL; items queued once per user and item, from the time the address was set; a refusing or
// unreachable mail server retried with growing pauses and logged; requests never touch it.
import { one, write } from '@/db/tx';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '@/cli/index';
import type { Db } from '@/db/client';
import { mailOutbox, users } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { mailConfig, mailEnabled } from '@/lib/mail/config';
import { MAX_ATTEMPTS, queueInboxMail, RETRY_AFTER_MS, sendDueMail, setOwnEmail, type SendMail } from '@/lib/mail/outbox';
import { createSuggestion } from '@/lib/review/suggestions';
import { saveSection, loadEditorData } from '@/lib/drafting/service';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { createAnchor } from '@/lib/domain/anchor';
import { mailRound, smtpSender } from '@/lib/mail/worker';
import { transitionReport } from '@/lib/review/transitions';
import { AppError } from '@/lib/shared/errors';
import { snapshot, worldWithDraft, type World } from '../../support/db';
import { freePort } from '../../e2e/app-server';

type Received = { to: string[]; data: string };
let db: Db, w: World, reportId: number;
let server: SMTPServer;
let port: number;
let received: Received[];
let refuse: boolean;

beforeEach(async () => {
  ({ db, w, reportId } = await worldWithDraft());
  const v = (await loadEditorData(db, w.drafterA1, reportId)).sections.find((s) => s.key === 'measures')!.version;
  await saveSection(db, w.drafterA1, reportId, 'measures', { content: docFromText('全年开展执法检查136次。'), version: v });
  received = [];
  refuse = false;
  port = await freePort();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString()));
      stream.on('end', () => {
        if (refuse) return callback(new Error('451 mailbox busy'));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
});
afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A reviewer's suggestion on part 一 (its text written first), as the route would make it; returns 201 when made. */
async function suggestRoute(reviewer: World['reviewerA'], id: number): Promise<number> {
  const text = (await loadEditorData(db, reviewer, id)).sections.find((s) => s.key === 'measures')!.plainText;
  await createSuggestion(db, reviewer, id, { sectionKey: 'measures', anchor: createAnchor(text, 0, 2), replacement: '全镇', reason: null });
  return 201;
}

const config = () =>
  mailConfig({
    NIANBAO_SMTP_URL: `smtp://127.0.0.1:${port}`,
    NIANBAO_MAIL_FROM: '法治年报 <nianbao@example.gov.cn>',
    NIANBAO_ORIGIN: 'https://fzbg.example.gov.cn',
  })!;
const outbox = async () => await db.select().from(mailOutbox);
/** The decoded text of a received mail (nodemailer sends Chinese as quoted-printable or base64 UTF-8). */
function decoded(m: Received): string {
  const [, body = ''] = m.data.split(/\r?\n\r?\n/, 2).length === 2 ? [m.data.slice(0, m.data.search(/\r?\n\r?\n/)), m.data.slice(m.data.search(/\r?\n\r?\n/))] : [m.data, ''];
  const base64 = /Content-Transfer-Encoding: base64/i.test(m.data);
  const text = base64 ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body.replace(/=\r?\n/g, '').replace(/(=[0-9A-F]{2})+/g, (s) => Buffer.from(s.replace(/=/g, ''), 'hex').toString('utf8'));
  const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(m.data)?.[1] ?? '';
  const subjectText = subject.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_s, enc: string, t: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(t, 'base64').toString('utf8') : Buffer.from(t.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
  return `${subjectText.replace(/\s*\r?\n\s*/g, '')}\n${text}`;
}

describe('待办 by e-mail', () => {
  it('is off unless NIANBAO_SMTP_URL is set, and refuses a setting that is not an SMTP address', () => {
    expect(mailConfig({})).toBeNull();
    expect(mailEnabled({})).toBe(false);
    expect(() => mailConfig({ NIANBAO_SMTP_URL: 'http://mail' })).toThrow(/smtp:\/\//);
    expect(config()).toMatchObject({ from: '法治年报 <nianbao@example.gov.cn>', intervalMs: 60_000 });
  });

  it('mails the reviewer a submitted report once, through SMTP, with a link; nothing from before the address was set', async () => {
    // The drafter set an address long ago; the reviewer sets one now.
    await setOwnEmail(db, w.reviewerA, { email: 'shenhe@example.gov.cn' }, new Date(Date.now() - 60_000));
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    const first = await mailRound(db, config(), smtpSender(config()));
    expect(first).toMatchObject({ queued: 1, sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['shenhe@example.gov.cn']);
    const text = decoded(received[0]!);
    expect(text).toContain('【法治年报】甲一镇 2025年度报告待审核');
    expect(text).toContain(`https://fzbg.example.gov.cn/reports/${reportId}/edit`);
    // The next round sends nothing again.
    expect(await mailRound(db, config(), smtpSender(config()))).toMatchObject({ queued: 0, sent: 0 });
    expect(received).toHaveLength(1);
    // The return reaches the drafter once they give an address; the older submission item is not theirs anyway.
    await setOwnEmail(db, w.drafterA1, { email: 'caogao@example.gov.cn' });
    await transitionReport(db, w.reviewerA, reportId, { transition: 'return', reason: '请补充执法检查数据。' });
    await mailRound(db, config(), smtpSender(config()), new Date(Date.now() + 1_000));
    const toDrafter = received.filter((m) => m.to.includes('caogao@example.gov.cn')).map(decoded);
    expect(toDrafter).toHaveLength(1);
    expect(toDrafter[0]).toContain('被退回修改');
    expect(toDrafter[0]).toContain('退回原因：请补充执法检查数据。');
  });

  it('mails every hand-over: the approval to the drafter (审核通过，请定稿), 定稿 and 已公开 to the reviewer', async () => {
    await setOwnEmail(db, w.reviewerA, { email: 'shenhe@example.gov.cn' }, new Date(Date.now() - 60_000));
    await setOwnEmail(db, w.drafterA1, { email: 'caogao@example.gov.cn' }, new Date(Date.now() - 60_000));
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    await transitionReport(db, w.reviewerA, reportId, { transition: 'approve' });
    await mailRound(db, config(), smtpSender(config()), new Date(Date.now() + 1_000));
    const to = (address: string) => received.filter((m) => m.to.includes(address)).map(decoded);
    expect(to('caogao@example.gov.cn')).toHaveLength(1);
    expect(to('caogao@example.gov.cn')[0]).toContain('【法治年报】甲一镇 2025年度报告审核通过，请定稿');
    expect(to('caogao@example.gov.cn')[0]).toContain(`https://fzbg.example.gov.cn/reports/${reportId}/edit`);
    await transitionReport(db, w.drafterA1, reportId, { transition: 'finalise' });
    await mailRound(db, config(), smtpSender(config()), new Date(Date.now() + 2_000));
    await transitionReport(db, w.drafterA1, reportId, { transition: 'publish', url: 'https://www.example.gov.cn/fzzf/2025.html', date: '2026-03-01' });
    await mailRound(db, config(), smtpSender(config()), new Date(Date.now() + 3_000));
    const reviewer = to('shenhe@example.gov.cn');
    // (The submission was approved before the first round, so its 待审核 item was gone before it could be mailed.)
    expect(reviewer.map((m) => m.split('\n')[0])).toEqual(['【法治年报】甲一镇 2025年度报告已定稿', '【法治年报】甲一镇 2025年度报告已公开']);
    expect(reviewer[1]).toContain('https://www.example.gov.cn/fzzf/2025.html');
    expect(to('caogao@example.gov.cn')).toHaveLength(1);
  });

  it('does not mail what was already waiting when the address was set', async () => {
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    await setOwnEmail(db, w.reviewerA, { email: 'shenhe@example.gov.cn' }, new Date(Date.now() + 1_000));
    expect(await mailRound(db, config(), smtpSender(config()), new Date(Date.now() + 2_000))).toMatchObject({ queued: 0, sent: 0 });
    expect(received).toEqual([]);
  });

  it('two senders at once (two server processes) send each mail once; a deactivated user or a changed address gets nothing queued for the old one', async () => {
    await setOwnEmail(db, w.reviewerA, { email: 'shenhe@example.gov.cn' }, new Date(Date.now() - 60_000));
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    const cfg = config();
    await queueInboxMail(db, cfg.origin);
    const slow: SendMail = async (m) => {
      await new Promise((r) => setTimeout(r, 50));
      await smtpSender(cfg)(m);
    };
    const [one, two] = await Promise.all([sendDueMail(db, slow), sendDueMail(db, slow)]);
    expect(one.sent + two.sent).toBe(1);
    expect(received).toHaveLength(1);
    // A new item queued, then the user deactivated before it goes: not sent, marked.
    await transitionReport(db, w.reviewerA, reportId, { transition: 'return', reason: '补充。' });
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    expect(await queueInboxMail(db, cfg.origin, new Date(Date.now() + 1_000))).toBe(1);
    await write(db, () => db.update(users).set({ active: false }).where(eq(users.id, w.reviewerA.id)));
    expect(await sendDueMail(db, smtpSender(cfg), new Date(Date.now() + 2_000))).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(1);
    expect((await outbox()).find((m) => m.sentAt === null)!.lastError).toContain('已停用');
    // Changing the address drops what was waiting for the old one.
    await write(db, () => db.update(users).set({ active: true }).where(eq(users.id, w.reviewerA.id)));
    await write(db, () => db.update(mailOutbox).set({ attempts: 0, lastError: null }));
    await setOwnEmail(db, w.reviewerA, { email: 'new@example.gov.cn' });
    expect((await outbox()).filter((m) => m.sentAt === null)).toEqual([]);
  });

  it('does not mail the pending-suggestions item (its key changes with every decision)', async () => {
    await setOwnEmail(db, w.drafterA1, { email: 'caogao@example.gov.cn' }, new Date(Date.now() - 60_000));
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    const res = await suggestRoute(w.reviewerA, reportId);
    expect(res).toBe(201);
    await transitionReport(db, w.reviewerA, reportId, { transition: 'return', reason: '见修订。' });
    await mailRound(db, config(), smtpSender(config()), new Date(Date.now() + 1_000));
    const kinds = (await outbox()).map((m) => m.itemKey.split(':')[0]);
    expect(kinds).toContain('returned');
    expect(kinds).not.toContain('suggestion');
  });

  it('retries a refused mail with growing pauses, logs each failure, and sends it when the server takes it', async () => {
    await setOwnEmail(db, w.reviewerA, { email: 'shenhe@example.gov.cn' }, new Date(Date.now() - 60_000));
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    refuse = true;
    const logged: string[] = [];
    const send = smtpSender(config());
    const t0 = new Date();
    await mailRound(db, config(), send, t0).catch(() => undefined);
    // mailRound logs through console.error; sendDueMail takes a logger, used here to read the message.
    const [row] = await outbox();
    expect(row).toMatchObject({ attempts: 1, sentAt: null });
    expect(row!.lastError).toMatch(/451/);
    expect(row!.nextAttemptAt.getTime()).toBe(t0.getTime() + RETRY_AFTER_MS[0]);
    // Not due yet: nothing tried.
    expect(await sendDueMail(db, send, new Date(t0.getTime() + 1_000), (m) => logged.push(m))).toEqual({ sent: 0, failed: 0 });
    const t1 = new Date(t0.getTime() + RETRY_AFTER_MS[0]);
    expect(await sendDueMail(db, send, t1, (m) => logged.push(m))).toEqual({ sent: 0, failed: 1 });
    expect(logged[0]).toMatch(/邮件发送失败（第 2 次）：shenhe@example\.gov\.cn/);
    expect((await outbox())[0]!.nextAttemptAt.getTime()).toBe(t1.getTime() + RETRY_AFTER_MS[1]);
    refuse = false;
    expect(await sendDueMail(db, send, new Date(t1.getTime() + RETRY_AFTER_MS[1]), (m) => logged.push(m))).toEqual({ sent: 1, failed: 0 });
    expect((await outbox())[0]!.sentAt).not.toBeNull();
    expect(received).toHaveLength(1);
  });

  it('gives up after the last attempt; an unreachable server fails fast instead of hanging a round', async () => {
    await setOwnEmail(db, w.reviewerA, { email: 'shenhe@example.gov.cn' }, new Date(Date.now() - 60_000));
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    const closed = await freePort();
    const dead = mailConfig({ NIANBAO_SMTP_URL: `smtp://127.0.0.1:${closed}` })!;
    const logged: string[] = [];
    let now = new Date();
    await mailRound(db, dead, async () => Promise.reject(new Error('connect ECONNREFUSED')), now);
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      now = new Date((await outbox())[0]!.nextAttemptAt.getTime());
      const started = performance.now();
      await sendDueMail(db, smtpSender(dead), now, (m) => logged.push(m));
      expect(performance.now() - started).toBeLessThan(15_000);
    }
    expect((await outbox())[0]!.attempts).toBe(MAX_ATTEMPTS);
    expect(logged.at(-1)).toContain('不再重试');
    expect(await sendDueMail(db, smtpSender(dead), new Date(now.getTime() + 10 ** 9))).toEqual({ sent: 0, failed: 0 });
  });

  it('an address is validated, audited, and can be cleared (the account page and the command line)', async () => {
    const before = await snapshot(db);
    await expect(setOwnEmail(db, w.drafterA1, { email: 'not-an-address' })).rejects.toThrow(AppError);
    await expect(setOwnEmail(db, w.drafterA1, { email: `${'a'.repeat(250)}@x.cn` })).rejects.toThrow(AppError);
    expect(await snapshot(db)).toEqual(before);
    const out: string[] = [];
    const cli = (...args: string[]) => runCli(args, { log: (s) => out.push(s), error: (s) => out.push(s) }, () => db);
    expect(await cli('user', 'email', 'drafter-a1', 'caogao@example.gov.cn')).toBe(0);
    expect((await one(db.select({ e: users.email }).from(users).where(eq(users.id, w.drafterA1.id))))!.e).toBe('caogao@example.gov.cn');
    expect(await cli('user', 'email', 'drafter-a1', '--clear')).toBe(0);
    expect((await one(db.select({ e: users.email }).from(users).where(eq(users.id, w.drafterA1.id))))!.e).toBeNull();
    expect(await cli('user', 'email', 'drafter-a1', 'bad')).not.toBe(0);
  });
});
