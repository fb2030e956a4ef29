// db copy between the engines: the demo database plus a generated county of 100 townships copied SQLite →
// PostgreSQL → SQLite with every table's row count and content checksum equal at each step, ids kept, the copy
// serving the same data; a target holding data refused without --force; the command line says it all.
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '@/cli/index';
import { openDatabase } from '@/db/client';
import { copyDatabase, CopyRefused, postgresSide, sqliteSide, tableChecksum, TABLES, type Side } from '@/db/copy';
import { createCounty } from '@/lib/directory/townships';
import { SYSTEM_ACTOR } from '@/lib/domain/permissions';
import { loadActor } from '@/lib/auth/actor';
import { loadDashboard } from '@/lib/dashboard/service';
import { createReport, listReportsByTownship } from '@/lib/reports/service';
import { seedHundredTownships } from '../../support/hundred-townships';
import { seedWorld } from '../../support/db';
import { PG_OFF, type TestPg } from '../../support/pg';
import { throwawayPg } from '../../support/pg-throwaway';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-copy-'));
const source = path.join(dir, 'source.db');
const back = path.join(dir, 'back.db');
let pg: Pick<TestPg, 'url' | 'pool'>;
let countyId = 0;
// Every side opened here is closed before the test database is dropped.
const opened: Side[] = [];
const lite = (file: string, role: 'source' | 'target' = 'target') => {
  const side = sqliteSide(file, role);
  opened.push(side);
  return side;
};
const post = async (role: 'source' | 'target' = 'target') => {
  const side = await postgresSide(pg.url, role);
  opened.push(side);
  return side;
};
const closeOpened = async () => {
  for (const side of opened.splice(0)) await side.close();
};

/** The demo, and a county of 100 townships (tests/support/hundred-townships.ts). */
async function seedSource() {
  const db = openDatabase(source);
  const seeded = await seedHundredTownships(db);
  countyId = seeded.countyId;
  db.$client.close();
  return { id: seeded.reviewerId };
}

describe.skipIf(PG_OFF)('db copy SQLite → PostgreSQL → SQLite', () => {
  let reviewerId = 0;
  pg = throwawayPg(closeOpened);
  beforeAll(async () => {
    reviewerId = (await seedSource()).id;
  }, 120_000);

  it('copies every table there and back with equal row counts and checksums, ids kept', async () => {
    const lines: string[] = [];
    const up = await copyDatabase(lite(source, 'source'), await post(), { progress: (l) => lines.push(l) });
    expect(lines.at(-1)).toContain(`核对通过：${TABLES.length} 张表`);
    expect(up.find((r) => r.table === 'townships')!.rows).toBeGreaterThanOrEqual(103);
    expect(up.find((r) => r.table === 'report_sections')!.rows).toBeGreaterThan(500);
    // Back in pages of 7 rows: keys of one and two columns (ids, read marks, further counties) page without gaps.
    const down = await copyDatabase(await post('source'), lite(back), { pageSize: 7 });
    expect(down).toEqual(up);
    expect(up.find((r) => r.table === 'inbox_reads')!.rows).toBe(200);
    expect(up.find((r) => r.table === 'reviewer_counties')!.rows).toBeGreaterThanOrEqual(1);
    // The copy back serves the same data: the county's dashboard and the demo drafter's reports, as on the source.
    const [a, b] = [openDatabase(source), openDatabase(back)];
    const reviewerA = (await loadActor(a, reviewerId))!;
    const reviewerB = (await loadActor(b, reviewerId))!;
    expect((await loadDashboard(b, reviewerB, countyId, 2025)).rows).toEqual((await loadDashboard(a, reviewerA, countyId, 2025)).rows);
    const shili = async (db: typeof a) =>
      (await loadActor(db, (db.$client.prepare("select id from users where username = 'shili'").get() as { id: number }).id))!;
    expect(await listReportsByTownship(b, await shili(b))).toEqual(await listReportsByTownship(a, await shili(a)));
    // New rows on the copies get new ids, after the copied ones (the sequences moved on).
    const maxId = (a.$client.prepare('select max(id) as m from counties').get() as { m: number }).m;
    expect((await createCounty(b, SYSTEM_ACTOR, { name: '新县甲' })).id).toBe(maxId + 1);
    const pgId = (await pg.pool.query("insert into counties (name) values ('新县乙') returning id")).rows[0].id;
    expect(pgId).toBe(maxId + 1);
    a.$client.close();
    b.$client.close();
  }, 180_000);

  it('refuses a target that holds data without --force, and replaces it with --force', async () => {
    const out: string[] = [];
    const io = { log: (s: string) => out.push(s), error: (s: string) => out.push(s) };
    const cli = (...args: string[]) => runCli(args, io, () => openDatabase(source));
    const before = await tableChecksum(await post(), 'counties');
    expect(await cli('db', 'copy', '--from', source, '--to', pg.url)).not.toBe(0);
    expect(out.join('\n')).toContain('目标数据库已有');
    // Nothing was touched.
    expect(await tableChecksum(await post(), 'counties')).toEqual(before);
    out.length = 0;
    expect(await cli('db', 'copy', '--from', source, '--to', pg.url, '--force')).toBe(0);
    expect(out.join('\n')).toMatch(/清空目标数据库[\s\S]*复制 users：\d+ 行[\s\S]*核对通过/);
    // The county added on PostgreSQL is gone: the target is the source again.
    expect(await tableChecksum(await post(), 'counties')).toEqual(await tableChecksum(lite(source), 'counties'));
    expect(await cli('db', 'copy', '--from', source)).not.toBe(0);
  }, 180_000);

  it('CopyRefused is what a non-empty target raises', async () => {
    await expect(copyDatabase(lite(source, 'source'), lite(back))).rejects.toBeInstanceOf(CopyRefused);
  });

  it('refuses what would empty a target for nothing: the same file under another name, a missing or empty source', async () => {
    const out: string[] = [];
    const io = { log: (s: string) => out.push(s), error: (s: string) => out.push(s) };
    const cli = (...args: string[]) => runCli(args, io, () => openDatabase(source));
    const before = await tableChecksum(lite(back, 'source'), 'users');
    // The same file, written two ways.
    const sameOther = path.join(dir, '.', 'back.db').replace(dir, path.relative(process.cwd(), dir) || '.');
    expect(await cli('db', 'copy', '--from', back, '--to', sameOther, '--force')).not.toBe(0);
    expect(out.join('\n')).toContain('不能是同一个数据库');
    // A mistyped source path: refused, nothing created there, the target untouched.
    const missing = path.join(dir, 'no-such.db');
    expect(await cli('db', 'copy', '--from', missing, '--to', back, '--force')).not.toBe(0);
    expect(fs.existsSync(missing)).toBe(false);
    expect(out.join('\n')).toContain('源数据库文件不存在');
    // An empty database as the source: refused before the target is emptied.
    const emptyFile = path.join(dir, 'empty.db');
    openDatabase(emptyFile).$client.close();
    expect(await cli('db', 'copy', '--from', emptyFile, '--to', back, '--force')).not.toBe(0);
    expect(out.join('\n')).toContain('源数据库没有任何数据');
    expect(await tableChecksum(lite(back, 'source'), 'users')).toEqual(before);
  });
});

