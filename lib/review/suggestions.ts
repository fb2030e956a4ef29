// Reviewers' suggested changes (修订), kept beside the text like comments: a quoted passage (or a point, for an
// insertion) and what should stand there. The drafter accepts one (the part is written by the same writer as typing,
// writeSection's compare-and-set, and the accept takes a version of its own) or rejects it; a suggestion whose
// passage was changed since shows 原文已改动 and cannot be accepted blindly.
// Longer than most files: making, placing, listing, accepting, rejecting and importing suggestions share one anchor
// model and one view of a suggestion.
import { one, withTx, write, found } from '@/db/tx';
import { and, asc, count, desc, eq, gt, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { preparedFor } from '@/db/prepared';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { reportSections, suggestions, users, type CommentAnchor, type Suggestion } from '@/db/schema';
import { displayNames } from '@/lib/directory/accounts';
import { recordAudit } from '@/lib/audit/record';
import { can, type Actor } from '@/lib/domain/permissions';
import { snapshotOf, writeSection, type SectionSnapshot } from '@/lib/reports/sections';
import { checkDocLimits } from '@/lib/editor/doc-limits';
import { editDocument } from '@/lib/editor/text-edits';
import { isBodySectionKey, SECTION_LABELS, type BodySectionKey } from '@/lib/domain/sections';
import { docToText, type TiptapNode } from '@/lib/domain/tiptap-doc';
import type { ReportStatus, SuggestionState } from '@/lib/domain/vocabulary';
import { loadReportInScope } from '@/lib/reports/service';
import { AppError } from '@/lib/shared/errors';
import { limit, limitMessage, overLimit } from '@/lib/shared/limits';
import { parseInput, quoteField, textField } from '@/lib/shared/validation';
import { describePlace, locateInParts, locateSuggestion, placeSuggestion, type AnchorMatch } from '@/lib/domain/anchor';

export { locateSuggestion } from '@/lib/domain/anchor';
import { createVersion } from './versions';
import { isEditableStatus, LOCKED_MESSAGES } from '@/lib/domain/workflow';
import { assertReviewQuota } from './quota';
import { repliesBySuggestion, type SuggestionReplyView } from './suggestion-replies';

const anchorSchema = z.object({
  exact: quoteField({ error: '修订的原文格式无效。' }).max(limit('anchorQuoteChars'), { error: limitMessage('anchorQuoteChars') }),
  prefix: textField()
    .max(limit('anchorContextChars'), { error: limitMessage('anchorContextChars') })
    .default(''),
  suffix: textField()
    .max(limit('anchorContextChars'), { error: limitMessage('anchorContextChars') })
    .default(''),
  start: z.number({ error: '修订的位置无效。' }).int({ error: '修订的位置无效。' }).min(0, { error: '修订的位置无效。' }).max(10_000_000),
});

const createSchema = z.object({
  sectionKey: z.string({ error: '请选择报告的一个部分。' }).refine(isBodySectionKey, { error: '报告中没有这个部分。' }),
  anchor: anchorSchema,
  // Sizes are checked after parsing, so an oversize text answers 413 like every other size limit.
  replacement: textField({ error: '请填写建议的文字（删除时为空）。' }),
  reason: textField({ error: '修订理由格式无效。' }).trim().nullable().default(null),
});
export type SuggestionInput = z.infer<typeof createSchema>;

const decideSchema = z.object({
  // The version of the part the drafter's editor holds; a newer one on the server answers 409 with both texts.
  version: z.number({ error: '版本号无效。' }).int().positive().optional(),
});

export type SuggestionView = {
  id: number;
  sectionKey: BodySectionKey;
  authorName: string;
  anchor: CommentAnchor;
  replacement: string;
  reason: string | null;
  state: SuggestionState;
  /** Where the passage (or the insertion point) is in the part's current text; null when it cannot be found exactly. */
  position: { start: number; end: number } | null;
  /** Pending, but the passage was changed since (原文已改动): what stands there now, if a similar passage is found. */
  changed: { now: string | null } | null;
  createdAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  replies: SuggestionReplyView[];
  /** Filed from a reviewed Word file (its author is the name the tracked change carried): shown as 来自 Word. */
  fromWord: boolean;
  /** Who wrote or filed it: the one who may withdraw it while it is pending. */
  filedById: number;
};

async function sectionRow(db: Db, reportId: number, key: string) {
  return found(
    db
      .select()
      .from(reportSections)
      .where(and(eq(reportSections.reportId, reportId), eq(reportSections.sectionKey, key))),
    '报告中没有这个部分。',
  );
}

/** A suggestion as readers see it; `place` is its stored place in `text` (located here when not given). */
function view(
  s: Suggestion,
  authorName: string,
  decidedByName: string | null,
  text: string,
  replies: SuggestionReplyView[] = [],
  place?: AnchorMatch | null,
): SuggestionView {
  const where = s.state === 'pending' ? describePlace(text, place === undefined ? placeSuggestion(text, s.anchor) : place) : { exact: null, near: null };
  return {
    id: s.id,
    sectionKey: s.sectionKey as BodySectionKey,
    authorName,
    anchor: s.anchor,
    replacement: s.replacement,
    reason: s.reason,
    state: s.state,
    position: where.exact,
    changed: s.state === 'pending' && !where.exact ? { now: where.near } : null,
    createdAt: s.createdAt.toISOString(),
    decidedByName,
    decidedAt: s.decidedAt ? s.decidedAt.toISOString() : null,
    replies,
    fromWord: s.authorName !== null,
    filedById: s.authorId,
  };
}

/**
 * A page of a report's suggestions (GET /api/reports/:id/suggestions?state=&order=&limit=&after=): `state` pending,
 * accepted, rejected or decided (both); `order` oldest (the default) or newest first; `limit` up to suggestionsPage,
 * which is also the default, so a report within its cap comes whole; `after` the `next` of the page before.
 */
const pageSchema = z.object({
  state: z.enum(['pending', 'accepted', 'rejected', 'decided'], { error: '修订状态只能是 pending、accepted、rejected 或 decided。' }).optional(),
  order: z.enum(['oldest', 'newest'], { error: '排序只能是 oldest 或 newest。' }).default('oldest'),
  limit: z.coerce
    .number({ error: '每页条数无效。' })
    .int({ error: '每页条数无效。' })
    .min(1, { error: '每页条数无效。' })
    .max(limit('suggestionsPage'), { error: limitMessage('suggestionsPage') })
    .default(limit('suggestionsPage')),
  after: z.coerce.number({ error: '分页位置无效。' }).int({ error: '分页位置无效。' }).min(0, { error: '分页位置无效。' }).max(2 ** 31, { error: '分页位置无效。' }).optional(),
});
export type SuggestionPageQuery = z.input<typeof pageSchema>;
type PageQuery = z.output<typeof pageSchema>;

/** Suggestions placed by a listing (located in their part's text), counted so tests can check each is placed once per version. */
export const placementWork = { located: 0 };

type Part = { version: number; text: string };

// A suggestion's place, stored once per version of its part: the first view after a part changed writes up to a page
// of them, so the statement is prepared once per connection (db/prepared.ts) instead of built for each row. Never over
// a place worked out meanwhile against a newer version (another view, another instance). Placeholders inside sql``
// are bound as given, so the caller passes driver values.
const storePlace = preparedFor('suggestion_place', (db) =>
  db
    .update(suggestions)
    .set({
      placedVersion: sql`${sql.placeholder('version')}`,
      placedStart: sql`${sql.placeholder('start')}`,
      placedEnd: sql`${sql.placeholder('end')}`,
      placedExact: sql`${sql.placeholder('exact')}`,
    })
    .where(and(eq(suggestions.id, sql.placeholder('id')), or(isNull(suggestions.placedVersion), lt(suggestions.placedVersion, sql.placeholder('version'))))),
);

/**
 * The place of each pending suggestion in its part's current text. A suggestion carries the place found at a version
 * of its part; only one placed at another version (or never) is located again, and its new place is stored, so each
 * is located at most once per version of its part, however often the report is viewed. The locating is bounded
 * (lib/domain/anchor.ts) and a page holds at most suggestionsPage suggestions.
 */
async function placesOf(db: Db, reportId: number, rows: Suggestion[]): Promise<{ parts: Map<string, Part>; places: Map<number, AnchorMatch | null> }> {
  const places = new Map<number, AnchorMatch | null>();
  const pending = rows.filter((s) => s.state === 'pending');
  if (!pending.length) return { parts: new Map(), places };
  const parts = new Map<string, Part>(
    (
      await db
        .select({ key: reportSections.sectionKey, version: reportSections.version, text: reportSections.plainText })
        .from(reportSections)
        .where(eq(reportSections.reportId, reportId))
    ).map((r) => [r.key, { version: r.version, text: r.text }]),
  );
  const fresh: Array<{ id: number; version: number; at: AnchorMatch | null }> = [];
  for (const s of pending) {
    const part = parts.get(s.sectionKey);
    if (!part) {
      places.set(s.id, null);
    } else if (s.placedVersion === part.version) {
      places.set(s.id, s.placedStart === null || s.placedEnd === null ? null : { start: s.placedStart, end: s.placedEnd, exact: s.placedExact });
    } else {
      placementWork.located++;
      const at = placeSuggestion(part.text, s.anchor);
      places.set(s.id, at);
      fresh.push({ id: s.id, version: part.version, at });
    }
  }
  if (fresh.length) {
    await withTx(db, async (tx) => {
      const statement = storePlace(tx);
      for (const f of fresh) {
        await statement.execute({
          id: f.id,
          version: f.version,
          start: f.at?.start ?? null,
          end: f.at?.end ?? null,
          exact: suggestions.placedExact.mapToDriverValue(f.at?.exact ?? false),
        });
      }
    });
  }
  return { parts, places };
}

function stateWhere(state: PageQuery['state']): SQL | undefined {
  if (!state) return undefined;
  return state === 'decided' ? ne(suggestions.state, 'pending') : eq(suggestions.state, state);
}

/** One page of a report already in the actor's scope. */
async function pageOf(db: Db, actor: Actor, reportId: number, q: PageQuery): Promise<SuggestionList> {
  const newest = q.order === 'newest';
  const cursor = q.after === undefined ? undefined : newest ? lt(suggestions.id, q.after) : gt(suggestions.id, q.after);
  const rows = await db
    .select()
    .from(suggestions)
    .where(and(eq(suggestions.reportId, reportId), stateWhere(q.state), cursor))
    .orderBy(newest ? desc(suggestions.id) : asc(suggestions.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const total =
    rows.length <= q.limit && q.after === undefined
      ? page.length
      : ((await one(db.select({ n: count() }).from(suggestions).where(and(eq(suggestions.reportId, reportId), stateWhere(q.state)))))?.n ?? 0);
  const { parts, places } = await placesOf(db, reportId, page);
  const names = await displayNames(
    db,
    page.flatMap((s) => (s.decidedBy ? [s.authorId, s.decidedBy] : [s.authorId])),
  );
  const replies = page.length ? await repliesBySuggestion(db, actor, reportId) : new Map<number, SuggestionReplyView[]>();
  return {
    suggestions: page.map((s) =>
      view(
        s,
        authorLabel(s, names.get(s.authorId) ?? ''),
        s.decidedBy ? (names.get(s.decidedBy) ?? null) : null,
        parts.get(s.sectionKey)?.text ?? '',
        replies.get(s.id) ?? [],
        s.state === 'pending' ? (places.get(s.id) ?? null) : null,
      ),
    ),
    next: rows.length > q.limit ? page[page.length - 1]!.id : null,
    total,
  };
}

/** A page of a report's suggestions, each pending one placed in its part's current text. Readers of the report only. */
export async function listSuggestionPage(db: Db, actor: Actor, reportId: number, raw: unknown = {}): Promise<SuggestionList> {
  const { report } = await loadReportInScope(db, actor, reportId);
  return pageOf(db, actor, report.id, parseInput(pageSchema, raw ?? {}));
}

/** The suggestions on a report, oldest first (the first page: every one of a report within its cap). */
export async function listSuggestions(db: Db, actor: Actor, reportId: number): Promise<SuggestionView[]> {
  return (await listSuggestionPage(db, actor, reportId)).suggestions;
}

/** What the editor page draws: every pending suggestion (up to a page) and the latest decided ones, oldest first. */
export type EditorSuggestions = { suggestions: SuggestionView[]; hidden: { pending: number; decided: number } };

export async function editorSuggestions(db: Db, actor: Actor, reportId: number): Promise<EditorSuggestions> {
  const { report } = await loadReportInScope(db, actor, reportId);
  const pending = await pageOf(db, actor, report.id, { state: 'pending', order: 'oldest', limit: limit('suggestionsPage') });
  const decided = await pageOf(db, actor, report.id, { state: 'decided', order: 'newest', limit: limit('decidedSuggestionsShown') });
  return {
    suggestions: [...pending.suggestions, ...decided.suggestions].sort((a, b) => a.id - b.id),
    hidden: { pending: pending.total - pending.suggestions.length, decided: decided.total - decided.suggestions.length },
  };
}

/** Who a suggestion is from: the reviewer, or for one imported from Word, the name its tracked change carried. */
export function authorLabel(s: Pick<Suggestion, 'authorName'>, userName: string): string {
  return s.authorName ? `${s.authorName}（Word 修订）` : userName;
}

/** A Word tracked change as read from a file (lib/import), to be filed as a suggestion. */
export type FileChange = {
  author: string;
  date: string | null;
  /** The passage the change replaces ('' for an insertion), with the text around it in its paragraph. */
  exact: string;
  prefix: string;
  suffix: string;
  /** What the change puts there ('' for a deletion). */
  replacement: string;
};

/**
 * THE gate for suggestions, wherever they come from (typed in the editor or read from a file): the actor may suggest
 * on this report (report.suggest in its scope), the report waits for review (待审核), and `adding` more suggestions
 * stay within the report's cap and the actor's hourly quota. Checked before any work, and the quota again inside the
 * writing transaction (assertSuggestionQuota), so two requests at once cannot both slip under it.
 */
export async function admitSuggestions(db: Db, actor: Actor, reportId: number, adding: number, now: Date, rule: AdmissionRule = SUGGEST_IN_REVIEW) {
  const { report } = await loadReportInScope(db, actor, reportId, rule.permission);
  if (!rule.states.includes(report.status)) throw new AppError('forbidden', rule.refusal);
  await assertSuggestionQuota(db, actor, report.id, adding, now);
  return report;
}

/** Who may add suggestions, on a report in which states: the permission and states differ by route, the caps do not. */
export type AdmissionRule = { permission: 'report.suggest' | 'report.comment'; states: readonly ReportStatus[]; refusal: string };

/** Typed in the editor or read from an imported file: a reviewer, while the report waits for review. */
export const SUGGEST_IN_REVIEW: AdmissionRule = { permission: 'report.suggest', states: ['submitted'], refusal: '只有待审核的报告可以提出修订。' };

/**
 * Filed from a reviewed Word file that came back (review-import): anyone who may comment on the report, while it is
 * in review or being revised (a drafter files the file a 分管领导 returned by e-mail; a reviewer a colleague's).
 */
export const FILE_WORD_REVIEW: AdmissionRule = {
  permission: 'report.comment',
  states: ['drafting', 'submitted', 'returned'],
  refusal: '报告已审核通过、定稿或公开，不能再登记 Word 中的修订和批注。',
};

/** The quota again, inside the writing transaction: see admitSuggestions. */
export async function assertSuggestionQuota(db: Db, actor: Actor, reportId: number, adding: number, now: Date): Promise<void> {
  const t = { table: suggestions, author: suggestions.authorId, report: suggestions.reportId, created: suggestions.createdAt };
  await assertReviewQuota(db, t, { perUserHour: 'suggestionsPerUserHour', perReport: 'suggestionsPerReport' }, actor, reportId, now, adding);
}

/**
 * Where each change's passage stands, exactly, in the parts' texts: a bounded search with no fuzzy fall-back (a change
 * read from a file either matches the text it was read with or is left out). Each change costs a few native indexOf
 * passes over the parts and their number is capped (revisionsPerCommit), so the whole is bounded by changes × text.
 */
export function locateFileChanges(
  texts: ReadonlyArray<{ key: string; text: string }>,
  changes: ReadonlyArray<FileChange>,
): Array<{ change: FileChange; key: string; start: number }> {
  const out: Array<{ change: FileChange; key: string; start: number }> = [];
  for (const c of changes) {
    if (/[\n\r]/.test(c.exact + c.replacement) || c.exact === c.replacement) continue;
    const at = locateInParts(texts, c);
    if (at) out.push({ change: c, ...at });
  }
  return out;
}

/**
 * Writes located Word changes as pending suggestions signed with their Word authors, each audited, inside the caller's
 * transaction (after its quota check). Filed now: the quotas count by this time (Word's own date of the change could
 * slip past the hourly one).
 */
export async function insertFiledSuggestions(
  tx: Db,
  actor: Actor,
  reportId: number,
  located: ReadonlyArray<{ change: FileChange; reason: string | null; key: string; start: number }>,
  now: Date,
): Promise<void> {
  for (const { change: c, reason, key, start } of located) {
    const row = (await one(
      tx
        .insert(suggestions)
        .values({
          reportId,
          sectionKey: key,
          authorId: actor.id,
          authorName: c.author,
          anchor: { exact: c.exact, prefix: c.prefix, suffix: c.suffix, start },
          replacement: c.replacement,
          reason,
          createdAt: now,
        })
        .returning({ id: suggestions.id }),
    ))!;
    await recordAudit(tx, { actorId: actor.id, action: 'suggestion.create', reportId, detail: { suggestionId: row.id, sectionKey: key, from: 'word' } });
  }
}

/**
 * Files the Word changes of a returned file as suggestions by their authors, through the one gate: the same
 * permission, state, caps and quotas as a suggestion typed in the editor, each audited. Sizes are checked first and the
 * changes located before the write transaction opens; one whose passage is found in no part is left out. Returns how
 * many were filed.
 */
export async function fileTrackedChanges(db: Db, actor: Actor, reportId: number, changes: ReadonlyArray<FileChange>, now = new Date()): Promise<number> {
  if (changes.length > limit('revisionsPerCommit')) throw overLimit('revisionsPerCommit');
  if (changes.some((c) => c.author.length > limit('revisionAuthorChars'))) throw overLimit('revisionAuthorChars');
  if (changes.some((c) => c.exact.length > limit('anchorQuoteChars'))) throw overLimit('anchorQuoteChars');
  if (changes.some((c) => c.prefix.length > limit('anchorContextChars') || c.suffix.length > limit('anchorContextChars'))) throw overLimit('anchorContextChars');
  if (changes.some((c) => c.replacement.length > limit('suggestionChars'))) throw overLimit('suggestionChars');
  const report = await admitSuggestions(db, actor, reportId, changes.length, now);
  const texts = await db
    .select({ key: reportSections.sectionKey, text: reportSections.plainText })
    .from(reportSections)
    .where(eq(reportSections.reportId, report.id));
  const located = locateFileChanges(texts, changes);
  if (located.length === 0) return 0;
  return await withTx(db, async (tx) => {
    await assertSuggestionQuota(tx, actor, report.id, located.length, now);
    await insertFiledSuggestions(tx, actor, report.id, located.map((l) => ({ ...l, reason: '导入的 Word 修订' })), now);
    return located.length;
  });
}

/** A reviewer of the county (or an admin) suggests a change while the report waits for review (待审核). */
export async function createSuggestion(db: Db, actor: Actor, reportId: number, raw: unknown, now = new Date()): Promise<SuggestionView> {
  const report = await admitSuggestions(db, actor, reportId, 1, now);
  const input = parseInput(createSchema, raw);
  if (input.replacement.length > limit('suggestionChars')) throw overLimit('suggestionChars');
  if ((input.reason ?? '').length > limit('suggestionReasonChars')) throw overLimit('suggestionReasonChars');
  const { anchor, replacement } = input;
  if (!anchor.exact && !replacement) throw new AppError('bad_request', '请选中要修改的文字，或在要插入的位置写下建议的文字。');
  if (anchor.exact === replacement) throw new AppError('bad_request', '建议的文字与原文相同。');
  if (/[\n\r]/.test(anchor.exact) || /[\n\r]/.test(replacement)) throw new AppError('bad_request', '一条修订只能在一个段落之内，请分段提出。');
  const section = await sectionRow(db, report.id, input.sectionKey);
  const text = section.plainText;
  const at = locateSuggestion(text, anchor).exact;
  if (!at) throw new AppError('conflict', '原文已改动，与所选的文字不一致。请刷新后重新选择，再提出修订。');
  const stored: CommentAnchor = { ...anchor, start: at.start };
  return await withTx(db, async (tx) => {
    await assertSuggestionQuota(tx, actor, report.id, 1, now);
    const row = (await one(
      tx
        .insert(suggestions)
        .values({
          reportId: report.id,
          sectionKey: input.sectionKey,
          authorId: actor.id,
          anchor: stored,
          replacement,
          reason: input.reason || null,
          createdAt: now,
          // Placed against the version its passage was found in, so listings need not locate it again.
          placedVersion: section.version,
          placedStart: at.start,
          placedEnd: at.end,
          placedExact: true,
        })
        .returning(),
    ))!;
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'suggestion.create',
      reportId: report.id,
      detail: { suggestionId: row.id, sectionKey: input.sectionKey },
    });
    return view(row, actor.displayName, null, text);
  });
}

async function loadForDecision(db: Db, actor: Actor, reportId: number, suggestionId: number) {
  const { report } = await loadReportInScope(db, actor, reportId, 'report.edit');
  if (!isEditableStatus(report.status)) throw new AppError('forbidden', LOCKED_MESSAGES[report.status]);
  const s = await found(
    db
      .select()
      .from(suggestions)
      .where(and(eq(suggestions.id, suggestionId), eq(suggestions.reportId, report.id))),
    '这条修订不存在。',
  );
  if (s.state !== 'pending') throw new AppError('conflict', s.state === 'accepted' ? '这条修订已被接受。' : '这条修订已被拒绝。');
  return { report, s };
}

/**
 * Records the drafter's decision on a suggestion, inside the decision's transaction, as a compare-and-set on its
 * state: only a suggestion still pending is decided, so of an accept and a reject at the same moment exactly one
 * wins; the other gets 409 and its transaction (an accept's write of the part included) rolls back.
 */
async function decide(tx: Db, id: number, state: 'accepted' | 'rejected', actor: Actor, now: Date): Promise<Suggestion> {
  const row = await one(
    write(tx, () =>
      tx
        .update(suggestions)
        .set({ state, decidedBy: actor.id, decidedAt: now })
        .where(and(eq(suggestions.id, id), eq(suggestions.state, 'pending')))
        .returning(),
    ),
  );
  if (!row) throw new AppError('conflict', '这条修订刚刚已被处理（接受或拒绝），请刷新页面查看。');
  return row;
}

export type Decision = { suggestion: SuggestionView; section: SectionSnapshot | null };

/**
 * The drafter takes a suggestion into the text: the part is saved through the same compare-and-set as typing (a
 * newer version than the editor's answers 409 with the server's text), a version records who accepted whose change,
 * and a passage changed since the suggestion was made is refused (原文已改动).
 */
export async function acceptSuggestion(db: Db, actor: Actor, reportId: number, suggestionId: number, raw: unknown = {}, now = new Date()): Promise<Decision> {
  const { report, s } = await loadForDecision(db, actor, reportId, suggestionId);
  const input = parseInput(decideSchema, raw ?? {});
  const key = s.sectionKey as BodySectionKey;
  const section = await sectionRow(db, report.id, key);
  if (input.version !== undefined && input.version !== section.version) {
    throw new AppError('conflict', '这一部分在您打开后已被修改，请对照两个版本后再接受修订。', { current: await snapshotOf(db, report.id, key) });
  }
  const at = locateSuggestion(section.plainText, s.anchor).exact;
  if (!at) throw new AppError('conflict', '原文已改动，这条修订不能直接接受。请对照后手动修改，或拒绝这条修订。');
  const edited = editDocument(section.content, [{ start: at.start, end: at.end, text: s.replacement }]).doc as TiptapNode;
  checkDocLimits(edited);
  const plainText = docToText(edited);
  if (plainText.length > limit('sectionChars')) throw overLimit('sectionChars');
  const author = (await one(db.select({ name: users.displayName }).from(users).where(eq(users.id, s.authorId))))?.name ?? '';
  return await withTx(db, async (tx) => {
    // The decision first: a suggestion decided meanwhile stops here, before the part is written.
    const decided = await decide(tx, s.id, 'accepted', actor, now);
    const written = await writeSection(tx, {
      reportId: report.id,
      key,
      content: edited,
      plainText,
      baseVersion: section.version,
      actor,
      now,
      conflictMessage: () => '这一部分刚被修改，请对照两个版本后再接受修订。',
    });
    await createVersion(tx, {
      reportId: report.id,
      kind: 'auto',
      label: `接受修订：${author}的建议（${SECTION_LABELS[key]}，第 ${s.id} 条）`,
      actorId: actor.id,
      at: now,
    });
    await recordAudit(tx, { actorId: actor.id, action: 'suggestion.accept', reportId: report.id, detail: { suggestionId: s.id, sectionKey: key } });
    return { suggestion: view(decided, authorLabel(s, author), actor.displayName, plainText), section: written };
  });
}

/** The drafter turns a suggestion down; the text stays as it is, and who and when is kept. */
export async function rejectSuggestion(db: Db, actor: Actor, reportId: number, suggestionId: number, now = new Date()): Promise<Decision> {
  const { report, s } = await loadForDecision(db, actor, reportId, suggestionId);
  const author = (await one(db.select({ name: users.displayName }).from(users).where(eq(users.id, s.authorId))))?.name ?? '';
  return await withTx(db, async (tx) => {
    const decided = await decide(tx, s.id, 'rejected', actor, now);
    await recordAudit(tx, { actorId: actor.id, action: 'suggestion.reject', reportId: report.id, detail: { suggestionId: s.id, sectionKey: s.sectionKey } });
    return { suggestion: view(decided, authorLabel(s, author), actor.displayName, ''), section: null };
  });
}

/** Whether the actor may suggest changes on this report now (the editor offers 建议修改 only then). */
export function maySuggest(actor: Actor, township: { id: number; countyId: number }, status: string): boolean {
  return status === 'submitted' && can(actor, 'report.suggest', { townshipId: township.id, countyId: township.countyId });
}

/**
 * 200 from GET /api/reports/:id/suggestions: one page (by default every suggestion of a report within the cap, oldest
 * first), `next` the `after` of the following page (null: none), `total` how many match the state asked for.
 */
export type SuggestionList = { suggestions: SuggestionView[]; next: number | null; total: number };
/** 201 from POST /api/reports/:id/suggestions. */
export type SuggestionCreated = { suggestion: SuggestionView };
/** 409 from POST …/suggestions/:sid/accept when the part changed, besides error and code: the server's copy of it. */
export type DecisionConflict = { current: SectionSnapshot };
