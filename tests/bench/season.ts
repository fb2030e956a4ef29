// Bench rows for the season packs: coverage of the 事项 for one 35,000-character report (target < 5 ms) and the
// county coverage map for 40 townships (target < 200 ms), each beside a baseline from the same run. Called by
// tests/bench/run.ts; also runs alone: `node --import tsx tests/bench/season.ts`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { countyCoverage } from '@/lib/dashboard/coverage';
import { createUser } from '@/lib/directory/accounts';
import { createCounty, createTownship } from '@/lib/directory/townships';
import { loadActor } from '@/lib/auth/actor';
import { SYSTEM_ACTOR } from '@/lib/domain/permissions';
import { parseReport } from '@/lib/domain/parse';
import { coverReport } from '@/lib/domain/season/coverage';
import { defaultPack } from '@/lib/domain/season/defaults';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { saveSection } from '@/lib/drafting/service';
import { createReport } from '@/lib/reports/service';
import { reportSections } from '@/db/schema';
import { time } from './measure';

type Add = (what: string, value: string, baseline: string, ratio: string, target?: string) => void;
type Time = (run: () => unknown, times: number) => Promise<number>;
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;

export async function seasonBench(add: Add, time: Time, reportText: (chars: number) => string): Promise<void> {
  console.log('\n[5] season packs: coverage of the 事项');
  const text = reportText(35_000);
  const parsed = parseReport(text);
  const sections = parsed.sections;
  const pack = defaultPack(2025);
  const full = await time(() => coverReport(sections, pack), 50);
  // Baseline: one indexOf per keyword over the body, the least a keyword search must do.
  const body = Object.values(sections).join('\n');
  const words = pack.items.flatMap((i) => i.keywords);
  const floor = await time(() => words.filter((w) => body.includes(w)).length, 50);
  add(`coverage of one report (${text.length} chars, ${pack.items.length} items)`, ms(full), `indexOf per keyword ${ms(floor)}`, `${(full / floor).toFixed(1)}×`, '< 5 ms');

  const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-season-')), 'season.db'));
  const county = await createCounty(db, SYSTEM_ACTOR, { name: '基准县' });
  const admin = (await loadActor(db, (await createUser(db, SYSTEM_ACTOR, { username: 'bench-admin', displayName: '管理员', password: 'password-1', role: 'admin' })).id))!;
  const perPart = reportText(35_000).split('\n').slice(5, 200).join('\n');
  for (let i = 0; i < 40; i++) {
    const t = await createTownship(db, SYSTEM_ACTOR, { countyId: county.id, name: `基准${i}镇`, kind: '镇' });
    const r = await createReport(db, admin, { townshipId: t.id, year: 2025 }, new Date('2025-12-01T09:00:00+08:00'));
    for (const key of ['measures', 'leaders', 'shortcomings', 'plans'] as const) {
      await saveSection(db, admin, r.id, key, { content: docFromText(perPart.slice(0, 8_750)), version: 1 });
    }
  }
  const map = await time(() => countyCoverage(db, admin, county.id, 2025), 10);
  const bare = await time(() => db.select({ t: reportSections.plainText }).from(reportSections), 10);
  add('county coverage map (40 townships × 35,000 chars)', ms(map), `bare section text query ${ms(bare)}`, `${(map / bare).toFixed(1)}×`, '< 200 ms');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const para = '全年围绕法治政府建设目标任务，健全重大行政决策程序，开展行政执法案卷评查12次，推进“谁执法谁普法”责任制落实，组织干部学法用法，化解矛盾纠纷36件。';
  const text = (chars: number) => {
    const heads = ['一、2025年度推进法治政府建设的主要举措和成效', '二、2025年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况', '三、2025年度推进法治政府建设存在的不足和原因', '四、2026年度推进法治政府建设的主要安排'];
    const per = Math.ceil(chars / 4 / para.length);
    return ['关于基准镇2025年度法治政府建设情况的报告', '', '基准县人民政府：', '    2025年，基准镇坚持依法行政。现将有关情况报告如下：', ...heads.flatMap((h) => [h, ...Array.from({ length: per }, () => `    ${para}`)])].join('\n');
  };
  void seasonBench((w, v, b, r, t = '') => console.log(`  ${w}: ${v}  |  ${b}  |  ${r}  |  ${t}`), time, text);
}
