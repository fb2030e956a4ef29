// Report versions: snapshots at transitions, named and hourly ones, comparison by section, and restore.
// At the length limit: taking, pruning, listing, comparing and restoring versions all work on the same snapshot shape.
import { engineOf, LOCK_SPACE, lockFor, one, withTx, write, found } from '@/db/tx';
import { and, asc, count, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TiptapNode } from '@/lib/domain/tiptap-doc';
import type { Db } from '@/db/client';
import { reportSections, reportVersions, reports, users, type ReportVersion, type VersionSnapshot } from '@/db/schema';
import type { Actor } from '@/lib/domain/permissions';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/shared/errors';
import { limit, limitMessage, overLimit } from '@/lib/shared/limits';
import { BODY_SECTION_KEYS, SECTION_LABELS, type BodySectionKey } from '@/lib/domain/sections';
import { loadReportInScope } from '@/lib/reports/service';
import { parseInput, textField } from '@/lib/shared/validation';
import { diffSections, diffStats, diffText } from '@/lib/domain/diff';
import { preparedFor } from '@/db/prepared';
import { sectionVersions, writeSection } from '@/lib/reports/sections';
import { isEditableStatus, LOCKED_MESSAGES } from '@/lib/domain/workflow';

export const AUTO_VERSION_INTERVAL_MS = 60 * 60 * 1000;

type Tx = Db;

export async function takeSnapshot(db: Tx, reportId: number): Promise<VersionSnapshot> {
  const r = await found(db.select().from(reports).where(eq(reports.id, reportId)), '报告不存在。');
  const rows = await db.select().from(reportSections).where(eq(reportSections.reportId, reportId));
  return {
    meta: { title: r.title, recipient: r.recipient, signatureOrgans: r.signatureOrgans, documentDate: r.documentDate, cc: r.cc, docNumber: r.docNumber, partHeadings: r.partHeadings },
    sections: Object.fromEntries(rows.map((s) => [s.sectionKey, { content: s.content, plainText: s.plainText }])),
  };
}

/**
 * Automatic (or import) versions beyond their limit are deleted, oldest first; named, transition and restore ones stay.
 */
async function pruneByCount(db: Tx, reportId: number, kind: 'auto' | 'import'): Promise<void> {
  const keep = limit(kind === 'auto' ? 'autoVersionsKept' : 'importVersionsKept');
  await write(db, () =>
    db
      .delete(reportVersions)
      .where(
        and(
          eq(reportVersions.reportId, reportId),
          eq(reportVersions.kind, kind),
          sql`${reportVersions.id} not in (select id from report_versions where report_id = ${reportId} and kind = ${kind} order by created_at desc, id desc limit ${keep})`,
        ),
      ),
  );
}

/** Versions the system made and may delete to make room: the automatic and the import ones. */
const PRUNABLE: ReadonlyArray<ReportVersion['kind']> = ['auto', 'import'];

/** Each version of a report with its stored size in bytes, oldest first. */
async function versionSizes(db: Db, reportId: number): Promise<Array<{ id: number; kind: ReportVersion['kind']; bytes: number }>> {
  const bytes =
    engineOf(db) === 'postgres' ? sql<number>`octet_length(${reportVersions.snapshot}::text)` : sql<number>`length(cast(${reportVersions.snapshot} as blob))`;
  return await db
    .select({ id: reportVersions.id, kind: reportVersions.kind, bytes: bytes.mapWith(Number) })
    .from(reportVersions)
    .where(eq(reportVersions.reportId, reportId))
    .orderBy(asc(reportVersions.createdAt), asc(reportVersions.id));
}

/**
 * The report's versions kept within their storage quota: past it, the oldest automatic and import versions are
 * deleted (never `keep`, the one just taken) until they fit. Named, transition and restore versions are the record of
 * what people decided, so they are never deleted here; assertVersionRoom refuses new ones when they alone fill it.
 */
