// The mail settings from the environment: none (no mail at all) unless NIANBAO_SMTP_URL is set.
export type MailConfig = { url: string; from: string; origin: string; intervalMs: number };

/** The SMTP settings from the environment; null (no mail) unless NIANBAO_SMTP_URL is set. */
export function mailConfig(env: Record<string, string | undefined> = process.env): MailConfig | null {
  const url = env.NIANBAO_SMTP_URL?.trim();
  if (!url) return null;
  if (!/^smtps?:\/\//.test(url)) throw new Error('NIANBAO_SMTP_URL 应以 smtp:// 或 smtps:// 开头，例如 smtp://user:password@mail.example.gov.cn:587');
  const seconds = Number(env.NIANBAO_MAIL_INTERVAL_SECONDS ?? 60);
  return {
    url,
    from: env.NIANBAO_MAIL_FROM?.trim() || '法治年报 <nianbao@localhost>',
    origin: (env.NIANBAO_ORIGIN ?? '').replace(/\/+$/, ''),
    intervalMs: Math.max(1, Number.isFinite(seconds) ? seconds : 60) * 1000,
  };
}


/** Whether the server sends mail (for pages saying so); never throws on a malformed setting. */
export function mailEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.NIANBAO_SMTP_URL?.trim());
}
