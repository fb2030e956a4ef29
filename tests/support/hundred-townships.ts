// The demo database plus a county of 100 townships, each with a drafter and a report (half of them submitted), read
// marks (two-column keys) and a reviewer over every county: what the engine-copy tests move between SQLite and
// PostgreSQL.
import { seedIfEmpty } from '@/cli/seed';
import type { Db } from '@/db/client';
import { counties, inboxReads, reviewerCounties } from '@/db/schema';
import { write } from '@/db/tx';
import { createUser } from '@/lib/directory/accounts';
import { createCounty, createTownship } from '@/lib/directory/townships';
import { loadActor } from '@/lib/auth/actor';
import { SYSTEM_ACTOR } from '@/lib/domain/permissions';
import { saveSection } from '@/lib/drafting/service';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { createReport } from '@/lib/reports/service';
import { transitionReport } from '@/lib/review/transitions';

export async function seedHundredTownships(db: Db): Promise<{ countyId: number; reviewerId: number }> {
  await seedIfEmpty(db);
  const countyId = (await createCounty(db, SYSTEM_ACTOR, { name: '百镇县' })).id;
  const reviewer = (await loadActor(
    db,
    (await createUser(db, SYSTEM_ACTOR, { username: 'baizhen-sh', displayName: '百镇审核', password: 'Baizhen-review-1', role: 'reviewer', countyId })).id,
  ))!;
  for (let i = 1; i <= 100; i++) {
    const t = await createTownship(db, SYSTEM_ACTOR, { countyId, name: `第${i}镇`, kind: '镇' });
    const u = await createUser(db, SYSTEM_ACTOR, {
      username: `town-${i}`,
      displayName: `起草${i}`,
      password: 'Town-drafter-1',
      role: 'drafter',
      townshipId: t.id,
    });
    const drafter = (await loadActor(db, u.id))!;
    const r = await createReport(db, drafter, { townshipId: t.id, year: 2025 });
    await saveSection(db, drafter, r.id, 'measures', {
      content: docFromText(`第${i}镇全年开展执法检查${i * 3}次，“谁执法谁普法”落实到位。\n（一）组织领导`),
      version: 1,
    });
    if (i % 2) await transitionReport(db, drafter, r.id, { transition: 'submit' });
    // Rows with two-column keys (a reviewer's further counties, read marks), for paging by composite key.
    await write(db, () => db.insert(inboxReads).values({ userId: u.id, itemKey: `returned:${r.id}:1`, readAt: new Date() }));
    await write(db, () => db.insert(inboxReads).values({ userId: u.id, itemKey: `comment:${i}`, readAt: new Date() }));
  }
  for (const c of await db.select({ id: counties.id }).from(counties)) {
    if (c.id !== countyId) await write(db, () => db.insert(reviewerCounties).values({ userId: reviewer.id, countyId: c.id }));
  }
  return { countyId, reviewerId: reviewer.id };
}
