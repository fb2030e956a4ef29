// The whole database schema: every table, its indexes, and the row types inferred from it. The lists of allowed
// values (roles, statuses, kinds) come from the vocabulary.
// Longer than most files by design: all tables in one file, as drizzle-kit reads them.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

import { LEDGER_STATES, REPORT_STATUSES, ROLES, SUGGESTION_STATES, TOWNSHIP_KINDS, VERDICTS, VERSION_KINDS, type PartKey } from '@/lib/domain/vocabulary';

/** A vocabulary list as SQL literals for a check constraint: ('a', 'b'). */
const sqlList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const counties = sqliteTable('counties', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  // The 政府信息公开目录's 主题分类 and 体裁分类 the county files its townships' reports under (null: the defaults,
  // lib/domain/catalogue.ts).
  topicCategory: text('topic_category'),
  genreCategory: text('genre_category'),
  createdAt: createdAt(),
});
export type County = typeof counties.$inferSelect;

export const townships = sqliteTable(
  'townships',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    countyId: integer('county_id')
      .notNull()
      .references(() => counties.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: TOWNSHIP_KINDS }).notNull(),
    // 统一社会信用代码 of the township's government (GB 32100-2015, check character verified): the 索引号's prefix.
    creditCode: text('credit_code'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('townships_county_name_unique').on(t.countyId, t.name), check('townships_kind_check', sql`${t.kind} in (${sqlList(TOWNSHIP_KINDS)})`)],
);
export type Township = typeof townships.$inferSelect;

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    // A reviewer belongs to a county, a drafter to a township; an admin to neither.
    countyId: integer('county_id').references(() => counties.id),
    townshipId: integer('township_id').references(() => townships.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    // Set when an administrator chose the password: the user must choose their own at the next sign-in.
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    // A demo account that still has the published demo password (cleared when the password changes).
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    // Where 待办 items are also sent by e-mail when the server has SMTP configured; set by the user (or the CLI).
    email: text('email'),
    // When the address was set: items older than that are not mailed (no flood of old news).
    emailSince: integer('email_since', { mode: 'timestamp_ms' }),
    // The second factor (TOTP, RFC 6238): the base32 secret once confirmed by a first code; the one being enrolled
    // until then; the last time step accepted (a code is never taken twice); when it was turned on.
    totpSecret: text('totp_secret'),
    totpPendingSecret: text('totp_pending_secret'),
    totpLastStep: integer('totp_last_step'),
    totpEnabledAt: integer('totp_enabled_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    check('users_role_check', sql`${t.role} in (${sqlList(ROLES)})`),
    check(
      'users_scope_check',
      sql`(${t.role} = 'admin') or (${t.role} = 'reviewer' and ${t.countyId} is not null) or (${t.role} = 'drafter' and ${t.townshipId} is not null)`,
    ),
  ],
);
export type User = typeof users.$inferSelect;

/**
 * E-mail waiting to go out (待办 items for users with an address, when SMTP is configured): one row per user and item,
 * written by the mail worker, sent in the background and retried with growing pauses; never part of a request.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemKey: text('item_key').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
  },
  (t) => [uniqueIndex('mail_outbox_user_item_unique').on(t.userId, t.itemKey), index('mail_outbox_due_idx').on(t.sentAt, t.nextAttemptAt)],
);

/** Further counties a reviewer covers beyond the own one in users.county_id: a city office reviewing several. */
export const reviewerCounties = sqliteTable(
  'reviewer_counties',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    countyId: integer('county_id')
      .notNull()
      .references(() => counties.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.countyId] }), index('reviewer_counties_county_idx').on(t.countyId)],
);

