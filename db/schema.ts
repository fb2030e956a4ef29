// The tables the app's code queries, for the engine this process runs on (chosen once, when the module loads): the
// SQLite tables of db/schema-sqlite.ts, or the PostgreSQL tables generated from them in db/schema-pg.ts. Both have
// the same names, columns and meaning, so the code is typed once, by the SQLite description.
import { databaseEngine } from './engine';
import * as pgSchema from './schema-pg';
import * as sqliteSchema from './schema-sqlite';

export type * from './schema-sqlite';

type Schema = typeof sqliteSchema;

export const schema: Schema = databaseEngine() === 'postgres' ? (pgSchema as unknown as Schema) : sqliteSchema;

export const {
  counties,
  townships,
  users,
  mailOutbox,
  reviewerCounties,
  reports,
  reportSections,
  auditEvents,
  sessions,
  loginFailures,
  loginLocks,
  recoveryCodes,
  appSettings,
  reportChecklist,
  comments,
  commentMentions,
  suggestions,
  suggestionReplies,
  reportVersions,
  countyDeadlines,
  seasonPacks,
  inboxReads,
  reviewVerdicts,
  publications,
} = schema;
