'use client';
// 事项 in the side panel: which of the season's items (the pack of the report's year and county) the saved text
// speaks of. For the reviewer it opens with 未涉及的事项, grouped under their level-1 heading; below, what is covered,
// with the words that show it.
import { useEffect, useState } from 'react';
import { apiCall } from '@/components/ui/api-call';
import type { ReportCoverage } from '@/lib/dashboard/coverage';
import { useDrafting } from './drafting-context';

const PART_NAMES = { measures: '一', leaders: '二', shortcomings: '三', plans: '四', other: '五' } as const;

export function CoveragePanel() {
  const { reportId } = useDrafting();
  const [data, setData] = useState<ReportCoverage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void apiCall<ReportCoverage>(`/api/reports/${reportId}/coverage`).then((r) => {
      if (!live) return;
      if (r.ok) setData(r.data);
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [reportId]);
  if (error) return <p className="msg error">{error}</p>;
  if (!data) return <p className="muted">正在读取事项……</p>;
  const heads = new Map(data.items.filter((i) => i.level === 1).map((i) => [i.id, i]));
  const leaves = data.items.filter((i) => i.level > 1);
  const missing = leaves.filter((i) => !i.covered);
  const covered = leaves.filter((i) => i.covered);
  const groups = new Map<string, typeof missing>();
  for (const i of missing) {
    const head = i.id.split('.')[0]!;
    groups.set(head, [...(groups.get(head) ?? []), i]);
  }
  return (
    <div data-testid="coverage-panel">
      <h3>未涉及的事项（{missing.length}/{leaves.length}）</h3>
      <p className="muted">按{data.season}年度配置包的事项清单，报告已保存的文字中没有写到以下事项（需要数字的事项须写明具体数字）。</p>
      {missing.length === 0 ? (
        <p className="msg ok">各项事项都已写到。</p>
      ) : (
        <ul className="missing-items" data-testid="missing-items">
          {[...groups.entries()].map(([head, items]) => (
            <li key={head}>
              <strong>{heads.get(head)?.title ?? head}</strong>
              <ul className="missing-items">
                {items.map((i) => (
                  <li key={i.id} data-testid={`missing-${i.id}`}>
                    {i.id} {i.title}
                    <span className="muted">（第{PART_NAMES[i.part]}部分）</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>已写到的事项（{covered.length}）</summary>
        <ul className="missing-items">
          {covered.map((i) => (
            <li key={i.id} data-testid={`covered-${i.id}`}>
              {i.id} {i.title}：<span className="muted">“{i.evidence}”</span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
