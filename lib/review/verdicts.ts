// Per-item verdicts: while a report waits for review, the reviewer marks checklist items 通过 or 需修改 with a note;
// once returned, the 需修改 items are the drafter's to-do list, each ticked off when the passage the verdict points at
// (lib/domain/verdict-passage.ts) has changed since the verdict, or when the drafter marks it done with a word; on
// resubmission the reviewer sees, per item, what changed in its passage since. What changed is worked out once per
// version of the part and kept with the verdict (changesVersion), not on every view.
import { one, withTx } from '@/db/tx';
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { reportSections, reviewVerdicts, users, type VerdictChanges } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/domain/permissions';
import { checklistFor, findChecklistItem, packChecklist, type Checklist } from '@/lib/domain/checklists';
import { SECTION_LABELS } from '@/lib/domain/sections';
import { VERDICTS, type Verdict } from '@/lib/domain/vocabulary';
import { loadReportInScope } from '@/lib/reports/service';
import { effectivePack } from '@/lib/season/store';
import { AppError } from '@/lib/shared/errors';
import { limit, limitMessage } from '@/lib/shared/limits';
import { parseInput, textField } from '@/lib/shared/validation';
import { snapBack } from '@/lib/shared/text';
import { diffExcerpt, diffStats, diffTextBounded, type DiffPart } from '@/lib/domain/diff';
import { isEditableStatus } from '@/lib/domain/workflow';
import { verdictPassage } from '@/lib/domain/verdict-passage';

const verdictSchema = z.object({
  verdict: z.enum(VERDICTS, { error: '审核意见只能是“通过”或“需修改”。' }).nullable(),
  note: textField({ error: '说明格式无效。' }).trim().max(500, { error: '说明不能超过 500 个字。' }).default(''),
});

export type VerdictView = {
  itemId: string;
  label: string;
  sectionKey: string;
  sectionLabel: string;
  verdict: Verdict;
  note: string;
  reviewerName: string;
  updatedAt: string;
  /** The passage the verdict points at, as it read when the verdict was given (the browser compares it live). */
  passage: string;
  /** The passage has changed since the verdict (the drafter's to-do is done; the reviewer sees what changed). */
  changed: boolean;
  /**
   * For a 需修改 item whose passage changed: what changed since the verdict, long unchanged stretches cut (…), at most
   * verdictChangesChars characters shown (`cut` when there was more); the counts are of the whole change.
   */
  changes: { parts: DiffPart[]; inserted: number; deleted: number; cut?: boolean } | null;
  /** The drafter marked the item done with a word. */
  done: { note: string; byName: string | null; at: string } | null;
};

const doneSchema = z.object({
  note: textField({ error: '说明格式无效。' })
    .trim()
    .min(1, { error: '请用一句话说明怎样修改的，或为什么不需要修改。' })
    .max(limit('verdictDoneChars'), { error: limitMessage('verdictDoneChars') })
    .nullable(),
});

function changesSince(before: string, now: string): VerdictView['changes'] {
  if (before === now) return null;
  const { parts } = diffTextBounded(before, now);
  return { ...capped(diffExcerpt(parts), limit('verdictChangesChars')), ...diffStats(parts) };
}

/** The first `max` characters of the parts (a part cut short ends in …). */
function capped(parts: DiffPart[], max: number): { parts: DiffPart[]; cut?: boolean } {
  const out: DiffPart[] = [];
  let left = max;
  for (const p of parts) {
    if (p.text.length <= left) {
      out.push(p);
      left -= p.text.length;
      continue;
    }
    if (left > 0) out.push({ type: p.type, text: `${p.text.slice(0, snapBack(p.text, left))}…` });
    return { parts: out, cut: true };
  }
  return { parts: out };
}

async function sectionText(db: Db, reportId: number, key: string): Promise<string> {
  return (
    (
      await one(
        db
          .select({ t: reportSections.plainText })
          .from(reportSections)
          .where(and(eq(reportSections.reportId, reportId), eq(reportSections.sectionKey, key))),
      )
    )?.t ?? ''
  );
}