describe.skipIf(PG_OFF)('db copy of rows holding U+0000 or a lone surrogate', () => {
  const dirtyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-copy-dirty-'));
  const dirty = path.join(dirtyDir, 'dirty.db');
  const target = throwawayPg(closeOpened);
  let countyRow = 0;
  let reportRow = 0;
  beforeAll(async () => {
    const db = openDatabase(dirty);
    const w = await seedWorld(db);
    countyRow = w.countyA;
    reportRow = (await createReport(db, w.drafterA1, { townshipId: w.townA1, year: 2025 }, new Date('2025-12-01T09:00:00+08:00'))).id;
    db.$client.close();
    // Older rows, from before the boundary cleaned text (planted through a plain connection): a NUL in a name, a
    // lone surrogate inside a JSON column.
    const raw = new BetterSqlite3(dirty);
    raw.prepare(`update counties set name = '甲' || char(0) || '县' where id = ?`).run(countyRow);
    raw.prepare(`update reports set signature_organs = ? where id = ?`).run('["河西镇\\ud83d"]', reportRow);
    raw.close();
  }, 120_000);

  it('is refused before anything is written, naming table and row; with --clean it is copied cleaned and checked', async () => {
    const out: string[] = [];
    const io = { log: (s: string) => out.push(s), error: (s: string) => out.push(s) };
    const cli = (...args: string[]) => runCli(args, io, () => openDatabase(dirty));
    expect(await cli('db', 'copy', '--from', dirty, '--to', target.url)).not.toBe(0);
    expect(out.join('\n')).toContain(`表 counties 第 ${countyRow} 行（name）`);
    expect(out.join('\n')).toContain(`表 reports 第 ${reportRow} 行（signatureOrgans）`);
    expect(out.join('\n')).toContain('--clean');
    const pgSide = await postgresSide(target.url, 'source');
    opened.push(pgSide);
    expect(await pgSide.count('counties')).toBe(0);
    out.length = 0;
    expect(await cli('db', 'copy', '--from', dirty, '--to', target.url, '--clean')).toBe(0);
    expect(out.join('\n')).toMatch(/清理 \d+ 行[\s\S]*核对通过/);
    const names = (await pgSide.page('counties', null, 100)).map((r) => r.name);
    expect(names).toContain('甲县');
    expect((await pgSide.page('reports', null, 10)).find((r) => r.id === reportRow)!.signatureOrgans).toEqual(['河西镇\uFFFD']);
  }, 120_000);
});
