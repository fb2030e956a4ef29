// Drafting: saving a section with compare-and-swap, the front matter, checklist ticks, and the editor page's data.
// Every write of the drafting page (section, front matter, checklist, ledger) goes through loadForEdit (scope and state).
import { one, withTx, write } from '@/db/tx';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { reportChecklist, reportSections, reports, users, type Report } from '@/db/schema';
import { can, type Actor } from '@/lib/domain/permissions';
import { parseReportDoc } from '@/lib/editor/extensions';
import { checkDocLimits } from '@/lib/editor/doc-limits';
import { limit } from '@/lib/shared/limits';
import type { ChecklistEntry, EditorInitialData, ReportMeta, ReviewData, SaveOk } from './types';
import { listThreads } from '@/lib/review/comments';
import { reportTimeline, reviewStartedOn } from '@/lib/review/transitions';
import { AppError } from '@/lib/shared/errors';
import { findChecklistItem, packChecklist } from '@/lib/domain/checklists';
import { BODY_SECTION_KEYS, isBodySectionKey, SECTION_LABELS, type BodySectionKey } from '@/lib/domain/sections';
import { docToText, type TiptapNode } from '@/lib/domain/tiptap-doc';
import { loadReportInScope } from '@/lib/reports/service';
import { effectivePack } from '@/lib/season/store';
import { parseInput } from '@/lib/shared/validation';
import { createVersion, maybeAutoVersion } from '@/lib/review/versions';
import { availableTransitions, isEditableStatus, LOCKED_MESSAGES, type TransitionName } from '@/lib/domain/workflow';
import { ledgerSchema, metaSchema, saveSectionSchema, tickSchema } from './schema';
import { editorSuggestions, FILE_WORD_REVIEW, maySuggest } from '@/lib/review/suggestions';
import { listVerdicts } from '@/lib/review/verdicts';
import { snapshotOf, writeSection } from '@/lib/reports/sections';

/** A section may hold this many characters of text (a long report is about 15,000). */
export const SECTION_CHAR_LIMIT = limit('sectionChars');
/** and this many bytes of editor JSON, marks and tables included: the save request's own limit. */
export const SECTION_BYTE_LIMIT = limit('sectionBody');

export { isEditableStatus };

async function loadForEdit(db: Db, actor: Actor, reportId: number) {
  const scope = await loadReportInScope(db, actor, reportId, 'report.edit');
  if (!isEditableStatus(scope.report.status)) throw new AppError('forbidden', LOCKED_MESSAGES[scope.report.status]);
  return scope;
}

function sectionKeyOrThrow(key: string): BodySectionKey {
  if (!isBodySectionKey(key)) throw new AppError('not_found', '报告中没有这个部分。');
  return key;
}

/**
 * Saves a section only if it still has the version the edit was based on (writeSection, the one writer of a part's
 * text); otherwise answers 409 with the server's copy, so nobody's text is overwritten unseen.
 */
export async function saveSection(db: Db, actor: Actor, reportId: number, keyRaw: string, raw: unknown): Promise<SaveOk> {
  const key = sectionKeyOrThrow(keyRaw);
  const { report } = await loadForEdit(db, actor, reportId);
  const input = parseInput(saveSectionSchema, raw);
  // Depth, size and table shape first: a document past them is refused before anything walks it recursively.
  checkDocLimits(input.content);
  let content: TiptapNode;
  try {
    // Stored as the schema re-serialises it, so nothing the editor could not have produced is kept.
    content = parseReportDoc(input.content).toJSON() as TiptapNode;
  } catch {
    throw new AppError('bad_request', '内容格式无效，不是本编辑器生成的文档，未保存。请刷新页面后重试。');
  }

  const plainText = docToText(content);
  if (plainText.length > SECTION_CHAR_LIMIT) {
    throw new AppError(
      'payload_too_large',
      `本部分共 ${plainText.length} 字，超过 ${SECTION_CHAR_LIMIT / 10_000} 万字的上限，未保存。请精简内容或把附表另行报送。`,
    );
  }
  const now = new Date();
  return await withTx(db, async (tx) => {
    if (input.overwrite)
      await createVersion(tx, { reportId: report.id, kind: 'auto', label: `冲突时被覆盖的内容（${SECTION_LABELS[key]}）`, actorId: actor.id, at: now });
    const saved = await writeSection(tx, {
      reportId: report.id,
      key,
      content,
      plainText,
      baseVersion: input.version,
      actor,
      now,
      conflictMessage: (current) =>
        current.updatedById === actor.id
          ? `这一部分已在您的另一个窗口中修改（服务器上是第 ${current.version} 版），这里的内容尚未保存。请对照两个版本后决定。`
          : `这一部分已被${current.updatedByName ?? '他人'}修改（服务器上是第 ${current.version} 版），您的内容尚未保存。请对照两个版本后决定。`,
    });
    await maybeAutoVersion(tx, report.id, actor.id, now);
    return { version: saved.version, updatedAt: saved.updatedAt, plainText };
  });
}

