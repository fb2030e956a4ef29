// Import in the app: a preview of what the parser found, then creating or replacing the township's report from it.
import { withTx } from '@/db/tx';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { reportSections, reports } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { type Actor } from '@/lib/domain/permissions';
import { AppError } from '@/lib/shared/errors';
import { parseAndCheck, type CheckedReport } from '@/lib/domain/parse';
import { BODY_SECTION_KEYS, SECTION_LABELS, type BodySectionKey } from '@/lib/domain/sections';
import { ownPartHeadings } from '@/lib/domain/template';
import { docFromReportText, docToText } from '@/lib/domain/tiptap-doc';
import { countChars } from '@/lib/domain/text-utils';
import { createReport, reportOfYear, townshipForNewReport } from '@/lib/reports/service';
import { townshipHeadings } from '@/lib/season/store';
import { assertVersionRoom, createVersion } from '@/lib/review/versions';
import { isEditableStatus, LOCKED_MESSAGES } from '@/lib/domain/workflow';
import { normalizeText } from '@/lib/shared/text';
import { idSchema, isoDateSchema, parseInput, textField, yearSchema } from '@/lib/shared/validation';
import { REVISION_CHOICES } from './docx-revisions';
import type { RevisionsFound } from './read';
import { sectionVersions, writeSection } from '@/lib/reports/sections';
import { limit, overLimit } from '@/lib/shared/limits';

export const MAX_IMPORT_CHARS = 300_000;

export type ImportPreview = {
  parsed: CheckedReport;
  /** Each part split into its paragraphs, so the drafter can move a block to another part before confirming. */
  blocks: Array<{ id: string; section: BodySectionKey | 'unplaced'; text: string }>;
  /**
   * Word's tracked changes (修订) in the file, if any: how many, whose, and whether the text above has them all
   * accepted or is the text as it stood before them (the drafter's choice; an import never files them as suggestions).
   */
  revisions: RevisionsFound | null;
};

export function previewImport(raw: string, revisions: RevisionsFound | null = null): ImportPreview {
  // Pasted text and the text read out of a file are normalised here, where both meet.
  const text = normalizeText(raw);
  if (text.length > MAX_IMPORT_CHARS) throw new AppError('payload_too_large', '文字超过 30 万字，不像是一份年度报告，请检查后重试。');
  const parsed = parseAndCheck(text);
  const found = BODY_SECTION_KEYS.filter((k) => parsed.sections[k]);
  if (found.length === 0 && !parsed.title) {
    throw new AppError('bad_request', '没有从中识别出报告的标题或任何部分（如“一、…主要举措和成效”），请确认选择的是年度报告。');
  }
  const blocks: ImportPreview['blocks'] = [];
  for (const key of BODY_SECTION_KEYS) {
    (parsed.sections[key] ?? '')
      .split('\n')
      .filter((l) => l.trim())
      .forEach((t, i) => blocks.push({ id: `${key}-${i}`, section: key, text: t }));
  }
  parsed.unplaced.forEach((t, i) => blocks.push({ id: `unplaced-${i}`, section: 'unplaced', text: t }));
  return { parsed, blocks, revisions: revisions && { ...revisions, authors: revisions.authors.map(normalizeText) } };
}

const commitSchema = (now: Date) =>
  z.object({
    townshipId: idSchema('乡镇（街道）'),
    year: yearSchema(now),
    title: textField({ error: '请填写标题。' }).trim().min(1, { error: '请填写标题。' }).max(200, { error: '标题不能超过 200 个字。' }),
    recipient: textField().trim().max(100, { error: '主送机关不能超过 100 个字。' }).nullable().default(null),
    signatureOrgans: z.array(textField().trim().max(60)).max(6).default([]),
    documentDate: isoDateSchema('成文日期').nullable().default(null),
    cc: textField().trim().max(200).nullable().default(null),
    docNumber: textField().trim().max(60, { error: '文号不能超过 60 个字。' }).nullable().default(null),
    sections: z.partialRecord(
      z.enum(BODY_SECTION_KEYS, { error: '报告中没有这个部分。' }),
      textField({ error: '部分内容格式无效。' }).max(100_000, { error: '某一部分超过 10 万字。' }),
    ),
    // Part headings as the file words them (一、… included); only wording that differs from the template is kept.
    headings: z.partialRecord(z.enum(BODY_SECTION_KEYS), textField().max(200, { error: '部分标题不能超过 200 个字。' })).default({}),
    // Word's tracked changes the preview found and how the drafter chose to import them, for the audit row.
    revisions: z
      .object(
        {
          count: z.number({ error: '修订数目无效。' }).int({ error: '修订数目无效。' }).min(0, { error: '修订数目无效。' }),
          choice: z.enum(REVISION_CHOICES, { error: '请选择导入修订的方式。' }),
        },
        { error: '修订格式无效。' },
      )
      .nullable()
      .default(null),
    replace: z.boolean().default(false),
    // Set once the drafter has seen which parts would lose text and still wants to replace them.
    acceptLoss: z.boolean().default(false),
  });

