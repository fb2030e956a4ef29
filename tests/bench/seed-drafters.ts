// The bench's 50 township drafters of 示例县, each with a password they already chose. Run as a script
// (`tsx tests/bench/seed-drafters.ts PREFIX`) it seeds the database the environment names, so a PostgreSQL database is
// written with PostgreSQL's tables.
import { eq, sql } from 'drizzle-orm';
import { closeDatabase, openConfigured, type Db } from '@/db/client';
import { users } from '@/db/schema';
import { rows, write } from '@/db/tx';
import { createUser } from '@/lib/directory/accounts';
import { createTownship } from '@/lib/directory/townships';
import { SYSTEM_ACTOR } from '@/lib/domain/permissions';

export const BENCH_DRAFTERS = 50;

export async function seedDrafters(db: Db, prefix: string): Promise<void> {
  const county = (await rows<{ id: number }>(db, sql`select id from counties where name = '示例县'`))[0]!;
  for (let i = 0; i < BENCH_DRAFTERS; i++) {
    const t = await createTownship(db, SYSTEM_ACTOR, { countyId: county.id, name: `${prefix}${i + 1}镇`, kind: '镇' });
    await createUser(db, SYSTEM_ACTOR, { username: `${prefix}${i}`, displayName: `压测${i}`, password: 'bench-password', role: 'drafter', townshipId: t.id });
    // Drafters who already chose their own password at first sign-in.
    await write(db, () =>
      db
        .update(users)
        .set({ mustChangePassword: false })
        .where(eq(users.username, `${prefix}${i}`)),
    );
  }
}

if (process.argv[1]?.endsWith('seed-drafters.ts')) {
  const db = openConfigured();
  seedDrafters(db, process.argv[2] ?? 'bench')
    .then(() => closeDatabase(db))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
