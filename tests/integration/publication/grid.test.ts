// A county's year × township grid through its public routes: each published report with its 报送 and 发布 dates and
// 按时/逾期 against 4月1日, a township without a published report empty (nothing of an unpublished report shown), as
// CSV a spreadsheet opens (BOM, CRLF, quoted cells, formulas defused) and as JSON; 404 for a county that does not exist.
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as csvRoute } from '@/app/(public)/public/counties/[id]/reports.csv/route';
import { GET as jsonRoute } from '@/app/(public)/public/counties/[id]/reports.json/route';
import type { Db } from '@/db/client';
import { createReport } from '@/lib/reports/service';
import { publicationGrid } from '@/lib/publication/grid';
import { transitionWithSnapshot } from '@/lib/publication/snapshot';
import { transitionReport } from '@/lib/review/transitions';
import { chinaDate } from '@/lib/shared/format';
import { worldWithSubmitted, type World } from '../../support/db';

let db: Db, w: World, reportId: number;

beforeEach(async () => {
  ({ db, w, reportId } = await worldWithSubmitted('全年开展执法检查136次。'));
  await transitionReport(db, w.reviewerA, reportId, { transition: 'approve' });
  await transitionReport(db, w.drafterA1, reportId, { transition: 'finalise' });
});

const publish = (date: string) => transitionWithSnapshot(db, w.drafterA1, reportId, { transition: 'publish', url: 'https://example.gov.cn/a', date });
const call = (route: typeof csvRoute, id: number | string, name: string) =>
  route(new Request(`http://t/public/counties/${id}/${name}`), { params: Promise.resolve({ id: String(id) }) });

/** A CSV text read the way a spreadsheet reads it: quoted cells, "" for a quote, CRLF between rows. */
async function parseCsv(res: Response): Promise<string[][]> {
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes
    .subarray(3)
    .toString('utf8')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"(?:,|$)/g)].map((m) => m[1]!.replace(/""/g, '"')));
}

describe('the county’s publication grid', () => {
  it('gives each published report its dates and 按时, the other townships empty, in CSV and JSON', async () => {
    // 甲二乡 has a report, but it is not published: nothing of it shows.
    await createReport(db, w.drafterA2, { townshipId: w.townA2, year: 2025 }, new Date('2026-01-05T09:00:00+08:00'));
    await publish('2026-03-01');
    const grid = await publicationGrid(db, w.countyA);
    expect(grid.years).toEqual([2025]);
    expect(grid.cells).toEqual([
      expect.objectContaining({ year: 2025, townshipName: '甲一镇', submittedDate: chinaDate(new Date()), publishedDate: '2026-03-01', deadline: '2026-04-01', timeliness: '按时', path: `/public/reports/${reportId}` }),
    ]);

    const csv = await call(csvRoute, w.countyA, 'reports.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain(encodeURIComponent('甲县法治政府建设年度报告.csv'));
    const rows = await parseCsv(csv);
    expect(rows[0]).toEqual(['年度', '乡镇（街道）', '名称', '报送日期', '发布日期', '公开期限', '是否按时', '网址']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[4], r[6], r[7]])).toEqual([
      ['2025', '甲一镇', '2026-03-01', '按时', `http://t/public/reports/${reportId}`],
      ['2025', '甲二乡', '', '未公开', ''],
    ]);

    const json = await (await call(jsonRoute, w.countyA, 'reports.json')).json();
    expect(json).toMatchObject({ 县区: '甲县', 年度: [2025], 乡镇街道: ['甲一镇', '甲二乡'] });
    expect(json.报告).toEqual([expect.objectContaining({ 乡镇街道: '甲一镇', 发布日期: '2026-03-01', 是否按时: '按时', 网址: `http://t/public/reports/${reportId}` })]);
  });

  it('marks a report first published on or after the deadline 逾期', async () => {
    await publish('2026-04-01');
    expect((await publicationGrid(db, w.countyA)).cells[0]!.timeliness).toBe('逾期');
  });

  it('answers 404 for a county that does not exist and is empty for one without published reports', async () => {
    expect((await call(csvRoute, 99_999, 'reports.csv')).status).toBe(404);
    expect((await call(jsonRoute, 99_999, 'reports.json')).status).toBe(404);
    expect(await parseCsv(await call(csvRoute, w.countyA, 'reports.csv'))).toHaveLength(1);
  });
});
