import Link from 'next/link';
import { ReportDocument } from '@/components/report-document';
import { orInterrupt, reportPage } from '@/lib/server/session';
import { can } from '@/lib/domain/permissions';
import { isEditableStatus } from '@/lib/drafting/service';
import { exportDocumentFromReport } from '@/lib/export/from-report';
import { formatDateTime, formatDocumentDate } from '@/lib/shared/format';
import { STATUS_LABELS } from '@/lib/domain/labels';
import { getReportForActor } from '@/lib/reports/service';
import { publicationOverdue } from '@/lib/domain/template';

export const dynamic = 'force-dynamic';


export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, db, reportId } = await reportPage(params);
  const { report, township } = await orInterrupt(() => getReportForActor(db, actor, reportId));
  const doc = await exportDocumentFromReport(db, actor, reportId);
  const scope = { townshipId: township.id, countyId: township.countyId };
  const exportUrl = (format: string, variant: string) => `/api/reports/${report.id}/export?format=${format}&variant=${variant}`;
  return (
    <main className="page">
      <p className="crumbs">
        <Link href="/">我的报告</Link> / {township.name} / {report.year}年度
      </p>
      <div className="report-meta">
        <span className={`status status-${report.status}`}>{STATUS_LABELS[report.status]}</span>
        <span>最后修改：{formatDateTime(report.updatedAt)}</span>
        {report.status === 'published' ? (
          <span data-testid="published-record">
            {report.publishedDate ? `${formatDocumentDate(report.publishedDate)}公开` : '已公开'}
            {report.publishedUrl ? (
              <>
                ：
                <a href={report.publishedUrl} target="_blank" rel="noopener noreferrer">
                  {report.publishedUrl}
                </a>
              </>
            ) : null}{' '}
            <Link href={`/public/reports/${report.id}`} data-testid="public-page-link">
              本系统公开页
            </Link>
          </span>
        ) : publicationOverdue(report.year) ? (
          <span className="overdue">应在 {report.year + 1}年4月1日前公开，尚未登记公开</span>
        ) : null}
        {can(actor, 'report.edit', scope) && isEditableStatus(report.status) ? (
          <Link href={`/reports/${report.id}/edit`} className="button-link">
            编辑报告
          </Link>
        ) : can(actor, 'report.comment', scope) ? (
          <Link href={`/reports/${report.id}/edit`} className="button-link">
            审阅与批注
          </Link>
        ) : null}
        <Link href={`/reports/${report.id}/versions`}>版本与记录</Link>
      </div>
      <div className="report-tools" data-testid="export-links">
        导出：
        <a href={exportUrl('docx', 'submit')}>Word 报送稿</a>
        <a href={`${exportUrl('docx', 'submit')}&imprint=1`} title="版记末行印出“党政办公室”和印发日期（成文日期）">
          Word 报送稿（含印发机关）
        </a>
        <a href={exportUrl('docx', 'public')}>Word 公开稿</a>
        <a href={exportUrl('docx', 'revisions')} title="待处理的修订以 Word 修订标记呈现，修订理由和未解决的批注以 Word 批注呈现" data-testid="export-revisions">
          Word 修订稿（含批注）
        </a>
        <a href={exportUrl('md', 'submit')}>Markdown</a>
        <a href={exportUrl('txt', 'submit')}>纯文本</a>
        <a href={`/reports/${report.id}/print`} target="_blank" rel="noreferrer">
          打印 / 存为 PDF
        </a>
      </div>
      <ReportDocument doc={doc} showEmpty />
    </main>
  );
}
