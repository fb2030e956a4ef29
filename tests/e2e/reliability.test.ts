// Hostile reliability tests against a real `npm start` server: many editors saving one section at once, the server
// killed with SIGKILL in the middle of 1,000 autosaves, and an online backup taken during writes then restored.
import { SYSTEM_ACTOR } from '@/lib/domain/permissions';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { execute } from '@/db/tx';
import { createUser } from '@/lib/directory/accounts';
import { currentReportYear } from '@/lib/reports/service';
import { createTownship } from '@/lib/directory/townships';
import { startApp, type AppServer } from './app-server';
import { api, cliAsync, doc, ensureReport, httpLogin, type ReportWithSections, type Session } from './http';

const PASSWORD = 'nianbao2026';
// The three demo drafters and seven more townships, so 60 sections are saved at once.
const EXTRA = Array.from({ length: 7 }, (_, i) => `reliability-${i + 1}`);
const DRAFTERS = ['shili', 'qingshi', 'donghu', ...EXTRA];
const YEAR = currentReportYear();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-reliability-'));
let app: AppServer;

beforeAll(async () => {
  app = await startApp(dataDir);
  const db = openDatabase(path.join(dataDir, 'nianbao.db'));
  const county = db.$client.prepare("select id from counties where name = '示例县'").get() as { id: number };
  for (const [i, username] of EXTRA.entries()) {
    const t = await createTownship(db, SYSTEM_ACTOR, { countyId: county.id, name: `可靠性${i + 1}镇`, kind: '镇' });
    await createUser(db, SYSTEM_ACTOR, { username, displayName: username, password: PASSWORD, role: 'drafter', townshipId: t.id });
  }
  // These stand for drafters who already chose their own password at first login.
  await execute(db, sql`update users set must_change_password = 0 where username like 'reliability-%'`);
  db.$client.close();
});
afterAll(async () => {
  await app?.stop();
});

type Target = { session: Session; reportId: number; key: string; version: number };
type Acked = { version: number; text: string };

async function targets(): Promise<Target[]> {
  const all: Target[] = [];
  for (const username of DRAFTERS) {
    const session = await httpLogin(app.url, username, PASSWORD);
    const r = await ensureReport(app.url, session, YEAR);
    for (const s of r.sections) all.push({ session, reportId: r.report.id, key: s.sectionKey, version: s.version });
  }
  return all;
}

function save(t: Target, text: string, version: number) {
  return api<{ version?: number; error?: string }>(app.url, t.session, 'PUT', `/api/reports/${t.reportId}/sections/${t.key}`, {
    content: doc(text),
    version,
  });
}

async function sectionsOf(session: Session, reportId: number) {
  return (await api<ReportWithSections>(app.url, session, 'GET', `/api/reports/${reportId}`)).body.sections;
}

