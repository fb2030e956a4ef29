import Link from 'next/link';
import { getDb } from '@/db';
import { orInterrupt, requirePageActor } from '@/lib/server/session';
import { dashboardCounties, loadDashboard, type DashboardRow } from '@/lib/dashboard/service';
import { countyCoverage } from '@/lib/dashboard/coverage';
import { CoverageMap } from '@/components/dashboard/coverage-map';
import { formatDateTime, formatDocumentDate } from '@/lib/shared/format';
import { STATUS_LABELS } from '@/lib/domain/labels';
import { currentReportYear } from '@/lib/reports/service';
import { ZIPPED_STATUSES } from '@/lib/export/zip';
import { REPORT_STATUSES, type ReportStatus } from '@/lib/domain/vocabulary';
import { countySimilarity, highestScores } from '@/lib/similarity/service';
import { ClosestPairs } from '@/components/similarity/closest-pairs';
import { Score } from '@/components/similarity/highlighted';

export const dynamic = 'force-dynamic';

const LABELS: Record<ReportStatus | 'none', string> = { ...STATUS_LABELS, none: '未创建' };
const SORTS = { township: '乡镇', status: '状态', progress: '完成度', updated: '最后修改' } as const;
type SortKey = keyof typeof SORTS;

function progress(r: DashboardRow): number {
  return r.partsFilled / r.partsTotal + r.checklistDone / Math.max(1, r.checklistTotal);
}

function sortRows(rows: DashboardRow[], sort: SortKey): DashboardRow[] {
  const order = [...REPORT_STATUSES, 'none'];
  const by: Record<SortKey, (a: DashboardRow, b: DashboardRow) => number> = {
    township: (a, b) => a.townshipId - b.townshipId,
    status: (a, b) => order.indexOf(a.status) - order.indexOf(b.status),
    progress: (a, b) => progress(b) - progress(a),
    updated: (a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''),
  };
  return [...rows].sort(by[sort]);
}

