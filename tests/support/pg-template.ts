// Test databases of the `integration-pg` project, copied from a template database (vitest-only: it reads what the
// project's global setup provided).
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { inject } from 'vitest';
import { openPostgres, type Db } from '@/db/client';
import { adminClient, PG_SERVER } from './pg';

let admin: Promise<pg.Client> | null = null;
let made = 0;

/**
 * A fresh, migrated database for one test of the `integration-pg` project, copied from the run's template (see
 * tests/support/pg-global.ts), opened as the app opens PostgreSQL. Dropped with the others when the run ends.
 */
export async function templateDb(template = inject('pgTemplate')): Promise<Db> {
  const name = `nianbao_it_${inject('pgRun')}_${process.pid}_${++made}_${randomBytes(3).toString('hex')}`;
  admin ??= adminClient();
  await (await admin).query(`create database ${name} template ${template}`);
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  // Idle connections go quickly: a run makes hundreds of these databases, and the server's connections are few.
  return openPostgres(url.toString(), { max: 4, idleTimeoutMillis: 300, connectionTimeoutMillis: 5_000, statementTimeoutMillis: 60_000 });
}