describe('reliability under load and failure', () => {
  it('50 editors save one section at once from the same base version: exactly one wins, 49 get 409, no gaps', async () => {
    const sessions: Session[] = [];
    for (let i = 0; i < 50; i++) sessions.push(await httpLogin(app.url, 'shili', PASSWORD));
    const report = await ensureReport(app.url, sessions[0]!, YEAR);
    const base = report.sections.find((s) => s.sectionKey === 'leaders')!;
    const results = await Promise.all(
      sessions.map((session, i) =>
        api<{ version?: number; error?: string; code?: string }>(app.url, session, 'PUT', `/api/reports/${report.report.id}/sections/leaders`, {
          content: doc(`第${i}位编辑者的文字`),
          version: base.version,
        }),
      ),
    );
    const won = results.flatMap((r, i) => (r.status === 200 ? [i] : []));
    const refused = results.filter((r) => r.status === 409);
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(49);
    for (const r of refused) {
      expect(r.body.code).toBe('conflict');
      expect(r.body.error).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(results[won[0]!]!.body.version).toBe(base.version + 1);
    const after = (await sectionsOf(sessions[0]!, report.report.id)).find((s) => s.sectionKey === 'leaders')!;
    expect(after.version).toBe(base.version + 1);
    expect(after.plainText).toBe(`第${won[0]}位编辑者的文字`);
  });

  it('SIGKILL while 1,000 autosaves are in flight: the database is intact and every acknowledged save is there', async () => {
    const all = await targets();
    const acked = new Map<Target, Acked>();
    const inFlight = new Map<Target, Acked>();
    let sent = 0;
    let ackCount = 0;
    let killed: Promise<void> | null = null;
    const TOTAL = 1000;
    const killAfter = 300 + Math.floor(Math.random() * 400);

    async function chain(t: Target) {
      let version = t.version;
      while (sent < TOTAL) {
        const n = ++sent;
        const text = `${t.key} 第${n}次自动保存：${'文字'.repeat(n % 50)}`;
        inFlight.set(t, { version: version + 1, text });
        let res;
        try {
          res = await save(t, text, version);
        } catch {
          return; // The server is gone: this save was never acknowledged.
        }
        if (res.status !== 200) throw new Error(`save refused: ${res.status} ${JSON.stringify(res.body)}`);
        inFlight.delete(t);
        version = res.body.version!;
        acked.set(t, { version, text });
        if (++ackCount === killAfter) killed = app.stop();
      }
    }
    await Promise.all(all.map(chain));
    expect(killed, 'the server was killed before all saves were sent').not.toBeNull();
    await killed;
    expect(ackCount).toBeGreaterThanOrEqual(killAfter);
    expect(sent).toBeLessThan(TOTAL + all.length);

    // The file opened cold, as the restarted server will: WAL recovery, then a full integrity check.
    const file = path.join(dataDir, 'nianbao.db');
    const raw = new Database(file);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    const stored = raw.prepare('select report_id as reportId, section_key as key, version, plain_text as text from report_sections').all() as Array<{
      reportId: number;
      key: string;
      version: number;
      text: string;
    }>;
    raw.close();
    let checked = 0;
    let committedUnanswered = 0;
    for (const t of all) {
      const row = stored.find((r) => r.reportId === t.reportId && r.key === t.key)!;
      const ack = acked.get(t);
      if (!ack) continue;
      const pending = inFlight.get(t);
      // Either the last acknowledged save, or the one in flight when the server died (committed, never answered).
      if (row.version === ack.version) expect(row.text).toBe(ack.text);
      else {
        expect(row.version).toBe(ack.version + 1);
        expect(row.text).toBe(pending?.text);
        committedUnanswered++;
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    console.log(
      `SIGKILL after ${ackCount} acknowledged of ${sent} sent saves over ${all.length} sections; ` +
        `${checked} sections checked, ${committedUnanswered} held a save committed but never answered`,
    );

    // The app starts again on the same folder and serves what was acknowledged.
    app = await startApp(dataDir, app.port);
    for (const username of DRAFTERS) {
      const session = await httpLogin(app.url, username, PASSWORD);
      const report = await ensureReport(app.url, session, YEAR);
      for (const s of report.sections) {
        const t = all.find((x) => x.reportId === report.report.id && x.key === s.sectionKey)!;
        const ack = acked.get(t);
        if (ack) expect(s.version).toBeGreaterThanOrEqual(ack.version);
      }
    }
  });

  it('a backup taken during writes restores into a fresh data folder, and the app starts with the data', async () => {
    const all = await targets();
    const acked = new Map<Target, Acked>();
    let stop = false;
    async function chain(t: Target) {
      let version = t.version;
      for (let n = 0; !stop; n++) {
        const text = `备份期间的保存 ${t.key} #${n}`;
        const res = await save(t, text, version);
        expect(res.status).toBe(200);
        version = res.body.version!;
        acked.set(t, { version, text });
      }
    }
    const writers = all.map(chain);
    await new Promise((r) => setTimeout(r, 1500));
    const before = new Map(acked);
    const backupFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-backup-')), 'backup.db');
    const backup = await cliAsync(dataDir, 'backup', backupFile);
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await Promise.all(writers);
    expect(backup.status, backup.stderr).toBe(0);
    expect(before.size).toBeGreaterThan(10);

    const check = new Database(backupFile, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    // Restored the documented way, into a fresh data folder.
    const restoredDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-restored-'));
    const restore = await cliAsync(restoredDir, 'restore', backupFile);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/已从 .* 恢复到 .*nianbao\.db：\d+ 个乡镇（街道）/);
    const restored = await startApp(restoredDir);
    try {
      let compared = 0;
      for (const username of DRAFTERS) {
        const session = await httpLogin(restored.url, username, PASSWORD);
        const list = await api<{ townships: Array<{ reports: Array<{ id: number; year: number }> }> }>(restored.url, session, 'GET', '/api/reports');
        const id = list.body.townships[0]!.reports.find((r) => r.year === YEAR)!.id;
        const res = await api<ReportWithSections>(restored.url, session, 'GET', `/api/reports/${id}`);
        for (const s of res.body.sections) {
          const t = all.find((x) => x.reportId === id && x.key === s.sectionKey)!;
          // Everything acknowledged before the backup began is in it; nothing newer than the last save is.
          expect(s.version).toBeGreaterThanOrEqual(before.get(t)?.version ?? t.version);
          expect(s.version).toBeLessThanOrEqual(acked.get(t)?.version ?? t.version);
          compared++;
        }
      }
      expect(compared).toBe(all.length);
    } finally {
      await restored.stop();
    }
  });
});
