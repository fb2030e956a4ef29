// First-run seed: the demo county 示例县 with three townships, demo accounts and one finished demo report.
import { one, withTx, write } from '@/db/tx';
import { SYSTEM_ACTOR } from '@/lib/domain/permissions';
import { count, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { reports, users } from '@/db/schema';
import { demoReportText } from './demo-report';
import { createUser } from '@/lib/directory/accounts';
import { loadActor } from '@/lib/auth/actor';
import { verifyPassword } from '@/lib/auth/password';
import { createReport, currentReportYear } from '@/lib/reports/service';
import { BODY_SECTION_KEYS } from '@/lib/domain/sections';
import { docFromReportText, docToText } from '@/lib/domain/tiptap-doc';
import { sectionVersions, writeSection } from '@/lib/reports/sections';
import { createCounty, createTownship } from '@/lib/directory/townships';
import { storeSnapshot } from '@/lib/publication/snapshot';

export const DEMO_PASSWORD = 'nianbao2026';

export type DemoLogin = { username: string; displayName: string; role: string; scope: string };

export const DEMO_TOWNSHIPS = [
  { name: '示例镇', kind: '镇', drafter: 'shili', displayName: '李文（示例镇）' },
  { name: '青石乡', kind: '乡', drafter: 'qingshi', displayName: '张静（青石乡）' },
  { name: '东湖街道', kind: '街道', drafter: 'donghu', displayName: '陈明（东湖街道）' },
] as const;

export const DEMO_LOGINS: DemoLogin[] = [
  { username: 'admin', displayName: '系统管理员', role: '管理员', scope: '全部' },
  { username: 'shenhe', displayName: '王审（示例县依法治县办）', role: '审核人', scope: '示例县' },
  ...DEMO_TOWNSHIPS.map((t) => ({ username: t.drafter, displayName: t.displayName, role: '起草人', scope: t.name })),
];

/** Seeds only an empty database, so a later start never re-seeds or overwrites. */
export async function seedIfEmpty(db: Db, now: Date = new Date()): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return false;

  const county = await createCounty(db, SYSTEM_ACTOR, { name: '示例县' });
  await createUser(db, SYSTEM_ACTOR, { username: 'admin', displayName: '系统管理员', password: DEMO_PASSWORD, role: 'admin' }, { demo: true });
  await createUser(db, SYSTEM_ACTOR, {
    username: 'shenhe',
    displayName: '王审（示例县依法治县办）',
    password: DEMO_PASSWORD,
    role: 'reviewer',
    countyId: county.id,
  }, { demo: true });
  let firstDrafterId = 0;
  for (const t of DEMO_TOWNSHIPS) {
    const township = await createTownship(db, SYSTEM_ACTOR, { countyId: county.id, name: t.name, kind: t.kind });
    const drafter = await createUser(db, SYSTEM_ACTOR, {
      username: t.drafter,
      displayName: t.displayName,
      password: DEMO_PASSWORD,
      role: 'drafter',
      townshipId: township.id,
    }, { demo: true });
    if (!firstDrafterId) firstDrafterId = drafter.id;
  }

  // Last year's finished report of 示例镇, written through the same service a drafter uses.
  const drafter = (await loadActor(db, firstDrafterId))!;
  const year = currentReportYear(now) - 1;
  const report = await createReport(db, drafter, { townshipId: drafter.townshipId, year }, now);
  const text = demoReportText(year);
  await withTx(db, async (tx) => {
    const versions = await sectionVersions(tx, report.id);
    for (const key of BODY_SECTION_KEYS) {
      // Written as a drafter's editor would hold it: the （一） lines are sub-headings, so the export sets them as such.
      const content = docFromReportText(text[key]);
      await writeSection(tx, {
        reportId: report.id,
        key,
        content,
        plainText: docToText(content),
        baseVersion: versions.get(key) ?? 1,
        actor: drafter,
        now,
        conflictMessage: () => '示例报告写入时被修改。',
      });
    }
    const published = await tx
      .update(reports)
      .set({ status: 'published', documentDate: `${year + 1}-01-20`, publishedDate: `${year + 1}-03-15`, updatedBy: drafter.id })
      .where(eq(reports.id, report.id))
      .returning();
    // Its 公开稿 frozen as 登记公开 freezes it, so the public page shows it with its SHA-256.
    await storeSnapshot(tx, published[0]!, { url: null, date: `${year + 1}-03-15`, masks: [], actorId: drafter.id, now });
  });
  return true;
}

/**
 * The demo accounts that still exist with the demo password (so a changed password is never printed). Their `demo`
 * flag is brought up to date on the way, which is what the banner on every page reads.
 */
export async function activeDemoLogins(db: Db): Promise<DemoLogin[]> {
  const out: DemoLogin[] = [];
  for (const login of DEMO_LOGINS) {
    const u = await one(db.select().from(users).where(eq(users.username, login.username)));
    if (!u) continue;
    const known = await verifyPassword(DEMO_PASSWORD, u.passwordHash);
    if (u.demo !== known) await write(db, () => db.update(users).set({ demo: known }).where(eq(users.id, u.id)));
    if (u.active && known) out.push(login);
  }
  return out;
}