export async function saveMeta(db: Db, actor: Actor, reportId: number, raw: unknown): Promise<{ metaVersion: number }> {
  const { report } = await loadForEdit(db, actor, reportId);
  const input = parseInput(metaSchema, raw);
  const now = new Date();
  const updated = (await one(
    write(db, () =>
      db
        .update(reports)
        .set({
          title: input.title,
          recipient: input.recipient,
          signatureOrgans: input.signatureOrgans,
          documentDate: input.documentDate,
          cc: input.cc,
          ...(input.docNumber !== undefined ? { docNumber: input.docNumber } : {}),
          ...(input.partHeadings ? { partHeadings: input.partHeadings } : {}),
          metaVersion: sql`${reports.metaVersion} + 1`,
          updatedAt: now,
          updatedBy: actor.id,
        })
        .where(and(eq(reports.id, report.id), eq(reports.metaVersion, input.metaVersion)))
        .returning({ metaVersion: reports.metaVersion }),
    ),
  ))!;
  if (!updated) {
    const current = (await one(db.select().from(reports).where(eq(reports.id, report.id))))!;
    throw new AppError('conflict', '标题、主送或落款已被他人修改，您的修改尚未保存。', { current: metaOf(current) });
  }
  return updated;
}

function metaOf(r: Report): ReportMeta {
  return {
    title: r.title,
    recipient: r.recipient,
    signatureOrgans: r.signatureOrgans,
    documentDate: r.documentDate,
    cc: r.cc,
    docNumber: r.docNumber,
    partHeadings: r.partHeadings,
    metaVersion: r.metaVersion,
  };
}

export async function setChecklistEntry(db: Db, actor: Actor, reportId: number, itemId: string, raw: unknown): Promise<ChecklistEntry> {
  const { report, township } = await loadForEdit(db, actor, reportId);
  const existing = await one(
    db
      .select()
      .from(reportChecklist)
      .where(and(eq(reportChecklist.reportId, report.id), eq(reportChecklist.itemId, itemId))),
  );
  const now = new Date();
  if (existing?.kind === 'ledger') {
    const input = parseInput(ledgerSchema, raw);
    await write(db, () =>
      db
        .update(reportChecklist)
        .set({ state: input.state, note: input.note, confirmed: input.state !== null, updatedBy: actor.id, updatedAt: now })
        .where(eq(reportChecklist.id, existing.id)),
    );
  } else {
    // The items are the season pack's of the report's year and county: an item the pack no longer has is refused.
    if (!findChecklistItem(packChecklist(await effectivePack(db, report.year, township.countyId)), itemId)) throw new AppError('not_found', '清单中没有这一项。');
    const input = parseInput(tickSchema, raw);
    await write(db, () =>
      db
        .insert(reportChecklist)
        .values({ reportId: report.id, itemId, kind: 'item', confirmed: input.confirmed, updatedBy: actor.id, updatedAt: now })
        .onConflictDoUpdate({
          target: [reportChecklist.reportId, reportChecklist.itemId],
          set: { confirmed: input.confirmed, updatedBy: actor.id, updatedAt: now },
        }),
    );
  }
  return (await listChecklist(db, report.id)).find((e) => e.itemId === itemId)!;
}

