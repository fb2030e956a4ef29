// Counties and townships: listing what an actor may see, and the admin's additions.
import { one, withTx, found } from '@/db/tx';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { counties, townships, type County, type Township } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { actingUserId, can, type Actor } from '@/lib/domain/permissions';
import { AppError } from '@/lib/shared/errors';
import { preparedFor } from '@/db/prepared';
import { parseInput } from '@/lib/shared/validation';
import { countyCategoriesSchema, countyInputSchema, townshipCodeSchema, townshipInputSchema } from './schema';
import { creditCodeProblem, normaliseCreditCode } from '@/lib/domain/credit-code';

export type TownshipWithCounty = Township & { countyName: string };

export async function listCounties(db: Db): Promise<County[]> {
  return await db.select().from(counties).orderBy(asc(counties.id));
}

/** The townships whose reports the actor may read. */
export async function listVisibleTownships(db: Db, actor: Actor): Promise<TownshipWithCounty[]> {
  const rows = await db
    .select({ t: townships, countyName: counties.name })
    .from(townships)
    .innerJoin(counties, eq(counties.id, townships.countyId))
    .orderBy(asc(townships.countyId), asc(townships.id));
  return rows.map((r) => ({ ...r.t, countyName: r.countyName })).filter((t) => can(actor, 'report.read', { townshipId: t.id, countyId: t.countyId }));
}

const townshipById = preparedFor('township_by_id', (db) =>
  db
    .select({ t: townships, countyName: counties.name })
    .from(townships)
    .innerJoin(counties, eq(counties.id, townships.countyId))
    .where(eq(townships.id, sql.placeholder('id'))),
);

export async function getTownship(db: Db, id: number): Promise<TownshipWithCounty | null> {
  const r = await one(townshipById(db).execute({ id }));
  return r ? { ...r.t, countyName: r.countyName } : null;
}

export async function createCounty(db: Db, actor: Actor, raw: unknown): Promise<County> {
  if (!can(actor, 'township.manage')) throw new AppError('forbidden', '只有管理员可以添加县。');
  const input = parseInput(countyInputSchema, raw);
  if (await one(db.select().from(counties).where(eq(counties.name, input.name)))) throw new AppError('conflict', `县“${input.name}”已存在。`);
  return await withTx(db, async (tx) => {
    const county = (await one(tx.insert(counties).values({ name: input.name }).returning()))!;
    await recordAudit(tx, { actorId: actingUserId(actor), action: 'county.create', detail: { countyId: county.id, name: county.name } });
    return county;
  });
}

/** Renames a county; its townships, reports and reviewers stay with it. */
export async function renameCounty(db: Db, actor: Actor, id: number, raw: unknown): Promise<County> {
  if (!can(actor, 'township.manage')) throw new AppError('forbidden', '只有管理员可以修改县。');
  const county = await found(db.select().from(counties).where(eq(counties.id, id)), '该县不存在。');
  const input = parseInput(countyInputSchema, raw);
  if (input.name === county.name) return county;
  if (await one(db.select().from(counties).where(eq(counties.name, input.name)))) throw new AppError('conflict', `县“${input.name}”已存在。`);
  return await withTx(db, async (tx) => {
    const updated = (await one(tx.update(counties).set({ name: input.name }).where(eq(counties.id, id)).returning()))!;
    await recordAudit(tx, { actorId: actingUserId(actor), action: 'county.rename', detail: { countyId: id, from: county.name, to: input.name } });
    return updated;
  });
}

/** Every county with how many townships it has, for the administration page and the command line. */
export async function listCountiesWithTownships(db: Db): Promise<Array<County & { townships: number }>> {
  const counts = new Map<number, number>();
  for (const t of await db.select({ countyId: townships.countyId }).from(townships)) counts.set(t.countyId, (counts.get(t.countyId) ?? 0) + 1);
  return (await listCounties(db)).map((c) => ({ ...c, townships: counts.get(c.id) ?? 0 }));
}

export async function createTownship(db: Db, actor: Actor, raw: unknown): Promise<Township> {
  if (!can(actor, 'township.manage')) throw new AppError('forbidden', '只有管理员可以添加乡镇（街道）。');
  const input = parseInput(townshipInputSchema, raw);
  if (!(await one(db.select().from(counties).where(eq(counties.id, input.countyId))))) throw new AppError('bad_request', '所选的县不存在。');
  const dup = (await db.select().from(townships).where(eq(townships.countyId, input.countyId))).some((t) => t.name === input.name);
  if (dup) throw new AppError('conflict', `该县已有“${input.name}”。`);
  return await withTx(db, async (tx) => {
    const t = (await one(tx.insert(townships).values(input).returning()))!;
    await recordAudit(tx, {
      actorId: actingUserId(actor),
      action: 'township.create',
      detail: { townshipId: t.id, name: t.name, countyId: t.countyId },
    });
    return t;
  });
}

