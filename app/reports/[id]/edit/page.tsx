import Link from 'next/link';
import { getDb } from '@/db';
import { ReportWorkspace } from '@/components/drafting/report-workspace';
import { SiteHeader } from '@/components/site-header';
import { orInterrupt, requirePageActor } from '@/lib/auth/session';
import { loadEditorData } from '@/lib/drafting';
import { parseId } from '@/lib/http';
import { logoutAction } from '../../../actions';

export const dynamic = 'force-dynamic';

export default async function EditReportPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const reportId = orInterrupt(() => parseId(id, '报告编号'));
  const data = orInterrupt(() => loadEditorData(getDb(), actor, reportId));
  return (
    <>
      <SiteHeader actor={actor} logout={logoutAction} />
      <div className="editor-crumbs">
        <Link href="/">我的报告</Link> / {data.township.name} / {data.report.year}年度
      </div>
      <ReportWorkspace initial={data} />
    </>
  );
}
