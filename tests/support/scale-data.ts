// A county system at full size for the dashboard's scale test and benchmark: 30 counties of 100 townships, each with a
// report for 2016–2025 in a spread of states and its six parts (some left empty). Inserted with raw statements, fast.
import type { Db } from '@/db/client';
import { write } from '@/db/tx';

export const SCALE = { counties: 30, townshipsPerCounty: 100, firstYear: 2016, lastYear: 2025 } as const;

export async function loadScaleData(db: Db): Promise<void> {
  const sql = db.$client;
  // Raw statements in one better-sqlite3 transaction, under the connection's write turn.
  await write(db, async () =>
    sql.transaction(() => {
      const county = sql.prepare('insert into counties (name) values (?)');
      const town = sql.prepare('insert into townships (county_id, name, kind) values (?, ?, ?)');
      const report = sql.prepare("insert into reports (township_id, year, status, title) values (?, ?, ?, '报告')");
      const section = sql.prepare('insert into report_sections (report_id, section_key, content, plain_text) values (?, ?, \'{"type":"doc"}\', ?)');
      const statuses = ['drafting', 'submitted', 'returned', 'approved', 'final', 'published'];
      for (let c = 1; c <= SCALE.counties; c++) {
        const countyId = Number(county.run(`第${c}县`).lastInsertRowid);
        for (let t = 1; t <= SCALE.townshipsPerCounty; t++) {
          const townshipId = Number(town.run(countyId, `第${c}县第${t}镇`, '镇').lastInsertRowid);
          for (let y = SCALE.firstYear; y <= SCALE.lastYear; y++) {
            const reportId = Number(report.run(townshipId, y, statuses[(t + y) % statuses.length]).lastInsertRowid);
            for (const key of ['preface', 'measures', 'leaders', 'shortcomings', 'plans', 'other']) {
              const empty = key === 'other' || (key === 'shortcomings' && t % 3 === 0);
              section.run(reportId, key, empty ? '' : `第${t}镇${y}年的${key}，全年开展执法检查${t}次。`);
            }
          }
        }
      }
    })(),
  );
}