export type ImportLoss = { section: BodySectionKey; label: string; before: number; after: number; excerpt: string };

/** Parts whose current text the import would replace with less (or nothing), with how much and how it begins. */
export function importLosses(current: Partial<Record<BodySectionKey, string>>, incoming: Partial<Record<BodySectionKey, string>>): ImportLoss[] {
  const losses: ImportLoss[] = [];
  for (const key of BODY_SECTION_KEYS) {
    const before = countChars(current[key] ?? '');
    const after = countChars(incoming[key] ?? '');
    if (before > 0 && after < before) losses.push({ section: key, label: SECTION_LABELS[key], before, after, excerpt: (current[key] ?? '').trim().slice(0, 60) });
  }
  return losses;
}

/** Creates the township/year report from the confirmed preview, or replaces one (the old text kept as a version). */
export async function commitImport(
  db: Db,
  actor: Actor,
  raw: unknown,
  now = new Date(),
): Promise<{ reportId: number; replaced: boolean }> {
  const input = parseInput(commitSchema(now), raw);
  if (input.revisions && input.revisions.count > limit('revisionsPerDocument')) throw overLimit('revisionsPerDocument');
  const township = await townshipForNewReport(db, actor, input.townshipId, '导入');
  const existing = await reportOfYear(db, township.id, input.year);
  if (existing && !input.replace) {
    throw new AppError('conflict', `${township.name}${input.year}年度的报告已存在。如要用导入的内容替换，请勾选“替换现有报告”（原内容会保存为一个版本）。`, {
      reportId: existing.id,
    });
  }
  if (existing && !isEditableStatus(existing.status)) throw new AppError('forbidden', LOCKED_MESSAGES[existing.status]);

  if (existing && !input.acceptLoss) {
    const rows = await db
      .select({ key: reportSections.sectionKey, text: reportSections.plainText })
      .from(reportSections)
      .where(eq(reportSections.reportId, existing.id));
    const losses = importLosses(Object.fromEntries(rows.map((r) => [r.key, r.text])), input.sections);
    if (losses.length > 0) {
      throw new AppError(
        'conflict',
        `导入的内容比现有报告少：${losses.map((l) => `“${l.label}”现有 ${l.before} 字，导入后 ${l.after} 字`).join('；')}。请核对；如仍要替换，请确认（现有内容会保存为“导入前的内容”版本，可在“版本与记录”中恢复）。`,
        { reportId: existing.id, losses },
      );
    }
  }

  // The old text is kept as a version: refused before any work when the report's versions have no room left.
  if (existing) await assertVersionRoom(db, existing.id);
  // Word's changes are not filed as suggestions here. Writing the text needs report.edit on a report being drafted;
  // suggesting needs report.suggest on one waiting for review (fileTrackedChanges, the one gate): the two never meet,
  // so a drafter importing a file with tracked changes does not become its reviewer. The text arrives as the drafter
  // chose in the preview (all changes accepted, or as it stood before them) and the audit row says which.
  // A heading worded as the township's template (its county's or province's pack) is not kept as the township's own.
  const templates = await townshipHeadings(db, input.year, township);
  const reportId = existing?.id ?? (await createReport(db, actor, { townshipId: township.id, year: input.year }, now)).id;
  await withTx(db, async (tx) => {
    if (existing) await createVersion(tx, { reportId, kind: 'import', label: '导入前的内容', actorId: actor.id, at: now });
    const versions = await sectionVersions(tx, reportId);
    for (const key of BODY_SECTION_KEYS) {
      const content = docFromReportText(input.sections[key] ?? '');
      const baseVersion = versions.get(key);
      if (baseVersion === undefined) continue;
      await writeSection(tx, {
        reportId,
        key,
        content,
        plainText: docToText(content),
        baseVersion,
        actor,
        now,
        conflictMessage: () => '这份报告刚被修改，请刷新后再导入。',
      });
    }
    await tx
      .update(reports)
      .set({
        title: input.title,
        recipient: input.recipient || null,
        signatureOrgans: input.signatureOrgans.filter(Boolean),
        documentDate: input.documentDate,
        cc: input.cc || null,
        docNumber: input.docNumber || null,
        partHeadings: ownPartHeadings(input.year, input.headings, templates),
        metaVersion: sql`${reports.metaVersion} + 1`,
        updatedBy: actor.id,
        updatedAt: now,
      })
      .where(eq(reports.id, reportId));
    await createVersion(tx, { reportId, kind: 'import', label: '导入的内容', actorId: actor.id, at: new Date(now.getTime() + 1) });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'report.import',
      reportId,
      detail: { replaced: Boolean(existing), ...(input.revisions ? { revisions: input.revisions.count, revisionChoice: input.revisions.choice } : {}) },
    });
  });
  return { reportId, replaced: Boolean(existing) };
}

/** 201 (a new report) or 200 (one replaced) from POST /api/import/commit. */
export type ImportCommitted = Awaited<ReturnType<typeof commitImport>>;
/** 409 from the same route, besides error and code: the report that exists, and what replacing it would lose. */
export type ImportConflict = { reportId: number; losses: ImportLoss[] };
