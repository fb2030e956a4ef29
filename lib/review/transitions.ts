// Moving a report through the review workflow: checked against the table, snapshotted, audited; and its timeline.
import { one, withTx } from '@/db/tx';
import { and, asc, desc, eq, gte, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { auditEvents, comments, reportSections, reports, reviewVerdicts, suggestions, users, type PublicationMask, type Report } from '@/db/schema';
import { scanForPublication, type PublicationFinding } from '@/lib/domain/privacy';
import { isHeadedSectionKey, partHeadingLines, type TownshipKind } from '@/lib/domain/template';
import { townshipHeadings } from '@/lib/season/store';
import { chinaDate, formatDocumentDate } from '@/lib/shared/format';
import { limit, limitMessage } from '@/lib/shared/limits';
import { BODY_SECTION_KEYS, isBodySectionKey, SECTION_LABELS } from '@/lib/domain/sections';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/domain/permissions';
import { AppError } from '@/lib/shared/errors';
import { STATUS_LABELS } from '@/lib/domain/labels';
import { loadReportInScope } from '@/lib/reports/service';
import { isoDateSchema, parseInput, textField } from '@/lib/shared/validation';
import { createVersion } from './versions';
import { canTransitionFrom, TRANSITION_NAMES, TRANSITIONS, type TransitionName } from '@/lib/domain/workflow';
import { ACTION_LABELS } from '@/lib/audit/describe';

const transitionSchema = z.object({
  transition: z.enum(TRANSITION_NAMES as [TransitionName, ...TransitionName[]], { error: '未知的操作。' }),
});
const returnSchema = z.object({
  reason: textField({ error: '请填写退回原因。' })
    .trim()
    .min(1, { error: '请填写退回原因，说明需要修改什么。' })
    .max(1000, { error: '退回原因不能超过 1000 个字。' }),
});
const overrideReason = textField({ error: '理由格式无效。' })
  .trim()
  .min(4, { error: '请写明仍要公开的理由（至少 4 个字）。' })
  .max(500, { error: '理由不能超过 500 个字。' });
const publishSchema = z.object({
  url: textField({ error: '请填写公开网址。' })
    .trim()
    .max(500, { error: '网址太长。' })
    .regex(/^https?:\/\/[^\s<>"]+$/i, { error: '请填写以 http:// 或 https:// 开头的公开网址。' }),
  date: isoDateSchema('发布日期'),
  // Why the 公开稿 may go out although the 公开前检查 found something in it (audited): one reason per finding, by the
  // finding's key, or one `override` for every finding not given its own.
  override: overrideReason.optional(),
  overrides: z
    .record(textField().max(300, { error: '检查项标识太长。' }), overrideReason, { error: '逐项理由格式无效。' })
    .refine((o) => Object.keys(o).length <= 200, { error: '逐项理由最多 200 条。' })
    .optional(),
  // What the 公开稿 shows instead of a finding (by its key): masked in the published text only, the report unchanged.
  masks: z
    .record(textField().max(300, { error: '检查项标识太长。' }), textField({ error: '遮盖文字格式无效。' }).max(limit('maskChars'), { error: limitMessage('maskChars') }), { error: '遮盖格式无效。' })
    .refine((o) => Object.keys(o).length <= limit('publicationMasks'), { error: limitMessage('publicationMasks') })
    .optional(),
});

/** A 发布日期 is a real day, not after today (in China) and not before the report's 成文日期. */
function checkPublishedDate(date: string, documentDate: string | null, now: Date): void {
  const today = chinaDate(now);
  if (date > today) throw new AppError('bad_request', `发布日期不能晚于今天（${formatDocumentDate(today)}）。`);
  if (documentDate && date < documentDate) throw new AppError('bad_request', `发布日期不能早于成文日期（${formatDocumentDate(documentDate)}）。`);
}

/** Stores the frozen 公开稿 of a publication inside its transaction (lib/publication/snapshot.ts). */
export type PublicationSnapshot = (
  tx: Db,
  report: Report,
  publication: { url: string | null; date: string; masks: PublicationMask[]; actorId: number; now: Date },
) => Promise<{ id: number; seq: number; sha256: string }>;

/**
 * Everything the 公开稿 prints, as the public page and the 公开稿 exports show it (lib/export/document.ts): the title,
 * each part that has text with its heading (the township's own wording or the template's) and its text, tables
 * included, and the 落款 — the signature organs (also the record's 发布机构) and the date. 主送 and 抄送 are left out of
 * the 公开稿, so they are not scanned.
 */
async function publicationFindings(db: Db, report: Report, township: { countyId: number; kind: TownshipKind }): Promise<PublicationFinding[]> {
  const rows = await db
    .select({ key: reportSections.sectionKey, text: reportSections.plainText })
    .from(reportSections)
    .where(eq(reportSections.reportId, report.id));
  const order = new Map<string, number>(BODY_SECTION_KEYS.map((k, i) => [k, i]));
  rows.sort((a, b) => (order.get(a.key) ?? 99) - (order.get(b.key) ?? 99));
  const headings = partHeadingLines(report.year, report.partHeadings, await townshipHeadings(db, report.year, township));
  const label = (key: string) => (isBodySectionKey(key) ? SECTION_LABELS[key] : key);
  return scanForPublication([
    { where: '标题', text: report.title },
    ...rows
      .filter((r) => r.text.trim())
      .flatMap((r) => [...(isHeadedSectionKey(r.key) ? [{ where: `${label(r.key)}的标题`, text: headings[r.key] }] : []), { where: label(r.key), text: r.text }]),
    { where: '落款', text: [...report.signatureOrgans, formatDocumentDate(report.documentDate)].filter(Boolean).join('\n') },
  ]);
}

/**
 * What a reviewer has done on a submission since it was submitted: 批注 (replies included), 修订 and 逐项审核意见 by
 * anyone other than the township's drafters. A submission someone has started reviewing cannot be withdrawn.
 */
export async function reviewStartedOn(db: Db, report: Report): Promise<{ comments: number; suggestions: number; verdicts: number }> {
  const submit = await one(
    db
      .select({ at: auditEvents.at })
      .from(auditEvents)
      .where(and(eq(auditEvents.reportId, report.id), eq(auditEvents.action, 'report.transition')))
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(1),
  );
  const since = submit?.at ?? report.updatedAt;
  const notDrafter = ne(users.role, 'drafter');
  // One after another: inside a transaction the queries share one connection.
  const c = await db.select({ id: comments.id }).from(comments).innerJoin(users, eq(users.id, comments.authorId)).where(and(eq(comments.reportId, report.id), gte(comments.createdAt, since), notDrafter)).limit(1000);
  const s = await db.select({ id: suggestions.id }).from(suggestions).innerJoin(users, eq(users.id, suggestions.authorId)).where(and(eq(suggestions.reportId, report.id), gte(suggestions.createdAt, since), notDrafter)).limit(1000);
  const v = await db.select({ id: reviewVerdicts.id }).from(reviewVerdicts).where(and(eq(reviewVerdicts.reportId, report.id), gte(reviewVerdicts.updatedAt, since))).limit(1000);
  return { comments: c.length, suggestions: s.length, verdicts: v.length };
}

async function refuseWithdrawIfReviewed(db: Db, report: Report): Promise<void> {
  const started = await reviewStartedOn(db, report);
  const what = [
    started.comments ? `${started.comments} 条批注` : '',
    started.suggestions ? `${started.suggestions} 条修订` : '',
    started.verdicts ? `${started.verdicts} 项逐项审核意见` : '',
  ].filter(Boolean);
  if (what.length) throw new AppError('conflict', `审核人已开始审核（已有${what.join('、')}），不能再撤回。如需修改，请联系审核人退回。`);
}

/** `snapshot` freezes the 公开稿 at 登记公开 (the publication feature passes it; the review rung cannot build it). */
export async function transitionReport(db: Db, actor: Actor, reportId: number, raw: unknown, opts: { snapshot?: PublicationSnapshot } = {}): Promise<Report> {
  const { transition } = parseInput(transitionSchema, raw);
  const t = TRANSITIONS[transition];
  const { report, township } = await loadReportInScope(db, actor, reportId, t.action);
  if (!canTransitionFrom(transition, report.status)) {
    throw new AppError('conflict', `报告当前为“${STATUS_LABELS[report.status]}”，不能${t.label}。请刷新页面查看最新状态。`);
  }
  const reason = transition === 'return' ? parseInput(returnSchema, raw).reason : undefined;
  const publication = transition === 'publish' ? parseInput(publishSchema, raw) : undefined;
  const now = new Date();
  if (publication) checkPublishedDate(publication.date, report.documentDate, now);
  // 公开前检查: personal information or a 秘密 / 内部 marker in the 公开稿 stops publication until it is fixed, masked in
  // the 公开稿, or the finalising drafter says why it may go out anyway.
  const findings = publication ? await publicationFindings(db, report, township) : [];
  const maskFor = (key: string) => publication?.masks?.[key];
  const reasonFor = (key: string) => (maskFor(key) === undefined ? (publication?.overrides?.[key] ?? publication?.override) : undefined);
  const open = findings.filter((f) => maskFor(f.key) === undefined && !reasonFor(f.key));
  const masks: PublicationMask[] = findings.flatMap((f) => {
    const replacement = maskFor(f.key);
    return replacement === undefined ? [] : [{ finding: `${f.where}：${f.text}`, text: f.text, replacement }];
  });
  const overridden = findings.filter((f) => reasonFor(f.key));
  if (open.length) {
    throw new AppError(
      'conflict',
      `公开稿中发现 ${open.length} 处可能不宜公开的内容：${open
        .slice(0, 5)
        .map((f) => f.message)
        .join('；')}${open.length > 5 ? '；……' : ''}。请修改后再登记公开，或逐项在公开稿中遮盖；确需公开的，请逐项写明理由。`,
      { findings: open },
    );
  }
  return await withTx(db, async (tx) => {
    // Checked inside the transaction, so a reviewer's first comment and the withdrawal cannot pass each other.
    if (transition === 'withdraw') await refuseWithdrawIfReviewed(tx, report);
    // Compare-and-swap on the status: two reviewers clicking at once cannot both move it.
    const updated = await one(
      tx
        .update(reports)
        .set({
          status: t.to,
          updatedAt: now,
          updatedBy: actor.id,
          ...(publication ? { publishedUrl: publication.url, publishedDate: publication.date } : {}),
        })
        .where(and(eq(reports.id, report.id), eq(reports.status, report.status)))
        .returning(),
    );
    if (!updated) throw new AppError('conflict', '报告状态刚刚被他人改变，请刷新页面查看最新状态。');
    const version = await createVersion(tx, { reportId: report.id, kind: 'transition', label: t.label, transition, actorId: actor.id, at: now });
    const frozen = publication && opts.snapshot ? await opts.snapshot(tx, updated, { url: publication.url, date: publication.date, masks, actorId: actor.id, now }) : null;
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'report.transition',
      reportId: report.id,
      detail: {
        transition,
        from: report.status,
        to: t.to,
        versionId: version.id,
        ...(reason ? { reason } : {}),
        ...(publication ? { url: publication.url, date: publication.date } : {}),
        ...(overridden.length ? { privacyOverrides: overridden.map((f) => ({ finding: `${f.where}：${f.text}`, reason: reasonFor(f.key) })) } : {}),
        ...(masks.length ? { masks: masks.map((m) => ({ finding: m.finding, replacement: m.replacement })) } : {}),
        ...(frozen ? { publicationId: frozen.id, publicationSeq: frozen.seq, sha256: frozen.sha256 } : {}),
      },
    });
    return updated;
  });
}

export type TimelineEntry = {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  transition: TransitionName | null;
  from: string | null;
  to: string | null;
  reason: string | null;
  url: string | null;
  label: string;
};

export async function reportTimeline(db: Db, actor: Actor, reportId: number): Promise<TimelineEntry[]> {
  const { report } = await loadReportInScope(db, actor, reportId);
  return (
    await db
      .select({ e: auditEvents, actorName: users.displayName })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(eq(auditEvents.reportId, report.id))
      .orderBy(asc(auditEvents.at), asc(auditEvents.id))
  ).map(({ e, actorName }) => {
    const d = (e.detail ?? {}) as Record<string, unknown>;
    const transition = typeof d.transition === 'string' && Object.hasOwn(TRANSITIONS, d.transition) ? (d.transition as TransitionName) : null;
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    return {
      id: e.id,
      at: e.at.toISOString(),
      actorName,
      action: e.action,
      transition,
      from: str(d.from),
      to: str(d.to),
      reason: str(d.reason),
      url: str(d.url),
      // Every recorded action has a Chinese name (one list, lib/audit/describe.ts).
      label: transition ? TRANSITIONS[transition].label : (ACTION_LABELS[e.action] ?? e.action),
    };
  });
}

/** 200 from POST /api/reports/:id/transitions. */
export type TransitionOk = { status: Report['status'] };
/** 409 from the same route when 公开前检查 found something, besides error and code: each finding still without a reason. */
export type PublishRefused = { findings: PublicationFinding[] };
