'use client';
// The drafting page's 相似内容 tab: what the part shown shares with the county's other reports this year and with
// the township's earlier years, and how concrete it is beside the county's median. A reviewer sees which township and
// opens the two side by side; a drafter sees only that a passage of their own also appears elsewhere in the county
// (the answer carries no other township's name, id or text for them), and their own earlier years in full.
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { apiCall } from '@/components/ui/api-call';
import { isVague } from '@/lib/domain/similarity';
import { countChars } from '@/lib/domain/text-utils';
import { SECTION_LABELS } from '@/lib/domain/sections';
import type { PartKey } from '@/lib/domain/vocabulary';
import type { ReportSimilarity, SharedPassage } from '@/lib/similarity/service';
import { useDrafting } from '@/components/drafting/drafting-context';
import { Score } from './highlighted';
import './similarity.css';

function Passages({ shared }: { shared: SharedPassage[] }) {
  return (
    <>
      {shared.map((s, i) => (
        <blockquote key={i}>{s.text}</blockquote>
      ))}
    </>
  );
}

export function SimilarityPanel() {
  const { reportId, part, partText } = useDrafting();
  const [data, setData] = useState<ReportSimilarity | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    void apiCall<ReportSimilarity>(`/api/reports/${reportId}/similarity`).then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.data);
        setError(null);
      } else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [reportId, tick]);

  if (error) return <p className="msg error">{error}</p>;
  if (!data) return <p className="muted">正在比对…</p>;
  if (!part || part === 'preface') return <p className="muted">请在左侧选择报告的一、二、三、四或五部分。</p>;
  const key = part as PartKey;
  const others = data.others.filter((o) => o.part === key);
  const earlier = data.earlier.filter((e) => e.part === key);
  const spec = data.specificity[key];
  const chars = countChars(partText);
  return (
    <div data-testid="similarity-panel">
      <p className="muted">
        {SECTION_LABELS[key]}
        <button type="button" className="small" onClick={() => setTick((t) => t + 1)} style={{ marginLeft: 8 }}>
          重新比对
        </button>
      </p>
      <h4>具体程度</h4>
      {spec ? (
        <>
          <table className="spec-table" data-testid="specificity">
            <tbody>
              <tr>
                <th>带单位的数字</th>
                <td>{spec.figures}</td>
                <th>案例</th>
                <td>{spec.cases}</td>
              </tr>
              <tr>
                <th>文件名称《》</th>
                <td>{spec.documents}</td>
                <th>日期</th>
                <td>{spec.dates}</td>
              </tr>
              <tr>
                <th>每百字</th>
                <td>{spec.perHundred}</td>
                <th>全县中位数</th>
                <td>{spec.countyMedian ?? '—'}</td>
              </tr>
            </tbody>
          </table>
          {isVague(spec.perHundred, spec.countyMedian, chars) ? (
            <p className="vague-hint" data-testid="vague-hint">
              较空泛：这一部分的具体数字、案例、文件和日期明显少于全县中位数，可补充实际做法和成效（仅为提示，不影响提交）。
            </p>
          ) : null}
        </>
      ) : (
        <p className="muted">这一部分还没有内容。</p>
      )}
      <h4>与本县今年其他报告相同的内容</h4>
      {others.length ? (
        <ul className="sim-list" data-testid="similar-others">
          {others.map((o, i) => (
            <li key={i}>
              {o.township ? (
                <>
                  {o.township} <Score score={o.score} />{' '}
                  <Link href={`/reports/${reportId}/similar?with=${o.reportId}#${key}`} data-testid={`open-side-by-side-${o.reportId}`}>
                    对照查看
                  </Link>
                </>
              ) : (
                <>
                  本段内容也出现在本县今年的其他报告中 <Score score={o.score} />
                </>
              )}
              <Passages shared={o.shared} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">未发现与本县今年其他报告相同的段落。</p>
      )}
      <h4>与本乡镇往年报告相同的内容</h4>
      {earlier.length ? (
        <ul className="sim-list" data-testid="similar-earlier">
          {earlier.map((e) => (
            <li key={e.reportId}>
              {e.year}年度 <Score score={e.score} />{' '}
              <Link href={`/reports/${reportId}/similar?with=${e.reportId}#${key}`}>对照查看</Link>
              <Passages shared={e.shared} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">未发现沿用往年报告的段落。</p>
      )}
    </div>
  );
}
