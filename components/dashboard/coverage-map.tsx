// The county's coverage map: the season's 事项 (rows, level-1 headings with their level-2 items) × townships
// (columns); a filled cell where the township's report speaks of the item, blank where it wrote nothing on it.
import Link from 'next/link';
import type { CountyCoverage } from '@/lib/dashboard/coverage';

export function CoverageMap({ map }: { map: CountyCoverage }) {
  const covered = new Map(map.townships.map((t) => [t.townshipId, new Set(t.covered)]));
  const shown = map.items.filter((i) => i.level <= 2);
  return (
    <section className="card" data-testid="coverage-map">
      <h2>事项覆盖（{map.year}年度）</h2>
      <p className="muted">
        按本年度配置包的事项清单，看各乡镇（街道）报告写到了哪些事项；空白表示报告中没有写到该事项。共 {shown.length} 项。
      </p>
      <div className="coverage-scroll" tabIndex={0} role="region" aria-label="事项覆盖表（可左右滚动）">
        <table className="table coverage-table">
          <thead>
            <tr>
              <th scope="col">事项</th>
              {map.townships.map((t) => (
                <th key={t.townshipId} scope="col" className="coverage-town">
                  {t.reportId ? <Link href={`/reports/${t.reportId}/edit`}>{t.name}</Link> : t.name}
                  <span className="muted coverage-count">
                    {t.covered.filter((id) => shown.some((i) => i.id === id)).length}/{shown.length}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((i) => (
              <tr key={i.id} className={i.level === 1 ? 'coverage-head' : ''}>
                <th scope="row" className={`coverage-item level-${i.level}`}>
                  {i.id} {i.title}
                </th>
                {map.townships.map((t) => {
                  const yes = covered.get(t.townshipId)?.has(i.id) ?? false;
                  return (
                    <td key={t.townshipId} className={yes ? 'coverage-yes' : 'coverage-no'} data-testid={`cov-${t.name}-${i.id}`} title={`${t.name}：${yes ? '已写到' : '未写到'}“${i.title}”`}>
                      {yes ? '●' : ''}
                      <span className="sr-only">{yes ? '已写到' : '未写到'}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
