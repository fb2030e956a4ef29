// The mail worker the server starts when NIANBAO_SMTP_URL is set (off by default): its own database connection, a
// round every NIANBAO_MAIL_INTERVAL_SECONDS (60) that queues new 待办 items and sends what is due through
// nodemailer, one round at a time, with timeouts so an unreachable mail server cannot pile rounds up.
import nodemailer from 'nodemailer';
import type { Db } from '@/db/client';
import type { MailConfig } from './config';
import { queueInboxMail, sendDueMail, type SendMail } from './outbox';

export function smtpSender(config: MailConfig): SendMail {
  const transport = nodemailer.createTransport({ url: config.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return async (mail) => {
    await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text });
  };
}

/** One round: queue, then send. Exported for tests; the worker runs it on a timer. */
export async function mailRound(db: Db, config: MailConfig, send: SendMail, now = new Date()): Promise<{ queued: number; sent: number; failed: number }> {
  const queued = await queueInboxMail(db, config.origin, now);
  const { sent, failed } = await sendDueMail(db, send, now);
  return { queued, sent, failed };
}

export function startMailWorker(db: Db, config: MailConfig, send: SendMail = smtpSender(config)): { stop: () => void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await mailRound(db, config, send);
    } catch (e) {
      console.error('邮件通知出错：', e);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), config.intervalMs);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer) };
}
