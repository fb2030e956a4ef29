'use client';
// The drafting page's bar: the report's name, its saving state (only where the text is editable), the whole report's
// word count, 查找和替换, the workflow buttons and the links to the other views.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { WorkflowBar } from '@/components/review/workflow-bar';
import { STATUS_LABELS, type SaveStatus } from '@/lib/autosave/save-queue';
import { reportCharCount } from '@/lib/domain/text-utils';
import type { EditorInitialData } from '@/lib/drafting/types';

type BarProps = {
  initial: EditorInitialData;
  overall: { status: SaveStatus; message?: string };
  unsaved: number;
  /** Ctrl+S was pressed just now: the state is shown once more. */
  flash: boolean;
  texts: Record<string, string>;
  onFind: () => void;
  pendingSuggestions: number;
  unsentSuggestions: number;
  submitSummary: (close: () => void) => ReactNode;
};

export function WorkspaceBar({ initial, overall: all, unsaved, flash, texts, onFind, pendingSuggestions, unsentSuggestions, submitSummary }: BarProps) {
  const { report, township, review, editable } = initial;
  return (
    <div className="workspace-bar">
      <div>
        <h1 className="workspace-title">
          {township.name} {report.year}年度报告
        </h1>
        {editable ? (
          <span className={`save-status save-${all.status}${flash ? ' save-flash' : ''}`} data-testid="save-status" title={all.message ?? '按 Ctrl+S 立即保存'} role="status">
            {STATUS_LABELS[all.status]}
            {unsaved > 1 && all.status !== 'saved' ? `（${unsaved} 处）` : ''}
          </span>
        ) : null}
        <ReportCount texts={texts} />
        {all.message ? <span className="msg error">{all.message}</span> : null}
      </div>
      <div className="workspace-links">
        <button type="button" className="secondary" onClick={onFind} title="查找和替换（Ctrl+F / Ctrl+H）" data-testid="open-find">
          查找替换
        </button>
        <WorkflowBar reportId={report.id} status={report.status} available={review.transitions} pendingSuggestions={pendingSuggestions} unsentSuggestions={unsentSuggestions} submitSummary={submitSummary} />
        <Link href={`/reports/${report.id}`}>阅读视图与导出</Link>
        <a href={`/api/reports/${report.id}/export?format=docx&variant=revisions`} data-testid="export-revisions">Word 修订稿（含批注）</a>
        <Link href={`/reports/${report.id}/versions`}>版本与记录</Link>
      </div>
    </div>
  );
}

/**
 * The whole report's length: every part's body text, counted as each part's 字数 is (characters without spaces and
 * line breaks). The season pack sets no length for a report, so there is no limit beside it.
 */
function ReportCount({ texts }: { texts: Record<string, string> }) {
  return (
    <span className="report-count" data-testid="report-count" title="全文字数：各部分正文之和，不含标题、落款和空格">
      全文 {reportCharCount(Object.values(texts)).toLocaleString('zh-CN')} 字
    </span>
  );
}
