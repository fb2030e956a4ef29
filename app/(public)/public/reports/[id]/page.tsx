import type { Metadata } from 'next';
import Link from 'next/link';
import { ReportDocument } from '@/components/report-document';
import { publishedReport, type PublicReport } from '@/lib/publication/service';
import { publicPageData } from '@/lib/server/public-page';
import { formatDocumentDate } from '@/lib/shared/format';

export const dynamic = 'force-dynamic';

const load = (id: string): Promise<PublicReport> => publicPageData(id, publishedReport);

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
        索引号：{r.indexNumber} · 发布机构：{r.doc.signatureOrgans.join('、') || r.townshipName}
        {r.documentDate ? ` · 成文日期：${formatDocumentDate(r.documentDate)}` : ''}
        {r.publishedDate ? ` · 发布日期：${formatDocumentDate(r.publishedDate)}` : ''}
      </p>
      {r.correctedDate ? (
        <p className="notice" data-testid="public-correction">
          更正：本文已于{formatDocumentDate(r.correctedDate)}更正，以下为更正后的全文；更正前的文本保留在页末。
        </p>
      ) : null}
      <div className="print-view">
        <ReportDocument doc={r.doc} variant="public" />
      </div>
      {r.sha256 ? (
        <p className="public-hash" data-testid="public-hash">
          公开稿存档 SHA-256：<code>{r.sha256}</code>
        </p>
      ) : null}
      <p className="public-links">
        <a href={`/public/reports/${r.id}/docx`} download>
          下载公开稿（Word）
        </a>{' '}
        <a href={`/public/reports/${r.id}/record`}>目录信息（JSON）</a>
      </p>
      {r.earlier.length ? (
        <section className="public-earlier" aria-label="更正前的文本" data-testid="public-earlier">
          <h2>更正前的文本</h2>
          {r.earlier.map((e) => (
            <details key={e.seq}>
              <summary>
                第 {e.seq} 次公开（{formatDocumentDate(e.publishedDate)}），SHA-256：<code>{e.sha256}</code>
              </summary>
              <div className="print-view">
                <ReportDocument doc={e.doc} variant="public" />
              </div>
            </details>
          ))}
        </section>
      ) : null}
    </main>
  );
}
