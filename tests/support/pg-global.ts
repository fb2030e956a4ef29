// Global setup of the `integration-pg` project (the integration suite on PostgreSQL): one migrated template database
// for the run, from which every test database is created in a moment (CREATE DATABASE … TEMPLATE); afterwards every
// database the run made is dropped.
import { randomBytes } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { PG_MIGRATIONS, PG_SERVER, adminClient } from './pg';

export default async function setup(project: TestProject) {
  const run = randomBytes(4).toString('hex');
  const template = `nianbao_tpl_${run}`;
  const admin = await adminClient();
  await admin.query(`create database ${template}`);
  await admin.end();
  const url = new URL(PG_SERVER);
  url.pathname = `/${template}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
  await migrate(drizzle(pool), { migrationsFolder: PG_MIGRATIONS });
  await pool.end();
  project.provide('pgTemplate', template);
  project.provide('pgRun', run);
  return async () => {
    const c = await adminClient();
    const { rows } = await c.query<{ datname: string }>(`select datname from pg_database where datname like $1 or datname = $2`, [
      `nianbao_it_${run}_%`,
      template,
    ]);
    for (const { datname } of rows) await c.query(`drop database if exists ${datname} with (force)`);
    await c.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgRun: string;
  }
}
