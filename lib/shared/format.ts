// Display formatting for Chinese users: times in China Standard Time, document dates without zero padding.

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

export function formatDateTime(d: Date | null | undefined): string {
  return d ? dateTime.format(d) : '—';
}

/** 2025-01-09 → 2025年1月9日, the official 成文日期 form. */
export function formatDocumentDate(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return '';
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The calendar date in China (YYYY-MM-DD) at the given moment: what “today” means for a 发布日期. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
