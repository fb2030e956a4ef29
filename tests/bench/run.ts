// `npm run bench`: the figures that matter for a county server, each beside a baseline measured in the same run on
// the same machine, so a noisy shared machine still gives comparable ratios. Targets are printed, never asserted.
import { SYSTEM_ACTOR } from '@/lib/domain/permissions';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import { openDatabase, type Db } from '@/db/client';
import { write } from '@/db/tx';
import { suggestions, users } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { createAnchor } from '@/lib/domain/anchor';
import type { BodySectionKey } from '@/lib/domain/sections';
import { createUser } from '@/lib/directory/accounts';
import { loadActor } from '@/lib/auth/actor';
import { loadDashboard } from '@/lib/dashboard/service';
import { createCounty, createTownship } from '@/lib/directory/townships';
import { loadEditorData } from '@/lib/drafting/service';
import { createReport } from '@/lib/reports/service';
import { snapshotOf } from '@/lib/reports/sections';
import { fillParts, plantChangedSuggestions, plantFixVerdicts, rewriteParts, SCALE_PARTS } from '../support/review-scale';
import { exportDocumentFromParsed } from '@/lib/export/from-report';
import { parseExportOptions, renderExport } from '@/lib/export';
import { compareCounty, type CountyPart } from '@/lib/domain/similarity';
import { parseReport } from '@/lib/domain/parse';
import { currentReportYear } from '@/lib/reports/service';
import { startApp, type AppServer } from '../e2e/app-server';
import { bareApp, stopBareApp } from './bare-app';
import { serverCpuMs, serverGroups } from './server-cpu';
import { launchChromium } from '../e2e/chromium';
import { loadScaleData } from '../support/scale-data';
import { BENCH_DRAFTERS, seedDrafters } from './seed-drafters';
import { quantile, time } from './measure';
import { topSelfTime, type CpuProfile } from './profile';
import { seasonBench } from './season';
import { parseBench } from './parse';
import { generatedReportText, PARAGRAPH } from './report-text';
import { freshPgDatabase, type TestPg } from '../support/pg';
import { api, doc, ensureReport, httpLogin, type ReportWithSections } from '../e2e/http';

type Row = { what: string; value: string; baseline: string; ratio: string; target: string };
const rows: Row[] = [];
const notes: string[] = [];

function add(what: string, value: string, baseline: string, ratio: string, target = '') {
  rows.push({ what, value, baseline, ratio, target });
  console.log(`  ${what}: ${value}  |  ${baseline}  |  ${ratio}`);
}

const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;


// ---------------------------------------------------------------------------------------------------------------------

type Editor = { cookie: string; reportId: number; version: number };

/** 50 township drafters, each signed in (through `app`) with a report of this year (seedDrafters made them). */
async function signInDrafters(app: AppServer, prefix: string): Promise<Editor[]> {
  const year = currentReportYear();
  const editors: Editor[] = [];
  for (let i = 0; i < BENCH_DRAFTERS; i++) {
    const session = await httpLogin(app.url, `${prefix}${i}`, 'bench-password');
    const r = await ensureReport(app.url, session, year);
    editors.push({ cookie: session.cookie, reportId: r.report.id, version: r.sections.find((s) => s.sectionKey === 'measures')!.version });
  }
  return editors;
}

// A typical autosave: a section of about 2,000 characters.
const AUTOSAVE_TEXT = Array.from({ length: 12 }, (_, i) => `（${i + 1}）${PARAGRAPH}`).join('\n');
const AUTOSAVE_CONTENT = doc(AUTOSAVE_TEXT);

/** rate and latency as autocannon saw them; cpu: the servers' CPU time per answered request (ms), when known. */
type LoadResult = { rate: number; p50: number; p99: number; cpu: number };

/**
 * One load run per server, all at once, as one result: the rates added, the worse server's latencies, and the servers'
 * CPU per answered request over the run.
 */
