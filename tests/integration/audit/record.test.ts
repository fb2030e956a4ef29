// The audit log (lib/audit/record.ts) is append-only.
// One of the hardening findings, against the real services and route handlers: each input at and past its limit is
// refused with a 4xx and a Chinese message and changes nothing; work over user text is compared at n and 4n.
import { execute } from '@/db/tx';
import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { drafterWithReport } from '../../support/requests';

let db: Db;
beforeEach(async () => ({ db } = await drafterWithReport()));

describe('安全审计: the audit log is append-only', () => {
  it('refuses to change or delete a row', async () => {
    await execute(db, sql`insert into audit_events (action) values ('test.event')`);
    // The engine's own message, under drizzle's "Failed query" wrapper.
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => 'done',
        (e: Error) => `${e.message} ${(e.cause as Error | undefined)?.message}`,
      );
    expect(await refusal(execute(db, sql`update audit_events set action = 'x'`))).toMatch(/cannot be changed/);
    expect(await refusal(execute(db, sql`delete from audit_events`))).toMatch(/cannot be deleted/);
  });
});