async function pruneForRoom(db: Tx, reportId: number, keep: number): Promise<void> {
  const sizes = await versionSizes(db, reportId);
  let total = sizes.reduce((sum, v) => sum + v.bytes, 0);
  const quota = limit('versionBytesPerReport');
  const doomed: number[] = [];
  for (const v of sizes) {
    if (total <= quota) break;
    if (v.id === keep || !PRUNABLE.includes(v.kind)) continue;
    doomed.push(v.id);
    total -= v.bytes;
  }
  if (doomed.length) await write(db, () => db.delete(reportVersions).where(inArray(reportVersions.id, doomed)));
}

/**
 * Refuses (413) an operation that keeps a new version when the report's named, transition and restore versions alone
 * fill its storage quota; automatic and import versions do not count, they make room by being deleted.
 */
export async function assertVersionRoom(db: Db, reportId: number): Promise<void> {
  const kept = (await versionSizes(db, reportId)).filter((v) => !PRUNABLE.includes(v.kind)).reduce((sum, v) => sum + v.bytes, 0);
  if (kept >= limit('versionBytesPerReport')) throw overLimit('versionBytesPerReport');
}

async function countSince(db: Db, where: ReturnType<typeof and>): Promise<number> {
  return (await one(db.select({ n: count() }).from(reportVersions).where(where)))?.n ?? 0;
}

/** Named versions: a cap per report and a rate per user, since each is a full copy of the report. */
async function assertNamedQuota(db: Db, actor: Actor, reportId: number, perReport = true, now = new Date()): Promise<void> {
  if (perReport && (await countSince(db, and(eq(reportVersions.reportId, reportId), eq(reportVersions.kind, 'manual')))) >= limit('namedVersionsPerReport'))
    throw overLimit('namedVersionsPerReport', 'rate_limited');
  const hourAgo = new Date(now.getTime() - 60 * 60 * 1000);
  if (
    (await countSince(
      db,
      and(eq(reportVersions.createdBy, actor.id), inArray(reportVersions.kind, ['manual', 'restore']), gt(reportVersions.createdAt, hourAgo)),
    )) >= limit('namedVersionsPerUserHour')
  )
    throw overLimit('namedVersionsPerUserHour', 'rate_limited');
}

export async function createVersion(
  db: Tx,
  v: { reportId: number; kind: ReportVersion['kind']; label: string; transition?: string; actorId: number | null; at?: Date },
): Promise<ReportVersion> {
  const snapshot = await takeSnapshot(db, v.reportId);
  const created = (await one(
    write(db, () =>
      db
        .insert(reportVersions)
        .values({
          reportId: v.reportId,
          kind: v.kind,
          label: v.label,
          transition: v.transition ?? null,
          snapshot,
          createdBy: v.actorId,
          ...(v.at ? { createdAt: v.at } : {}),
        })
        .returning(),
    ),
  ))!;
  if (v.kind === 'auto' || v.kind === 'import') await pruneByCount(db, v.reportId, v.kind);
  await pruneForRoom(db, v.reportId, created.id);
  return created;
}

/** Called after each save: keeps at most one automatic snapshot an hour while someone is editing. */
// When the report's last automatic version was taken (an autosave asks on every save): the newest one only, through
// the (report, created_at) index, prepared once per connection.
const lastAutoVersion = preparedFor('last_auto_version', (db) =>
  db
    .select({ at: reportVersions.createdAt })
    .from(reportVersions)
    .where(and(eq(reportVersions.reportId, sql.placeholder('reportId')), eq(reportVersions.kind, 'auto')))
    .orderBy(desc(reportVersions.createdAt))
    .limit(1),
);

export async function maybeAutoVersion(db: Tx, reportId: number, actorId: number, now = new Date()): Promise<ReportVersion | null> {
  // Two instances saving the same report at once must not both find the last snapshot old and both take one.
  await lockFor(db, LOCK_SPACE.autoVersion, reportId);
  const last = await one(lastAutoVersion(db).execute({ reportId }));
  if (last && now.getTime() - last.at.getTime() < AUTO_VERSION_INTERVAL_MS) return null;
  return await createVersion(db, { reportId, kind: 'auto', label: '自动保存', actorId, at: now });
}

