import Link from 'next/link';
import { getDb } from '@/db';
import { SiteHeader } from '@/components/site-header';
import { orInterrupt, requirePageActor } from '@/lib/auth/session';
import { formatDateTime, formatDocumentDate } from '@/lib/format';
import { parseId } from '@/lib/http';
import { STATUS_LABELS } from '@/lib/labels';
import { sectionHeading } from '@/lib/report/template';
import { docToText, type TiptapNode } from '@/lib/report/tiptap-doc';
import { getReportForActor } from '@/lib/reports';
import { logoutAction } from '../../actions';

export const dynamic = 'force-dynamic';

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const { report, township, sections } = orInterrupt(() => getReportForActor(getDb(), actor, parseId(id, '报告编号')));
  return (
    <>
      <SiteHeader actor={actor} logout={logoutAction} />
      <main className="page">
        <p className="crumbs">
          <Link href="/">我的报告</Link> / {township.name} / {report.year}年度
        </p>
        <div className="report-meta">
          <span className={`status status-${report.status}`}>{STATUS_LABELS[report.status]}</span>
          <span>最后修改：{formatDateTime(report.updatedAt)}</span>
        </div>
        <article className="paper" data-testid="report-view">
          <h1 className="doc-title">{report.title}</h1>
          {report.recipient ? <p className="doc-recipient">{report.recipient}</p> : null}
          {sections.map((s) => {
            const text = docToText(s.content as TiptapNode);
            const heading = s.sectionKey === 'preface' ? null : sectionHeading(s.sectionKey as never, report.year);
            if (s.sectionKey === 'other' && !text) return null;
            return (
              <section key={s.id} data-section={s.sectionKey}>
                {heading ? <h2 className="doc-h1">{heading}</h2> : null}
                {text ? (
                  text.split('\n').map((line, i) => (
                    <p key={i} className="doc-p">
                      {line}
                    </p>
                  ))
                ) : (
                  <p className="doc-empty">（尚未填写）</p>
                )}
              </section>
            );
          })}
          <div className="doc-signature">
            {report.signatureOrgans.map((o) => (
              <p key={o}>{o}</p>
            ))}
            {report.documentDate ? <p>{formatDocumentDate(report.documentDate)}</p> : null}
          </div>
          {report.cc ? <p className="doc-cc">{report.cc}</p> : null}
        </article>
      </main>
    </>
  );
}
