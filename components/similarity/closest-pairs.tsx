// The dashboard's list of the county's closest pairs (雷同): two townships, the part, the score, and the link to the
// side-by-side view with the shared passages marked in both.
import Link from 'next/link';
import { SECTION_LABELS } from '@/lib/domain/sections';
import type { CountySimilarity } from '@/lib/similarity/service';
import { Score } from './highlighted';
import './similarity.css';

/** Pairs below this share only a phrase or two: not listed. */
const SHOWN_FROM = 0.05;
const SHOWN = 10;

export function ClosestPairs({ similarity }: { similarity: CountySimilarity }) {
  const pairs = similarity.pairs.filter((p) => p.score >= SHOWN_FROM).slice(0, SHOWN);
  return (
    <section className="card" data-testid="closest-pairs">
      <h2>雷同：相似度最高的报告</h2>
      {pairs.length ? (
        <table className="table">
          <thead>
            <tr>
              <th>报告</th>
              <th>部分</th>
              <th>相同内容占比</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((p, i) => (
              <tr key={i} data-testid={`pair-${i}`}>
                <td>
                  {p.a.township} ↔ {p.b.township}
                </td>
                <td>{SECTION_LABELS[p.part]}</td>
                <td>
                  <Score score={p.score} />
                </td>
                <td>
                  <Link href={`/reports/${p.a.reportId}/similar?with=${p.b.reportId}#${p.part}`} data-testid={`pair-open-${i}`}>
                    对照查看
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">本县今年的报告之间没有发现成段相同的内容。</p>
      )}
      <p className="muted">比对时忽略标点、空格和数字的差别，20 字以上相同才算；占比按较短一方计算。</p>
    </section>
  );
}
