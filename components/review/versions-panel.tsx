'use client';

import { apiCall, type ApiOptions } from '@/components/ui/api-call';
import { ErrorLine } from '@/components/ui/error-line';
import { useState } from 'react';
import { formatDateTime } from '@/lib/shared/format';
import type { VersionComparison, VersionSaved, VersionSummary } from '@/lib/review/versions';
import { DiffView } from './diff-view';
import { TableHead } from '@/components/ui/table-head';

type Props = { reportId: number; versions: VersionSummary[]; mayEdit: boolean };

const KIND_LABELS: Record<VersionSummary['kind'], string> = {
  transition: '流程',
  manual: '命名版本',
  auto: '自动',
  restore: '恢复',
  import: '导入',
};

/** Lists versions, saves a named one, compares any two (or one with the current text) and restores. */
export function VersionsPanel({ reportId, versions, mayEdit }: Props) {
  const [label, setLabel] = useState('');
  const [from, setFrom] = useState<number | ''>(versions[1]?.id ?? versions[0]?.id ?? '');
  const [to, setTo] = useState<number | 'current'>('current');
  const [cmp, setCmp] = useState<VersionComparison | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  /** The answer, or null after showing why there is none. */
  async function call<T>(url: string, options?: ApiOptions): Promise<T | null> {
    setBusy(true);
    setMessage('');
    const r = await apiCall<T>(url, options);
    setBusy(false);
    if (r.ok) return r.data;
    setMessage(r.message);
    return null;
  }

  async function save() {
    const ok = await call<VersionSaved>(`/api/reports/${reportId}/versions`, { method: 'POST', body: { label } });
    if (ok) window.location.reload();
  }

  async function compare() {
    if (from === '') return;
    const body = await call<VersionComparison>(`/api/reports/${reportId}/versions/compare?from=${from}&to=${to}`);
    if (body) setCmp(body);
  }

  async function restore(v: VersionSummary) {
    if (!window.confirm(`用“${v.label}”（${formatDateTime(new Date(v.createdAt))}）的内容替换当前内容吗？当前内容会先保存为一个版本，可以随时找回。`)) return;
    const ok = await call<VersionSaved>(`/api/reports/${reportId}/versions/${v.id}/restore`, { method: 'POST' });
    if (ok) window.location.reload();
  }

  return (
    <div className="versions" data-testid="versions-panel">
      {mayEdit ? (
        <div className="inline-form">
          <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="版本名称，如“初稿”“讨论稿”“送审稿”" maxLength={40} />
          <button type="button" disabled={busy || !label.trim()} onClick={() => void save()}>
            保存为版本
          </button>
        </div>
      ) : null}
      <ErrorLine message={message} />
      <table className="table">
        <TableHead columns={['时间', '名称', '类型', '操作人', '']} />
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} data-testid={`version-${v.id}`}>
              <td>{formatDateTime(new Date(v.createdAt))}</td>
              <td>{v.label}</td>
              <td>{KIND_LABELS[v.kind]}</td>
              <td>{v.createdByName ?? '—'}</td>
              <td>
                {mayEdit ? (
                  <button type="button" className="secondary" disabled={busy} onClick={() => void restore(v)}>
                    恢复此版本
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {versions.length ? (
        <div className="inline-form compare-form">
          比较
          <select value={from} onChange={(e) => setFrom(Number(e.target.value))} aria-label="旧版本">
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {formatDateTime(new Date(v.createdAt))} {v.label}
              </option>
            ))}
          </select>
          与
          <select value={to} onChange={(e) => setTo(e.target.value === 'current' ? 'current' : Number(e.target.value))} aria-label="新版本">
            <option value="current">当前内容</option>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {formatDateTime(new Date(v.createdAt))} {v.label}
              </option>
            ))}
          </select>
          <button type="button" disabled={busy} onClick={() => void compare()}>
            比较
          </button>
        </div>
      ) : (
        <p className="muted">还没有版本。提交审核、保存命名版本或编辑满一小时都会自动留下版本。</p>
      )}
      {cmp ? (
        <>
          <h3>
            “{cmp.from.label}” → “{cmp.to.label}”
          </h3>
          <DiffView sections={cmp.sections} />
        </>
      ) : null}
    </div>
  );
}