/** The reviewer's verdict on an item (null takes it back); only while the report waits for review. */
export async function setVerdict(db: Db, actor: Actor, reportId: number, itemId: string, raw: unknown, now = new Date()): Promise<VerdictView | null> {
  const { report, township } = await loadReportInScope(db, actor, reportId, 'report.review');
  if (report.status !== 'submitted') throw new AppError('forbidden', '只有待审核的报告可以给出逐项审核意见。');
  const item = findChecklistItem(await seasonChecklist(db, report.year, township.countyId), itemId);
  if (!item) throw new AppError('not_found', '清单中没有这一项。');
  const input = parseInput(verdictSchema, raw);
  if (input.verdict === 'fix' && !input.note) throw new AppError('bad_request', '请写明需要怎样修改。');
  return await withTx(db, async (tx) => {
    if (input.verdict === null) {
      await tx.delete(reviewVerdicts).where(and(eq(reviewVerdicts.reportId, report.id), eq(reviewVerdicts.itemId, itemId)));
      await recordAudit(tx, { actorId: actor.id, action: 'verdict.set', reportId: report.id, detail: { itemId, verdict: null } });
      return null;
    }
    const values = {
      reportId: report.id,
      itemId,
      verdict: input.verdict,
      note: input.note,
      sectionText: await sectionText(db, report.id, item.section),
      reviewerId: actor.id,
      updatedAt: now,
    };
    const passage = verdictPassage(values.sectionText, item);
    await tx
      .insert(reviewVerdicts)
      .values({ ...values, passage })
      .onConflictDoUpdate({
        target: [reviewVerdicts.reportId, reviewVerdicts.itemId],
        // A new verdict starts a new to-do: the drafter's earlier 已修改 note no longer answers it, and what changed is
        // worked out afresh against the passage as it reads now.
        set: { verdict: values.verdict, note: values.note, sectionText: values.sectionText, passage, reviewerId: actor.id, updatedAt: now, doneNote: null, doneBy: null, doneAt: null, changesVersion: null },
      });
    await recordAudit(tx, { actorId: actor.id, action: 'verdict.set', reportId: report.id, detail: { itemId, verdict: input.verdict } });
    return {
      itemId,
      label: item.label,
      sectionKey: item.section,
      sectionLabel: SECTION_LABELS[item.section],
      verdict: input.verdict,
      note: input.note,
      reviewerName: actor.displayName,
      updatedAt: now.toISOString(),
      passage,
      changed: false,
      changes: null,
      done: null,
    };
  });
}

/**
 * The drafter marks a 需修改 item done with a word (null takes the mark back): for a fix made elsewhere than the
 * passage, or an item that needs no change after all. Only while the text may be edited.
 */
export async function markVerdictDone(db: Db, actor: Actor, reportId: number, itemId: string, raw: unknown, now = new Date()): Promise<VerdictView> {
  const { report } = await loadReportInScope(db, actor, reportId, 'report.edit');
  if (!isEditableStatus(report.status)) throw new AppError('forbidden', '报告当前不能修改，不能标记审核意见已修改。');
  const { note } = parseInput(doneSchema, raw);
  await withTx(db, async (tx) => {
    const row = await one(tx.select().from(reviewVerdicts).where(and(eq(reviewVerdicts.reportId, report.id), eq(reviewVerdicts.itemId, itemId))));
    if (!row || row.verdict !== 'fix') throw new AppError('not_found', '这一项没有“需修改”的审核意见。');
    await tx
      .update(reviewVerdicts)
      .set(note === null ? { doneNote: null, doneBy: null, doneAt: null } : { doneNote: note, doneBy: actor.id, doneAt: now })
      .where(eq(reviewVerdicts.id, row.id));
    await recordAudit(tx, { actorId: actor.id, action: 'verdict.done', reportId: report.id, detail: { itemId, done: note !== null } });
  });
  return (await listVerdicts(db, actor, report.id)).find((v) => v.itemId === itemId)!;
}

