// Test databases: a fresh SQLite file with the real migrations, and a small world of counties, townships and users.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDatabase, openDatabase, pgBase, type Db } from '@/db/client';
import { createUser } from '@/lib/directory/accounts';
import { loadActor } from '@/lib/auth/actor';
import { SYSTEM_ACTOR, type Actor } from '@/lib/domain/permissions';
import { createCounty, createTownship } from '@/lib/directory/townships';
import { createReport } from '@/lib/reports/service';
import { saveSection } from '@/lib/drafting/service';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { transitionReport } from '@/lib/review/transitions';
import { setDb } from './mock-db';
import { TEST_ON_POSTGRES } from './pg';
import { templateDb } from './pg-template';
import { sql } from 'drizzle-orm';
import { rows } from '@/db/tx';
import { SCHEMA_TABLES } from '@/db/tables';

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
  const countyA = (await createCounty(db, SYSTEM_ACTOR, { name: '甲县' })).id;
  const countyB = (await createCounty(db, SYSTEM_ACTOR, { name: '乙县' })).id;
  const townA1 = (await createTownship(db, SYSTEM_ACTOR, { countyId: countyA, name: '甲一镇', kind: '镇' })).id;
  const townA2 = (await createTownship(db, SYSTEM_ACTOR, { countyId: countyA, name: '甲二乡', kind: '乡' })).id;
  const townB1 = (await createTownship(db, SYSTEM_ACTOR, { countyId: countyB, name: '乙一街道', kind: '街道' })).id;
  const mk = async (username: string, role: string, scope: { countyId?: number; townshipId?: number }) => {
    const u = await createUser(db, SYSTEM_ACTOR, { username, displayName: username, password: TEST_PASSWORD, role, ...scope });
    return (await loadActor(db, u.id))!;
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
/**
 * Columns that only keep work already done, derived from other columns and refreshed by reads (a suggestion's place
 * and a verdict's changes, each per version of the part): a reading request may fill them, so snapshots leave them out.
 */
const DERIVED: Record<string, readonly string[]> = {
  suggestions: ['placed_version', 'placed_start', 'placed_end', 'placed_exact'],
  review_verdicts: ['changes_version', 'changed', 'changes'],
};
function withoutDerived(table: string, row: Record<string, unknown>): Record<string, unknown> {
  const drop = DERIVED[table];
  return drop ? Object.fromEntries(Object.entries(row).filter(([k]) => !drop.includes(k))) : row;
}

export async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  // A refusal is itself written to the audit log (安全审计); that row is the one change a refused request makes.
  const where = (name: string) => (name === 'audit_events' ? sql.raw(` where action <> 'request.refused'`) : sql``);
  const out: Record<string, unknown[]> = {};
  // The search index is derived from report_sections (kept by triggers), so comparing the sections covers it.
  for (const { name } of SCHEMA_TABLES) {
    const found = await rows(db, sql`select * from ${sql.identifier(name)}${where(name)}`);
    // Rows in a fixed order on either engine (PostgreSQL has no rowid).
    out[name] = found.map((r) => JSON.stringify(withoutDerived(name, r as Record<string, unknown>))).sort();
  }
  return out;
}

/** A fresh, migrated database on the engine this test project runs (SQLite file, or PostgreSQL in integration-pg). */
export async function makeEngineDb(): Promise<Db> {
  return TEST_ON_POSTGRES ? templateDb() : makeTestDb().db;
}

/** The small world seeded once per test worker, and a way to make a fresh database holding exactly it. */
let seeded: Promise<{ w: World; copy: () => Promise<Db> }> | null = null;

async function seedOnce(): Promise<{ w: World; copy: () => Promise<Db> }> {
  const db = await makeEngineDb();
  const w = await seedWorld(db);
  if (TEST_ON_POSTGRES) {
    // The seeded database becomes the template of the next ones (CREATE DATABASE … TEMPLATE needs it closed).
    const name = new URL(pgBase(db)!.$client.options.connectionString!).pathname.slice(1);
    await closeDatabase(db);
    return { w, copy: () => templateDb(name) };
  }
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  const file = db.$client.name;
  db.$client.close();
  return {
    w,
    copy: async () => {
      const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-db-')), 'test.db');
      fs.copyFileSync(file, target);
      return openDatabase(target);
    },
  };
}

/**
 * A fresh database with the small world in it, made the app's connection for tests that mock '@/db'. The world is
 * seeded once per test file (six accounts' password hashes take a while) and each test gets its own copy of it.
 */
export async function freshWorld(): Promise<{ db: Db; w: World }> {
  seeded ??= seedOnce();
  const { w, copy } = await seeded;
  const db = await copy();
  setDb(db);
  return { db, w: structuredClone(w) };
}

/** The moment the drafting and review tests pretend it is: December of the report year 2025. */
export const DRAFT_NOW = new Date('2025-12-01T09:00:00+08:00');

/** A fresh world with 甲一镇's 2025 report just created from the template. */
export async function worldWithDraft(): Promise<{ db: Db; w: World; reportId: number }> {
  const { db, w } = await freshWorld();
  return { db, w, reportId: (await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2025 }, DRAFT_NOW)).id };
}

/** A fresh world with 甲一镇's 2025 report holding `measures` in part 一, submitted for review. */
export async function worldWithSubmitted(measures: string): Promise<{ db: Db; w: World; reportId: number }> {
  const world = await worldWithDraft();
  await saveSection(world.db, world.w.drafterA1, world.reportId, 'measures', { content: docFromText(measures), version: 1 });
  await transitionReport(world.db, world.w.drafterA1, world.reportId, { transition: 'submit' });
  return world;
}
