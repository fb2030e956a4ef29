import { ReportDocument } from '@/components/report-document';
import { reportPageData, type ReportPageProps } from '@/lib/server/session';
import { exportDocumentForVariant } from '@/lib/publication/snapshot';
import './print.css';

export const dynamic = 'force-dynamic';

/** A page that prints to PDF from the browser in the official layout: A4 with the GB/T 9704 margins. */
export default async function PrintPage(props: ReportPageProps<{ variant?: string }>) {
  // The 公开稿 of a published report prints as it was published (masked, frozen).
  const { data: doc, query } = await reportPageData(props, (db, actor, reportId, q) => exportDocumentForVariant(db, actor, reportId, q.variant === 'public' ? 'public' : 'submit'));
  const variant = query.variant === 'public' ? 'public' : 'submit';
  return (
    <div className="print-view">
      <ReportDocument doc={doc} variant={variant} />
    </div>
  );
}
