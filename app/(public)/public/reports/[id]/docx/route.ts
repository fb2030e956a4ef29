import { getDb } from '@/db';
import { renderExport, parseExportOptions } from '@/lib/export';
import { publishedReport } from '@/lib/publication/service';
import { runHeavy } from '@/lib/server/heavy';
import { PUBLIC_CACHE, publicRoute } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';

/** The published 公开稿 (frozen, masked) as a Word file; 404 for anything not published. No login. */
export const GET = publicRoute<{ id: string }>(async (_req, params) => {
  const r = await publishedReport(getDb(), parseId(params.id, '报告编号'));
  const file = await runHeavy(() => renderExport(r.doc, parseExportOptions({ format: 'docx', variant: 'public' })));
  return new Response(new Uint8Array(file.body), {
    headers: {
      'content-type': file.mime,
      'content-disposition': `attachment; filename="report.docx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': PUBLIC_CACHE,
    },
  });
});
