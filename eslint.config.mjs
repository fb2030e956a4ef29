import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The layers: imports run app → components → lib → db and never back up. lib/domain is the pure domain (no
// database, no framework); lib/server is the only Next.js glue; the database layer knows only the vocabulary.
//
// Inside lib/, the feature folders form a ladder, lowest first: a folder may import the folders below it and never
// one above it (type imports included), so no two features import each other. A new folder must be given its rung
// here; the lint run refuses to start otherwise. `npx tsx tests/support/import-graph.ts` measures the result.
const LADDER = [
  'shared', // errors, limits, validation, format: imports nothing above it
  'domain', // the pure rules: vocabulary, permissions, workflow, template, checks, anchoring, diff, the import parser
  'editor', // TipTap: one schema for the browser, the server and the export
  'autosave', // the browser's save queue and local drafts
  'audit', // the audit log: recording, reading, describing
  'auth', // sessions, sign-in, passwords, throttling, the actor
  'directory', // counties, townships and people: lookups every feature uses, and their administration
  'season', // season packs: stored per season and scope, the effective pack of a report's year and county
  'reports', // a report's row and parts: scope checks, creation, the one writer of a part's text
  'dashboard', // the county view
  'review', // comments, suggestions, verdicts, transitions, versions
  'drafting', // the editor page's data and its writes (parts, front matter, checklist)
  'import', // .docx/.txt import
  'export', // .docx, Markdown, text, the county zip
  'publication', // public pages, feed and record of published reports
  'inbox', // 待办
  'mail', // 待办 by e-mail
  'search', // search across reports
  'checks', // the checks of a saved report as findings (GET /api/reports/:id/checks)
  'similarity', // shared passages (雷同) between townships and years, specificity: reads reports and the dashboard's county
];
// Every folder of lib/ but the Next.js glue (read from disk, so a new feature folder is covered at once).
const SERVICES = fs
  .readdirSync(path.join(import.meta.dirname, 'lib'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'server')
  .map((d) => `./lib/${d.name}`);
const unplaced = SERVICES.filter((f) => !LADDER.includes(f.slice('./lib/'.length)));
if (unplaced.length) throw new Error(`eslint.config.mjs: give ${unplaced.join(', ')} a rung in LADDER (lowest first).`);
// Rungs above the pure domain: each may not import any rung above it (shared and domain have their own zones below).
const ladderZones = LADDER.slice(2).map((name, i) => ({
  target: `./lib/${name}`,
  from: LADDER.slice(i + 3).map((above) => `./lib/${above}`),
  message: `lib/${name} sits below ${LADDER.slice(i + 3).join(', ')} on the feature ladder (eslint.config.mjs LADDER): move the shared piece down instead of importing upward.`,
})).filter((z) => z.from.length > 0);

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
          except: ['./domain/vocabulary.ts', './shared/errors.ts', './shared/text.ts'],
          message: 'db/ is the bottom layer: it may import only the vocabulary (lib/domain/vocabulary.ts), the error type and the text normaliser (lib/shared/text.ts).',
        },
        {
          target: './lib/shared',
          from: ['./db', './lib/server', ...SERVICES.filter((f) => f !== './lib/shared')],
          message: 'lib/shared is the ground floor: it imports nothing from the database, the glue or any feature.',
        },
        ...ladderZones,
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
