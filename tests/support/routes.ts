// Finds every route handler and server action on disk, and builds one seeded database that each test case copies,
// so the authorisation matrix and the bad-input tests cover whatever the app has, not a list kept by hand.
import { one, write } from '@/db/tx';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { closeDatabase, openDatabase, pgBase, type Db } from '@/db/client';
import { reviewVerdicts, suggestions, users } from '@/db/schema';
import { createSession } from '@/lib/auth/sessions';
import { createUser, setFurtherCounties } from '@/lib/directory/accounts';
import { SYSTEM_ACTOR } from '@/lib/domain/permissions';
import { loadActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/domain/permissions';
import { saveSection } from '@/lib/drafting/service';
import { createReport } from '@/lib/reports/service';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { addThread } from '@/lib/review/comments';
import { transitionReport } from '@/lib/review/transitions';
import { transitionWithSnapshot } from '@/lib/publication/snapshot';
import { saveNamedVersion } from '@/lib/review/versions';
import { makeEngineDb, seedWorld, TEST_PASSWORD, type World } from './db';
import { templateDb } from './pg-template';

const ROOT = path.resolve(import.meta.dirname, '../..');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type RouteMethod = { key: string; handler: Handler };
export type ServerAction = { key: string; run: (prev: null, form: FormData) => Promise<{ ok: boolean; message: string } | null> };

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** 'PUT /api/reports/[id]/sections/[key]' → handler, for every route.ts under app/. */
export async function discoverRoutes(): Promise<RouteMethod[]> {
  const files = walk(path.join(ROOT, 'app')).filter((f) => path.basename(f) === 'route.ts');
  const found: RouteMethod[] = [];
  for (const file of files) {
    // Route groups ((app), (auth)) are folders only: they are not part of the URL.
    const route = '/' + path.relative(path.join(ROOT, 'app'), path.dirname(file)).split(path.sep).filter((p) => !/^\(.*\)$/.test(p)).join('/');
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const m of METHODS) if (typeof mod[m] === 'function') found.push({ key: `${m} ${route}`, handler: mod[m] as Handler });
  }
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

/** 'app/(app)/admin/actions.ts#addUserAction' → the action, for every exported function of every 'use server' file. */
export async function discoverActions(): Promise<ServerAction[]> {
  const files = walk(path.join(ROOT, 'app')).filter(
    (f) => /\.tsx?$/.test(f) && /^\s*['"]use server['"]/.test(fs.readFileSync(f, 'utf8')),
  );
  const found: ServerAction[] = [];
  for (const file of files) {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod))
      if (typeof value === 'function') found.push({ key: `${rel}#${name}`, run: value as ServerAction['run'] });
  }
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

export const SECRET_TEXT = '甲一镇内部草稿：全年办理行政复议案件7件。';
export const SUBMITTED_TEXT = '全年开展普法活动12场。';

export type Fixture = World & {
  /** A city office's reviewer: own county 乙县, and 甲县 as a further county. */
  reviewerCity: Actor;
  /** This year's report of 甲一镇, being drafted, with text, a reviewer's comment thread and a named version. */
  draft: number;
  /** Last year's report of 甲一镇, submitted for review, with SUBMITTED_TEXT in part 一. */
  submitted: number;
  /** A pending suggestion on the draft: 7件 → 8件. */
  suggestion: number;
  /** 2021's, published. */
  published: number;
  /** 2023's, approved (so the county's zip has a file). */
  approved: number;
  thread: number;
  version: number;
  draftTitle: string;
};

/**
 * Seeds the world once into a database (a SQLite file, or on PostgreSQL a database); `copy()` gives each case its own
 * database in that state (a file copy, or CREATE DATABASE … TEMPLATE), `done(db)` closes it.
 */
export async function buildFixture(): Promise<{
  fixture: Fixture;
  copy: () => Promise<Db>;
  done: (db: Db) => Promise<void>;
  actor: (db: Db, a: Actor | null) => Promise<Actor | null>;
}> {
  const db = await makeEngineDb();
  const w = await seedWorld(db);
  const city = await createUser(db, SYSTEM_ACTOR, { username: 'reviewer-city', displayName: 'reviewer-city', password: TEST_PASSWORD, role: 'reviewer', countyId: w.countyB });
  await setFurtherCounties(db, SYSTEM_ACTOR, city.id, { countyIds: [w.countyA] });
  const reviewerCity = (await loadActor(db, city.id))!;
  const draftReport = await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2025 }, new Date('2025-12-01T09:00:00+08:00'));
  await saveSection(db, w.drafterA1, draftReport.id, 'measures', { content: docFromText(SECRET_TEXT), version: 1 });
  const thread = await addThread(db, w.reviewerA, draftReport.id, {
    sectionKey: 'measures',
    body: '请补充复议案件的办理结果。',
    anchor: { exact: '行政复议案件', prefix: '全年办理', suffix: '7件', start: 13 },
  });
  const version = await saveNamedVersion(db, w.drafterA1, draftReport.id, { label: '初稿' });
  const submitted = await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2024 }, new Date('2025-12-01T09:00:00+08:00'));
  await saveSection(db, w.drafterA1, submitted.id, 'measures', { content: docFromText(SUBMITTED_TEXT), version: 1 });
  await transitionReport(db, w.drafterA1, submitted.id, { transition: 'submit' });
  // A reviewer's suggestion waiting on the draft (made while it was under review, as it would be).
  const suggestion = (await one(
    write(db, () =>
      db
        .insert(suggestions)
        .values({
          reportId: draftReport.id,
          sectionKey: 'measures',
          authorId: w.reviewerA.id,
          anchor: { exact: '7件', prefix: '行政复议案件', suffix: '。', start: SECRET_TEXT.indexOf('7件') },
          replacement: '8件',
        })
        .returning(),
    ),
  ))!;
  // A reviewer's 需修改 on the draft (given while it was under review, as it would be): the drafter's to-do.
  await write(db, () =>
    db.insert(reviewVerdicts).values({ reportId: draftReport.id, itemId: 'measures.reconsideration', verdict: 'fix', note: '请写明复议案件的结果。', sectionText: SECRET_TEXT, passage: SECRET_TEXT, reviewerId: w.reviewerA.id, updatedAt: new Date('2025-12-01T10:00:00+08:00') }),
  );
  const approved = await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2023 }, new Date('2025-12-01T09:00:00+08:00'));
  await transitionReport(db, w.drafterA1, approved.id, { transition: 'submit' });
  await transitionReport(db, w.reviewerA, approved.id, { transition: 'approve' });
  // 2021's, published (for the public pages), with nothing in it the 公开前检查 would stop.
  const published = await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2021 }, new Date('2025-12-01T09:00:00+08:00'));
  await transitionReport(db, w.drafterA1, published.id, { transition: 'submit' });
  await transitionReport(db, w.reviewerA, published.id, { transition: 'approve' });
  await transitionReport(db, w.drafterA1, published.id, { transition: 'finalise' });
  await transitionWithSnapshot(db, w.drafterA1, published.id, { transition: 'publish', url: 'https://example.gov.cn/2021', date: '2022-03-01' });
  // A signed-in session of drafterA1 (for 强制下线) and a demo account still in use (for 停用全部演示账号).
  await createSession(db, w.drafterA1.id, { address: '10.1.1.1' });
  await write(db, () => db.update(users).set({ demo: true }).where(eq(users.id, w.drafterB1.id)));
  const pgTemplate = pgBase(db) ? new URL(pgBase(db)!.$client.options.connectionString!).pathname.slice(1) : null;
  const file = pgTemplate ? '' : db.$client.name;
  if (!pgTemplate) db.$client.pragma('wal_checkpoint(TRUNCATE)');
  await closeDatabase(db);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-case-'));
  let n = 0;
  return {
    fixture: { ...w, reviewerCity, draft: draftReport.id, submitted: submitted.id, suggestion: suggestion.id, published: published.id, approved: approved.id, thread: thread.id, version: version.id, draftTitle: draftReport.title },
    copy: async () => {
      if (pgTemplate) return templateDb(pgTemplate);
      const target = path.join(dir, `case-${++n}.db`);
      fs.copyFileSync(file, target);
      return openDatabase(target);
    },
    done: closeDatabase,
    // The actor as the copied database knows them.
    actor: async (copyDb, a) => (a ? await loadActor(copyDb, a.id) : null),
  };
}
