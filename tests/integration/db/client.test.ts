import { one } from '@/db/tx';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { STATEMENT_CACHE_SIZE } from '@/db/client';
import { townships, users } from '@/db/schema';
import { makeTestDb, seedWorld } from '../../support/db';

describe('the database connection', () => {
  it('runs in WAL mode with foreign keys on', () => {
    const { db } = makeTestDb();
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('reuses a prepared statement for the same SQL, and drops the least recently used beyond the limit', () => {
    const { db } = makeTestDb();
    const first = db.$client.prepare('select 1 as one');
    expect(db.$client.prepare('select 1 as one')).toBe(first);
    for (let i = 0; i < STATEMENT_CACHE_SIZE; i++) db.$client.prepare(`select ${i + 2} as n`);
    expect(db.$client.prepare('select 1 as one')).not.toBe(first);
  });

  it('a statement drizzle left in raw mode answers with named columns when handed out again', async () => {
    const { db } = makeTestDb();
    const w = await seedWorld(db);
    const query = db
      .select({ name: users.username, town: townships.name })
      .from(users)
      .leftJoin(townships, eq(townships.id, users.townshipId))
      .where(eq(users.id, w.drafterA1.id));
    expect(await one(query)).toEqual({ name: 'drafter-a1', town: '甲一镇' });
    const { sql, params } = query.toSQL();
    // Columns by their SQL names, as an object: raw mode (arrays) was switched off.
    expect(db.$client.prepare(sql).get(...params)).toEqual({ username: 'drafter-a1', name: '甲一镇' });
    // And drizzle still maps its own reads correctly afterwards.
    expect(await one(query)).toEqual({ name: 'drafter-a1', town: '甲一镇' });
  });
});
