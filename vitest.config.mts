import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The integration suite runs twice: on SQLite (`integration`) and on PostgreSQL (`integration-pg`, the server named by
// NIANBAO_TEST_PG_URL). These files are about one engine's files or compare the two engines themselves, so they run
// once, in `integration`.
const SQLITE_ONLY = [
  'tests/integration/db/client.test.ts', // SQLite pragmas and statement cache
  'tests/integration/cli/commands.test.ts', // backup/restore of the SQLite file, CLI against data files
  'tests/integration/db/schema-pg.test.ts', // compares both engines' schemas itself
  'tests/integration/db/copy.test.ts', // copies between both engines itself
  'tests/integration/search/service-engines.test.ts', // runs the same searches on both engines itself
  'tests/integration/dashboard/service-scale.test.ts', // bulk-loads 180,000 rows through SQLite statements
  'tests/integration/app/generated-input.test.ts', // input checks before any query; a database copy per generated request
];
const PG_URL = process.env.NIANBAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:54329/postgres';
// NIANBAO_TEST_PG=off: no PostgreSQL project at all (tests/integration/db/schema-pg.test.ts says so in one line).
const PG_OFF = process.env.NIANBAO_TEST_PG === 'off';

// Real scrypt password checks, real databases and whole-file imports: on a shared, busy machine a few cases pass
// vitest's 5 s default without anything being wrong (timing assertions compare n with 4n, never a clock).
const INTEGRATION_TIMEOUT = 20_000;

const alias = {
  '@': path.resolve(import.meta.dirname),
  // Outside the react-server condition 'server-only' throws on import; in tests it is a no-op.
  'server-only': path.resolve(import.meta.dirname, 'tests/support/empty.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: INTEGRATION_TIMEOUT,
          setupFiles: ['tests/support/integration-setup.ts'],
          // next-auth imports 'next/server' without an extension; let Vite resolve it.
          server: { deps: { inline: ['next-auth'] } },
        },
      },
      ...(PG_OFF
        ? []
        : [
            {
              resolve: { alias },
              test: {
                name: 'integration-pg',
                include: ['tests/integration/**/*.test.ts'],
                exclude: SQLITE_ONLY,
                environment: 'node',
                testTimeout: INTEGRATION_TIMEOUT,
                env: { DATABASE_URL: PG_URL, NIANBAO_TEST_ENGINE: 'postgres' },
                globalSetup: ['tests/support/pg-global.ts'],
                setupFiles: ['tests/support/integration-setup.ts'],
                server: { deps: { inline: ['next-auth'] } },
              },
            },
          ]),
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 660_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
