import { getDb } from '@/db';
import { ImportWizard } from '@/components/import/import-wizard';
import { requirePageActor } from '@/lib/server/session';
import { can } from '@/lib/domain/permissions';
import { currentReportYear } from '@/lib/reports/service';
import { listVisibleTownships } from '@/lib/directory/townships';

export const dynamic = 'force-dynamic';

export default async function ImportPage() {
  const actor = await requirePageActor();
  const townships = (await listVisibleTownships(getDb(), actor))
    .filter((t) => can(actor, 'report.create', { townshipId: t.id, countyId: t.countyId }))
    .map((t) => ({ id: t.id, name: t.name, countyName: t.countyName }));
  return (
    <main className="page">
      <h1>导入已有报告</h1>
      <p className="muted">上传去年或今年已有的报告（Word 的 .docx 或文本 .txt），或直接粘贴从网站复制的全文。系统会识别标题、主送、四个部分和落款，您核对后再导入。</p>
      {townships.length === 0 ? (
        <p className="empty">您没有可以导入报告的乡镇（街道）。</p>
      ) : (
        <ImportWizard townships={townships} defaultYear={currentReportYear()} maxYear={new Date().getFullYear()} />
      )}
    </main>
  );
}
