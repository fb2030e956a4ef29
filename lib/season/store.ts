// Season packs in the database: import (validated, layered, audited with the file's hash), the effective pack of a
// season for a county (national default → province → city → county), export and list. A running server sees an
// import at once, also one made from the command line or another instance: the effective packs are cached by the
// ids of the rows they were made of (one small indexed query per request), and a re-import deletes and inserts.
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { seasonPacks } from '@/db/schema';
import { withTx } from '@/db/tx';
import { recordAudit } from '@/lib/audit/record';
import { getTownship, listCounties } from '@/lib/directory/townships';
import { actingUserId, can, type Actor } from '@/lib/domain/permissions';
import { shippedNationalPack, SHIPPED_SEASONS } from '@/lib/domain/season/defaults';
import { diffPacks, type PackDiff } from '@/lib/domain/season/diff';
import { checkIntegrity, layerPacks, type EffectivePack } from '@/lib/domain/season/layer';
import { PackError, parseSeasonPack, parseSeasonPackText, type SeasonPack } from '@/lib/domain/season/schema';
import { templateHeadings, type TemplateHeadings, type TownshipKind } from '@/lib/domain/template';
import { AppError } from '@/lib/shared/errors';

export type { EffectivePack };

const scopeKeyOf = (p: SeasonPack, countyId: number | null) => (p.scope.level === 'county' ? `county:${countyId}` : p.scope.level);

/** The stored packs of a season that apply to a county (national, province, city, and the county's own). */
async function storedRows(db: Db, season: number, countyId: number | null): Promise<Array<{ id: number; body: string }>> {
  const keys = ['national', 'province', 'city', ...(countyId !== null ? [`county:${countyId}`] : [])];
  return db
    .select({ id: seasonPacks.id, body: seasonPacks.body })
    .from(seasonPacks)
    .where(and(eq(seasonPacks.season, season), inArray(seasonPacks.scopeKey, keys)))
    .orderBy(asc(seasonPacks.id));
}

async function storedFor(db: Db, season: number, countyId: number | null): Promise<SeasonPack[]> {
  return (await storedRows(db, season, countyId)).map((r) => parseSeasonPack(JSON.parse(r.body)));
}

function layered(season: number, stored: SeasonPack[]): EffectivePack {
  const shipped = shippedNationalPack(season);
  const national = stored.find((p) => p.scope.level === 'national') ?? shipped;
  const p = layerPacks([national, ...stored.filter((x) => x.scope.level !== 'national')]);
  // A national pack imported without a checklist keeps the shipped one of its season (the built-in default).
  return p.checklist ? p : { ...p, checklist: shipped.checklist };
}

// Parsed and layered packs by the ids of the rows they were made of: a re-import inserts a new row, so a pack
// imported by the command line or another instance is seen on the next request (one small indexed query each).
// Kept per database: two databases in one process (tests, `db copy`) number their rows alike.
const caches = new WeakMap<Db, Map<string, EffectivePack>>();

/** The effective pack of a season for a county (null: the national default with any province or city pack). */
export async function effectivePack(db: Db, season: number, countyId: number | null): Promise<EffectivePack> {
  const found = await storedRows(db, season, countyId);
  const key = `${season}:${found.map((r) => r.id).join(',')}`;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let p = cache.get(key);
  if (!p) {
    p = layered(season, found.map((r) => parseSeasonPack(JSON.parse(r.body))));
    if (cache.size > 200) cache.clear();
    cache.set(key, p);
  }
  return p;
}

/** The effective pack of a township's county for a season. */
export async function effectivePackForTownship(db: Db, season: number, townshipId: number): Promise<EffectivePack> {
  const t = await getTownship(db, townshipId);
  return effectivePack(db, season, t?.countyId ?? null);
}

/** The template's part headings of a season for a township: its county's effective pack, the variant for its kind. */
export async function townshipHeadings(db: Db, season: number, township: { countyId: number; kind: TownshipKind }): Promise<TemplateHeadings> {
  return templateHeadings(season, await effectivePack(db, season, township.countyId), township.kind);
}

async function countyByName(db: Db, name: string): Promise<{ id: number; name: string }> {
  const c = (await listCounties(db)).find((x) => x.name === name);
  if (!c) throw new AppError('not_found', `县（区）“${name}”不存在。`);
  return c;
}

function packRefused(e: unknown): never {
  if (e instanceof PackError) throw new AppError('bad_request', `年度配置包有误，未导入：\n${e.message}`, { problems: e.problems });
  throw e;
}

export type ImportResult = { season: number; scope: string; countyId: number | null; sha256: string; items: number; documents: number; replaced: boolean };

/**
 * Validates and stores a pack (its text as uploaded). `county` (the --county flag, or the admin page's choice) makes
 * it that county's override and must agree with the pack's own scope. Nothing changes unless all of it is valid.
 */
