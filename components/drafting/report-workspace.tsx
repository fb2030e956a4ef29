'use client';

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChecklistEntry, EditorInitialData, ReportMeta, SectionSnapshot } from '@/lib/drafting/types';
import { LocalDrafts, type LocalDraft } from '@/lib/autosave/local-drafts';
import { STATUS_LABELS, type SaveStatus } from '@/lib/autosave/save-queue';
import { formatDateTime } from '@/lib/shared/format';
import { checklistFor } from '@/lib/report/checklists';
import { runChecks } from '@/lib/report/checks';
import type { Check } from '@/lib/report/model';
import { BODY_SECTION_KEYS, SECTION_LABELS, type BodySectionKey } from '@/lib/report/sections';
import { partHeadingLines, sectionTemplate, type PartHeadings } from '@/lib/report/template';
import { storedReportText } from '@/lib/report/stored';
import { docToText, type TiptapNode } from '@/lib/report/tiptap-doc';
import { ChecklistPanel } from './checklist-panel';
import { ChecksPanel } from './checks-panel';
import { ConflictDialog } from './conflict-dialog';
import { FrontMatter } from './front-matter';
import { SectionEditor, type SectionApi, type SectionThread, type TextSelectionInfo } from './section-editor';
import { CommentsPanel } from '@/components/review/comments-panel';
import { WorkflowBar } from '@/components/review/workflow-bar';
import type { ThreadView } from '@/lib/review/comments';
import { createTextStore, useTexts } from './text-store';
import './drafting.css';

type Props = { initial: EditorInitialData };
type Nav = BodySectionKey | 'front';
type Meta = Omit<ReportMeta, 'metaVersion'>;
type StatusMap = Record<string, { status: SaveStatus; message?: string }>;

const ORDER: SaveStatus[] = ['conflict', 'error', 'offline', 'saving', 'dirty', 'saved'];

function overall(statuses: StatusMap): { status: SaveStatus; message?: string } {
  const all = Object.values(statuses);
  for (const s of ORDER) {
    const hit = all.find((x) => x.status === s);
    if (hit) return hit;
  }
  return { status: 'saved' };
}

function navLabel(key: BodySectionKey, year: number, own: PartHeadings): string {
  if (key === 'preface') return '导语';
  const h = partHeadingLines(year, own)[key];
  return key === 'other' ? `${h}（可选）` : h;
}

