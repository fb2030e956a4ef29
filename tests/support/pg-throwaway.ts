// A throwaway PostgreSQL database per describe block, made and dropped by its hooks. Apart from tests/support/pg.ts so
// that the bench, which makes databases outside vitest, does not import vitest.
import { afterAll, beforeAll } from 'vitest';
import { later } from './later';
import { freshPgDatabase, type TestPg } from './pg';

/**
 * An empty throwaway database (no migrations) for a describe block: made before its tests, dropped after them once
 * `beforeDrop` has closed what the tests opened on it (vitest runs after-hooks in reverse, so this one runs last).
 */
export function throwawayPg(beforeDrop: () => Promise<void> = async () => undefined): Pick<TestPg, 'url' | 'pool'> {
  const made = later<TestPg>('the database');
  beforeAll(async () => void made.set(await freshPgDatabase({ migrate: false })), 120_000);
  afterAll(async () => {
    await beforeDrop();
    await made.peek()?.drop();
  });
  return {
    get url() {
      return made.get().url;
    },
    get pool() {
      return made.get().pool;
    },
  };
}
