// Reading the audit log with filters, for admins (everything) and reviewers (their county's reports).
import { and, asc, desc, eq, gt, gte, inArray, like, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditEvents, counties, reports, seasonPacks, townships, users } from '@/db/schema';
import type { Db } from '@/db/client';
import { can, reviewerCountyIds, type Actor } from '@/lib/domain/permissions';
import { AppError } from '@/lib/shared/errors';
import { parseInput, textField } from '@/lib/shared/validation';
import { SHIPPED_SEASONS, shippedNationalPack } from '@/lib/domain/season/defaults';
import { describeAudit, QUIET_ACTIONS, type AuditNames } from './describe';
import { reportTownship } from '@/db/joins';

export const auditFilterSchema = z.object({
  action: textField().max(50).optional(),
  user: textField().max(40).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  township: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  report: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  /** Show sign-ins too (hidden unless asked for, or chosen as the action). */
  logins: z.enum(['1']).optional(),
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
  const userNames = map(await db.select({ id: users.id, name: users.username }).from(users));
  const townshipNames = map(await db.select({ id: townships.id, name: townships.name }).from(townships));
  const countyNames = map(await db.select({ id: counties.id, name: counties.name }).from(counties));
  const get = (m: Map<number, string>) => (id: unknown) => (typeof id === 'number' ? (m.get(id) ?? null) : null);
  return { user: get(userNames), township: get(townshipNames), county: get(countyNames), item: await checklistLabels(db) };
}

/**
 * Checklist items' labels by id, from the season packs (the shipped ones, then those imported, later ones winning):
 * verdict rows store the item's id (measures.disputes), people read its label.
 */
async function checklistLabels(db: Db): Promise<(id: unknown) => string | null> {
  const labels = new Map<string, string>();
  for (const season of SHIPPED_SEASONS) for (const it of shippedNationalPack(season).checklist ?? []) labels.set(it.id, it.label);
  for (const { body } of await db.select({ body: seasonPacks.body }).from(seasonPacks).orderBy(asc(seasonPacks.season), asc(seasonPacks.id))) {
    try {
      const list: unknown = (JSON.parse(body) as { checklist?: unknown }).checklist;
      if (Array.isArray(list)) for (const it of list as Array<{ id?: unknown; label?: unknown }>) if (typeof it.id === 'string' && typeof it.label === 'string') labels.set(it.id, it.label);
    } catch {
      // A pack is checked when imported; one that cannot be read names nothing here.
    }
  }
  return (id) => (typeof id === 'string' ? (labels.get(id) ?? null) : null);
}

export const AUDIT_PAGE_SIZE = 100;

/** The details as JSON text: stored as text on SQLite, as jsonb on PostgreSQL, and read back parsed on both. */
const detailText = (d: unknown): string | null => (d === null || d === undefined ? null : typeof d === 'string' ? d : JSON.stringify(d));

/** An event with who did it and the township of its report, for the page and the CSV. */
function auditSelect(db: Db) {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      reportId: auditEvents.reportId,
      detail: auditEvents.detail,
      address: auditEvents.address,
      actorName: users.displayName,
      username: users.username,
      townshipName: townships.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(reports, eq(reports.id, auditEvents.reportId))
    .leftJoin(townships, reportTownship);
}

/** The start of a day in China. */
const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`));

export async function listAudit(db: Db, actor: Actor, raw: unknown): Promise<{ rows: AuditRow[]; actions: string[]; page: number }> {
  if (!can(actor, 'county.audit', { countyId: actor.countyId })) throw new AppError('forbidden', '只有管理员和县级审核人可以查看操作记录。');
  const f = parseInput(auditFilterSchema, raw);
  const where: Array<SQL | undefined> = [];
  // Reviewers see what happened to their county's reports; admins see everything, account changes included.
  if (actor.role !== 'admin') {
    // A city office's reviewer: every county they cover.
    const ids = reviewerCountyIds(actor);
    where.push(ids.length ? inArray(townships.countyId, ids) : sql`false`);
  }
  // Each filter given adds one condition.
  const conditions: Array<[unknown, (v: never) => SQL | undefined]> = [
    [f.action, (v: string) => eq(auditEvents.action, v)],
    [f.user, (v: string) => or(eq(users.username, v.toLowerCase()), like(sql`lower(${users.displayName})`, `%${v.toLowerCase()}%`))],
    [f.township, (v: number) => eq(reports.townshipId, v)],
    [f.report, (v: number) => eq(auditEvents.reportId, v)],
    [f.from, (v: string) => gte(auditEvents.at, dayStart(v))],
    [f.to, (v: string) => lt(auditEvents.at, new Date(dayStart(v).getTime() + 86_400_000))],
  ];
  if (!f.logins && !f.action) where.push(notInArray(auditEvents.action, [...QUIET_ACTIONS]));
  for (const [value, condition] of conditions) {
    if (value === undefined || value === '') continue;
    where.push(condition(value as never));
  }
  const found = await auditSelect(db)
    .where(and(...where))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((f.page - 1) * AUDIT_PAGE_SIZE);
  const names = await auditNames(db);
  const actions = (await db.selectDistinct({ action: auditEvents.action }).from(auditEvents).orderBy(asc(auditEvents.action))).map((a) => a.action);
  return {
    rows: found
      .map((r) => ({ ...r, detail: detailText(r.detail) }))
      .map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
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
export function csvCell(v: unknown): string {
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
  let after: { at: Date; id: number } | null = null;
  for (;;) {
    const page = await auditSelect(db)
      .where(and(gte(auditEvents.at, since), after ? or(gt(auditEvents.at, after.at), and(eq(auditEvents.at, after.at), gt(auditEvents.id, after.id))) : undefined))
      .orderBy(asc(auditEvents.at), asc(auditEvents.id))
      .limit(1000);
    for (const found of page) {
      const r = { ...found, detail: detailText(found.detail) };
      yield (
        [
          r.id,
          r.at.toISOString(),
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
