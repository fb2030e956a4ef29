// One part of a report as the editor holds it: content, plain text, version, and who saved it last.
import { one } from '@/db/tx';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { reportSections, users } from '@/db/schema';
import type { BodySectionKey } from '@/lib/domain/sections';
import type { TiptapNode } from '@/lib/domain/tiptap-doc';
import { AppError } from '@/lib/shared/errors';
import type { SectionSnapshot } from './types';

export async function snapshotOf(db: Db, reportId: number, key: BodySectionKey): Promise<SectionSnapshot> {
  const row = await one(
    db
      .select({ s: reportSections, updatedByName: users.displayName })
      .from(reportSections)
      .leftJoin(users, eq(users.id, reportSections.updatedBy))
      .where(and(eq(reportSections.reportId, reportId), eq(reportSections.sectionKey, key))),
  );
  if (!row) throw new AppError('not_found', '报告中没有这个部分。');
  return {
    key,
    content: row.s.content as TiptapNode,
    plainText: row.s.plainText,
    version: row.s.version,
    updatedAt: row.s.updatedAt.toISOString(),
    updatedByName: row.updatedByName,
  };
}
