import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The layers: imports run app → components → lib → db and never back up. lib/domain is the pure domain (no
// database, no framework); lib/server is the only Next.js glue; the database layer knows only the vocabulary.
// Every folder of lib/ but the Next.js glue (read from disk, so a new feature folder is covered at once).
const SERVICES = fs
  .readdirSync(path.join(import.meta.dirname, 'lib'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'server')
  .map((d) => `./lib/${d.name}`);

const layers = {
  'import/no-restricted-paths': [
    'error',
    {
      zones: [
        {
          target: './lib',
          from: ['./app', './components', './cli'],
          message: 'lib/ is below the routes, the UI and the command line: move the shared piece down into lib/.',
        },
        {
          target: SERVICES,
          from: './lib/server',
          message: 'Services stay free of Next.js: only routes, actions and pages use lib/server.',
        },
        {
          target: './db',
          from: ['./app', './components', './cli', './lib'],
          except: ['./domain/vocabulary.ts', './shared/errors.ts'],
          message: 'db/ is the bottom layer: it may import only the vocabulary (lib/domain/vocabulary.ts) and the error type.',
        },
        {
          target: './lib/domain',
          from: ['./db', './lib/server', ...SERVICES.filter((f) => f !== './lib/domain' && f !== './lib/shared')],
          message: 'lib/domain is the pure domain: no database, framework or service imports.',
        },
        {
          target: ['./lib/editor', './lib/autosave'],
          from: ['./db', './lib/server'],
          message: 'The editor and the save queue run in the browser: no database or server code.',
        },
        {
          target: './components',
          from: ['./app', './cli', './db', './lib/server'],
          message: 'Components draw what pages hand them: no database, server glue, routes or command line.',
        },
        {
          target: './app',
          from: './cli',
          message: 'Routes do not reach into the command line; put what both need in lib/.',
        },
      ],
    },
  ],
};

// Queries run on SQLite and on PostgreSQL, so code awaits them (db/tx.ts): better-sqlite3's synchronous .get(), .all(),
// .run() and its own transactions, and the raw client, work on one engine only.
const portableQueries = {
  'no-restricted-syntax': [
    'error',
    {
      selector: "CallExpression[arguments.length=0] > MemberExpression.callee[property.name=/^(get|all|run)$/]",
      message: 'Await the query instead (one() for a single row): .get()/.all()/.run() exist only on SQLite.',
    },
    {
      selector: "CallExpression > MemberExpression.callee[property.name='transaction'][object.name=/^(db|tx)$/]",
      message: 'Use withTx(db, async (tx) => …) from db/tx.ts: it works on both engines.',
    },
    {
      selector: "MemberExpression[property.name='$client']",
      message: 'The raw client is engine-specific: use rows()/execute() from db/tx.ts.',
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  { files: ['app/**', 'components/**', 'lib/**', 'db/**', 'cli/**', 'proxy.ts'], rules: layers },
  { files: ['app/**', 'lib/**', 'cli/**'], ignores: ['cli/commands/backup.ts'], rules: portableQueries },
  globalIgnores(['.next/**', '.next-test/**', '**/.next/**', 'data/**', '**/next-env.d.ts', 'db/migrations/**', 'tests/.tmp/**']),
]);
