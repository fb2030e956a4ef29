import Link from 'next/link';
import { getDb } from '@/db';
import { listAudit } from '@/lib/audit/log';
import { orInterrupt, requirePageActor } from '@/lib/server/session';
import { formatDateTime } from '@/lib/shared/format';
import { TableHead } from '@/components/ui/table-head';
import { ACTION_LABELS } from '@/lib/audit/describe';
import { Choice } from '@/components/ui/choice';
import { listVisibleTownships } from '@/lib/directory/townships';

export const dynamic = 'force-dynamic';


export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<{ action?: string; user?: string; from?: string; to?: string; township?: string; report?: string; page?: string; logins?: string }>;
}) {
  const actor = await requirePageActor();
  const sp = await searchParams;
  const clean = Object.fromEntries(Object.entries(sp).filter(([, v]) => v));
  const { rows, actions, page } = await orInterrupt(() => listAudit(getDb(), actor, clean));
  const townships = await listVisibleTownships(getDb(), actor);
  return (
    <main className="page wide">
      <h1>操作记录</h1>
      <form className="form grid" action="/admin/audit">
        <label>
          操作
          <select name="action" defaultValue={sp.action ?? ''}>
            <option value="">全部</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {ACTION_LABELS[a] ?? a}
              </option>
            ))}
          </select>
        </label>
        <label>
          操作人
          <input name="user" defaultValue={sp.user ?? ''} maxLength={40} />
        </label>
        <label>
          乡镇（街道）
          <Choice name="township" defaultValue={sp.township ?? ''} empty="全部" options={townships.map((t) => ({ value: t.id, label: `${t.countyName} · ${t.name}` }))} />
        </label>
        <label>
          报告编号
          <input name="report" type="number" min={1} defaultValue={sp.report ?? ''} />
        </label>
        <label>
          从
          <input type="date" name="from" defaultValue={sp.from ?? ''} />
        </label>
        <label>
          到
          <input type="date" name="to" defaultValue={sp.to ?? ''} />
        </label>
        <label className="check-label">
          <input type="checkbox" name="logins" value="1" defaultChecked={sp.logins === '1'} data-testid="audit-logins" /> 显示登录记录
        </label>
        <div className="form-actions">
          <button type="submit">筛选</button>
        </div>
      </form>
      <table className="table" data-testid="audit-table">
        <TableHead columns={['时间', '操作人', '操作', '报告', '地址', '详情']} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatDateTime(new Date(r.at))}</td>
              <td>{r.actorName ?? '系统'}</td>
              <td>{(Object.hasOwn(ACTION_LABELS, r.action) ? ACTION_LABELS[r.action] : r.action)}</td>
              <td>
                {r.reportId ? (
                  <>
                    <Link href={`/reports/${r.reportId}`}>{r.townshipName ?? r.reportId}</Link>{' '}
                    <Link href={`/admin/audit?report=${r.reportId}`} className="muted" title="只看这份报告的记录">
                      #{r.reportId}
                    </Link>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>{r.address ?? '—'}</td>
              <td className="audit-detail" title={r.detail}>
                {r.summary}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {page > 1 ? <Link href={`/admin/audit?${new URLSearchParams({ ...clean, page: String(page - 1) })}`}>上一页</Link> : null}{' '}
        {rows.length === 100 ? <Link href={`/admin/audit?${new URLSearchParams({ ...clean, page: String(page + 1) })}`}>下一页</Link> : null}
      </p>
    </main>
  );
}