async function measuredLoad(urls: string[], run: (url: string) => Promise<autocannon.Result>): Promise<{ load: LoadResult; results: autocannon.Result[] }> {
  const cpu0 = serverCpuMs(urls);
  const results = await Promise.all(urls.map(run));
  const load = {
    rate: results.reduce((n, r) => n + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    cpu: (serverCpuMs(urls) - cpu0) / results.reduce((n, r) => n + r.requests.total, 0),
  };
  return { load, results };
}

/** The same as a number for a table cell. */
const cpuText = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(2)} ms CPU/req` : 'CPU/req unknown');

/**
 * Autosaves by `connections` editors saving back to back (or at `overallRate` in all), spread evenly over the
 * servers. Each request takes an editor nobody is saving for at that moment and gives it back with the new version,
 * so every save is a real, non-conflicting autosave by one of the separately logged-in township drafters.
 */
async function autosaveLoad(urls: string[], editors: Editor[], connections: number, overallRate?: number): Promise<LoadResult> {
  // A save cut off when the previous run ended was still committed: start from the versions the server holds.
  await refreshVersions(urls[0]!, editors);
  const idle = [...editors];
  let refused = 0;
  const one = (url: string) =>
    autocannon({
      url,
      connections: connections / urls.length,
      pipelining: 1,
      duration: overallRate ? 12 : 8,
      ...(overallRate ? { overallRate: overallRate / urls.length } : {}),
      requests: [
        {
          method: 'PUT',
          setupRequest: (req, ctx) => {
            const e = idle.pop();
            if (!e) throw new Error('no idle editor');
            (ctx as { e?: Editor }).e = e;
            return {
              ...req,
              path: `/api/reports/${e.reportId}/sections/measures`,
              headers: { 'content-type': 'application/json', cookie: e.cookie },
              body: JSON.stringify({ content: AUTOSAVE_CONTENT, version: e.version }),
            };
          },
          onResponse: (status, body, ctx) => {
            const e = (ctx as { e: Editor }).e;
            const parsed = JSON.parse(body) as { version?: number; current?: { version: number } };
            if (status === 200) e.version = parsed.version!;
            else {
              refused++;
              if (parsed.current) e.version = parsed.current.version;
            }
            idle.push(e);
          },
        },
      ],
    });
  const { load, results } = await measuredLoad(urls, one);
  const errors = results.reduce((n, r) => n + r.errors + r.timeouts, 0);
  if (refused || errors)
    notes.push(`autosave at ${connections} over ${urls.length} server(s)${overallRate ? ' paced' : ''}: ${refused} refused, ${errors} errors/timeouts`);
  return load;
}

async function bareRoute(urls: string[], connections: number): Promise<LoadResult> {
  return (await measuredLoad(urls, (url) => autocannon({ url: `${url}/api/health`, connections: connections / urls.length, duration: 5 }))).load;
}

/** The bare route's row: its rate and latency beside the raw database's. */
async function bareRouteRow(label: string, urls: string[], connections: number, raw: number, rawLabel: string): Promise<LoadResult> {
  const r = await bareRoute(urls, connections);
  add(
    `${label}: bare route handler (/api/health), ${connections} connection${connections > 1 ? 's' : ''}`,
    `${Math.round(r.rate)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms; ${cpuText(r.cpu)}`,
    `${rawLabel} ${Math.round(raw)} /s`,
    `${((r.rate / raw) * 100).toFixed(1)}%`,
    '',
  );
  return r;
}

/**
 * The bare route and then the autosave at the same number of connections, measured back to back so both see the
 * machine in the same state: the autosave's rate beside the raw driver write and beside the bare route at that
 * connection count (like with like: 10 editors against 10 connections, 50 against 50).
 */
async function autosaveAgainstBare(
  label: string,
  urls: string[],
  editors: Editor[],
  connections: number,
  raw: number,
  rawLabel: string,
  target = '',
): Promise<{ rate: number; cpu: number }> {
  const bare = await bareRouteRow(label, urls, connections, raw, rawLabel);
  const r = await autosaveLoad(urls, editors, connections);
  add(
    `${label}: HTTP autosave, ${connections} editor${connections > 1 ? 's' : ''} saving back to back`,
    `${Math.round(r.rate)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms; ${cpuText(r.cpu)}`,
    `${rawLabel} ${Math.round(raw)} /s; bare route at ${connections} ${Math.round(bare.rate)} req/s, ${cpuText(bare.cpu)}`,
    `${((r.rate / raw) * 100).toFixed(1)}% of raw, ${((r.rate / bare.rate) * 100).toFixed(0)}% of bare at ${connections}` +
      (Number.isFinite(r.cpu) ? ` (by CPU per request ${((bare.cpu / r.cpu) * 100).toFixed(0)}%)` : ''),
    target,
  );
  return { rate: r.rate / bare.rate, cpu: bare.cpu / r.cpu };
}

/**
 * The least an autosave could cost on this platform, beside the least a route can cost: on the bare Next.js app
 * (tests/bench/baseline-app), a GET answering a fixed JSON and then a PUT on the autosave's path with the autosave's
 * body, read and parsed and nothing else (no session, no checks, no database), back to back at each count.
 */
async function platformFloor(): Promise<Map<number, { rate: number; cpu: number }>> {
  const bare = await bareApp();
  serverGroups.set(bare.url, bare.pid);
  const body = JSON.stringify({ content: AUTOSAVE_CONTENT, version: 1 });
  const load = async (put: boolean, connections: number): Promise<LoadResult> => {
    const { load: r, results } = await measuredLoad([bare.url], (url) =>
      autocannon({
        url: new URL(put ? '/api/reports/1/sections/measures' : '/api/ping', url).href,
        connections,
        duration: put ? 8 : 5,
        ...(put ? { method: 'PUT' as const, body, headers: { 'content-type': 'application/json' } } : {}),
      }),
    );
    const [one] = results;
    if (one!.non2xx || one!.errors) throw new Error(`the bare app answered ${one!.non2xx} errors, ${one!.errors} failures`);
    return r;
  };
  // A fresh server compiles its code on the first requests: warm both routes first, as the app is by its sign-ins.
  await load(false, 10);
  await load(true, 10);
  const out = new Map<number, { rate: number; cpu: number }>();
  for (const connections of [10, 50]) {
    const get = await load(false, connections);
    const put = await load(true, connections);
    add(
      `bare Next.js app: PUT of the autosave's body that does nothing else, ${connections} connections`,
      `${Math.round(put.rate)} req/s, p50 ${put.p50} ms, p99 ${put.p99} ms; ${cpuText(put.cpu)}`,
      `its bare GET at ${connections} ${Math.round(get.rate)} req/s, ${cpuText(get.cpu)}`,
      `${((put.rate / get.rate) * 100).toFixed(0)}% of its bare GET (by CPU per request ${((get.cpu / put.cpu) * 100).toFixed(0)}%)`,
      '',
    );
    out.set(connections, { rate: put.rate / get.rate, cpu: get.cpu / put.cpu });
  }
  return out;
}

