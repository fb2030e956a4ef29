// Per-item verdicts: while a report waits for review, the reviewer marks checklist items 通过 or 需修改 with a note;
// once returned, the 需修改 items are the drafter's to-do list, each ticked off when its part's text has changed
// since the verdict; on resubmission the reviewer sees, per item, what changed in its part since. What changed is
// worked out once per version of the part and kept with the verdict (changesVersion), not on every view.
import { one, withTx } from '@/db/tx';
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { reportSections, reviewVerdicts, users, type VerdictChanges } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/domain/permissions';
import { CHECKLISTS, findChecklistItem } from '@/lib/domain/checklists';
import { SECTION_LABELS } from '@/lib/domain/sections';
import { VERDICTS, type Verdict } from '@/lib/domain/vocabulary';
import { loadReportInScope } from '@/lib/reports/service';
import { AppError } from '@/lib/shared/errors';
import { parseInput, textField } from '@/lib/shared/validation';
import { limit } from '@/lib/shared/limits';
import { snapBack } from '@/lib/shared/text';
import { diffExcerpt, diffStats, diffTextDetailed, type DiffPart } from '@/lib/domain/diff';

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
  /** The item's part has changed since the verdict (the drafter's to-do is done; the reviewer sees what changed). */
  changed: boolean;
  /**
   * For a 需修改 item whose part changed: what changed since the verdict, long unchanged stretches cut (…), at most
   * verdictChangesChars characters shown (`cut` when there was more); the counts are of the whole change.
   */
  changes: { parts: DiffPart[]; inserted: number; deleted: number; cut?: boolean } | null;
};

function changesSince(before: string, now: string): VerdictView['changes'] {
  if (before === now) return null;
  const { parts } = diffTextDetailed(before, now);
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
  const { report } = await loadReportInScope(db, actor, reportId, 'report.review');
  if (report.status !== 'submitted') throw new AppError('forbidden', '只有待审核的报告可以给出逐项审核意见。');
  const item = findChecklistItem(itemId);
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
    await tx
      .insert(reviewVerdicts)
      .values(values)
      .onConflictDoUpdate({
        target: [reviewVerdicts.reportId, reviewVerdicts.itemId],
        // Given again: the text it is compared with is the part's now, so what changed is worked out afresh.
        set: { verdict: values.verdict, note: values.note, sectionText: values.sectionText, reviewerId: actor.id, updatedAt: now, changesVersion: null },
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
      changed: false,
      changes: null,
    };
  });
}

/** Checklist items in reading order: the parts in order, each part's items as its checklist lists them. */
const ITEM_ORDER = new Map(Object.values(CHECKLISTS).flatMap((items) => items.map((i) => i.id)).map((id, n) => [id, n]));

/** Verdicts whose changes were worked out (a diff of the part's text then and now), counted so tests can check each is worked out once per version. */
export const verdictWork = { diffs: 0 };

type Computed = { changed: boolean; changes: VerdictChanges | null };

type Row = Omit<typeof reviewVerdicts.$inferSelect, 'reportId' | 'sectionText' | 'reviewerId'>;

/**
 * Whether each verdict's part changed since, and for 需修改 what changed: kept with the verdict against the part's
 * version, so a verdict is compared with its part at most once per version of the part (the texts of the parts are
 * read only when one is due). Verdicts given on the same text share one diff.
 */
async function changesOf(db: Db, reportId: number, rows: Array<{ v: Row }>, section: (itemId: string) => string | null) {
  const versions = new Map(
    (await db.select({ key: reportSections.sectionKey, version: reportSections.version }).from(reportSections).where(eq(reportSections.reportId, reportId))).map(
      (r) => [r.key, r.version],
    ),
  );
  const out = new Map<number, Computed>();
  const due = rows.filter(({ v }) => {
    const key = section(v.itemId);
    const version = key ? versions.get(key) : undefined;
    if (version !== undefined && v.changesVersion === version) out.set(v.id, { changed: v.changed, changes: v.verdict === 'fix' ? v.changes : null });
    return version !== undefined && v.changesVersion !== version;
  });
  if (!due.length) return out;
  const texts = new Map(
    (await db.select({ key: reportSections.sectionKey, t: reportSections.plainText }).from(reportSections).where(eq(reportSections.reportId, reportId))).map(
      (r) => [r.key, r.t],
    ),
  );
  // The texts the due verdicts were given on, read only now (the others need not be read at all).
  const before = new Map(
    (
      await db
        .select({ id: reviewVerdicts.id, t: reviewVerdicts.sectionText })
        .from(reviewVerdicts)
        .where(and(eq(reviewVerdicts.reportId, reportId), inArray(reviewVerdicts.id, due.map(({ v }) => v.id))))
    ).map((r) => [r.id, r.t]),
  );
  const shared = new Map<string, VerdictChanges | null>();
  const fresh: Array<{ id: number; before: string; version: number } & Computed> = [];
  for (const { v } of due) {
    const key = section(v.itemId)!;
    const now = texts.get(key) ?? '';
    const then = before.get(v.id);
    if (then === undefined) continue; // taken back meanwhile
    const changed = now !== then;
    let changes: VerdictChanges | null = null;
    if (v.verdict === 'fix' && changed) {
      const memo = `${key}\u0000${then}`;
      if (!shared.has(memo)) {
        verdictWork.diffs++;
        shared.set(memo, changesSince(then, now));
      }
      changes = shared.get(memo)!;
    }
    out.set(v.id, { changed, changes });
    fresh.push({ id: v.id, before: then, version: versions.get(key)!, changed, changes });
  }
  await withTx(db, async (tx) => {
    for (const f of fresh) {
      // Only over the same verdict (not given again meanwhile) and never over a newer version's.
      await tx
        .update(reviewVerdicts)
        .set({ changesVersion: f.version, changed: f.changed, changes: f.changes })
        .where(
          and(
            eq(reviewVerdicts.id, f.id),
            eq(reviewVerdicts.sectionText, f.before),
            or(isNull(reviewVerdicts.changesVersion), lt(reviewVerdicts.changesVersion, f.version)),
          ),
        );
    }
  });
  return out;
}

/** Every verdict on a report, in the order of the report's parts and checklists, for everyone who may read it. */
export async function listVerdicts(db: Db, actor: Actor, reportId: number): Promise<VerdictView[]> {
  const { report } = await loadReportInScope(db, actor, reportId);
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
        },
        reviewerName: users.displayName,
      })
      .from(reviewVerdicts)
      .innerJoin(users, eq(users.id, reviewVerdicts.reviewerId))
      .where(eq(reviewVerdicts.reportId, report.id))
  ).sort((a, b) => (ITEM_ORDER.get(a.v.itemId) ?? Infinity) - (ITEM_ORDER.get(b.v.itemId) ?? Infinity));
  const computed = await changesOf(db, report.id, rows, (itemId) => findChecklistItem(itemId)?.section ?? null);
  return rows.flatMap(({ v, reviewerName }) => {
    const item = findChecklistItem(v.itemId);
    if (!item) return [];
    const c = computed.get(v.id) ?? { changed: false, changes: null };
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
        changed: c.changed,
        changes: c.changes,
      },
    ];
  });
}

/** 200 from PUT /api/reports/:id/verdicts/:itemId (null: the verdict was taken back). */
export type VerdictSaved = { verdict: VerdictView | null };