function Days({ days, label }: { days: number | null; label: string }) {
  if (days === null) return <span className="muted">{label}：未设置</span>;
  return (
    <span className={days < 0 ? 'days overdue' : days <= 7 ? 'days soon' : 'days'} data-testid={`days-${label}`}>
      {label}：{days < 0 ? `已逾期 ${-days} 天` : days === 0 ? '今天截止' : `还有 ${days} 天`}
    </span>
  );
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string; county?: string; status?: string; sort?: string }>;
}) {
  const actor = await requirePageActor();
  const sp = await searchParams;
  const year = Number(sp.year) || currentReportYear();
  const db = getDb();
  const d = await orInterrupt(() => loadDashboard(db, actor, sp.county ? Number(sp.county) : undefined, year));
  // An admin, or a city office's reviewer covering several counties, picks the county.
  const pickable = await dashboardCounties(db, actor);
  const similarity = await orInterrupt(() => countySimilarity(db, actor, d.county.id, year));
  const similar = highestScores(similarity);
  const coverage = await countyCoverage(db, actor, d.county.id, year);
  const status = sp.status && Object.hasOwn(LABELS, sp.status) ? (sp.status as ReportStatus | 'none') : null;
  const sort: SortKey = sp.sort && Object.hasOwn(SORTS, sp.sort) ? (sp.sort as SortKey) : 'township';
  const rows = sortRows(d.rows.filter((r) => !status || r.status === status), sort);
  const max = Math.max(1, ...Object.values(d.counts));
  const link = (over: Record<string, string | null>) => {
    const p = new URLSearchParams({ year: String(year), ...(sp.county ? { county: sp.county } : {}), ...(status ? { status } : {}), sort });
    for (const [k, v] of Object.entries(over)) {
      if (v === null) p.delete(k);
      else p.set(k, v);
    }
    return `/dashboard?${p}`;
  };
  return (
    <main className="page wide">
      <div className="dash-head">
        <h1>
          {d.county.name} {year}年度报告进度
        </h1>
        <form className="inline-form" action="/dashboard">
          {pickable.length > 1 ? (
            <select name="county" defaultValue={d.county.id} aria-label="县" data-testid="county-picker">
              {pickable.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          ) : null}
          <input name="year" type="number" min={2000} max={2100} defaultValue={year} aria-label="年度" />
          <button type="submit">查看</button>
        </form>
      </div>
      <div className="dash-deadlines">
        <Days days={d.daysToCollection} label={`县收集日期${d.collectionDate ? `（${formatDocumentDate(d.collectionDate)}）` : ''}`} />
        <Days days={d.daysToPublication} label={`向社会公开（${formatDocumentDate(d.publicationDate)}前）`} />
        {d.rows.some((r) => ZIPPED_STATUSES.has(r.status)) ? (
          <a className="button-link" href={`/api/dashboard/zip?year=${year}&county=${d.county.id}`} data-testid="download-zip">
            下载已审核通过和定稿的报告（.zip）
          </a>
        ) : (
          <span className="button-link disabled" aria-disabled="true" data-testid="download-zip" title="还没有审核通过或定稿的报告">
            下载已审核通过和定稿的报告（.zip）：还没有审核通过或定稿的报告
          </span>
        )}
      </div>
      <section className="card">
        <div className="chart" data-testid="status-chart">
          {([...REPORT_STATUSES, 'none'] as const).map((s) => (
            <Link key={s} href={link({ status: status === s ? null : s })} className={`bar ${status === s ? 'active' : ''}`}>
              <span className="bar-label">{LABELS[s]}</span>
              <span className={`bar-fill status-${s}`} style={{ width: `${(d.counts[s] / max) * 100}%` }} />
              <span className="bar-count" data-testid={`count-${s}`}>
                {d.counts[s]}
              </span>
            </Link>
          ))}
        </div>
        {status ? (
          <p>
            只看“{LABELS[status]}”。<Link href={link({ status: null })}>显示全部</Link>
          </p>
        ) : null}
      </section>
      <section className="card">
        <table className="table" data-testid="dashboard-table">
          <thead>
            <tr>
              {(Object.keys(SORTS) as SortKey[]).map((k) => (
                <th key={k}>
                  <Link href={link({ sort: k })}>
                    {SORTS[k]}
                    {sort === k ? ' ▾' : ''}
                  </Link>
                </th>
              ))}
              <th>检查问题</th>
              <th>未解决批注</th>
              <th>待处理修订</th>
              <th>公开</th>
              <th title="与本县今年其他报告相同内容的最高占比">雷同</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.townshipId} data-testid={`dash-row-${r.townshipName}`}>
                <td>{r.reportId ? <Link href={`/reports/${r.reportId}/edit`}>{r.townshipName}</Link> : r.townshipName}</td>
                <td>
                  <span className={`status status-${r.status}`}>{LABELS[r.status]}</span>
                </td>
                <td>
                  部分 {r.partsFilled}/{r.partsTotal} · 清单 {r.checklistDone}/{r.checklistTotal}
                </td>
                <td>{r.updatedAt ? `${formatDateTime(new Date(r.updatedAt))}${r.updatedByName ? ` · ${r.updatedByName}` : ''}` : '—'}</td>
                <td className={r.openChecks ? 'warn' : ''}>{r.reportId ? r.openChecks : '—'}</td>
                <td>{r.reportId ? r.openThreads : '—'}</td>
                <td>{r.reportId ? r.openSuggestions : '—'}</td>
                <td className={r.publicationOverdue ? 'overdue' : ''} data-testid={`dash-published-${r.townshipName}`}>
                  {r.published ? (
                    <>
                      {r.published.date ? formatDocumentDate(r.published.date) : '已公开'}
                      {r.published.url ? (
                        <>
                          {' '}
                          <a href={r.published.url} target="_blank" rel="noopener noreferrer">
                            链接
                          </a>
                        </>
                      ) : null}
                      {r.reportId ? (
                        <>
                          {' '}
                          <Link href={`/public/reports/${r.reportId}`}>公开页</Link>
                        </>
                      ) : null}
                    </>
                  ) : r.publicationOverdue ? (
                    '逾期未公开'
                  ) : (
                    '—'
                  )}
                </td>
                <td data-testid={`dash-similar-${r.townshipName}`}>{r.reportId ? <Score score={similar.get(r.reportId) ?? 0} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ClosestPairs similarity={similarity} />
      <CoverageMap map={coverage} />
    </main>
  );
}