async function autosaveBench(app: AppServer, db: Db): Promise<Editor[]> {
  console.log('\n[1] HTTP autosave on SQLite (authenticated PUT of a section, against next start)');
  await seedDrafters(db, 'bench');
  const editors = await signInDrafters(app, 'bench');

  // Baseline: the same row updated straight through better-sqlite3 (same pragmas, triggers and version check).
  const raw = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-raw-')), 'raw.db'));
  raw.$client.exec(
    "insert into counties (name) values ('基准县'); insert into townships (county_id, name, kind) values (1, '基准镇', '镇');" +
      "insert into reports (township_id, year, status, title) values (1, 2025, 'drafting', '报告');" +
      "insert into report_sections (report_id, section_key, content, plain_text) values (1, 'measures', '{}', '');",
  );
  const json = JSON.stringify(AUTOSAVE_CONTENT);
  const rawRate = await write(raw, async () => {
    const upsert = raw.$client.prepare(
      'update report_sections set content = ?, plain_text = ?, version = version + 1, updated_at = ? where report_id = 1 and section_key = ? and version = ?',
    );
    let v = 1;
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 3000) {
      if (upsert.run(json, AUTOSAVE_TEXT, Date.now(), 'measures', v).changes !== 1) throw new Error('raw upsert failed');
      v++;
      n++;
    }
    return n / ((performance.now() - t0) / 1000);
  });
  add('SQLite: raw better-sqlite3 section update', `${Math.round(rawRate)} /s`, '(baseline)', '1.00', '');

  // The framework's own floor: an unauthenticated route handler that only asks the database `select 1`, measured right
  // before the autosave at each connection count.
  const ofBare = new Map<number, { rate: number; cpu: number }>();
  for (const connections of [1, 10, 50]) {
    const target = connections === 1 ? '' : connections === 10 ? '≥ 80% of bare' : '≥ 80% of bare; ≥ 25% of raw, p99 < 50 ms';
    ofBare.set(connections, await autosaveAgainstBare('SQLite', [app.url], editors, connections, rawRate, 'raw', target));
  }
  // The platform's own floor at the same counts: on a bare Next.js app, a PUT that only reads the autosave's body.
  const floor = await platformFloor();
  const pct = (c: number) => `${(ofBare.get(c)!.rate * 100).toFixed(0)}% (by CPU per request ${(ofBare.get(c)!.cpu * 100).toFixed(0)}%)`;
  notes.push(`SQLite autosave against the bare route at the same connection count: ${pct(10)} at 10 editors, ${pct(50)} at 50 (target ≥ 80% at both).`);
  const floorPct = (c: number) => `${(floor.get(c)!.rate * 100).toFixed(0)}% (by CPU per request ${(floor.get(c)!.cpu * 100).toFixed(0)}%)`;
  notes.push(
    `The platform's floor: on a bare Next.js app, a PUT on the autosave's path that reads and parses its body and does nothing else runs at ${floorPct(10)} of the same app's bare GET at 10 connections, ${floorPct(50)} at 50.`,
  );
  // The deadline-week load as it really arrives: 50 editors, each autosaving once every 2 seconds.
  const paced = await autosaveLoad([app.url], editors, 50, 25);
  add(
    'SQLite: HTTP autosave, 50 editors each saving every 2 s',
    `${Math.round(paced.rate)} req/s, p50 ${paced.p50} ms, p99 ${paced.p99} ms`,
    '—',
    '—',
    'p99 < 50 ms',
  );
  return editors;
}