export async function importPack(db: Db, actor: Actor, text: string, options: { county?: string | null; countyId?: number | null } = {}): Promise<ImportResult> {
  if (!can(actor, 'season.manage', {})) throw new AppError('forbidden', '只有管理员可以导入年度配置包。');
  if (options.countyId) {
    const c = (await listCounties(db)).find((x) => x.id === options.countyId);
    if (!c) throw new AppError('not_found', '该县不存在。');
    options = { county: c.name };
  }
  let pack: SeasonPack;
  try {
    pack = parseSeasonPackText(text);
  } catch (e) {
    packRefused(e);
  }
  if (options.county && pack.scope.level === 'county' && pack.scope.county !== options.county) {
    throw new AppError('bad_request', `年度配置包有误，未导入：\nscope.county：配置包写的是“${pack.scope.county}”，与指定的“${options.county}”不一致。`);
  }
  if (options.county && pack.scope.level !== 'county') pack = { ...pack, scope: { level: 'county', county: options.county } };
  const county = pack.scope.level === 'county' ? await countyByName(db, pack.scope.county) : null;
  try {
    const base = pack.scope.level === 'national' ? [] : await storedFor(db, pack.season, county?.id ?? null);
    const others = base.filter((p) => p.scope.level !== pack.scope.level);
    checkIntegrity(layered(pack.season, [...others, pack]), pack);
  } catch (e) {
    packRefused(e);
  }
  const sha256 = createHash('sha256').update(text).digest('hex');
  const scopeKey = scopeKeyOf(pack, county?.id ?? null);
  const replaced = await withTx(db, async (tx) => {
    const gone = await tx
      .delete(seasonPacks)
      .where(and(eq(seasonPacks.season, pack.season), eq(seasonPacks.scopeKey, scopeKey)))
      .returning({ id: seasonPacks.id });
    await tx.insert(seasonPacks).values({ season: pack.season, scopeKey, countyId: county?.id ?? null, body: JSON.stringify(pack), sha256, importedBy: actingUserId(actor), importedAt: new Date() });
    await recordAudit(tx, {
      actorId: actingUserId(actor),
      action: 'season.import',
      detail: { season: pack.season, scope: scopeKey, county: county?.name ?? null, sha256, items: pack.items.length, documents: pack.documents.length, replaced: gone.length > 0 },
    });
    return gone.length > 0;
  });
  return { season: pack.season, scope: scopeKey, countyId: county?.id ?? null, sha256, items: pack.items.length, documents: pack.documents.length, replaced };
}

/** The effective pack of a season for a county (by name) or the national scope, as a file would hold it. */
export async function exportPack(db: Db, actor: Actor, season: number, countyName?: string | null): Promise<EffectivePack> {
  if (!can(actor, 'season.manage', {})) throw new AppError('forbidden', '只有管理员可以导出年度配置包。');
  const county = countyName ? await countyByName(db, countyName) : null;
  return effectivePack(db, season, county?.id ?? null);
}

/** The same by county id (the admin page's download); an unknown county is 404. */
export async function exportPackFor(db: Db, actor: Actor, season: number, countyId: number | null): Promise<EffectivePack> {
  if (!can(actor, 'season.manage', {})) throw new AppError('forbidden', '只有管理员可以导出年度配置包。');
  if (countyId !== null && !(await listCounties(db)).some((c) => c.id === countyId)) throw new AppError('not_found', '该县不存在。');
  return effectivePack(db, season, countyId);
}

export type PackRow = { season: number; scope: string; county: string | null; countyId: number | null; sha256: string | null; importedAt: string | null; shipped: boolean; items: number; documents: number };

/** Every stored pack, and the shipped national defaults no stored pack replaces. */
export async function listPacks(db: Db, actor: Actor): Promise<PackRow[]> {
  if (!can(actor, 'season.manage', {})) throw new AppError('forbidden', '只有管理员可以管理年度配置包。');
  const names = new Map((await listCounties(db)).map((c) => [c.id, c.name]));
  const stored = await db.select().from(seasonPacks).orderBy(asc(seasonPacks.season), asc(seasonPacks.scopeKey));
  const out: PackRow[] = stored.map((r) => {
    const p = JSON.parse(r.body) as SeasonPack;
    return {
      season: r.season,
      scope: r.scopeKey.startsWith('county:') ? 'county' : r.scopeKey,
      county: r.countyId !== null ? (names.get(r.countyId) ?? null) : null,
      countyId: r.countyId,
      sha256: r.sha256,
      importedAt: r.importedAt.toISOString(),
      shipped: false,
      items: p.items.length,
      documents: p.documents.length,
    };
  });
  for (const season of SHIPPED_SEASONS) {
    if (stored.some((r) => r.season === season && r.scopeKey === 'national')) continue;
    const p = shippedNationalPack(season);
    out.push({ season, scope: 'national', county: null, countyId: null, sha256: null, importedAt: null, shipped: true, items: p.items.length, documents: p.documents.length });
  }
  return out.sort((a, b) => a.season - b.season || a.scope.localeCompare(b.scope));
}

/** What changed between the effective packs of two seasons for a scope (the admin page's comparison). */
export async function diffSeasons(db: Db, actor: Actor, from: number, to: number, countyId: number | null): Promise<PackDiff> {
  const a = await exportPackFor(db, actor, from, countyId);
  const b = await exportPackFor(db, actor, to, countyId);
  return diffPacks(a, b);
}