export const reports = sqliteTable(
  'reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    townshipId: integer('township_id')
      .notNull()
      .references(() => townships.id),
    year: integer('year').notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('drafting'),
    title: text('title').notNull(),
    recipient: text('recipient'),
    // JSON array of issuing organs, one per line of the 落款.
    signatureOrgans: text('signature_organs', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    documentDate: text('document_date'),
    cc: text('cc'),
    // 发文字号 (文号), e.g. 鸡鸣委文〔2026〕3号: printed above the title, as GB/T 9704 places it under the 版头.
    docNumber: text('doc_number'),
    // The township's own wording of part headings (without the 一、 number), where it differs from the template's.
    partHeadings: text('part_headings', { mode: 'json' })
      .$type<Partial<Record<PartKey, string>>>()
      .notNull()
      .default(sql`'{}'`),
    // Compare-and-swap guard for the front matter (title, recipient, signature, date, cc).
    metaVersion: integer('meta_version').notNull().default(1),
    publishedUrl: text('published_url'),
    publishedDate: text('published_date'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [uniqueIndex('reports_township_year_unique').on(t.townshipId, t.year)],
);
export type Report = typeof reports.$inferSelect;

export const reportSections = sqliteTable(
  'report_sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    sectionKey: text('section_key').notNull(),
    // TipTap document JSON, as text.
    content: text('content', { mode: 'json' }).$type<unknown>().notNull(),
    plainText: text('plain_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [uniqueIndex('report_sections_report_key_unique').on(t.reportId, t.sectionKey)],
);
export type ReportSection = typeof reportSections.$inferSelect;

export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    actorId: integer('actor_id').references(() => users.id),
    action: text('action').notNull(),
    reportId: integer('report_id').references(() => reports.id, { onDelete: 'set null' }),
    // Free-form JSON with ids and names that explain the event.
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    // The client address the request came from (null for the command line and the system).
    address: text('address'),
  },
  (t) => [index('audit_events_report_idx').on(t.reportId), index('audit_events_at_idx').on(t.at)],
);
export type AuditEvent = typeof auditEvents.$inferSelect;

/**
 * One row per sign-in. The session cookie carries only this row's id; the row decides whether the session still
 * holds (logout, password change, deactivation and role changes revoke it; idle and absolute limits end it).
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    revokedReason: text('revoked_reason'),
    address: text('address'),
    userAgent: text('user_agent'),
    // Signed in with the password of an account with a second factor: unusable until the code is entered.
    awaitingCode: integer('awaiting_code', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
export type SessionRow = typeof sessions.$inferSelect;

/** One-time recovery codes of an account's second factor, kept as SHA-256 hashes (80 random bits each); used once. */
export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('recovery_codes_user_hash_unique').on(t.userId, t.codeHash)],
);

/** Settings an administrator changes on the admin page, one JSON value per key (e.g. the roles that must use a second factor). */
export const appSettings = sqliteTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
});

export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('login_failures_username_idx').on(t.username, t.at), index('login_failures_ip_idx').on(t.ip, t.at)],
);

/**
 * Who is checking a password for an account and address right now, across every server process on the database: a
 * row per key while one attempt runs, so parallel guesses spread over several instances still go one at a time.
 * A row older than its `until` was left by a process that died, and is taken over.
 */
export const loginLocks = sqliteTable('login_locks', {
  key: text('key').primaryKey(),
  holder: text('holder').notNull(),
  until: integer('until', { mode: 'timestamp_ms' }).notNull(),
});

/** Per report: the drafter's confirmed checklist ticks and the promise-ledger items carried over from last year. */
export const reportChecklist = sqliteTable(
  'report_checklist',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    kind: text('kind', { enum: ['item', 'ledger'] }).notNull(),
    // Ledger items carry their own label ("去年计划：…"); template items take theirs from lib/domain/checklists.
    label: text('label'),
    confirmed: integer('confirmed', { mode: 'boolean' }).notNull().default(false),
    state: text('state', { enum: LEDGER_STATES }),
    note: text('note').notNull().default(''),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('report_checklist_item_unique').on(t.reportId, t.itemId)],
);
export type ReportChecklistRow = typeof reportChecklist.$inferSelect;