/**
 * The same autosave on PostgreSQL (a fresh database on the server of NIANBAO_TEST_PG_URL), with one instance and with
 * two instances driven over both ports. Baselines: INSERT … ON CONFLICT through node-postgres, one at a time and from
 * 10 clients at once; the bare route on the same instances.
 */
async function postgresAutosaveBench() {
  console.log('\n[1b] HTTP autosave on PostgreSQL, one instance and two');
  let t: TestPg;
  try {
    t = await freshPgDatabase({ migrate: false });
  } catch (e) {
    notes.push(`PostgreSQL rows skipped: ${(e as Error).message}`);
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-pg-'));
  const env = { DATABASE_URL: t.url };
  const a = await startApp(dataDir, undefined, env);
  const b = await startApp(dataDir, undefined, env);
  for (const x of [a, b]) serverGroups.set(x.url, x.pid);
  try {
    // The tables this process imports are SQLite's; the drafters are made by a process started on the PostgreSQL URL.
    const seeded = spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'tests/bench/seed-drafters.ts', 'pgbench'], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    if (seeded.status !== 0) throw new Error(`seeding the PostgreSQL drafters failed:\n${seeded.stderr}`);
    const editors = await signInDrafters(a, 'pgbench');
    // Baseline: a row upserted straight through the driver, as the app's compare-and-set does it.
    await t.pool.query(`insert into counties (name) values ('基准县') on conflict do nothing`);
    const town = (
      await t.pool.query(`insert into townships (county_id, name, kind) select id, '基准镇', '镇' from counties where name = '基准县' returning id`)
    ).rows[0].id as number;
    const report = (await t.pool.query(`insert into reports (township_id, year, status, title) values ($1, 2025, 'drafting', '报告') returning id`, [town]))
      .rows[0].id as number;
    const json = JSON.stringify(AUTOSAVE_CONTENT);
    const upsert = (client: { query: pg.Pool['query'] }, key: string) =>
      client.query(
        `insert into report_sections (report_id, section_key, content, plain_text) values ($1, $2, $3, $4)
         on conflict (report_id, section_key) do update set content = excluded.content, plain_text = excluded.plain_text,
           version = report_sections.version + 1, updated_at = now()`,
        [report, key, json, AUTOSAVE_TEXT],
      );
    const rawFor = async (clients: number) => {
      let n = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async (_, i) => {
          while (performance.now() - t0 < 3000) {
            await upsert(t.pool, `raw-${i}`);
            n++;
          }
        }),
      );
      return n / ((performance.now() - t0) / 1000);
    };
    const raw1 = await rawFor(1);
    add('PostgreSQL: raw node-postgres INSERT … ON CONFLICT, one client', `${Math.round(raw1)} /s`, '(baseline)', '1.00', '');
    const raw10 = await rawFor(10);
    add('PostgreSQL: raw node-postgres INSERT … ON CONFLICT, 10 clients', `${Math.round(raw10)} /s`, '(baseline)', '1.00', '');

    for (const connections of [10, 50]) await autosaveAgainstBare('PostgreSQL, 1 instance', [a.url], editors, connections, raw10, 'raw 10 clients');
    for (const connections of [10, 50]) await autosaveAgainstBare('PostgreSQL, 2 instances', [a.url, b.url], editors, connections, raw10, 'raw 10 clients');
    const paced = await autosaveLoad([a.url, b.url], editors, 50, 25);
    add(
      'PostgreSQL, 2 instances: HTTP autosave, 50 editors each saving every 2 s',
      `${Math.round(paced.rate)} req/s, p50 ${paced.p50} ms, p99 ${paced.p99} ms`,
      '—',
      '—',
      'p99 < 50 ms',
    );
  } finally {
    await a.stop();
    await b.stop();
    await t.drop();
  }
}

async function refreshVersions(url: string, editors: Editor[]) {
  for (const e of editors) {
    const r = await api<ReportWithSections>(url, { cookie: e.cookie, setCookies: [] }, 'GET', `/api/reports/${e.reportId}`);
    e.version = r.body.sections.find((s) => s.sectionKey === 'measures')!.version;
  }
}