export async function listChecklist(db: Db, reportId: number): Promise<ChecklistEntry[]> {
  return (
    await db
      .select({ c: reportChecklist, updatedByName: users.displayName })
      .from(reportChecklist)
      .leftJoin(users, eq(users.id, reportChecklist.updatedBy))
      .where(eq(reportChecklist.reportId, reportId))
      .orderBy(reportChecklist.id)
  ).map(({ c, updatedByName }) => ({
    itemId: c.itemId,
    kind: c.kind,
    label: c.label,
    confirmed: c.confirmed,
    state: c.state,
    note: c.note,
    updatedByName,
    updatedAt: c.updatedAt ? c.updatedAt.toISOString() : null,
  }));
}

/** Everything the report workspace needs; readers who may not edit (reviewers) get it read-only. */
export async function loadEditorData(db: Db, actor: Actor, reportId: number): Promise<EditorInitialData> {
  const { report, township } = await loadReportInScope(db, actor, reportId);
  return {
    report: { id: report.id, year: report.year, status: report.status, ...metaOf(report) },
    township: { id: township.id, name: township.name, kind: township.kind, countyName: township.countyName },
    sections: await Promise.all(BODY_SECTION_KEYS.map((key) => snapshotOf(db, report.id, key))),
    checklist: await listChecklist(db, report.id),
    editable: isEditableStatus(report.status) && mayEdit(actor, township),
    user: { id: actor.id, displayName: actor.displayName },
    limits: { sectionChars: SECTION_CHAR_LIMIT, sectionBytes: SECTION_BYTE_LIMIT },
    review: await loadReviewData(db, actor, report, township),
    lastYear: await lastYearTexts(db, township.id, report.year),
    seasonPack: await effectivePack(db, report.year, township.countyId),
  };
}

/** The plain text of each part of the township's report of the year before, or null when there is none. */
async function lastYearTexts(db: Db, townshipId: number, year: number): Promise<Record<string, string> | null> {
  const previous = await one(
    db
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.townshipId, townshipId), eq(reports.year, year - 1))),
  );
  if (!previous) return null;
  const rows = await db
    .select({ key: reportSections.sectionKey, text: reportSections.plainText })
    .from(reportSections)
    .where(eq(reportSections.reportId, previous.id));
  return Object.fromEntries(rows.map((r) => [r.key, r.text]));
}

async function loadReviewData(db: Db, actor: Actor, report: Report, township: { id: number; countyId: number }): Promise<ReviewData> {
  const scope = { townshipId: township.id, countyId: township.countyId };
  const timeline = await reportTimeline(db, actor, report.id);
  const lastReturn = report.status === 'returned' ? [...timeline].reverse().find((e) => e.transition === 'return') : undefined;
  const suggested = await editorSuggestions(db, actor, report.id);
  return {
    threads: await listThreads(db, actor, report.id),
    mayComment: can(actor, 'report.comment', scope),
    suggestions: suggested.suggestions,
    suggestionsHidden: suggested.hidden,
    maySuggest: maySuggest(actor, township, report.status),
    verdicts: await listVerdicts(db, actor, report.id),
    mayReview: report.status === 'submitted' && can(actor, 'report.review', scope),
    mayDecide: isEditableStatus(report.status) && can(actor, 'report.edit', scope),
    mayFileWord: FILE_WORD_REVIEW.states.includes(report.status) && can(actor, FILE_WORD_REVIEW.permission, scope),
    transitions: await withoutRefusedWithdraw(db, report, availableTransitions(report.status, (action) => can(actor, action, scope))),
    returnReason: lastReturn ? { reason: lastReturn.reason ?? '', by: lastReturn.actorName, at: lastReturn.at } : null,
  };
}

/** 撤回 is offered only while no reviewer has commented, suggested or decided on the submission (the server checks again). */
async function withoutRefusedWithdraw(db: Db, report: Report, names: TransitionName[]): Promise<TransitionName[]> {
  if (!names.includes('withdraw')) return names;
  const started = await reviewStartedOn(db, report);
  return started.comments + started.suggestions + started.verdicts ? names.filter((n) => n !== 'withdraw') : names;
}

export function mayEdit(actor: Actor, township: { id: number; countyId: number }): boolean {
  return can(actor, 'report.edit', { townshipId: township.id, countyId: township.countyId });
}
