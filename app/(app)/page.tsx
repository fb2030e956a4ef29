import Link from 'next/link';
import { getDb } from '@/db';
import { ActionForm } from '@/components/action-form';
import { requirePageActor } from '@/lib/server/session';
import { can } from '@/lib/domain/permissions';
import { formatDateTime } from '@/lib/shared/format';
import { STATUS_LABELS } from '@/lib/domain/labels';
import { isEditableStatus } from '@/lib/drafting/service';
import { currentReportYear, listReportsByTownship } from '@/lib/reports/service';
import { createReportAction } from './actions';
import { TableHead } from '@/components/ui/table-head';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const actor = await requirePageActor();
  const groups = await listReportsByTownship(getDb(), actor);
  const year = currentReportYear();
  return (
    <main className="page">
      <h1>年度报告</h1>
      {groups.length === 0 ? <p className="empty">暂无您可以查看的乡镇（街道）。请联系管理员分配。</p> : null}
      {groups.map(({ township, reports }) => {
        const mayCreate =
          can(actor, 'report.create', { townshipId: township.id, countyId: township.countyId }) &&
          !reports.some((r) => r.year === year);
        const hasLastYear = reports.some((r) => r.year === year - 1);
        return (
          <section key={township.id} className="card" data-testid={`township-${township.id}`}>
            <div className="card-head">
              <h2>
                {township.name}
                <small>{township.countyName}</small>
              </h2>
              {mayCreate ? (
                <div className="create-actions">
                  {hasLastYear ? (
                    <ActionForm
                      action={createReportAction}
                      submitLabel={`从${year - 1}年度报告创建${year}年度报告`}
                      pendingLabel="创建中…"
                      className="inline-form"
                    >
                      <input type="hidden" name="townshipId" value={township.id} />
                      <input type="hidden" name="year" value={year} />
                      <input type="hidden" name="from" value="last-year" />
                    </ActionForm>
                  ) : null}
                  <ActionForm
                    action={createReportAction}
                    submitLabel={hasLastYear ? '从模板创建' : `创建${year}年度报告`}
                    pendingLabel="创建中…"
                    className={hasLastYear ? 'inline-form secondary' : 'inline-form'}
                  >
                    <input type="hidden" name="townshipId" value={township.id} />
                    <input type="hidden" name="year" value={year} />
                    <input type="hidden" name="from" value="template" />
                  </ActionForm>
                </div>
              ) : null}
            </div>
            {reports.length === 0 ? (
              <p className="empty">还没有报告。</p>
            ) : (
              <table className="table">
                <TableHead columns={['年度', '标题', '状态', '最后修改', '']} />
                <tbody>
                  {reports.map((r) => (
                    <tr key={r.id} data-testid={`report-row-${r.year}`}>
                      <td>{r.year}年度</td>
                      <td>
                        <Link href={`/reports/${r.id}`}>{r.title}</Link>
                      </td>
                      <td>
                        <span className={`status status-${r.status}`}>{STATUS_LABELS[r.status]}</span>
                        {r.openSuggestions ? <span className="nav-suggestions" data-testid={`report-suggestions-${r.year}`}> · {r.openSuggestions} 条修订待处理</span> : null}
                      </td>
                      <td>
                        {formatDateTime(r.updatedAt)}
                        {r.updatedByName ? ` · ${r.updatedByName}` : ''}
                      </td>
                      <td>
                        {can(actor, 'report.edit', { townshipId: township.id, countyId: township.countyId }) && isEditableStatus(r.status) ? (
                          <Link href={`/reports/${r.id}/edit`} className="button-link">
                            编辑
                          </Link>
                        ) : can(actor, 'report.comment', { townshipId: township.id, countyId: township.countyId }) ? (
                          <Link href={`/reports/${r.id}/edit`} className="button-link">
                            审阅
                          </Link>
                        ) : (
                          <Link href={`/reports/${r.id}`}>查看</Link>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </main>
  );
}
