import { getDb } from '@/db';
import { parseExportOptions, renderExport } from '@/lib/export';
import { exportDocumentForVariant } from '@/lib/publication/snapshot';
import { runHeavy } from '@/lib/server/heavy';
import { withActor } from '@/lib/server/http';
import { parseId } from '@/lib/shared/validation';

/** ?format=docx|md|txt&variant=submit|public|revisions (revisions: docx only)&imprint=0|1 (the 版记's 印发 line) → the file, named like 示例镇2025年度法治政府建设情况报告.docx */
export const GET = withActor<{ id: string }>(async (req, actor, params) => {
  const reportId = parseId(params.id, '报告编号');
  const q = new URL(req.url).searchParams;
  // Options first: a format or variant refused costs no query.
  const options = parseExportOptions({ format: q.get('format') ?? undefined, variant: q.get('variant') ?? undefined, imprint: q.get('imprint') ?? undefined });
  const doc = await exportDocumentForVariant(getDb(), actor, reportId, options.variant);
  const file = await runHeavy(() => renderExport(doc, options));
  return new Response(new Uint8Array(file.body), {
    headers: {
      'content-type': file.mime,
      'content-disposition': `attachment; filename="report.${file.fileName.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'no-store',
    },
  });
});