/** The quote a comment is anchored to, kept outside the document (W3C text-quote selector with a position hint). */
export type CommentAnchor = { exact: string; prefix: string; suffix: string; start: number };

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    sectionKey: text('section_key').notNull(),
    // Replies point at their thread's first comment; threads are one level deep.
    parentId: integer('parent_id'),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    // The name a Word comment (批注) was signed with, when it came in with a returned file; the author is who filed it.
    authorName: text('author_name'),
    anchor: text('anchor', { mode: 'json' }).$type<CommentAnchor>(),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    resolvedBy: integer('resolved_by').references(() => users.id),
    createdAt: createdAt(),
    editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('comments_report_idx').on(t.reportId, t.sectionKey), index('comments_parent_idx').on(t.parentId)],
);
export type Comment = typeof comments.$inferSelect;

/** Who a comment or reply mentions (@姓名 or @用户名), resolved on the server among the people who may read its report. */
export const commentMentions = sqliteTable(
  'comment_mentions',
  {
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] }), index('comment_mentions_user_idx').on(t.userId)],
);

/**
 * A reviewer's suggested change (修订), kept beside the text like a comment: the passage it replaces (anchored by quote,
 * context and position; an empty quote is an insertion at `start`) and the text to put there (empty: a deletion).
 */
export const suggestions = sqliteTable(
  'suggestions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    sectionKey: text('section_key').notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    anchor: text('anchor', { mode: 'json' }).$type<CommentAnchor>().notNull(),
    replacement: text('replacement').notNull(),
    // The name a Word tracked change was signed with, when the suggestion came in with an imported file.
    authorName: text('author_name'),
    reason: text('reason'),
    state: text('state', { enum: SUGGESTION_STATES }).notNull().default('pending'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    // Where a pending suggestion stands in its part, worked out once per version of the part (lib/review/suggestions.ts)
    // rather than on every view: the part's version it was placed against (null: not yet), the span found (null: the
    // passage is gone), and whether that span is the passage itself (false: 原文已改动, the span is what stands there now).
    placedVersion: integer('placed_version'),
    placedStart: integer('placed_start'),
    placedEnd: integer('placed_end'),
    placedExact: integer('placed_exact', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('suggestions_report_idx').on(t.reportId, t.sectionKey), check('suggestions_state_check', sql`${t.state} in (${sqlList(SUGGESTION_STATES)})`)],
);
export type Suggestion = typeof suggestions.$inferSelect;

/** The drafter and the reviewer talk a suggestion over (why it is needed, why it was rejected). */
export const suggestionReplies = sqliteTable(
  'suggestion_replies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    suggestionId: integer('suggestion_id')
      .notNull()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    // The suggestion's report, kept here so the per-report cap is one indexed count.
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('suggestion_replies_suggestion_idx').on(t.suggestionId),
    index('suggestion_replies_report_idx').on(t.reportId),
    index('suggestion_replies_author_idx').on(t.authorId, t.createdAt),
  ],
);

/** A snapshot of the whole report: front matter and every section. */
export type VersionSnapshot = {
  meta: {
    title: string;
    recipient: string | null;
    signatureOrgans: string[];
    documentDate: string | null;
    cc: string | null;
    /** Absent in versions taken before the 文号 field. */
    docNumber?: string | null;
    /** Absent in versions taken before part headings could be worded by the township. */
    partHeadings?: Partial<Record<string, string>>;
  };
  sections: Record<string, { content: unknown; plainText: string }>;
};

export const reportVersions = sqliteTable(
  'report_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: VERSION_KINDS }).notNull(),
    label: text('label').notNull(),
    // For transition snapshots: which transition (submit, return…), so "since the last submission" can be found.
    transition: text('transition'),
    snapshot: text('snapshot', { mode: 'json' }).$type<VersionSnapshot>().notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('report_versions_report_idx').on(t.reportId, t.createdAt)],
);
export type ReportVersion = typeof reportVersions.$inferSelect;

/** One mask chosen at 登记公开: the finding (where and what), the words masked and what the 公开稿 shows instead. */
export type PublicationMask = { finding: string; text: string; replacement: string };

/**
 * The 公开稿 as published, frozen (lib/publication/snapshot.ts): every 登记公开 stores one, the first with kind
 * 'publish', later ones (after a reopen) with kind 'correction'; the public pages show the newest and list the earlier
 * ones. `document` is the export document of the 公开稿 with the masks applied (no 主送 or 抄送); `sha256` is the hash of
 * its JSON text as stored.
 */