/** The checklist of the season pack of a report's year and county: the items verdicts are given on. */
async function seasonChecklist(db: Db, year: number, countyId: number): Promise<Checklist> {
  return packChecklist(await effectivePack(db, year, countyId));
}

/** Checklist items in reading order: the parts in order, each part's items as its checklist lists them. */
function itemOrder(checklist: Checklist): Map<string, number> {
  const ids = (['measures', 'leaders', 'shortcomings', 'plans'] as const).flatMap((k) => checklistFor(checklist, k).map((i) => i.id));
  return new Map(ids.map((id, n) => [id, n]));
}

/** Verdicts whose changes were worked out (a diff of the part's text then and now), counted so tests can check each is worked out once per version. */
export const verdictWork = { diffs: 0 };

type Computed = { changed: boolean; changes: VerdictChanges | null; passage: string };

type Row = Omit<typeof reviewVerdicts.$inferSelect, 'reportId' | 'sectionText' | 'reviewerId'>;

/**
 * Whether each verdict's passage (lib/domain/verdict-passage.ts) changed since, and for 需修改 what changed: kept with
 * the verdict against its part's version, so a verdict is compared with its part at most once per version of the part
 * (the texts of the parts are read only when one is due). Verdicts on the same passage share one diff. Verdicts from
 * before the passage was kept get theirs from the part's text then, once, and keep it.
 */
async function changesOf(db: Db, reportId: number, rows: Array<{ v: Row }>, checklist: Checklist) {
  const versions = new Map(
    (await db.select({ key: reportSections.sectionKey, version: reportSections.version }).from(reportSections).where(eq(reportSections.reportId, reportId))).map(
      (r) => [r.key, r.version],
    ),
  );
  const out = new Map<number, Computed>();
  const due = rows.filter(({ v }) => {
    const key = findChecklistItem(checklist, v.itemId)?.section;
    const version = key ? versions.get(key) : undefined;
    if (version === undefined) return false;
    if (v.changesVersion === version && v.passage !== null) {
      out.set(v.id, { changed: v.changed, changes: v.verdict === 'fix' ? v.changes : null, passage: v.passage });
      return false;
    }
    return true;
  });
  if (!due.length) return out;
  const texts = new Map(
    (await db.select({ key: reportSections.sectionKey, t: reportSections.plainText }).from(reportSections).where(eq(reportSections.reportId, reportId))).map(
      (r) => [r.key, r.t],
    ),
  );
  // The whole texts the due verdicts were given on are read only for verdicts from before the passage was kept (a
  // verdict given since carries its passage, and its part's text then need not be read at all).
  const legacy = due.filter(({ v }) => v.passage === null).map(({ v }) => v.id);
  const before = new Map(
    legacy.length
      ? (
          await db
            .select({ id: reviewVerdicts.id, t: reviewVerdicts.sectionText })
            .from(reviewVerdicts)
            .where(and(eq(reviewVerdicts.reportId, reportId), inArray(reviewVerdicts.id, legacy)))
        ).map((r) => [r.id, r.t])
      : [],
  );
  const shared = new Map<string, VerdictChanges | null>();
  const fresh: Array<{ id: number; updatedAt: Date; version: number; keepPassage: boolean } & Computed> = [];
  for (const { v } of due) {
    const item = findChecklistItem(checklist, v.itemId)!;
    const then = v.passage === null ? before.get(v.id) : undefined;
    if (v.passage === null && then === undefined) continue; // taken back meanwhile
    const given = v.passage ?? verdictPassage(then!, item);
    const now = verdictPassage(texts.get(item.section) ?? '', item);
    const changed = now !== given;
    let changes: VerdictChanges | null = null;
    if (v.verdict === 'fix' && changed) {
      const memo = `${item.section}\u0000${given}\u0000${now}`;
      if (!shared.has(memo)) {
        verdictWork.diffs++;
        shared.set(memo, changesSince(given, now));
      }
      changes = shared.get(memo)!;
    }
    out.set(v.id, { changed, changes, passage: given });
    fresh.push({ id: v.id, updatedAt: v.updatedAt, version: versions.get(item.section)!, changed, changes, passage: given, keepPassage: v.passage === null });
  }
  await withTx(db, async (tx) => {
    for (const f of fresh) {
      // Only over the same verdict (not given again meanwhile: giving it stamps updatedAt) and never over a newer
      // version's. The passage is written only where it was not kept yet.
      await tx
        .update(reviewVerdicts)
        .set({ changesVersion: f.version, changed: f.changed, changes: f.changes, ...(f.keepPassage ? { passage: f.passage } : {}) })
        .where(
          and(
            eq(reviewVerdicts.id, f.id),
            eq(reviewVerdicts.updatedAt, f.updatedAt),
            or(isNull(reviewVerdicts.changesVersion), lt(reviewVerdicts.changesVersion, f.version)),
          ),
        );
    }
  });
  return out;
}

