'use client';
// The drafting page's frame: it holds the state the parts share (texts, saving states, comments, suggestions,
// verdicts, checks) and wires the navigation, editors and side panel, which live in their own files. Longer than most
// files because that wiring is one place.

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { VerdictTodo } from '@/components/review/verdict-todo';
import { WorkflowBar } from '@/components/review/workflow-bar';
import { STATUS_LABELS } from '@/lib/autosave/save-queue';
import type { ChecklistEntry, EditorInitialData, ReportMeta, SectionSnapshot } from '@/lib/drafting/types';
import { runChecks } from '@/lib/domain/checks';
import type { Check } from '@/lib/domain/model';
import { BODY_SECTION_KEYS, SECTION_LABELS, type BodySectionKey } from '@/lib/domain/sections';
import { storedReportText } from '@/lib/domain/stored';
import { sectionTemplate } from '@/lib/domain/template';
import { docToText, type TiptapNode } from '@/lib/domain/tiptap-doc';
import type { ThreadList, ThreadView } from '@/lib/review/comments';
import { formatDateTime } from '@/lib/shared/format';
import { ConflictDialog } from './conflict-dialog';
import { FrontMatter } from './front-matter';
import { RecoverBanner } from './recover-banner';
import { SectionEditor, type SectionApi, type SectionSuggestion, type SectionThread, type TextSelectionInfo } from './section-editor';
import type { Decision, DecisionConflict, SuggestionCreated, SuggestionList, SuggestionView } from '@/lib/review/suggestions';
import { draftAnchor, type DraftChange } from '@/lib/domain/suggest-draft';
import { apiCall, refusalOf } from '@/components/ui/api-call';
import type { VerdictView } from '@/lib/review/verdicts';
import { navLabel, SectionNav, type Nav } from './section-nav';
import { SidePanel, type SideTab } from './side-panel';
import type { DraftingSuggestions } from '@/components/review/suggestions-panel';
import { createTextStore, useTexts } from './text-store';
import { useLeaveGuard } from './use-leave-guard';
import { useSaveStatuses } from './use-save-statuses';
import './drafting.css';

type Props = { initial: EditorInitialData };
type Meta = Omit<ReportMeta, 'metaVersion'>;