export async function renameTownship(db: Db, actor: Actor, id: number, raw: unknown): Promise<Township> {
  if (!can(actor, 'township.manage')) throw new AppError('forbidden', '只有管理员可以修改乡镇（街道）。');
  const t = await getTownship(db, id);
  if (!t) throw new AppError('not_found', '该乡镇（街道）不存在。');
  const input = parseInput(townshipInputSchema, { countyId: t.countyId, kind: t.kind, ...(typeof raw === 'object' && raw ? raw : {}) });
  const dup = (await db.select().from(townships).where(eq(townships.countyId, t.countyId))).some((x) => x.name === input.name && x.id !== t.id);
  if (dup) throw new AppError('conflict', `该县已有“${input.name}”。`);
  return await withTx(db, async (tx) => {
    const updated = (await one(tx.update(townships).set({ name: input.name, kind: input.kind }).where(eq(townships.id, id)).returning()))!;
    await recordAudit(tx, { actorId: actor.id, action: 'township.rename', detail: { townshipId: id, from: t.name, to: input.name, kind: input.kind } });
    return updated;
  });
}

/** Sets the 主题分类 and 体裁分类 of a county's records (an empty one falls back to the default). */
export async function setCountyCategories(db: Db, actor: Actor, id: number, raw: unknown): Promise<County> {
  if (!can(actor, 'township.manage')) throw new AppError('forbidden', '只有管理员可以设置目录分类。');
  const county = await found(db.select().from(counties).where(eq(counties.id, id)), '该县不存在。');
  const input = parseInput(countyCategoriesSchema, raw);
  const values = { topicCategory: input.topicCategory || null, genreCategory: input.genreCategory || null };
  return await withTx(db, async (tx) => {
    const updated = (await one(tx.update(counties).set(values).where(eq(counties.id, id)).returning()))!;
    await recordAudit(tx, { actorId: actingUserId(actor), action: 'county.categories', detail: { countyId: id, name: county.name, ...values } });
    return updated;
  });
}

/** Sets (or, with an empty code, clears) a township's 统一社会信用代码; a code that fails GB 32100 is refused. */
export async function setTownshipCode(db: Db, actor: Actor, id: number, raw: unknown): Promise<Township> {
  if (!can(actor, 'township.manage')) throw new AppError('forbidden', '只有管理员可以设置统一社会信用代码。');
  const t = await getTownship(db, id);
  if (!t) throw new AppError('not_found', '该乡镇（街道）不存在。');
  const { code: typed } = parseInput(townshipCodeSchema, raw);
  const code = normaliseCreditCode(typed);
  const problem = code ? creditCodeProblem(code) : null;
  if (problem) throw new AppError('bad_request', problem);
  return await withTx(db, async (tx) => {
    const updated = (await one(tx.update(townships).set({ creditCode: code || null }).where(eq(townships.id, id)).returning()))!;
    await recordAudit(tx, { actorId: actingUserId(actor), action: 'township.code', detail: { townshipId: id, name: t.name, from: t.creditCode, to: code || null } });
    return updated;
  });
}

/** The county of that name (the command line names counties, the web pages pick them by id). */
export async function countyIdByName(db: Db, name: string): Promise<number> {
  const c = await found(db.select({ id: counties.id }).from(counties).where(eq(counties.name, name)), `县“${name}”不存在。`);
  return c.id;
}

/** The township of that name, in the named county when two counties have one. */
export async function townshipIdByName(db: Db, name: string, countyName?: string): Promise<number> {
  const rows = (
    await db
      .select({ id: townships.id, countyName: counties.name })
      .from(townships)
      .innerJoin(counties, eq(counties.id, townships.countyId))
      .where(eq(townships.name, name))
  ).filter((r) => !countyName || r.countyName === countyName);
  if (rows.length === 0) throw new AppError('not_found', `乡镇（街道）“${name}”不存在。`);
  if (rows.length > 1) throw new AppError('bad_request', `有多个“${name}”，请用 --county 指明所属县。`);
  return rows[0]!.id;
}
