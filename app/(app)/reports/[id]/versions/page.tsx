import Link from 'next/link';
import { DiffView } from '@/components/review/diff-view';
import { Timeline } from '@/components/review/timeline';
import { VersionsPanel } from '@/components/review/versions-panel';
import { orInterrupt, reportPage } from '@/lib/server/session';
import { can } from '@/lib/domain/permissions';
import { formatDateTime } from '@/lib/shared/format';
import { loadReportInScope } from '@/lib/reports/service';
import { reportTimeline } from '@/lib/review/transitions';
import { changesSinceLastSubmission, listVersions } from '@/lib/review/versions';
import { isEditableStatus } from '@/lib/domain/workflow';

export const dynamic = 'force-dynamic';

export default async function VersionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, db, reportId } = await reportPage(params);
  const { report, township } = await orInterrupt(() => loadReportInScope(db, actor, reportId));
  const scope = { townshipId: township.id, countyId: township.countyId };
  const since = await changesSinceLastSubmission(db, actor, reportId);
  const versions = await listVersions(db, actor, reportId);
  const timeline = await reportTimeline(db, actor, reportId);
  return (
    <main className="page">
      <p className="crumbs">
        <Link href="/">我的报告</Link> / {township.name} / <Link href={`/reports/${report.id}/edit`}>{report.year}年度</Link> / 版本与记录
      </p>
      {since ? (
        <section className="card" data-testid="since-submission">
          <h2>自上次提交以来的修改</h2>
          <p className="muted">
            比较上一次提交（{formatDateTime(new Date(since.from.createdAt))}）与最近一次提交（{formatDateTime(new Date(since.to.createdAt))}）。
          </p>
          <DiffView sections={since.sections} />
        </section>
      ) : null}
      <section className="card">
        <h2>版本</h2>
        <VersionsPanel reportId={report.id} versions={versions} mayEdit={can(actor, 'report.edit', scope) && isEditableStatus(report.status)} />
      </section>
      <section className="card">
        <h2>流程记录</h2>
        <Timeline entries={timeline} />
      </section>
    </main>
  );
}