/** The drafting page: section list, one editor per section, checklist and checks beside it, and autosave status. */
export function ReportWorkspace({ initial }: Props) {
  const { report, township, editable, review } = initial;
  const [current, setCurrent] = useState<Nav>('measures');
  // Reviewers come to read and comment, drafters to write against the checklist.
  const [tab, setTab] = useState<SideTab>(editable ? 'checklist' : 'comments');
  const [threads, setThreads] = useState<ThreadView[]>(review.threads);
  const [suggestions, setSuggestions] = useState<SuggestionView[]>(review.suggestions);
  const [verdicts, setVerdicts] = useState<VerdictView[]>(review.verdicts);

  const [activeThread, setActiveThread] = useState<number | null>(null);
  // 建议修改 mode (reviewers): what each part's typing reads back as, not yet sent.
  const [suggesting, setSuggesting] = useState(false);
  const [drafts, setDrafts] = useState<Partial<Record<BodySectionKey, DraftChange[]>>>({});
  const [selection, setSelection] = useState<TextSelectionInfo>(null);
  const { statuses, onStatus, overall: all, unsaved } = useSaveStatuses();
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
  const [store] = useState(() => createTextStore(Object.fromEntries(initial.sections.map((s) => [s.key, s.plainText]))));
  const texts = useTexts(store);
  const apis = useRef(new Map<string, SectionApi>());
  const pendingJump = useRef<{ key: string; start: number; end: number } | null>(null);

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
    const r = await apiCall<ThreadList>(`/api/reports/${report.id}/comments`);
    if (r.ok) setThreads(r.data.threads);
  }, [report.id]);
  const refreshSuggestions = useCallback(async () => {
    const r = await apiCall<SuggestionList>(`/api/reports/${report.id}/suggestions`);
    if (r.ok) setSuggestions(r.data.suggestions);
  }, [report.id]);
  const suggestionsBySection = useMemo(() => {
    const m = new Map<string, SectionSuggestion[]>(BODY_SECTION_KEYS.map((k) => [k, []]));
    for (const s of suggestions) if (s.state === 'pending' && !s.changed) m.get(s.sectionKey)?.push({ id: s.id, anchor: s.anchor, replacement: s.replacement });
    return m;
  }, [suggestions]);
  // Accepting: the part's unsaved typing is saved first, then the server applies the change to that version and the
  // editor takes the new text (a newer version on the server answers 409 and nothing changes).
  const acceptSuggestion = useCallback(
    async (s: SuggestionView): Promise<string | null> => {
      const api = apis.current.get(s.sectionKey);
      await api?.flush();
      const r = await apiCall<Decision, DecisionConflict>(`/api/reports/${report.id}/suggestions/${s.id}/accept`, {
        method: 'POST',
        body: api ? { version: api.version() } : {},
      });
      if (!r.ok) return r.message;
      if (r.data.section) api?.takeServer(r.data.section);
      return null;
    },
    [report.id],
  );
  const onDraft = useCallback((key: string, changes: DraftChange[]) => setDrafts((prev) => ({ ...prev, [key]: changes })), []);
  const draftList = useMemo(
    () => BODY_SECTION_KEYS.flatMap((key) => (drafts[key] ?? []).map((change) => ({ key, change, removed: (store.get()[key] ?? '').slice(change.start, change.end) }))),
    [drafts, store],
  );
  // Each typed change is sent as one suggestion through the stable API, anchored in the server's text. The typing is
  // read back at the moment of sending (not the last read-back) and the editors are held still meanwhile; a refusal
  // stops there and the changes not yet sent stay typed, so nothing is lost or sent twice.
  const submitDrafts = useCallback(
    async (reason: string): Promise<string | null> => {
      const fresh: Array<[BodySectionKey, DraftChange[]]> = [];
      for (const key of BODY_SECTION_KEYS) {
        const api = apis.current.get(key);
        if (!api) continue;
        const changes = api.readDraft();
        if (changes === null) return '输入法仍在输入中，请先完成输入再提交。';
        const problem = changes.find((c) => c.problem)?.problem;
        if (problem) return problem;
        if (changes.length) fresh.push([key, changes]);
      }
      fresh.forEach(([key]) => apis.current.get(key)?.holdDraft(true));
      try {
        for (const [key, changes] of fresh) {
          const base = store.get()[key] ?? '';
          for (let i = 0; i < changes.length; i++) {
            const c = changes[i]!;
            const refused = refusalOf(
              await apiCall<SuggestionCreated>(`/api/reports/${report.id}/suggestions`, {
                method: 'POST',
                body: { sectionKey: key, anchor: draftAnchor(base, c), replacement: c.replacement, reason: reason || null },
              }),
            );
            if (refused) {
              apis.current.get(key)?.resetDraft(changes.slice(i));
              return refused;
            }
          }
          apis.current.get(key)?.resetDraft([]);
        }
        return null;
      } finally {
        fresh.forEach(([key]) => apis.current.get(key)?.holdDraft(false));
        await refreshSuggestions();
      }
    },
    [store, report.id, refreshSuggestions],
  );
  const toggleSuggesting = () => {
    if (suggesting && draftList.length && !window.confirm(`还有 ${draftList.length} 处修改没有提交为修订，结束建议修改将放弃这些修改。确定吗？`)) return;
    setSuggesting(!suggesting);
    if (!suggesting) setTab('suggestions');
  };
  const drafting: DraftingSuggestions | null = review.maySuggest
    ? {
        suggesting,
        changes: draftList,
        submit: submitDrafts,
        discard: () => BODY_SECTION_KEYS.forEach((k) => apis.current.get(k)?.resetDraft([])),
        baseText: (key) => store.get()[key] ?? '',
      }
    : null;
  const threadsBySection = useMemo(() => {
    const m = new Map<string, SectionThread[]>(BODY_SECTION_KEYS.map((k) => [k, []]));
    for (const t of threads) m.get(t.sectionKey)?.push({ id: t.id, anchor: t.anchor, resolved: t.resolved });
    return m;
  }, [threads]);
  const onMetaStatus = useCallback((s: Parameters<typeof onStatus>[1], m?: string) => onStatus('front', s, m), [onStatus]);

  useLeaveGuard(apis);

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

  const currentKey = current === 'front' ? null : current;
  const onVerdict = (itemId: string, v: VerdictView | null) => setVerdicts((prev) => [...prev.filter((x) => x.itemId !== itemId), ...(v ? [v] : [])]);
  const toDo = verdicts.filter((v) => v.verdict === 'fix');

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
          <WorkflowBar
            reportId={report.id}
            status={report.status}
            available={review.transitions}
            pendingSuggestions={suggestions.filter((s) => s.state === 'pending').length}
            unsentSuggestions={draftList.length}
          />
          <Link href={`/reports/${report.id}`}>阅读视图与导出</Link>
          <Link href={`/reports/${report.id}/versions`}>版本与记录</Link>
        </div>
      </div>
      {review.returnReason ? (
        <div className="return-note" data-testid="return-reason-note">
          审核人{review.returnReason.by ? `（${review.returnReason.by}）` : ''}于 {formatDateTime(new Date(review.returnReason.at))} 退回：{review.returnReason.reason}
        </div>
      ) : null}
      {editable || review.mayReview ? <VerdictTodo items={toDo} reviewer={review.mayReview} onOpen={(key) => setCurrent(key as Nav)} /> : null}
      {!editable ? (
        <p className={`locked-note${suggesting ? ' suggesting' : ''}`}>
          {suggesting
            ? '建议修改：在正文中直接修改（选中文字后输入替换、删除，或在光标处输入），修改不会改动原文，在右侧“修订”中提交。'
            : review.mayComment
              ? '正文只读：可选中文字添加批注。'
              : '当前状态下正文只读。'}
          {review.maySuggest ? (
            <button type="button" className={suggesting ? 'secondary' : ''} aria-pressed={suggesting} onClick={toggleSuggesting} data-testid="suggest-mode">
              {suggesting ? '结束建议修改' : '建议修改'}
            </button>
          ) : null}
        </p>
      ) : null}
      <RecoverBanner reportId={report.id} sections={initial.sections} onRestore={(key, content) => apis.current.get(key)?.restore(content)} />
      <div className="workspace-grid">
        <SectionNav
          current={current}
          onSelect={setCurrent}
          year={report.year}
          partHeadings={meta.partHeadings}
          texts={texts}
          statuses={statuses}
          checks={checks}
          entries={entries}
          threads={threads}
          suggestions={suggestions}
        />
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
              suggestions={suggestionsBySection.get(s.key)!}
              activeThread={activeThread}
              onSelectText={onSelectText}
              onThreadClick={onThreadClick}
              suggesting={suggesting}
              onDraft={onDraft}
            />
          ))}
        </div>
        <SidePanel
          reportId={report.id}
          tab={tab}
          onTab={setTab}
          part={currentKey}
          partText={currentKey ? (texts[currentKey] ?? '') : ''}
          editable={editable}
          entries={entries}
          onEntry={(e: ChecklistEntry) => setEntries((prev) => [...prev.filter((x) => x.itemId !== e.itemId), e])}
          checks={checks}
          onJumpCheck={onJumpCheck}
          onFixCheck={onFixCheck}
          threads={threads}
          selection={selection}
          mayComment={review.mayComment}
          activeThread={activeThread}
          onThreadsChanged={refreshThreads}
          onOpenThread={(t) => {
            setActiveThread(t.id);
            if (t.position) jump(t.sectionKey, t.position.start, t.position.end);
            else setCurrent(t.sectionKey);
          }}
          onShow={(start, end) => currentKey && jump(currentKey, start, end)}
          suggestions={suggestions}
          mayDecide={review.mayDecide}
          onSuggestionsChanged={refreshSuggestions}
          onAcceptSuggestion={acceptSuggestion}
          drafting={drafting}
          onOpenDraft={(key, start, end) => jump(key, start, end)}
          verdicts={verdicts}
          mayReview={review.mayReview}
          onVerdict={onVerdict}
          onOpenSuggestion={(s) => (s.position ? jump(s.sectionKey, s.position.start, Math.max(s.position.end, s.position.start + 1)) : setCurrent(s.sectionKey))}
        />
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