async function exportBench() {
  console.log('\n[2] .docx export of a generated 30,000-character report');
  const text = generatedReportText(30_000);
  const d = exportDocumentFromParsed(parseReport(text), '基准镇');
  const ours = await time(() => renderExport(d, parseExportOptions({ format: 'docx' })), 20);
  const pandoc = spawnSync('pandoc', ['--version']).status === 0;
  if (!pandoc) {
    add('.docx export (30,000 chars)', ms(ours), 'pandoc not installed: row skipped (apt-get install pandoc)', '—', 'faster than pandoc');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-pandoc-'));
  const md = path.join(dir, 'report.md');
  fs.writeFileSync(md, (await renderExport(d, parseExportOptions({ format: 'md' }))).body);
  const theirs = await time(() => execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', path.join(dir, 'out.docx'), md]), 5, 1);
  add(`.docx export (${text.length} chars)`, ms(ours), `pandoc md→docx ${ms(theirs)}`, `${(ours / theirs).toFixed(2)}×`, 'faster than pandoc');
}

/**
 * A county of 40 townships × 5 years, five parts of 5,000 characters each, in invented text: every report writes its
 * own characters, lifts a paragraph now and then from a common stock (shared across townships) and carries passages
 * over from its own previous year. The whole year's comparison, against the same run's plain scan over the same text.
 */
async function similarityBench() {
  console.log('\n[5] shared passages (雷同) for a county of 40 townships × 5 years');
  const han = PARAGRAPH.replace(/[，、。“”]/g, '') + '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学所民得经';
  const rnd = (seed: number) => {
    let x = seed;
    return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  };
  const stock = Array.from({ length: 30 }, (_, i) => {
    const r = rnd(1000 + i);
    return Array.from({ length: 200 }, () => han[Math.floor(r() * han.length)]).join('');
  });
  const partText = (seed: number, previous?: string) => {
    const r = rnd(seed);
    let t = '';
    while (t.length < 5_000) {
      const x = r();
      if (x < 0.004) t += stock[Math.floor(r() * stock.length)];
      else if (previous && x < 0.008) {
        const at = Math.floor(r() * (previous.length - 300));
        t += previous.slice(at, at + 300);
      } else t += han[Math.floor(r() * han.length)];
      if (r() < 0.03) t += '，';
    }
    return t.slice(0, 5_000);
  };
  const parts: CountyPart[] = [];
  for (const [k, part] of ['measures', 'leaders', 'shortcomings', 'plans', 'other'].entries()) {
    for (let t = 0; t < 40; t++) {
      let previous: string | undefined;
      for (let y = 0; y < 5; y++) {
        const text = partText(k * 100_000 + t * 10 + y, previous);
        parts.push({ reportId: t * 5 + y + 1, townshipId: t + 1, year: 2021 + y, part, text });
        previous = text;
      }
    }
  }
  const full = await time(() => compareCounty(parts, 2025), 5, 2);
  // Baseline: one pass over every character of the same text, the least any comparison must do.
  const floor = await time(
    () =>
      parts.reduce((n, p) => {
        for (let i = 0; i < p.text.length; i++) if (p.text.charCodeAt(i) === 0xff0c) n++;
        return n;
      }, 0),
    5,
    2,
  );
  const chars = parts.reduce((n, p) => n + p.text.length, 0);
  add(`similarity, county 40 × 5 years × 5 parts (${(chars / 1e6).toFixed(1)} M chars)`, ms(full), `plain scan ${ms(floor)}`, `${(full / floor).toFixed(1)}×`, '< 1 s');
}

async function editorPageBench() {
  console.log('\n[6] the editor page of a report under heavy review');
  const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-review-')), 'review.db'));
  const county = await createCounty(db, SYSTEM_ACTOR, { name: '基准县' });
  const town = await createTownship(db, SYSTEM_ACTOR, { countyId: county.id, name: '基准镇', kind: '镇' });
  const d = await createUser(db, SYSTEM_ACTOR, { username: 'drafter', displayName: '起草人', password: 'password-1', role: 'drafter', townshipId: town.id });
  const r = await createUser(db, SYSTEM_ACTOR, { username: 'reviewer', displayName: '审核人', password: 'password-1', role: 'reviewer', countyId: county.id });
  const drafter = (await loadActor(db, d.id))!;
  const reviewer = (await loadActor(db, r.id))!;
  const report = await createReport(db, drafter, { townshipId: town.id, year: 2025 });
  await fillParts(db, report.id, drafter);
  await plantFixVerdicts(db, report.id, reviewer.id);
  await rewriteParts(db, report.id, drafter);
  await plantChangedSuggestions(db, report.id, reviewer.id, 1000, drafter);
  // Baseline: reading the four parts' rows, the least the page must do (measured first, then again after the views).
  const floorBefore = await time(() => Promise.all(SCALE_PARTS.map((k) => snapshotOf(db, report.id, k))), 10, 1);
  const t0 = performance.now();
  await loadEditorData(db, reviewer, report.id);
  const placing = performance.now() - t0;
  const full = await time(() => loadEditorData(db, reviewer, report.id), 10, 1);
  const floor = Math.min(floorBefore, await time(() => Promise.all(SCALE_PARTS.map((k) => snapshotOf(db, report.id, k))), 10, 1));
  add(
    'editor page data, first view after the parts changed: places 1,000 pending suggestions, diffs 35 需修改 verdicts once, 4 parts × 95,000 chars',
    ms(placing),
    `reading the parts ${ms(floor)}`,
    `${(placing / floor).toFixed(1)}×`,
    '< 1 s',
  );
  add('editor page data, the next views (nothing placed or diffed again)', ms(full), `reading the parts ${ms(floor)}`, `${(full / floor).toFixed(1)}×`, '< 1 s');
}

async function dashboardBench() {
  console.log('\n[4] county dashboard with 3,000 townships × 10 years');
  const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-dash-')), 'dash.db'));
  const sql = db.$client;
  await loadScaleData(db);
  const u = await createUser(db, SYSTEM_ACTOR, { username: 'rev', displayName: '审核人', password: 'password-1', role: 'reviewer', countyId: 17 });
  const reviewer = (await loadActor(db, u.id))!;
  const now = new Date('2026-02-01T00:00:00+08:00');
  const full = await time(() => loadDashboard(db, reviewer, undefined, 2025, now), 20);
  const floor = await time(
    () =>
      sql
        .prepare('select r.id, r.status from reports r join townships t on t.id = r.township_id where t.county_id = ? and r.year = ?')
        .all(17, 2025).length,
    20,
  );
  add('dashboard, one county × year (100 of 3,000 townships, 30,000 reports)', ms(full), `bare report query ${ms(floor)}`, `${(full / floor).toFixed(1)}×`, '< 200 ms');
}

async function keystrokeLatency(page: Page, selector: string): Promise<number[]> {
  // The page typed into is the tab in front: a tab behind another gets no frames and slowed timers.
  await page.bringToFront();
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __listening?: boolean };
    w.__lat = [];
    // Once per page, however many rounds type into it.
    if (w.__listening) return;
    w.__listening = true;
    document.addEventListener(
      'keydown',
      (e) => {
        const t0 = e.timeStamp;
        // The frame after the keystroke has been painted once the task queued after its animation frame runs.
        requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - t0), 0));
      },
      true,
    );
  });
  await page.locator(selector).first().click();
  await page.keyboard.press('Control+End');
  for (let i = 0; i < 140; i++) {
    await page.keyboard.press(i % 10 === 9 ? 'Space' : 'KeyA');
    await page.waitForTimeout(15);
  }
  await page.waitForTimeout(300);
  const all = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
  return all.slice(20);
}

