import Link from 'next/link';
import { ReportWorkspace } from '@/components/drafting/report-workspace';
import { reportPageData, type ReportPageProps } from '@/lib/server/session';
import { loadEditorData } from '@/lib/drafting/service';

export const dynamic = 'force-dynamic';

export default async function EditReportPage(props: ReportPageProps<{ imported?: string; comment?: string }>) {
  const {
    data,
    query: { imported, comment },
  } = await reportPageData(props, (db, actor, reportId) => loadEditorData(db, actor, reportId));
  return (
    <>
      <div className="editor-crumbs">
        <Link href="/">我的报告</Link> / {data.township.name} / {data.report.year}年度
      </div>
      {imported ? (
        <div className="msg ok import-done" role="status" data-testid="import-done">
          导入完成，请逐部分核对。
          {imported === 'replaced' ? (
            <>
              原有内容已保存为版本“导入前的内容”，可在<Link href={`/reports/${data.report.id}/versions`}>版本与记录</Link>中对照或恢复。
            </>
          ) : null}
        </div>
      ) : null}
      {/* ?comment=…: opened on a comment thread (a 待办 item about a mention links here). */}
      <ReportWorkspace initial={data} focusThread={/^\d{1,9}$/.test(comment ?? '') ? Number(comment) : null} />
    </>
  );
}
