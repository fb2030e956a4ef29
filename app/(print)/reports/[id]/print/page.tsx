import { ReportDocument } from '@/components/report-document';
import { reportPageData, type ReportPageProps } from '@/lib/server/session';
import { exportDocumentFromReport } from '@/lib/export/from-report';
import './print.css';

export const dynamic = 'force-dynamic';

/** A page that prints to PDF from the browser in the official layout: A4 with the GB/T 9704 margins. */
export default async function PrintPage(props: ReportPageProps<{ variant?: string }>) {
  const { data: doc, query } = await reportPageData(props, (db, actor, reportId) => exportDocumentFromReport(db, actor, reportId));
  const variant = query.variant;
  return (
    <div className="print-view">
      <ReportDocument doc={doc} variant={variant === 'public' ? 'public' : 'submit'} />
    </div>
  );
}
