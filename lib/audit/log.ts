// Reading the audit log with filters, for admins (everything) and reviewers (their county's reports).
import { z } from 'zod';
import type { Db } from '@/db/client';
import { can, reviewerCountyIds, type Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/shared/errors';
import { parseInput } from '@/lib/shared/validation';
import { describeAudit, type AuditNames } from './describe';

export const auditFilterSchema = z.object({
  action: z.string().max(50).optional(),
  user: z.string().max(40).optional(),
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
function auditNames(db: Db): AuditNames {
  const map = (rows: Array<{ id: number; name: string }>) => new Map(rows.map((r) => [r.id, r.name]));
  const users = map(db.$client.prepare('select id, username as name from users').all() as Array<{ id: number; name: string }>);
  const townships = map(db.$client.prepare('select id, name from townships').all() as Array<{ id: number; name: string }>);
  const counties = map(db.$client.prepare('select id, name from counties').all() as Array<{ id: number; name: string }>);
  const get = (m: Map<number, string>) => (id: unknown) => (typeof id === 'number' ? (m.get(id) ?? null) : null);
  return { user: get(users), township: get(townships), county: get(counties) };
}

export const AUDIT_PAGE_SIZE = 100;

export function listAudit(db: Db, actor: Actor, raw: unknown): { rows: AuditRow[]; actions: string[]; page: number } {
  if (!can(actor, 'county.audit', { countyId: actor.countyId })) throw new AppError('forbidden', '只有管理员和县级审核人可以查看操作记录。');
  const f = parseInput(auditFilterSchema, raw);
  const where: string[] = [];
  const params: unknown[] = [];
  // Reviewers see what happened to their county's reports; admins see everything, account changes included.
  if (actor.role !== 'admin') {
    // A city office's reviewer: every county they cover.
    const ids = reviewerCountyIds(actor);
    where.push(`t.county_id in (${ids.map(() => '?').join(', ') || 'null'})`);
    params.push(...ids);
  }
  // Each filter given adds one condition.
  const conditions: Array<[unknown, string, (v: never) => unknown[]]> = [
    [f.action, 'e.action = ?', (v: string) => [v]],
    [f.user, '(u.username = ? or u.display_name like ?)', (v: string) => [v.toLowerCase(), `%${v}%`]],
    [f.township, 'r.township_id = ?', (v: number) => [v]],
    [f.report, 'e.report_id = ?', (v: number) => [v]],
    [f.from, 'e.at >= ?', (v: string) => [Date.parse(`${v}T00:00:00+08:00`)]],
    [f.to, 'e.at < ?', (v: string) => [Date.parse(`${v}T00:00:00+08:00`) + 86_400_000]],
  ];
  for (const [value, condition, bind] of conditions) {
    if (value === undefined || value === '') continue;
    where.push(condition);
    params.push(...bind(value as never));
  }
  const rows = db.$client
    .prepare(
      `select e.id, e.at, e.action, e.report_id as reportId, e.detail, e.address, u.display_name as actorName, t.name as townshipName
         from audit_events e left join users u on u.id = e.actor_id
         left join reports r on r.id = e.report_id left join townships t on t.id = r.township_id
        ${where.length ? `where ${where.join(' and ')}` : ''}
        order by e.at desc, e.id desc limit ${AUDIT_PAGE_SIZE} offset ${(f.page - 1) * AUDIT_PAGE_SIZE}`,
    )
    .all(...params) as Array<{ id: number; at: number; action: string; reportId: number | null; detail: string | null; address: string | null; actorName: string | null; townshipName: string | null }>;
  const names = auditNames(db);
  const actions = (db.$client.prepare('select distinct action from audit_events order by action').all() as Array<{ action: string }>).map((a) => a.action);
  return {
    rows: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString(), detail: r.detail ?? '', summary: describeAudit(r.action, r.detail, names) })),
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
export function* auditCsv(db: Db, since: Date): Generator<string> {
  yield '\uFEFF' + ['编号', '时间', '操作人', '用户名', '操作', '报告', '乡镇（街道）', '地址', '详情'].map(csvCell).join(',') + '\r\n';
  const rows = db.$client
    .prepare(
      `select e.id, e.at, e.action, e.report_id as reportId, e.detail, e.address, u.display_name as actorName, u.username,
              t.name as townshipName
         from audit_events e left join users u on u.id = e.actor_id
         left join reports r on r.id = e.report_id left join townships t on t.id = r.township_id
        where e.at >= ? order by e.at, e.id`,
    )
    .iterate(since.getTime()) as Iterable<{ id: number; at: number; action: string; reportId: number | null; detail: string | null; address: string | null; actorName: string | null; username: string | null; townshipName: string | null }>;
  for (const r of rows) {
    yield [r.id, new Date(r.at).toISOString(), r.actorName ?? '系统', r.username ?? '', r.action, r.reportId ?? '', r.townshipName ?? '', r.address ?? '', r.detail ?? '']
      .map(csvCell)
      .join(',') + '\r\n';
  }
}