/** The drafting page: section list, one editor per section, checklist and checks beside it, and autosave status. */
export function ReportWorkspace({ initial }: Props) {
  const { report, township, editable, review } = initial;
  const [current, setCurrent] = useState<Nav>('measures');
  // Reviewers come to read and comment, drafters to write against the checklist.
  const [tab, setTab] = useState<'checklist' | 'checks' | 'comments'>(editable ? 'checklist' : 'comments');
  const [threads, setThreads] = useState<ThreadView[]>(review.threads);
  const [activeThread, setActiveThread] = useState<number | null>(null);
  const [selection, setSelection] = useState<TextSelectionInfo>(null);
  const [statuses, setStatuses] = useState<StatusMap>({});
  const [meta, setMeta] = useState<Meta>(() => ({
    title: report.title,
    recipient: report.recipient,
    signatureOrgans: report.signatureOrgans,
    documentDate: report.documentDate,
    cc: report.cc,
    partHeadings: report.partHeadings,
  }));
  const [entries, setEntries] = useState<ChecklistEntry[]>(initial.checklist);
  const [conflict, setConflict] = useState<{ key: BodySectionKey; mine: TiptapNode; current: SectionSnapshot } | null>(null);
  const [recover, setRecover] = useState<Array<{ key: string; draft: LocalDraft<TiptapNode> }>>([]);
  const [store] = useState(() => createTextStore(Object.fromEntries(initial.sections.map((s) => [s.key, s.plainText]))));
  const texts = useTexts(store);
  const apis = useRef(new Map<string, SectionApi>());
  const pendingJump = useRef<{ key: string; start: number; end: number } | null>(null);

  const onStatus = useCallback((key: string, status: SaveStatus, message?: string) => {
    setStatuses((prev) => (prev[key]?.status === status && prev[key]?.message === message ? prev : { ...prev, [key]: { status, message } }));
  }, []);
  const onConflict = useCallback((key: string, mine: TiptapNode, cur: SectionSnapshot) => {
    setConflict({ key: key as BodySectionKey, mine, current: cur });
  }, []);
  const register = useCallback((key: string, api: SectionApi) => {
    apis.current.set(key, api);
  }, []);
  const onSelectText = useCallback((sel: TextSelectionInfo) => setSelection(sel), []);
  const onThreadClick = useCallback((id: number) => {
    setActiveThread(id);
    setTab('comments');
  }, []);
  const refreshThreads = useCallback(async () => {
    const res = await fetch(`/api/reports/${report.id}/comments`);
    if (res.ok) setThreads(((await res.json()) as { threads: ThreadView[] }).threads);
  }, [report.id]);
  const threadsBySection = useMemo(() => {
    const m = new Map<string, SectionThread[]>(BODY_SECTION_KEYS.map((k) => [k, []]));
    for (const t of threads) m.get(t.sectionKey)?.push({ id: t.id, anchor: t.anchor, resolved: t.resolved });
    return m;
  }, [threads]);
  const onMetaStatus = useCallback((s: SaveStatus, m?: string) => onStatus('front', s, m), [onStatus]);

  // Unsaved text from an earlier visit (the server was unreachable, or the tab closed) is offered back.
  useEffect(() => {
    const drafts = new LocalDrafts<TiptapNode>(window.localStorage, report.id);
    const found = drafts.recoverable(initial.sections.map((s) => ({ key: s.key, content: s.content })));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration
    if (found.length) setRecover(found);
  }, [initial.sections, report.id]);

  // Leaving with unsaved text: try to send it, and let the browser ask.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      const pending = [...apis.current.values()].some((a) => a.pending());
      if (!pending) return;
      for (const a of apis.current.values()) void a.flush();
      e.preventDefault();
    };
    const onOnline = () => apis.current.forEach((a) => a.retry());
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('online', onOnline);
    };
  }, []);

  // A jump to another section waits until that editor is shown.
  useEffect(() => {
    const j = pendingJump.current;
    if (j && j.key === current) {
      pendingJump.current = null;
      requestAnimationFrame(() => apis.current.get(j.key)?.selectText(j.start, j.end));
    }
  }, [current]);

  const jump = useCallback(
    (key: string, start: number, end: number) => {
      if (key === current) apis.current.get(key)?.selectText(start, end);
      else {
        pendingJump.current = { key, start, end };
        setCurrent(key as Nav);
      }
    },
    [current],
  );

  const checks = useMemo(
    () =>
      runChecks(
        storedReportText({
          year: report.year,
          title: meta.title,
          recipient: meta.recipient,
          texts,
          signatureOrgans: meta.signatureOrgans,
          documentDate: meta.documentDate,
          partHeadings: meta.partHeadings,
          lastYear: initial.lastYear,
        }),
      ),
    [texts, meta, report.year, initial.lastYear],
  );

  // A one-click fix edits the section in its editor, so it is saved like typing (versioned, conflict-checked).
  const onFixCheck = (c: Check) => {
    if (!c.fix || !editable) return;
    const api = apis.current.get(c.fix.section);
    if (api?.applyEdits(c.fix.edits)) setCurrent(c.fix.section as Nav);
  };

  const onJumpCheck = (c: Check) => {
    const key = c.at?.section ?? c.section;
    if (key && (BODY_SECTION_KEYS as readonly string[]).includes(key)) {
      if (c.at) jump(key, c.at.start, c.at.end);
      else setCurrent(key as Nav);
    } else {
      setCurrent('front');
    }
  };

  const all = overall(statuses);
  const currentKey = current === 'front' ? null : current;
  const entriesFor = (k: BodySectionKey) => {
    const items = checklistFor(k).map((i) => i.id);
    const ledger = k === 'measures' ? entries.filter((e) => e.kind === 'ledger') : [];
    const done = entries.filter((e) => items.includes(e.itemId) && e.confirmed).length + ledger.filter((e) => e.state).length;
    return { done, total: items.length + ledger.length };
  };
  const openThreads = (k: string) => threads.filter((t) => t.sectionKey === k && !t.resolved).length;
  const unsaved = Object.values(statuses).filter((s) => s.status !== 'saved').length;

  return (
    <div className="workspace">
      <div className="workspace-bar">
        <div>
          <strong>
            {township.name} {report.year}年度报告
          </strong>
          <span className={`save-status save-${all.status}`} data-testid="save-status" title={all.message}>
            {STATUS_LABELS[all.status]}
            {unsaved > 1 && all.status !== 'saved' ? `（${unsaved} 处）` : ''}
          </span>
          {all.message ? <span className="msg error">{all.message}</span> : null}
        </div>
        <div className="workspace-links">
          <WorkflowBar reportId={report.id} status={report.status} available={review.transitions} />
          <Link href={`/reports/${report.id}`}>阅读视图与导出</Link>
          <Link href={`/reports/${report.id}/versions`}>版本与记录</Link>
        </div>
      </div>
      {review.returnReason ? (
        <div className="return-note" data-testid="return-reason-note">
          审核人{review.returnReason.by ? `（${review.returnReason.by}）` : ''}于 {formatDateTime(new Date(review.returnReason.at))} 退回：{review.returnReason.reason}
        </div>
      ) : null}
      {!editable ? <p className="locked-note">{review.mayComment ? '正文只读：可选中文字添加批注。' : '当前状态下正文只读。'}</p> : null}
      {recover.length ? (
        <div className="recover-banner" data-testid="recover-banner">
          发现上次未保存的内容（{recover.map((r) => `${SECTION_LABELS[r.key as BodySectionKey]}，${formatDateTime(new Date(r.draft.savedAt))}`).join('；')}）。
          <button
            type="button"
            data-testid="recover-restore"
            onClick={() => {
              for (const r of recover) apis.current.get(r.key)?.restore(r.draft.content);
              setRecover([]);
            }}
          >
            恢复
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              const drafts = new LocalDrafts<TiptapNode>(window.localStorage, report.id);
              for (const r of recover) drafts.clear(r.key);
              setRecover([]);
            }}
          >
            放弃
          </button>
        </div>
      ) : null}
      <div className="workspace-grid">
        <nav className="section-nav" aria-label="报告各部分">
          <button type="button" className={current === 'front' ? 'current' : ''} onClick={() => setCurrent('front')} data-testid="nav-front">
            <span className="nav-title">标题、主送与落款</span>
            <span className={`dot save-${statuses.front?.status ?? 'saved'}`} data-testid="section-status-front" title={STATUS_LABELS[statuses.front?.status ?? 'saved']} />
          </button>
          {BODY_SECTION_KEYS.map((k) => {
            const filled = Boolean(texts[k]?.trim());
            const c = entriesFor(k);
            const open = checks.filter((x) => (x.at?.section ?? x.section) === k).length;
            const st = statuses[k]?.status ?? 'saved';
            return (
              <button key={k} type="button" className={current === k ? 'current' : ''} onClick={() => setCurrent(k)} data-testid={`nav-${k}`}>
                <span className="nav-title">
                  <span className={filled ? 'filled' : 'empty'}>{filled ? '●' : '○'}</span> {navLabel(k, report.year, meta.partHeadings)}
                </span>
                <span className="nav-meta">
                  {c.total ? `清单 ${c.done}/${c.total}` : ''}
                  {openThreads(k) ? <span className="nav-comments" data-testid={`nav-comments-${k}`}> · {openThreads(k)} 条批注</span> : null}
                  {open ? <span className="nav-checks"> · {open} 项检查</span> : null}
                </span>
                <span className={`dot save-${st}`} data-testid={`section-status-${k}`} title={STATUS_LABELS[st]} />
              </button>
            );
          })}
        </nav>
        <div className="section-main">
          {currentKey ? <h2 className="section-heading">{navLabel(currentKey, report.year, meta.partHeadings)}</h2> : <h2 className="section-heading">标题、主送与落款</h2>}
          {currentKey ? <p className="guide">{sectionTemplate(currentKey).guide}</p> : null}
          <FrontMatter reportId={report.id} year={report.year} initial={report} editable={editable} visible={current === 'front'} onChange={setMeta} onStatus={onMetaStatus} />
          {initial.sections.map((s) => (
            <SectionEditor
              key={s.key}
              reportId={report.id}
              section={s}
              editable={editable}
              placeholder={sectionTemplate(s.key).guide}
              visible={current === s.key}
              store={store}
              onStatus={onStatus}
              onConflict={onConflict}
              register={register}
              threads={threadsBySection.get(s.key)!}
              activeThread={activeThread}
              onSelectText={onSelectText}
              onThreadClick={onThreadClick}
            />
          ))}
        </div>
        <aside className="side-panel">
          <div className="tabs" role="tablist">
            <button type="button" role="tab" aria-selected={tab === 'checklist'} onClick={() => setTab('checklist')}>
              清单
            </button>
            <button type="button" role="tab" aria-selected={tab === 'checks'} onClick={() => setTab('checks')} data-testid="tab-checks">
              检查 {checks.length ? <span className="badge">{checks.length}</span> : null}
            </button>
            <button type="button" role="tab" aria-selected={tab === 'comments'} onClick={() => setTab('comments')} data-testid="tab-comments">
              批注 {threads.filter((t) => !t.resolved).length ? <span className="badge">{threads.filter((t) => !t.resolved).length}</span> : null}
            </button>
          </div>
          {tab === 'checklist' ? (
            currentKey ? (
              <ChecklistPanel
                reportId={report.id}
                sectionKey={currentKey}
                text={texts[currentKey] ?? ''}
                entries={entries}
                editable={editable}
                onEntry={(e) => setEntries((prev) => [...prev.filter((x) => x.itemId !== e.itemId), e])}
                onShow={(start, end) => jump(currentKey, start, end)}
              />
            ) : (
              <p className="muted">请在左侧选择报告的一个部分。</p>
            )
          ) : tab === 'checks' ? (
            <ChecksPanel checks={checks} onJump={onJumpCheck} onFix={editable ? onFixCheck : undefined} />
          ) : (
            <CommentsPanel
              reportId={report.id}
              threads={threads}
              selection={selection}
              mayComment={review.mayComment}
              activeId={activeThread}
              onChanged={refreshThreads}
              onOpen={(t) => {
                setActiveThread(t.id);
                if (t.position) jump(t.sectionKey, t.position.start, t.position.end);
                else setCurrent(t.sectionKey);
              }}
            />
          )}
        </aside>
      </div>
      {conflict ? (
        <ConflictDialog
          sectionLabel={SECTION_LABELS[conflict.key]}
          mine={docToText(conflict.mine)}
          current={conflict.current}
          onKeepMine={() => {
            const c = conflict;
            setConflict(null);
            void apis.current.get(c.key)?.keepMine(c.current.version);
          }}
          onTakeServer={() => {
            const c = conflict;
            setConflict(null);
            apis.current.get(c.key)?.takeServer(c.current);
          }}
          onLater={() => setConflict(null)}
        />
      ) : null}
    </div>
  );
}

