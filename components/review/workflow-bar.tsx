'use client';

import { apiCall } from '@/components/ui/api-call';
import { ErrorLine } from '@/components/ui/error-line';
import { useState, type ReactNode } from 'react';
import type { ReportStatus } from '@/lib/domain/vocabulary';
import { STATUS_LABELS } from '@/lib/domain/labels';
import { TRANSITIONS, type TransitionName } from '@/lib/domain/workflow';
import type { PublishRefused, TransitionOk } from '@/lib/review/transitions';
import { defaultMask } from '@/lib/domain/redaction';
import { chinaDate } from '@/lib/shared/format';
import { PublishFindings, resolutionBody, type Finding, type Resolution } from './publish-findings';

type Props = {
  reportId: number;
  status: ReportStatus;
  available: TransitionName[];
  /** Reviewers' suggestions not yet accepted or rejected: submitting asks first. */
  pendingSuggestions?: number;
  /** A reviewer's typed changes (建议修改) not yet sent as suggestions: leaving 待审核 asks first. */
  unsentSuggestions?: number;
  /** What the submit dialog lists (open checks, checklist, unanswered 批注, pending 修订); `close` shuts the dialog. */
  submitSummary?: (close: () => void) => ReactNode;
};

const CONFIRM: Partial<Record<TransitionName, string>> = {
  submit: '提交后，审核期间不能修改正文。确定提交审核吗？',
  withdraw: '撤回后报告回到“起草中”，审核人的待办中不再有它；修改后可以再次提交。确定撤回吗？',
  approve: '确定审核通过吗？',
  finalise: '定稿后正文将锁定。确定定稿吗？',
  reopen: '重新打开后报告回到“起草中”，可以再次修改。确定吗？',
};


/** The report's state and the workflow buttons this user may press; return and publish ask for their details. */
export function WorkflowBar({ reportId, status, available, pendingSuggestions = 0, unsentSuggestions = 0, submitSummary }: Props) {
  const [open, setOpen] = useState<TransitionName | null>(null);
  const [reason, setReason] = useState('');
  const [url, setUrl] = useState('');
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  // 公开前检查: what the server found in the 公开稿, and for each the mask in the 公开稿 or the reason to publish anyway.
  const [findings, setFindings] = useState<Finding[]>([]);
  const [resolutions, setResolutions] = useState<Record<string, Resolution>>({});

  async function run(name: TransitionName, extra: Record<string, unknown> = {}) {
    setBusy(true);
    setError('');
    const r = await apiCall<TransitionOk, PublishRefused>(`/api/reports/${reportId}/transitions`, { method: 'POST', body: { transition: name, ...extra } });
    setBusy(false);
    if (r.ok) {
      window.location.reload();
      return;
    }
    const found = r.code === 'conflict' ? (r.details?.findings ?? []) : [];
    if (found.length) {
      setFindings(found);
      // Each new finding starts masked with the proposed mask; what was already chosen is kept.
      setResolutions((old) => Object.fromEntries(found.map((f) => [f.key, old[f.key] ?? { way: 'mask' as const, mask: defaultMask(f.kind, f.text), reason: '' }])));
      setError('公开稿中有可能不宜公开的内容，见下。');
      return;
    }
    setError(r.message);
  }

  function press(name: TransitionName) {
    // A reviewer's typed changes not yet sent as suggestions cannot be sent once the report leaves 待审核.
    if (unsentSuggestions > 0 && !window.confirm(`还有 ${unsentSuggestions} 处修改没有提交为修订，${TRANSITIONS[name].label}后将无法再提交。确定继续吗？`)) return;
    if (name === 'return' || name === 'publish' || (name === 'submit' && submitSummary)) {
      setOpen(name);
      return;
    }
    const pendingNote = name === 'submit' && pendingSuggestions > 0 ? `还有 ${pendingSuggestions} 条修订未接受或拒绝。` : '';
    if (CONFIRM[name] && !window.confirm(`${pendingNote}${CONFIRM[name]}`)) return;
    void run(name);
  }

  return (
    <div className="workflow-bar" data-testid="workflow-bar">
      <span className={`status status-${status}`} data-testid="report-status">
        {STATUS_LABELS[status]}
      </span>
      {available.map((name) => (
        <button key={name} type="button" disabled={busy} onClick={() => press(name)} className={name === 'return' || name === 'reopen' || name === 'withdraw' ? 'secondary' : ''} data-testid={`transition-${name}`}>
          {TRANSITIONS[name].label}
        </button>
      ))}
      <ErrorLine message={error} as="span" />
      {open ? (
        <div className="modal-backdrop">
          <div className="modal" role="dialog" aria-label={TRANSITIONS[open].label}>
            <h2>{TRANSITIONS[open].label}</h2>
            {open === 'submit' && submitSummary ? (
              submitSummary(() => setOpen(null))
            ) : open === 'return' ? (
              <label>
                退回原因（必填，起草人会看到）
                <textarea rows={4} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="return-reason" maxLength={1000} />
              </label>
            ) : (
              <>
                <label>
                  公开网址
                  <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
                </label>
                <label>
                  发布日期
                  <input type="date" value={date} max={chinaDate(new Date())} onChange={(e) => setDate(e.target.value)} />
                </label>
                {findings.length ? (
                  <PublishFindings findings={findings} resolutions={resolutions} onChange={(key, r) => setResolutions((o) => ({ ...o, [key]: r }))} />
                ) : null}
              </>
            )}
            <div className="form-actions">
              <button
                type="button"
                disabled={busy || (open === 'submit' ? false : open === 'return' ? !reason.trim() : !url.trim() || !date)}
                onClick={() => void run(open, open === 'submit' ? {} : open === 'return' ? { reason } : { url, date, ...(findings.length ? resolutionBody(resolutions) : {}) })}
                data-testid="transition-confirm"
              >
                {open === 'submit' ? '确定提交' : '确定'}
              </button>
              <button type="button" className="secondary" onClick={() => setOpen(null)}>
                取消
              </button>
              {error ? <span className="msg error">{error}</span> : null}
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}