/**
 * BENCH_PROFILE=file.cpuprofile: the page's CPU profile while `run` types (opens in Chrome DevTools' Performance panel),
 * and its top self times printed, each with the script text it points at (the app's scripts are minified).
 */
async function profiled(page: Page, run: () => Promise<unknown>): Promise<void> {
  const out = process.env.BENCH_PROFILE;
  if (!out) return;
  if (process.env.BENCH_TRACE) await traced(page, run);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  fs.writeFileSync(out, JSON.stringify(profile));
  const scripts = new Map<string, string[]>();
  console.log(`  CPU profile written to ${out}; top self time while typing:`);
  for (const t of topSelfTime(profile, 25)) {
    const at = /^(.*) (\S+):(\d+):(\d+)$/.exec(t.name);
    let text = '';
    if (at) {
      const url = at[2]!;
      if (!scripts.has(url)) scripts.set(url, await fetch(url).then((r) => r.text(), () => '').then((x) => x.split('\n')));
      const line = scripts.get(url)![Number(at[3]) - 1] ?? '';
      text = line.slice(Math.max(0, Number(at[4]) - 1), Number(at[4]) + 90);
    }
    console.log(`    ${ms(t.ms).padStart(9)} ${(t.share * 100).toFixed(1).padStart(5)}%  ${at ? `${at[1]} …${at[2]!.slice(-24)}  ${text}` : t.name}`);
  }
  await cdp.detach();
}

const KEYSTROKE_SUGGESTIONS = 60;

/** `n` pending suggestions by a reviewer on 24-character passages spread over the part, drawn in the drafter's text. */
async function plantPendingSuggestions(db: Db, reportId: number, key: BodySectionKey, n: number) {
  const text = (await snapshotOf(db, reportId, key)).plainText;
  const reviewer = (await db.select({ id: users.id }).from(users).where(eq(users.role, 'reviewer')).limit(1))[0]!;
  const rows = Array.from({ length: n }, (_, i) => {
    let start = Math.floor(((i + 0.5) * (text.length - 40)) / n);
    while (text.slice(start, start + 24).includes('\n')) start++;
    return { reportId, sectionKey: key, authorId: reviewer.id, anchor: createAnchor(text, start, start + 24), replacement: `建议改为第${i}处`, reason: null };
  });
  await write(db, () => db.insert(suggestions).values(rows));
}

