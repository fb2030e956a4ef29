import { getDb } from '@/db';
import { gridCsv, publicationGrid } from '@/lib/publication/grid';
import { PUBLIC_CACHE, publicOrigin, publicRoute } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';

/** A county's year × township grid of published reports as CSV, for the county site and evaluators. No login. */
export const GET = publicRoute<{ id: string }>(async (req, params) => {
  const grid = await publicationGrid(getDb(), parseId(params.id, '县编号'));
  return new Response(gridCsv(grid, publicOrigin(req)), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="reports.csv"; filename*=UTF-8''${encodeURIComponent(`${grid.countyName}法治政府建设年度报告.csv`)}`,
      'cache-control': PUBLIC_CACHE,
    },
  });
});
