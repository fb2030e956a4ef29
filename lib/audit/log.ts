// Reading the audit log with filters, for admins (everything) and reviewers (their county's reports).
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditEvents } from '@/db/schema';
import { rows } from '@/db/tx';
import type { Db } from '@/db/client';
import { can, reviewerCountyIds, type Actor } from '@/lib/domain/permissions';
import { AppError } from '@/lib/shared/errors';
import { parseInput, textField } from '@/lib/shared/validation';
import { describeAudit, type AuditNames } from './describe';

export const auditFilterSchema = z.object({
  action: textField().max(50).optional(),
  user: textField().max(40).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  township: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  report: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export type AuditRow = {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  reportId: number | null;
  townshipName: string | null;
  detail: string;
  /** The details as one Chinese sentence. */
  summary: string;
  address: string | null;
};

/** Names for the ids audit details hold (users, townships, counties: small tables, read once per page). */
async function auditNames(db: Db): Promise<AuditNames> {
  const map = (rows: Array<{ id: number; name: string }>) => new Map(rows.map((r) => [r.id, r.name]));
  const users = map(await rows(db, sql`select id, username as name from users`));
  const townships = map(await rows(db, sql`select id, name from townships`));
  const counties = map(await rows(db, sql`select id, name from counties`));
  const get = (m: Map<number, string>) => (id: unknown) => (typeof id === 'number' ? (m.get(id) ?? null) : null);
  return { user: get(users), township: get(townships), county: get(counties) };
}

export const AUDIT_PAGE_SIZE = 100;

/** A moment as the engine stores audit times (ms on SQLite, timestamptz on PostgreSQL). */
const atValue = (ms: number) => auditEvents.at.mapToDriverValue(new Date(ms));

/** The details as JSON text: stored as text on SQLite, as jsonb (read back parsed) on PostgreSQL. */
const detailText = (d: unknown): string | null => (d === null || d === undefined ? null : typeof d === 'string' ? d : JSON.stringify(d));

type AuditSqlRow = {
  id: number;
  at: number | Date;
  action: string;
  reportId: number | null;
  detail: unknown;
  address: string | null;
  actorName: string | null;
  username: string | null;
  townshipName: string | null;
};

const AUDIT_SELECT = sql`select e.id, e.at, e.action, e.report_id as "reportId", e.detail, e.address, u.display_name as "actorName", u.username,
       t.name as "townshipName"
  from audit_events e left join users u on u.id = e.actor_id
  left join reports r on r.id = e.report_id left join townships t on t.id = r.township_id`;

export async function listAudit(db: Db, actor: Actor, raw: unknown): Promise<{ rows: AuditRow[]; actions: string[]; page: number }> {
  if (!can(actor, 'county.audit', { countyId: actor.countyId })) throw new AppError('forbidden', '只有管理员和县级审核人可以查看操作记录。');
  const f = parseInput(auditFilterSchema, raw);
  const where: SQL[] = [];
  // Reviewers see what happened to their county's reports; admins see everything, account changes included.
  if (actor.role !== 'admin') {
    // A city office's reviewer: every county they cover.
    const ids = reviewerCountyIds(actor);
    where.push(
      ids.length
        ? sql`t.county_id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  }
  // Each filter given adds one condition.
  const conditions: Array<[unknown, (v: never) => SQL]> = [
    [f.action, (v: string) => sql`e.action = ${v}`],
    [f.user, (v: string) => sql`(u.username = ${v.toLowerCase()} or lower(u.display_name) like ${`%${v.toLowerCase()}%`})`],
    [f.township, (v: number) => sql`r.township_id = ${v}`],
    [f.report, (v: number) => sql`e.report_id = ${v}`],
    [f.from, (v: string) => sql`e.at >= ${atValue(Date.parse(`${v}T00:00:00+08:00`))}`],
    [f.to, (v: string) => sql`e.at < ${atValue(Date.parse(`${v}T00:00:00+08:00`) + 86_400_000)}`],
  ];
  for (const [value, condition] of conditions) {
    if (value === undefined || value === '') continue;
    where.push(condition(value as never));
  }
  const found = await rows<AuditSqlRow>(
    db,
    sql`${AUDIT_SELECT} ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
        order by e.at desc, e.id desc limit ${AUDIT_PAGE_SIZE} offset ${(f.page - 1) * AUDIT_PAGE_SIZE}`,
  );
  const names = await auditNames(db);
  const actions = (await rows<{ action: string }>(db, sql`select distinct action from audit_events order by action`)).map((a) => a.action);
  return {
    rows: found
      .map((r) => ({ ...r, detail: detailText(r.detail) }))
      .map((r) => ({
        id: r.id,
        at: new Date(r.at).toISOString(),
        actorName: r.actorName,
        action: r.action,
        reportId: r.reportId,
        townshipName: r.townshipName,
        detail: r.detail ?? '',
        summary: describeAudit(r.action, r.detail, names),
        address: r.address,
      })),
    actions,
    page: f.page,
  };
}

/** One CSV cell: quoted, and a leading = + - @ defused so a spreadsheet never reads it as a formula. */
function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * The whole audit log since a date as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese), for the
 * county's security office: `npm run nianbao -- audit export --since 2026-01-01`. Streams row by row.
 */
export async function* auditCsv(db: Db, since: Date): AsyncGenerator<string> {
  yield '\uFEFF' + ['编号', '时间', '操作人', '用户名', '操作', '报告', '乡镇（街道）', '地址', '详情'].map(csvCell).join(',') + '\r\n';
  // Pages by (at, id), so a long log is read a page at a time on either engine.
  let after: { at: number | Date; id: number } | null = null;
  for (;;) {
    const page: AuditSqlRow[] = await rows<AuditSqlRow>(
      db,
      sql`${AUDIT_SELECT} where e.at >= ${atValue(since.getTime())}
          ${after ? sql`and (e.at > ${atValue(new Date(after.at).getTime())} or (e.at = ${atValue(new Date(after.at).getTime())} and e.id > ${after.id}))` : sql``}
          order by e.at, e.id limit 1000`,
    );
    for (const found of page) {
      const r = { ...found, detail: detailText(found.detail) };
      yield (
        [
          r.id,
          new Date(r.at).toISOString(),
          r.actorName ?? '系统',
          r.username ?? '',
          r.action,
          r.reportId ?? '',
          r.townshipName ?? '',
          r.address ?? '',
          r.detail ?? '',
        ]
          .map(csvCell)
          .join(',') + '\r\n'
      );
    }
    if (page.length < 1000) return;
    after = page[page.length - 1]!;
  }
}