/** BENCH_TRACE=1 (with BENCH_PROFILE): a timeline trace while `run` types, its longest kinds of event per thread printed. */
async function traced(page: Page, run: () => Promise<unknown>): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const events: Array<{ name: string; ph: string; dur?: number; tid: number; pid: number; args?: { name?: string } }> = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as typeof events)));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline.frame,blink,cc,gpu,viz', transferMode: 'ReportEvents' });
  await run();
  await cdp.send('Tracing.end');
  await done;
  const threads = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const total = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const k = `${threads.get(`${e.pid}:${e.tid}`) ?? e.tid} · ${e.name}`;
    total.set(k, (total.get(k) ?? 0) + e.dur / 1000);
  }
  console.log('  trace while typing, longest kinds of event (total ms, nested events counted in each):');
  for (const [k, v] of [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`    ${ms(v).padStart(10)}  ${k}`);
  await cdp.detach();
}

async function browserBench(app: AppServer, browser: Browser, db: Db, editor: { cookie: string; reportId: number; version: number }, firstLoad = true) {
  console.log(`\n[5] keystroke to paint in a 50,000-character section with ${KEYSTROKE_SUGGESTIONS} pending suggestions drawn (Chromium)`);
  await refreshVersions(app.url, [editor]);
  const big = Array.from({ length: Math.ceil(50_000 / PARAGRAPH.length) }, (_, i) => `${i + 1}. ${PARAGRAPH}`).join('\n').slice(0, 50_000);
  const saved = await api<{ version: number }>(app.url, { cookie: editor.cookie, setCookies: [] }, 'PUT', `/api/reports/${editor.reportId}/sections/measures`, {
    content: doc(big),
    version: editor.version,
  });
  if (saved.status !== 200) throw new Error(`could not save the large section: ${JSON.stringify(saved.body)}`);
  await plantPendingSuggestions(db, editor.reportId, 'measures', KEYSTROKE_SUGGESTIONS);
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 900 } });
  await context.addCookies(
    editor.cookie.split('; ').map((pair) => {
      const i = pair.indexOf('=');
      return { name: pair.slice(0, i), value: pair.slice(i + 1), url: app.url };
    }),
  );
  const page = await context.newPage();
  await page.goto(`/reports/${editor.reportId}/edit`);
  await page.locator('[data-section-editor="measures"] .ProseMirror').waitFor();
  await page.locator('[data-section-editor="measures"] .suggest-del').first().waitFor();
  const drawn = await page.locator('[data-section-editor="measures"] .suggest-del').count();
  if (drawn < KEYSTROKE_SUGGESTIONS) throw new Error(`only ${drawn} of ${KEYSTROKE_SUGGESTIONS} suggestions are drawn`);
  const bare = await context.newPage();
  await bare.setContent(
    `<div contenteditable="true" id="bare" style="width:700px;font:16px serif">${big
      .split('\n')
      .map((l) => `<p>${l}</p>`)
      .join('')}</div>`,
  );
  // The stack's own floor: the bare Next.js app's page, a plain TipTap editor (StarterKit, nothing of ours), given the
  // same paragraphs in the same box as the plain contenteditable.
  const tiptap = await context.newPage();
  await tiptap.goto((await bareApp()).url);
  await tiptap.locator('.ProseMirror').waitFor();
  await tiptap.addStyleTag({ content: '.ProseMirror { width: 700px; font: 16px serif; outline: none; }' });
  await tiptap.evaluate((paras) => {
    const dom = document.querySelector('.ProseMirror') as HTMLElement & { editor?: { commands: { setContent(c: unknown): boolean } } };
    if (!dom.editor) throw new Error('the bare app does not expose its editor');
    dom.editor.commands.setContent({ type: 'doc', content: paras.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
  }, big.split('\n'));
  // BENCH_KEYSTROKE_ROUNDS=n (3 unless set) types n rounds into each page, alternately, so a busy moment of the machine
  // falls on all three; a p95 of one round's 122 keys rests on its six slowest and moves by a whole frame from run to run.
  const rounds = Math.max(1, Number(process.env.BENCH_KEYSTROKE_ROUNDS ?? 3));
  const ours: number[] = [];
  const floor: number[] = [];
  const stack: number[] = [];
  // The profiler slows the page down: its round is typed first and not counted.
  await profiled(page, () => keystrokeLatency(page, '[data-section-editor="measures"] .ProseMirror'));
  for (let r = 0; r < rounds; r++) {
    ours.push(...(await keystrokeLatency(page, '[data-section-editor="measures"] .ProseMirror')));
    floor.push(...(await keystrokeLatency(bare, '#bare')));
    stack.push(...(await keystrokeLatency(tiptap, '.ProseMirror')));
  }
  const ratio = (q: number, of = ours) => (quantile(of, q) / quantile(floor, q)).toFixed(2);
  add(
    `keystroke to paint, 50,000-char section (${ours.length} keys)`,
    `p50 ${ms(quantile(ours, 0.5))}, p95 ${ms(quantile(ours, 0.95))}`,
    `plain contenteditable p50 ${ms(quantile(floor, 0.5))}, p95 ${ms(quantile(floor, 0.95))}`,
    `${ratio(0.5)}× at p50, ${ratio(0.95)}× at p95`,
    'p95 ≤ 1.1×',
  );
  add(
    `keystroke to paint, the same text in a bare TipTap editor (${stack.length} keys)`,
    `p50 ${ms(quantile(stack, 0.5))}, p95 ${ms(quantile(stack, 0.95))}`,
    `plain contenteditable p50 ${ms(quantile(floor, 0.5))}, p95 ${ms(quantile(floor, 0.95))}`,
    `${ratio(0.5, stack)}× at p50, ${ratio(0.95, stack)}× at p95; ours at p95 ${(quantile(ours, 0.95) / quantile(stack, 0.95)).toFixed(2)}× it`,
    '',
  );
  notes.push(
    `Keystroke at p95: the editor page ${ratio(0.95)}× the plain contenteditable; a bare TipTap editor holding the same text (the stack's floor) ${ratio(0.95, stack)}×.`,
  );
  await context.close();
  if (!firstLoad) return;

  console.log('\n[6] first-load JavaScript');
  const measure = async (url: string, loggedIn: boolean) => {
    const ctx = await browser.newContext({ baseURL: app.url });
    if (loggedIn)
      await ctx.addCookies(
        editor.cookie.split('; ').map((pair) => {
          const i = pair.indexOf('=');
          return { name: pair.slice(0, i), value: pair.slice(i + 1), url: app.url };
        }),
      );
    const p = await ctx.newPage();
    const bodies: Array<Promise<Buffer>> = [];
    p.on('response', (r) => {
      if (r.request().resourceType() === 'script') bodies.push(r.body().catch(() => Buffer.alloc(0)));
    });
    await p.goto(url, { waitUntil: 'networkidle' });
    const all = await Promise.all(bodies);
    await ctx.close();
    return { raw: all.reduce((a, b) => a + b.length, 0), gzip: all.reduce((a, b) => a + zlib.gzipSync(b).length, 0), files: all.length };
  };
  const edit = await measure(`/reports/${editor.reportId}/edit`, true);
  const login = await measure('/login', false);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const baseline = await bareApp();
  try {
    const plain = await measure(baseline.url, false);
    add(
      'first-load JS, editor page',
      `${kb(edit.gzip)} gzip (${kb(edit.raw)} raw, ${edit.files} files)`,
      `bare Next.js page with a plain TipTap editor ${kb(plain.gzip)} gzip (${kb(plain.raw)} raw, ${plain.files} files)`,
      `${(edit.gzip / plain.gzip).toFixed(2)}×`,
      '≤ 1.5×',
    );
  } finally {
    await baseline.stop();
  }
  add(
    'first-load JS, login page',
    `${kb(login.gzip)} gzip (${kb(login.raw)} raw, ${login.files} files)`,
    `editor page ${kb(edit.gzip)} gzip`,
    `${(login.gzip / edit.gzip).toFixed(2)}×`,
  );
}

function machine(browserVersion: string): string {
  const cpus = os.cpus();
  const sqlite = openDatabase(':memory:').$client.prepare('select sqlite_version() as v').get() as { v: string };
  return [
    `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${os.type()} ${os.release()}`,
    `Node ${process.version}, SQLite ${sqlite.v}, Chromium ${browserVersion}`,
  ].join('\n');
}

async function main() {
  const started = Date.now();
  console.log('法治年报 benchmarks — building and starting the app …');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
  const app = await startApp(dataDir);
  serverGroups.set(app.url, app.pid);
  const browser = await launchChromium();
  try {
    const db = openDatabase(path.join(dataDir, 'nianbao.db'));
    // BENCH_ONLY=keystroke,first-load (say) runs only those parts; the SQLite autosave always runs (it signs in the editors).
    const only = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean));
    const want = (part: string) => only.size === 0 || only.has(part);
    const editors = await autosaveBench(app, db);
    if (want('postgres')) await postgresAutosaveBench();
    if (want('export')) await exportBench();
    if (want('parse')) await parseBench(add, generatedReportText, (n) => notes.push(n));
    if (want('dashboard')) await dashboardBench();
    if (want('similarity')) await similarityBench();
    if (want('editor-page')) await editorPageBench();
    if (want('season')) await seasonBench(add, time, generatedReportText);
    if (want('keystroke') || want('first-load')) await browserBench(app, browser, db, editors[0]!, want('first-load'));
    console.log(`\nMachine:\n${machine(browser.version())}\n`);
    console.log('| Measure | Result | Baseline (same run) | Ratio | Target |\n|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.what} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} |`);
    for (const n of notes) console.log(`\nNote: ${n}`);
    console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
  } finally {
    await browser.close();
    await app.stop();
    await stopBareApp();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
