// A report's parts as stored: reading one as the editor holds it, and the one writer of a part's text.
// Every write of a part's text (typing, an accepted suggestion, a restored version, an import, the demo seed) goes
// through writeSection: a compare-and-set on the part's version, the report stamped as edited, the new snapshot
// returned. Each caller keeps its own versioning around it.
import { one, found } from '@/db/tx';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { preparedFor } from '@/db/prepared';
import { reportSections, reports, users } from '@/db/schema';
import type { Actor } from '@/lib/domain/permissions';
import type { BodySectionKey } from '@/lib/domain/sections';
import type { TiptapNode } from '@/lib/domain/tiptap-doc';
import { AppError } from '@/lib/shared/errors';

/** One part of a report as the editor holds it: content, plain text, version, and who saved it last. */
export type SectionSnapshot = {
  key: BodySectionKey;
  content: TiptapNode;
  plainText: string;
  version: number;
  updatedAt: string; // ISO
  updatedByName: string | null;
  /** Who saved it last: the conflict dialog tells the user's own other window from another person. */
  updatedById: number | null;
};

export async function snapshotOf(db: Db, reportId: number, key: BodySectionKey): Promise<SectionSnapshot> {
  const row = await found(
    db
      .select({ s: reportSections, updatedByName: users.displayName })
      .from(reportSections)
      .leftJoin(users, eq(users.id, reportSections.updatedBy))
      .where(and(eq(reportSections.reportId, reportId), eq(reportSections.sectionKey, key))),
    '报告中没有这个部分。',
  );
  return {
    key,
    content: row.s.content as TiptapNode,
    plainText: row.s.plainText,
    version: row.s.version,
    updatedAt: row.s.updatedAt.toISOString(),
    updatedByName: row.updatedByName,
    updatedById: row.s.updatedBy,
  };
}

// The statements of a part's write, prepared once per connection (db/prepared.ts): an autosave runs them.
const casUpdate = preparedFor('section_cas', (db) =>
  db
    .update(reportSections)
    .set({
      content: sql.placeholder('content'),
      // Placeholders inside sql`` are bound as given: callers pass driver values (a column's mapToDriverValue).
      plainText: sql`${sql.placeholder('plainText')}`,
      version: sql`${reportSections.version} + 1`,
      updatedBy: sql`${sql.placeholder('actorId')}`,
      updatedAt: sql`${sql.placeholder('now')}`,
    })
    .where(
      and(
        eq(reportSections.reportId, sql.placeholder('reportId')),
        eq(reportSections.sectionKey, sql.placeholder('key')),
        eq(reportSections.version, sql.placeholder('version')),
      ),
    )
    .returning({ version: reportSections.version }),
);

const touchReport = preparedFor('report_touch', (db) =>
  db
    .update(reports)
    .set({ updatedAt: sql`${sql.placeholder('now')}`, updatedBy: sql`${sql.placeholder('actorId')}` })
    .where(eq(reports.id, sql.placeholder('reportId'))),
);

export type SectionWrite = {
  reportId: number;
  key: BodySectionKey;
  content: TiptapNode;
  plainText: string;
  /** The part's version the new text was based on; another version answers 409 with the server's text. */
  baseVersion: number;
  actor: Pick<Actor, 'id' | 'displayName'>;
  now: Date;
  /** The sentence of the 409, given the server's copy. */
  conflictMessage: (current: SectionSnapshot) => string;
};

/**
 * The one writer of a part's text. Runs inside the caller's transaction (pass the transaction's db): updates the
 * part only if it still has `baseVersion`, stamps the report as edited, and returns the new snapshot. A part that
 * moved on answers 409 with the server's copy (`details.current`), so nobody's text is overwritten unseen.
 */
export async function writeSection(tx: Db, w: SectionWrite): Promise<SectionSnapshot> {
  const updated = await one(
    casUpdate(tx).execute({
      content: w.content,
      plainText: w.plainText,
      actorId: w.actor.id,
      now: reportSections.updatedAt.mapToDriverValue(w.now),
      reportId: w.reportId,
      key: w.key,
      version: w.baseVersion,
    }),
  );
  if (!updated) {
    const current = await snapshotOf(tx, w.reportId, w.key);
    throw new AppError('conflict', w.conflictMessage(current), { current });
  }
  await touchReport(tx).execute({ now: reports.updatedAt.mapToDriverValue(w.now), actorId: w.actor.id, reportId: w.reportId });
  return {
    key: w.key,
    content: w.content,
    plainText: w.plainText,
    version: updated.version,
    updatedAt: w.now.toISOString(),
    updatedByName: w.actor.displayName,
    updatedById: w.actor.id,
  };
}

/** The current versions of a report's parts (for writers that replace every part inside their transaction). */
export async function sectionVersions(tx: Db, reportId: number): Promise<Map<string, number>> {
  const rows = await tx
    .select({ key: reportSections.sectionKey, version: reportSections.version })
    .from(reportSections)
    .where(eq(reportSections.reportId, reportId));
  return new Map(rows.map((r) => [r.key, r.version]));
}