const labelSchema = textField({ error: '请填写版本名称。' })
  .trim()
  .min(1, { error: '请填写版本名称，如“初稿”“讨论稿”“送审稿”。' })
  .max(limit('labelChars'), { error: limitMessage('labelChars') });

export async function saveNamedVersion(db: Db, actor: Actor, reportId: number, raw: unknown): Promise<VersionSummary> {
  const { report } = await loadReportInScope(db, actor, reportId, 'report.edit');
  const { label } = parseInput(z.object({ label: labelSchema }), raw);
  await assertNamedQuota(db, actor, report.id);
  await assertVersionRoom(db, report.id);
  const v = await withTx(db, async (tx) => {
    const created = await createVersion(tx, { reportId: report.id, kind: 'manual', label, actorId: actor.id });
    await recordAudit(tx, { actorId: actor.id, action: 'version.save', reportId: report.id, detail: { versionId: created.id, label } });
    return created;
  });
  return { id: v.id, kind: v.kind, label: v.label, transition: v.transition, createdAt: v.createdAt.toISOString(), createdByName: actor.displayName };
}

export type VersionSummary = {
  id: number;
  kind: ReportVersion['kind'];
  label: string;
  transition: string | null;
  createdAt: string;
  createdByName: string | null;
};

export async function listVersions(db: Db, actor: Actor, reportId: number): Promise<VersionSummary[]> {
  const { report } = await loadReportInScope(db, actor, reportId);
  return (
    await db
      .select({
        id: reportVersions.id,
        kind: reportVersions.kind,
        label: reportVersions.label,
        transition: reportVersions.transition,
        createdAt: reportVersions.createdAt,
        createdByName: users.displayName,
      })
      .from(reportVersions)
      .leftJoin(users, eq(users.id, reportVersions.createdBy))
      .where(eq(reportVersions.reportId, report.id))
      .orderBy(desc(reportVersions.createdAt), desc(reportVersions.id))
  ).map((v) => ({ ...v, createdAt: v.createdAt.toISOString() }));
}

async function loadVersion(db: Db, reportId: number, versionId: number): Promise<ReportVersion> {
  return found(
    db
      .select()
      .from(reportVersions)
      .where(and(eq(reportVersions.id, versionId), eq(reportVersions.reportId, reportId))),
    '该版本不存在。',
  );
}

export type SectionComparison = {
  key: string;
  label: string;
  changed: boolean;
  parts: ReturnType<typeof diffText>;
  inserted: number;
  deleted: number;
  /** Too different for a word diff within its budget: compared by paragraph (差异较多，按段落显示). */
  coarse: boolean;
};

function compareSnapshots(a: VersionSnapshot, b: VersionSnapshot): SectionComparison[] {
  const text = (s: VersionSnapshot) => ({
    title: s.meta.title,
    recipient: s.meta.recipient ?? '',
    ...Object.fromEntries(BODY_SECTION_KEYS.map((k) => [k, s.sections[k]?.plainText ?? ''])),
    signature: [...s.meta.signatureOrgans, s.meta.documentDate ?? ''].join('\n').trim(),
    cc: s.meta.cc ?? '',
  });
  return diffSections(text(a), text(b)).map((d) => ({
    key: d.key,
    label: SECTION_LABELS[d.key as keyof typeof SECTION_LABELS] ?? d.key,
    changed: d.changed,
    parts: d.parts,
    coarse: d.coarse,
    ...diffStats(d.parts),
  }));
}

// Two stored versions never change, so their comparison is computed once and kept (least recently used dropped).
const COMPARISON_CACHE_SIZE = 200;
const comparisons = new Map<string, SectionComparison[]>();

function compareStored(a: ReportVersion, b: ReportVersion): SectionComparison[] {
  const key = `${a.id}:${b.id}`;
  let hit = comparisons.get(key);
  if (hit) comparisons.delete(key);
  else hit = compareSnapshots(a.snapshot, b.snapshot);
  comparisons.set(key, hit);
  if (comparisons.size > COMPARISON_CACHE_SIZE) comparisons.delete(comparisons.keys().next().value!);
  return hit;
}