/** Every verdict on a report, in the order of the report's parts and checklists, for everyone who may read it. */
export async function listVerdicts(db: Db, actor: Actor, reportId: number): Promise<VerdictView[]> {
  const { report, township } = await loadReportInScope(db, actor, reportId);
  const checklist = await seasonChecklist(db, report.year, township.countyId);
  const order = itemOrder(checklist);
  const rows = (
    await db
      .select({
        v: {
          id: reviewVerdicts.id,
          itemId: reviewVerdicts.itemId,
          verdict: reviewVerdicts.verdict,
          note: reviewVerdicts.note,
          updatedAt: reviewVerdicts.updatedAt,
          changesVersion: reviewVerdicts.changesVersion,
          changed: reviewVerdicts.changed,
          changes: reviewVerdicts.changes,
          passage: reviewVerdicts.passage,
          doneNote: reviewVerdicts.doneNote,
          doneBy: reviewVerdicts.doneBy,
          doneAt: reviewVerdicts.doneAt,
        },
        reviewerName: users.displayName,
      })
      .from(reviewVerdicts)
      .innerJoin(users, eq(users.id, reviewVerdicts.reviewerId))
      .where(eq(reviewVerdicts.reportId, report.id))
  ).sort((a, b) => (order.get(a.v.itemId) ?? Infinity) - (order.get(b.v.itemId) ?? Infinity));
  const computed = await changesOf(db, report.id, rows, checklist);
  const doneIds = [...new Set(rows.flatMap(({ v }) => (v.doneBy === null ? [] : [v.doneBy])))];
  const doneNames = new Map(doneIds.length ? (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, doneIds))).map((u) => [u.id, u.name]) : []);
  return rows.flatMap(({ v, reviewerName }) => {
    const item = findChecklistItem(checklist, v.itemId);
    if (!item) return [];
    const c = computed.get(v.id) ?? { changed: false, changes: null, passage: v.passage ?? '' };
    return [
      {
        itemId: v.itemId,
        label: item.label,
        sectionKey: item.section,
        sectionLabel: SECTION_LABELS[item.section],
        verdict: v.verdict,
        note: v.note,
        reviewerName,
        updatedAt: v.updatedAt.toISOString(),
        passage: c.passage,
        changed: c.changed,
        changes: c.changes,
        done: v.doneNote !== null && v.doneAt ? { note: v.doneNote, byName: v.doneBy === null ? null : (doneNames.get(v.doneBy) ?? null), at: v.doneAt.toISOString() } : null,
      },
    ];
  });
}

/** 200 from PUT /api/reports/:id/verdicts/:itemId/done. */
export type VerdictDone = { verdict: VerdictView };
/** 200 from PUT /api/reports/:id/verdicts/:itemId (null: the verdict was taken back). */
export type VerdictSaved = { verdict: VerdictView | null };
