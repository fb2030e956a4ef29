import { ReportDocument } from '@/components/report-document';
import { orInterrupt, reportPage, type ReportPageProps } from '@/lib/server/session';
import { exportDocumentFromReport } from '@/lib/export/from-report';
import './print.css';

export const dynamic = 'force-dynamic';

/** A page that prints to PDF from the browser in the official layout: A4 with the GB/T 9704 margins. */
export default async function PrintPage({ params, searchParams }: ReportPageProps<{ variant?: string }>) {
  const { actor, db, reportId } = await reportPage(params);
  const { variant } = await searchParams;
  const doc = await orInterrupt(() => exportDocumentFromReport(db, actor, reportId));
  return (
    <div className="print-view">
      <ReportDocument doc={doc} variant={variant === 'public' ? 'public' : 'submit'} />
    </div>
  );
}
