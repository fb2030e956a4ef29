// Test databases: a fresh SQLite file with the real migrations, and a small world of counties, townships and users.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '@/db/client';
import { createUser } from '@/lib/admin/accounts';
import { loadActor } from '@/lib/auth/actor';
import { SYSTEM_ACTOR, type Actor } from '@/lib/auth/permissions';
import { createCounty, createTownship } from '@/lib/admin/townships';
import { createReport } from '@/lib/reports/service';
import { saveSection } from '@/lib/drafting/service';
import { docFromText } from '@/lib/report/tiptap-doc';
import { transitionReport } from '@/lib/review/transitions';
import { setDb } from './mock-db';

export function makeTestDb(): { db: Db; file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-db-'));
  const file = path.join(dir, 'test.db');
  return { db: openDatabase(file), file, dir };
}

export const TEST_PASSWORD = 'correct-horse-1';

export type World = {
  countyA: number;
  countyB: number;
  townA1: number;
  townA2: number;
  townB1: number;
  admin: Actor;
  reviewerA: Actor;
  reviewerB: Actor;
  drafterA1: Actor;
  drafterA2: Actor;
  drafterB1: Actor;
};

/** Two counties: A with two townships, B with one; a drafter per township, a reviewer per county, one admin. */
export async function seedWorld(db: Db): Promise<World> {
  const countyA = createCounty(db, SYSTEM_ACTOR, { name: '甲县' }).id;
  const countyB = createCounty(db, SYSTEM_ACTOR, { name: '乙县' }).id;
  const townA1 = createTownship(db, SYSTEM_ACTOR, { countyId: countyA, name: '甲一镇', kind: '镇' }).id;
  const townA2 = createTownship(db, SYSTEM_ACTOR, { countyId: countyA, name: '甲二乡', kind: '乡' }).id;
  const townB1 = createTownship(db, SYSTEM_ACTOR, { countyId: countyB, name: '乙一街道', kind: '街道' }).id;
  const mk = async (username: string, role: string, scope: { countyId?: number; townshipId?: number }) => {
    const u = await createUser(db, SYSTEM_ACTOR, { username, displayName: username, password: TEST_PASSWORD, role, ...scope });
    return loadActor(db, u.id)!;
  };
  return {
    countyA,
    countyB,
    townA1,
    townA2,
    townB1,
    admin: await mk('admin', 'admin', {}),
    reviewerA: await mk('reviewer-a', 'reviewer', { countyId: countyA }),
    reviewerB: await mk('reviewer-b', 'reviewer', { countyId: countyB }),
    drafterA1: await mk('drafter-a1', 'drafter', { townshipId: townA1 }),
    drafterA2: await mk('drafter-a2', 'drafter', { townshipId: townA2 }),
    drafterB1: await mk('drafter-b1', 'drafter', { townshipId: townB1 }),
  };
}

/** Every row of every table, to prove a refused request changed nothing. */
export function snapshot(db: Db): Record<string, unknown[]> {
  const tables = db.$client
    // The search index is derived from report_sections (kept by triggers), so comparing the sections covers it.
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not like 'section_fts%'",
    )
    .all() as Array<{ name: string }>;
  // A refusal is itself written to the audit log (安全审计); that row is the one change a refused request makes.
  const where = (name: string) => (name === 'audit_events' ? ` where action <> 'request.refused'` : '');
  return Object.fromEntries(tables.map(({ name }) => [name, db.$client.prepare(`select * from "${name}"${where(name)} order by rowid`).all()]));
}

/** A fresh database file with the small world in it, made the app's connection for tests that mock '@/db'. */
export async function freshWorld(): Promise<{ db: Db; w: World }> {
  const { db } = makeTestDb();
  setDb(db);
  return { db, w: await seedWorld(db) };
}

/** The moment the drafting and review tests pretend it is: December of the report year 2025. */
export const DRAFT_NOW = new Date('2025-12-01T09:00:00+08:00');

/** A fresh world with 甲一镇's 2025 report just created from the template. */
export async function worldWithDraft(): Promise<{ db: Db; w: World; reportId: number }> {
  const { db, w } = await freshWorld();
  return { db, w, reportId: createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2025 }, DRAFT_NOW).id };
}

/** A fresh world with 甲一镇's 2025 report holding `measures` in part 一, submitted for review. */
export async function worldWithSubmitted(measures: string): Promise<{ db: Db; w: World; reportId: number }> {
  const world = await worldWithDraft();
  saveSection(world.db, world.w.drafterA1, world.reportId, 'measures', { content: docFromText(measures), version: 1 });
  transitionReport(world.db, world.w.drafterA1, world.reportId, { transition: 'submit' });
  return world;
}