export const publications = sqliteTable(
  'publications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: ['publish', 'correction'] }).notNull(),
    publishedDate: text('published_date').notNull(),
    url: text('url'),
    // The masked title, for the index and the feed without reading the document.
    title: text('title').notNull(),
    // 内容概述: the masked 导语, at most 300 characters.
    summary: text('summary'),
    document: text('document').notNull(),
    sha256: text('sha256').notNull(),
    masks: text('masks', { mode: 'json' }).$type<PublicationMask[]>().notNull().default(sql`'[]'`),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('publications_report_seq_unique').on(t.reportId, t.seq), check('publications_kind_check', sql`${t.kind} in ('publish', 'correction')`)],
);
export type Publication = typeof publications.$inferSelect;

/** Each county's own collection date for the reports on a year (ahead of the national 4月1日 limit). */
export const countyDeadlines = sqliteTable(
  'county_deadlines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    countyId: integer('county_id')
      .notNull()
      .references(() => counties.id),
    year: integer('year').notNull(),
    collectionDate: text('collection_date').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('county_deadlines_county_year_unique').on(t.countyId, t.year)],
);

/**
 * Season packs imported by an administrator (lib/season): one row per season and scope, the validated pack as JSON
 * text. scopeKey is 'national', 'province', 'city' or 'county:<countyId>'. A re-import deletes the old row and inserts a
 * new one, so the largest id tells a running server (or another instance) that something changed.
 */
export const seasonPacks = sqliteTable(
  'season_packs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    season: integer('season').notNull(),
    scopeKey: text('scope_key').notNull(),
    countyId: integer('county_id').references(() => counties.id),
    body: text('body').notNull(),
    sha256: text('sha256').notNull(),
    importedBy: integer('imported_by').references(() => users.id),
    importedAt: integer('imported_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('season_packs_season_scope_unique').on(t.season, t.scopeKey)],
);

/** Which 待办 items a user has opened or marked read (the items themselves are worked out from the reports). */
export const inboxReads = sqliteTable(
  'inbox_reads',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemKey: text('item_key').notNull(),
    readAt: integer('read_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('inbox_reads_user_item_unique').on(t.userId, t.itemKey)],
);

/** A verdict's part as changed since: an excerpt of the word diff (lib/domain/diff.ts) and its counts. */
export type VerdictChanges = {
  parts: Array<{ type: 'equal' | 'insert' | 'delete'; text: string }>;
  inserted: number;
  deleted: number;
  /** The parts were cut to verdictChangesChars characters (the counts are the whole diff's). */
  cut?: boolean;
};

/** A reviewer's verdict on one checklist item of a report, with the part's text as it stood then (to see it change). */
export const reviewVerdicts = sqliteTable(
  'review_verdicts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    verdict: text('verdict', { enum: VERDICTS }).notNull(),
    note: text('note').notNull().default(''),
    sectionText: text('section_text').notNull().default(''),
    // The passage the verdict points at, as it read when the verdict was given: the paragraphs of the part holding the
    // item's evidence words (lib/domain/verdict-passage.ts). Null on verdicts from before it was kept.
    passage: text('passage'),
    reviewerId: integer('reviewer_id')
      .notNull()
      .references(() => users.id),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    // What changed in the part since the verdict, worked out once per version of the part (lib/review/verdicts.ts):
    // the part's version it was computed against (null: not yet, or the verdict was given again), whether the text
    // differs, and for a 需修改 verdict the excerpt of the changes.
    changesVersion: integer('changes_version'),
    changed: integer('changed', { mode: 'boolean' }).notNull().default(false),
    changes: text('changes', { mode: 'json' }).$type<VerdictChanges | null>(),
    // The drafter marked a 需修改 item done with a word (cleared by the reviewer's next verdict on it).
    doneNote: text('done_note'),
    doneBy: integer('done_by').references(() => users.id),
    doneAt: integer('done_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('review_verdicts_report_item_unique').on(t.reportId, t.itemId),
    check('review_verdicts_verdict_check', sql`${t.verdict} in (${sqlList(VERDICTS)})`),
  ],
);
