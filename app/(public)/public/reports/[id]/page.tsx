import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { ReportDocument } from '@/components/report-document';
import { publishedReport, type PublicReport } from '@/lib/publication/service';
import { isAppError } from '@/lib/shared/errors';
import { formatDocumentDate } from '@/lib/shared/format';

export const dynamic = 'force-dynamic';

async function load(id: string): Promise<PublicReport> {
  try {
    if (!/^\d{1,15}$/.test(id)) notFound();
    return await publishedReport(getDb(), Number(id));
  } catch (e) {
    if (isAppError(e)) notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const r = await load((await params).id);
  return { title: r.title.replace(/\n/g, '') };
}

/** The 公开稿 of a published report, for anyone, without signing in. */
export default async function PublicReportPage({ params }: { params: Promise<{ id: string }> }) {
  const r = await load((await params).id);
  return (
    <main className="public-report">
      <p className="public-crumbs">
        <Link href={`/public/counties/${r.countyId}`}>{r.countyName}法治政府建设年度报告</Link> / {r.townshipName} / {r.year}年度
      </p>
      <p className="public-meta" data-testid="public-meta">
        发布机构：{r.doc.signatureOrgans.join('、') || r.townshipName}
        {r.documentDate ? ` · 成文日期：${formatDocumentDate(r.documentDate)}` : ''}
        {r.publishedDate ? ` · 发布日期：${formatDocumentDate(r.publishedDate)}` : ''}
      </p>
      <div className="print-view">
        <ReportDocument doc={r.doc} variant="public" />
      </div>
      <p className="public-links">
        <a href={`/public/reports/${r.id}/record`}>目录信息（JSON）</a>
      </p>
    </main>
  );
}
