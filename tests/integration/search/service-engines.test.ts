// Search on both engines: the same reports (written through the services into SQLite, copied to PostgreSQL with db
// copy) and the same queries give the same hits and snippets — two- and three-character Chinese terms, Latin letters
// in either case, digits, a term with LIKE's own characters, filters by year and part.
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { copyDatabase, postgresSide, sqliteSide, type Side } from '@/db/copy';
import { loadEditorData, saveSection } from '@/lib/drafting/service';
import { createReport } from '@/lib/reports/service';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { searchReports, searchScope, searchSql, toHits } from '@/lib/search/service';
import { freshPgDatabase, PG_OFF, type TestPg } from '../../support/pg';
import { makeTestDb, seedWorld, type World } from '../../support/db';

let db: Db;
let file: string;
let w: World;
let pg: TestPg;
const sides: Side[] = [];
/** A search's SQL as PostgreSQL text and parameters, to run on the copy's own pool. */
const onPg = (q: Parameters<typeof searchSql>[1]) => {
  const { sql: text, params } = new PgDialect().sqlToQuery(searchSql('postgres', q));
  return { text, params };
};

async function write(actor: World['drafterA1'], reportId: number, key: string, text: string) {
  const v = (await loadEditorData(db, actor, reportId)).sections.find((s) => s.key === key)!.version;
  await saveSection(db, actor, reportId, key, { content: docFromText(text), version: v });
}

describe.skipIf(PG_OFF)('search on SQLite and on PostgreSQL', () => {
  beforeAll(async () => {
    ({ db, file } = makeTestDb());
    w = await seedWorld(db);
    const at = new Date('2025-12-01T09:00:00+08:00');
    for (const [actor, township] of [
      [w.drafterA1, w.townA1],
      [w.drafterA2, w.townA2],
      [w.drafterB1, w.townB1],
    ] as const) {
      for (const year of [2024, 2025]) {
        const r = (await createReport(db, actor, { townshipId: township, year }, at)).id;
        await write(
          actor,
          r,
          'measures',
          `${year}年聘请律师担任法律顾问，审查合同${year - 1980}份，办理行政复议案件2件。推进“放管服”改革，落实ABC工作法和100%覆盖。`,
        );
        await write(actor, r, 'plans', `${year + 1}年继续做好法律顾问工作，化解矛盾纠纷，调解成功率98%。`);
      }
    }
    pg = await freshPgDatabase({ migrate: false });
    const from = sqliteSide(file);
    const to = await postgresSide(pg.url);
    sides.push(from, to);
    await copyDatabase(from, to);
  }, 120_000);
  afterAll(async () => {
    for (const s of sides) await s.close();
    await pg?.drop();
  });

  const queries: Array<Record<string, unknown>> = [
    { q: '复议' },
    { q: '调解' },
    { q: '法律顾问' },
    { q: '放管服' },
    { q: 'abc' },
    { q: 'ABC' },
    { q: '100%' },
    { q: '45份' },
    { q: '2026年' },
    { q: '法律顾问', year: 2024 },
    { q: '法律顾问', section: 'plans' },
    { q: '不存在的词' },
    { q: '_%' },
  ];

  it.each(queries)('%j: the same hits and snippets on both', async (raw) => {
    for (const actor of [w.reviewerA, w.reviewerB, w.drafterA1, w.admin]) {
      const onSqlite = await searchReports(db, actor, raw);
      const scope = await searchScope(db, actor, raw);
      const { text, params } = onPg(scope!.query);
      const onPostgres = toHits((await pg.pool.query(text, params)).rows, scope!.names, scope!.query.q);
      expect(onPostgres).toEqual(onSqlite);
    }
  });

  it('the queries are not vacuous: most find something, in more than one township', async () => {
    const found = await Promise.all(queries.map(async (raw) => (await searchReports(db, w.admin, raw)).length));
    expect(found.filter((n) => n > 0).length).toBeGreaterThanOrEqual(10);
    expect(await searchReports(db, w.admin, { q: '复议' })).toHaveLength(6);
  });

  it('PostgreSQL uses the trigram index for a three-character term once the table is large enough to prefer it', async () => {
    const { text, params } = onPg({ q: '法律顾问', townshipIds: [w.townA1, w.townA2, w.townB1] });
    // One connection for the setting and the plan (a handful of rows would otherwise be scanned, rightly).
    const c = await pg.pool.connect();
    await c.query('set enable_seqscan = off');
    const plan = (await c.query(`explain ${text}`, params)).rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
    c.release(true);
    expect(plan).toContain('report_sections_plain_text_trgm');
  });
});
