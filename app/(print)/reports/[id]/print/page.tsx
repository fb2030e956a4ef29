import { getDb } from '@/db';
import { ReportDocument } from '@/components/report-document';
import { orInterrupt, requirePageActor } from '@/lib/server/session';
import { exportDocumentFromReport } from '@/lib/export/from-report';
import { parseId } from '@/lib/server/http';
import './print.css';

export const dynamic = 'force-dynamic';

/** A page that prints to PDF from the browser in the official layout: A4 with the GB/T 9704 margins. */
export default async function PrintPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ variant?: string }>;
}) {
  const actor = await requirePageActor();
  const { id } = await params;
  const { variant } = await searchParams;
  const doc = orInterrupt(() => exportDocumentFromReport(getDb(), actor, parseId(id, '报告编号')));
  return (
    <div className="print-view">
      <ReportDocument doc={doc} variant={variant === 'public' ? 'public' : 'submit'} />
    </div>
  );
}