export async function compareVersions(db: Db, actor: Actor, reportId: number, aId: number, bId: number | 'current') {
  const { report } = await loadReportInScope(db, actor, reportId);
  const a = await loadVersion(db, report.id, aId);
  const b = bId === 'current' ? null : await loadVersion(db, report.id, bId);
  return {
    from: { id: a.id, label: a.label, createdAt: a.createdAt.toISOString() },
    to: b ? { id: b.id, label: b.label, createdAt: b.createdAt.toISOString() } : { id: null, label: '当前内容', createdAt: null },
    sections: b ? compareStored(a, b) : compareSnapshots(a.snapshot, await takeSnapshot(db, report.id)),
  };
}

/** What changed between the last two submissions, for the reviewer; null until a report was submitted twice. */
export async function changesSinceLastSubmission(db: Db, actor: Actor, reportId: number) {
  const { report } = await loadReportInScope(db, actor, reportId);
  const submissions = await db
    .select()
    .from(reportVersions)
    .where(and(eq(reportVersions.reportId, report.id), eq(reportVersions.transition, 'submit')))
    .orderBy(desc(reportVersions.createdAt), desc(reportVersions.id))
    .limit(2);
  if (submissions.length < 2) return null;
  const [latest, previous] = submissions as [ReportVersion, ReportVersion];
  return {
    from: { id: previous.id, label: previous.label, createdAt: previous.createdAt.toISOString() },
    to: { id: latest.id, label: latest.label, createdAt: latest.createdAt.toISOString() },
    sections: compareStored(previous, latest),
  };
}

const RESTORE_CONFLICT = () => '这份报告刚被修改，请刷新后再恢复。';

/**
 * Puts an old version's text back. The current text is snapshotted first and the restored text becomes a new
 * version of its own, so restoring never loses anything.
 */
export async function restoreVersion(db: Db, actor: Actor, reportId: number, versionId: number): Promise<VersionSummary> {
  const { report } = await loadReportInScope(db, actor, reportId, 'report.edit');
  if (!isEditableStatus(report.status)) throw new AppError('forbidden', LOCKED_MESSAGES[report.status]);
  const source = await loadVersion(db, report.id, versionId);
  await assertNamedQuota(db, actor, report.id, false);
  await assertVersionRoom(db, report.id);
  const now = new Date();
  const v = await withTx(db, async (tx) => {
    await createVersion(tx, { reportId: report.id, kind: 'auto', label: `恢复前的内容`, actorId: actor.id, at: now });
    const versions = await sectionVersions(tx, report.id);
    for (const key of BODY_SECTION_KEYS) {
      const s = source.snapshot.sections[key as BodySectionKey];
      const baseVersion = versions.get(key);
      if (!s || baseVersion === undefined) continue;
      await writeSection(tx, { reportId: report.id, key, content: s.content as TiptapNode, plainText: s.plainText, baseVersion, actor, now, conflictMessage: RESTORE_CONFLICT });
    }
    const m = source.snapshot.meta;
    await tx
      .update(reports)
      .set({ ...m, partHeadings: m.partHeadings ?? {}, metaVersion: sql`${reports.metaVersion} + 1`, updatedBy: actor.id, updatedAt: now })
      .where(eq(reports.id, report.id));
    const created = await createVersion(tx, {
      reportId: report.id,
      kind: 'restore',
      label: `恢复自“${source.label}”`,
      actorId: actor.id,
      at: new Date(now.getTime() + 1),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'version.restore',
      reportId: report.id,
      detail: { fromVersionId: source.id, newVersionId: created.id },
    });
    return created;
  });
  return { id: v.id, kind: v.kind, label: v.label, transition: v.transition, createdAt: v.createdAt.toISOString(), createdByName: actor.displayName };
}

/** 201 from POST /api/reports/:id/versions (a named version) and from …/versions/:versionId/restore. */
export type VersionSaved = { version: VersionSummary };
/** 200 from GET /api/reports/:id/versions/compare. */
export type VersionComparison = Awaited<ReturnType<typeof compareVersions>>;
