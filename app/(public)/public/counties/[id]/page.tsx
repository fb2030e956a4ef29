import type { Metadata } from 'next';
import Link from 'next/link';
import { publicationGrid, type PublicationGrid } from '@/lib/publication/grid';
import { publicPageData } from '@/lib/server/public-page';
import { formatDocumentDate } from '@/lib/shared/format';

export const dynamic = 'force-dynamic';

const load = (id: string): Promise<PublicationGrid> => publicPageData(id, publicationGrid);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `${(await load((await params).id)).countyName}法治政府建设年度报告` };
}

const short = (iso: string | null) => (iso ? formatDocumentDate(iso).replace(/^\d{4}年/, '') : '—');

/**
 * A county's published reports for anyone: a year × township grid (sent, published, 按时/逾期 against the deadline),
 * each cell linking to the report's public page; one year with ?year=; CSV, JSON and the Atom feed to download.
 */
export default async function PublicCountyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ year?: string }> }) {
  const { id } = await params;
  const grid = await load(id);
  const raw = (await searchParams).year;
  const year = raw && /^\d{4}$/.test(raw) ? Number(raw) : undefined;
  const years = year ? grid.years.filter((y) => y === year) : grid.years;
  const cell = new Map(grid.cells.map((c) => [`${c.year}:${c.townshipId}`, c]));
  return (
    <main className="public-report public-county">
      <h1>{grid.countyName}各乡镇（街道）法治政府建设年度报告</h1>
      <p className="public-links">
        {year ? <Link href={`/public/counties/${id}`}>全部年度</Link> : null} <a href={`/public/counties/${id}/feed`}>订阅（Atom）</a>{' '}
        <a href={`/public/counties/${id}/reports.csv`} download>
          下载表格（CSV）
        </a>{' '}
        <a href={`/public/counties/${id}/reports.json`}>数据（JSON）</a>
      </p>
      {grid.cells.length === 0 ? <p>尚无已公开的报告。</p> : null}
      {years.length ? (
        <>
        <p className="public-grid-note" id="public-grid-note">
          各乡镇（街道）逐年公开情况：报送日期、发布日期，是否在公开期限前发布。
        </p>
        <div className="public-grid-wrap" role="region" aria-labelledby="public-grid-note" tabIndex={0}>
          <table className="public-grid" data-testid="public-grid" aria-describedby="public-grid-note">
            <thead>
              <tr>
                <th scope="col">乡镇（街道）</th>
                {years.map((y) => (
                  <th scope="col" key={y}>
                    <Link href={`/public/counties/${id}?year=${y}`}>{y}年度</Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.townships.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.name}</th>
                  {years.map((y) => {
                    const c = cell.get(`${y}:${t.id}`);
                    return (
                      <td key={y} data-testid={`public-cell-${y}-${t.id}`}>
                        {c ? (
                          <>
                            <Link href={c.path}>查看报告</Link>
                            <span className="grid-dates">
                              报送 {short(c.submittedDate)} · 发布 {short(c.publishedDate)}
                            </span>
                            <span className={c.timeliness === '逾期' ? 'grid-late' : 'grid-on-time'}>{c.timeliness}</span>
                          </>
                        ) : (
                          <span className="muted">未公开</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        </>
      ) : null}
      {years.map((y) => (
        <section key={y}>
          <h2>{y}年度</h2>
          <ul data-testid={`public-year-${y}`}>
            {grid.cells
              .filter((c) => c.year === y)
              .map((c) => (
                <li key={c.reportId}>
                  <Link href={c.path}>{c.title}</Link>
                  {c.publishedDate ? <span className="muted">（{formatDocumentDate(c.publishedDate)}发布）</span> : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
